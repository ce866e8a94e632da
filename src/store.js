// The store's bulk reader (see src/model/packed.rs). One call from
// WebAssembly gets every entry whose key starts with a prefix, packed into
// one string as `<len>:<key><len>:<value>…` (lengths in UTF-16 code units);
// a second call encodes it as UTF-8 straight into WebAssembly's memory.

// The model's storage namespace (src/model/record.rs). Spelled here, not
// generated: the read-ahead runs before the WebAssembly has started, so it
// cannot ask Rust, and one constant is not worth a build step. A native test
// (src/store/mod.rs) fails when the two differ.
const NAMESPACE = 'agora:v1:';
const encoder = new TextEncoder();

function pack(storage, prefix) {
  let packed = '';
  for (let i = 0, n = storage.length; i < n; i++) {
    const key = storage.key(i);
    if (key === null || !key.startsWith(prefix)) continue;
    const value = storage.getItem(key);
    if (value !== null) packed += key.length + ':' + key + value.length + ':' + value;
  }
  return packed;
}

// Read ahead while the WebAssembly downloads and compiles. This module is
// evaluated when the glue is imported, before init(); the timer runs once
// init() has started the fetch, while the main thread would otherwise wait.
// With 10,000 stored comments the widget then mounts about 50 ms sooner.
// It stops short of encoding: that needs the buffer WebAssembly allocates.
// The read-ahead is used at most once, and dropped if another tab changed
// storage since (a storage event) or an entry was added or removed here
// (the length).
let early = null;
setTimeout(() => {
  try {
    const storage = globalThis.localStorage;
    if (storage) early = { storage, length: storage.length, packed: pack(storage, NAMESPACE) };
  } catch {
    // Storage blocked: the store finds out and says so when it loads.
  }
}, 0);
globalThis.addEventListener?.('storage', () => { early = null; });

export function readPacked(storage, prefix) {
  const ahead = early;
  early = null;
  // Holds every key of the namespace; the store skips other threads' keys.
  const usable = ahead && ahead.storage === storage && ahead.length === storage.length && prefix.startsWith(NAMESPACE);
  return usable ? ahead.packed : pack(storage, prefix);
}

// Writes `text` as UTF-8 into `bytes`, a view of WebAssembly's memory: no
// intermediate array, no second copy (TextEncoder.encode and then copying
// took twice as long at 10,000 comments). Returns the bytes written, or -1
// when `bytes` was too small for all of it.
export function encodeInto(text, bytes) {
  const { read, written } = encoder.encodeInto(text, bytes);
  return read === text.length ? written : -1;
}
