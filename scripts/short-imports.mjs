// Gives the WebAssembly's imports short names, in the module and in the
// wasm-bindgen glue that provides them alike (scripts/short-imports.sh).
// wasm-bindgen names each import `__wbg_<function>_<16 hex digits>`, from a
// module named after the glue file ("./agora_bg.js"): about 300 names of
// 30-60 bytes whose hashes do not compress, 2 KB gzip of each build. The
// names are only the contract between the two files it writes together, so
// renaming both changes nothing else. Exports keep their names (the glue
// and tests call them by name; there are few).
//
// Usage: node short-imports.mjs <module.wasm> <glue.js>
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const text = (string) => {
  const bytes = Buffer.from(string, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
};

// Short names that are also plain JavaScript property names: a, b, …, Z,
// then a0, a1, … (letters first, then letters, digits, _ and $).
const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REST = `${FIRST}0123456789_$`;
function shortName(index) {
  let name = FIRST[index % FIRST.length];
  index = Math.floor(index / FIRST.length);
  while (index > 0) {
    index -= 1;
    name += REST[index % REST.length];
    index = Math.floor(index / REST.length);
  }
  return name;
}

function fail(message) {
  console.error(`short-imports: ${wasmPath}: ${message}`);
  process.exit(1);
}

if (wasm.readUInt32LE(0) !== 0x6d736100) fail('not a WebAssembly module');
const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
const modules = new Map();
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  const end = start + size;
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  let [count, p] = readLeb(wasm, start);
  const body = [leb(count)];
  for (let i = 0; i < count; i++) {
    const [moduleLength, moduleAt] = readLeb(wasm, p);
    const module = wasm.toString('utf8', moduleAt, moduleAt + moduleLength);
    const [fieldLength, fieldAt] = readLeb(wasm, moduleAt + moduleLength);
    const field = wasm.toString('utf8', fieldAt, fieldAt + fieldLength);
    // What the import is, copied as it is: a function's type, or a table's,
    // memory's or global's limits and type.
    const descAt = fieldAt + fieldLength;
    let q = descAt + 1;
    switch (wasm[descAt]) {
      case 0: // function: type index
        [, q] = readLeb(wasm, q);
        break;
      case 1: // table: element type, then limits
        q += 1;
      // falls through
      case 2: { // memory: limits (flags, minimum, maximum if flags say so)
        const flags = wasm[q];
        [, q] = readLeb(wasm, q + 1);
        if (flags & 1) [, q] = readLeb(wasm, q);
        break;
      }
      case 3: // global: value type, mutability
        q += 2;
        break;
      default:
        fail(`an import of kind ${wasm[descAt]}, which this script does not know`);
    }
    if (!modules.has(module)) modules.set(module, shortName(modules.size));
    let name = renamed.get(field);
    if (name === undefined) {
      name = shortName(renamed.size);
      renamed.set(field, name);
    }
    body.push(text(modules.get(module)), text(name), wasm.subarray(descAt, q));
    p = q;
  }
  if (p !== end) fail('the import section does not end where its size says');
  const content = Buffer.concat(body);
  parts.push(Buffer.from([2]), leb(content.length), content);
  at = end;
}

// The glue lists each import once, as a key of the object it passes to
// instantiate ("name: function(…)" or "name: value"), and each module once,
// as a quoted key. Every one must be found exactly once, or nothing is written.
function replaceOnce(pattern, replacement, what) {
  const found = glue.match(pattern);
  if (!found || found.length !== 1) fail(`${what} is in the glue ${found ? found.length : 0} times, not once`);
  glue = glue.replace(pattern, replacement);
}
const escape = (string) => string.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
for (const [field, name] of renamed) {
  replaceOnce(new RegExp(`(?<![\\w$])${escape(field)}(?=\\s*:)`, 'g'), name, `the import ${field}`);
}
for (const [module, name] of modules) {
  replaceOnce(new RegExp(`(["'])${escape(module)}\\1(?=\\s*:)`, 'g'), `"${name}"`, `the module ${module}`);
}

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`short-imports: ${wasmPath}: ${renamed.size} imports renamed`);
