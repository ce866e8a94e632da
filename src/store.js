// The store's bulk reader (see src/model/packed.rs): one call from
// WebAssembly returns every entry whose key starts with `prefix`, packed as
// `<len>:<key><len>:<value>…` with lengths in UTF-16 code units.
export function readPacked(storage, prefix) {
  let packed = '';
  for (let i = 0, n = storage.length; i < n; i++) {
    const key = storage.key(i);
    if (key === null || !key.startsWith(prefix)) continue;
    const value = storage.getItem(key);
    if (value !== null) packed += key.length + ':' + key + value.length + ':' + value;
  }
  return packed;
}
