//! The one small interface to the cryptography: SHA-256 and BIP-340 Schnorr
//! signatures on secp256k1, from RustCrypto's audited `sha2` and `k256`.
//! Nothing here is hand-written cryptography; the secret key comes from the
//! browser's cryptographic random source (see `relay::identity`).

use k256::schnorr::{Signature, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// A secret key. Its bytes never leave it except as the hex that is stored.
#[derive(Clone)]
pub struct SecretKey(SigningKey);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

impl SecretKey {
    /// A key from 32 random bytes; `None` for the rare bytes that are not a
    /// valid key (zero, or not below the group order): draw again.
    pub fn from_bytes(bytes: &[u8; 32]) -> Option<SecretKey> {
        SigningKey::from_bytes(bytes).ok().map(SecretKey)
    }

    pub fn from_hex(hex: &str) -> Option<SecretKey> {
        SecretKey::from_bytes(&from_hex::<32>(hex)?)
    }

    pub fn to_hex(&self) -> String {
        to_hex(&self.0.to_bytes())
    }

    /// The x-only public key, in hex: the author's identity on Nostr.
    pub fn public_hex(&self) -> String {
        to_hex(&self.0.verifying_key().to_bytes())
    }

    /// A BIP-340 signature of a 32-byte message (an event id), with fresh
    /// auxiliary randomness.
    pub fn sign(&self, message: &[u8; 32], aux: &[u8; 32]) -> Option<String> {
        self.0.sign_raw(message, aux).ok().map(|sig| to_hex(&sig.to_bytes()))
    }
}

/// Whether `sig` is `pubkey`'s signature of `id` (all hex).
pub fn verify(pubkey: &str, id: &str, sig: &str) -> bool {
    let (Some(pubkey), Some(id), Some(sig)) = (from_hex::<32>(pubkey), from_hex::<32>(id), from_hex::<64>(sig)) else {
        return false;
    };
    let (Ok(key), Ok(sig)) = (VerifyingKey::from_bytes(&pubkey), Signature::try_from(&sig[..])) else {
        return false;
    };
    key.verify_raw(&id, &sig).is_ok()
}

pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 15)] as char);
    }
    out
}

/// Lower-case hex of exactly `2 * N` digits.
pub fn from_hex<const N: usize>(hex: &str) -> Option<[u8; N]> {
    if !is_hex(hex, 2 * N) {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Lower-case hex of `len` digits, as NIP-01 requires of ids and keys.
pub fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// BIP-340's own test vectors (tests/fixtures/nostr/bip340-test-vectors.csv).
    #[test]
    fn bip340_test_vectors() {
        let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
        let path = format!("{root}/tests/fixtures/nostr/bip340-test-vectors.csv");
        let csv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut checked = 0;
        for line in csv.lines().skip(1) {
            let f: Vec<String> = line.split(',').map(str::to_ascii_lowercase).collect();
            let (secret, public, aux, message, signature, valid) = (&f[1], &f[2], &f[3], &f[4], &f[5], &f[6]);
            // The vectors with messages other than 32 bytes exercise what ids never are.
            if message.len() == 64 {
                assert_eq!(verify(public, message, signature), valid == "true", "vector {}", f[0]);
                if !secret.is_empty() {
                    let key = SecretKey::from_hex(secret).unwrap();
                    assert_eq!(&key.public_hex(), public);
                    let sig = key.sign(&from_hex(message).unwrap(), &from_hex(aux).unwrap()).unwrap();
                    assert_eq!(&sig, signature, "vector {}", f[0]);
                }
                checked += 1;
            }
        }
        assert!(checked >= 15, "{checked} vectors checked");
    }

    #[test]
    fn hex_is_lower_case_and_exact() {
        assert_eq!(to_hex(&[0, 15, 255]), "000fff");
        assert_eq!(from_hex::<2>("0aff"), Some([10, 255]));
        assert_eq!(from_hex::<2>("0AFF"), None);
        assert_eq!(from_hex::<2>("0af"), None);
        assert!(SecretKey::from_bytes(&[0; 32]).is_none());
    }
}
