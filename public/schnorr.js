// BIP-340 Schnorr signatures on secp256k1, verification only: what
// <agora-count> needs to believe a Nostr event from a relay, as the thread
// does (src/model/nostr/keys.rs, with RustCrypto's k256). Written small and
// plain with BigInt instead of importing a library, so that a listing page
// stays within its byte budget; checked against BIP-340's test vectors
// (tests/fixtures/nostr/bip340-test-vectors.csv, tests/js/schnorr.test.mjs).
// SHA-256 is the browser's (crypto.subtle, secure contexts only).

// The field's prime, the group's order and the generator (SEC 2).
const P = 2n ** 256n - 2n ** 32n - 977n;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const G = [
  0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
  0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n,
  1n,
];
// Points in Jacobian coordinates (X, Y, Z) stand for (X/Z², Y/Z³): adding
// and doubling then need no division, only the one at the end does.
const INFINITY = [1n, 1n, 0n];

const mod = (a, m = P) => ((a % m) + m) % m;

function power(base, exponent, m = P) {
  let result = 1n;
  base = mod(base, m);
  for (; exponent > 0n; exponent >>= 1n) {
    if (exponent & 1n) result = (result * base) % m;
    base = (base * base) % m;
  }
  return result;
}

// Doubling on y² = x³ + 7 (a = 0).
function double([X, Y, Z]) {
  if (Z === 0n || Y === 0n) return INFINITY;
  const YY = (Y * Y) % P;
  const S = (4n * X * YY) % P;
  const M = (3n * X * X) % P;
  const X3 = mod(M * M - 2n * S);
  return [X3, mod(M * (S - X3) - 8n * YY * YY), (2n * Y * Z) % P];
}

function add(p, q) {
  if (p[2] === 0n) return q;
  if (q[2] === 0n) return p;
  const [X1, Y1, Z1] = p;
  const [X2, Y2, Z2] = q;
  const Z1Z1 = (Z1 * Z1) % P;
  const Z2Z2 = (Z2 * Z2) % P;
  const U1 = (X1 * Z2Z2) % P;
  const U2 = (X2 * Z1Z1) % P;
  const S1 = (Y1 * Z2 * Z2Z2) % P;
  const S2 = (Y2 * Z1 * Z1Z1) % P;
  if (U1 === U2) return S1 === S2 ? double(p) : INFINITY;
  const H = mod(U2 - U1);
  const R = mod(S2 - S1);
  const HH = (H * H) % P;
  const HHH = (H * HH) % P;
  const V = (U1 * HH) % P;
  const X3 = mod(R * R - HHH - 2n * V);
  return [X3, mod(R * (V - X3) - S1 * HHH), (Z1 * Z2 * H) % P];
}

// a·A + b·B in one pass over the bits (Shamir's trick): about 256
// doublings and 190 additions.
function twoMultiples(a, A, b, B) {
  const AB = add(A, B);
  let result = INFINITY;
  for (let bit = 255n; bit >= 0n; bit--) {
    result = double(result);
    const pick = ((a >> bit) & 1n) | (((b >> bit) & 1n) << 1n);
    if (pick) result = add(result, [null, A, B, AB][pick]);
  }
  return result;
}

function affine([X, Y, Z]) {
  const inverse = power(Z, P - 2n);
  const inverse2 = (inverse * inverse) % P;
  return [(X * inverse2) % P, (Y * inverse2 * inverse) % P];
}

// The point with x-coordinate x and an even y, if there is one.
function liftX(x) {
  if (x >= P) return null;
  const c = mod(x * x * x + 7n);
  const y = power(c, (P + 1n) / 4n);
  if ((y * y) % P !== c) return null;
  return [x, y & 1n ? P - y : y, 1n];
}

const toBigInt = (bytes) => BigInt(`0x${toHex(bytes) || '0'}`);
export const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
export const fromHex = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

// BIP-340's tagged hash: SHA-256(SHA-256(tag) ‖ SHA-256(tag) ‖ data).
async function taggedHash(tag, data) {
  const tagHash = await sha256(new TextEncoder().encode(tag));
  return sha256(concat(tagHash, tagHash, data));
}

// Whether `signature` (64 bytes) is `publicKey`'s (32 bytes, x only) on
// `message` (bytes), as BIP-340's Verify says, step by step.
export async function verify(publicKey, message, signature) {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  const point = liftX(toBigInt(publicKey));
  const r = toBigInt(signature.subarray(0, 32));
  const s = toBigInt(signature.subarray(32));
  if (!point || r >= P || s >= N) return false;
  const e = mod(toBigInt(await taggedHash('BIP0340/challenge', concat(signature.subarray(0, 32), publicKey, message))), N);
  // R = s·G − e·P, as s·G + (n − e)·P.
  const R = twoMultiples(s, G, mod(N - e, N), point);
  if (R[2] === 0n) return false;
  const [x, y] = affine(R);
  return y % 2n === 0n && x === r;
}
