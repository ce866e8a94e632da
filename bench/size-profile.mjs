// Where the bytes of the WebAssembly go: twiggy's list of every function and
// data segment of the linker's output (names kept; before wasm-bindgen and
// wasm-opt, so the sizes are larger than the shipped files', and their
// order is what this is for), grouped by crate and by agora's modules.
// `--book` writes the tables into docs/src/contributors/size.md.
//
// Attribution: a generic function instantiated for one of agora's types or
// closures (`reactive_graph::…::untrack::<…, agora::app::…>`) counts for
// the last agora module its name mentions; anything else for the crate its
// name starts with.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/agora/target');
const builds = [
  ['agora (usual build)', join(target, 'wasm32-unknown-unknown/release/agora.wasm')],
  ['agora-relays (with the relay layer)', join(target, 'wasm32-unknown-unknown/release/agora-relays.wasm')],
];

/** Rows of a CSV text (fields may be quoted, with "" for a quote). */
function csv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const clean = (name) => name.replace(/\[[0-9a-f]{16}\]/g, '');

function owner(raw) {
  const name = clean(raw);
  const modules = [...name.matchAll(/agora::([a-z0-9_]+)(?:::([a-z0-9_]+))?/g)];
  if (modules.length) {
    const [, first, second] = modules[modules.length - 1];
    const nested = ['model', 'components', 'relay', 'discussion', 'store'].includes(first) && second && !/^__|^[A-Z]/.test(second);
    return { crate: 'agora', module: nested ? `${first}::${second}` : first };
  }
  // The first crate the name mentions (`<_ as tachys::…>` is tachys').
  const crate = /([a-z_][a-z0-9_]*)\[[0-9a-f]{16}\]::/.exec(raw)?.[1] ?? /^<?([a-z_][a-z0-9_]*)::/.exec(name)?.[1];
  return { crate: crate ?? (name.startsWith('data[') ? 'data (text, tables)' : 'other (glue, unnamed)'), module: null };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

let out = [];
for (const [label, file] of builds) {
  const rows = csv(execFileSync('twiggy', ['top', '-f', 'csv', file], { encoding: 'utf8', maxBuffer: 1 << 28 })).slice(1);
  const items = rows
    // Custom sections (names, wasm-bindgen's descriptions) and the
    // describe functions are gone from the shipped file.
    .filter((r) => r.length >= 2 && !/subsection|^custom section|^"?producers|__wbindgen_describe/.test(r[0]))
    .map(([raw, size]) => ({ raw, name: clean(raw), size: Number(size) }))
    .filter((item) => item.size > 0);
  const total = items.reduce((sum, item) => sum + item.size, 0);
  const byCrate = new Map(), byModule = new Map();
  for (const item of items) {
    const { crate, module } = owner(item.raw);
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + item.size);
    if (module) byModule.set(module, (byModule.get(module) ?? 0) + item.size);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  const short = (name) => (name.length > 110 ? `${name.slice(0, 107)}…` : name).replace(/\|/g, '\\|');
  out.push(`## ${label}`, '', `${kb(total)} KB of code and data in ${items.length.toLocaleString('en')} items.`, '');
  out.push('By crate (agora: also what other crates instantiate for it):', '');
  out.push(table(['crate', 'KB', '%'], top(byCrate, 15).map(([c, s]) => [`\`${c}\``, kb(s), ((100 * s) / total).toFixed(1)])), '');
  out.push('agora, by module:', '');
  out.push(table(['module', 'KB', '%'], top(byModule, 15).map(([m, s]) => [`\`${m}\``, kb(s), ((100 * s) / total).toFixed(1)])), '');
  out.push('The twenty largest items:', '');
  out.push(table(['item', 'bytes'], [...items].sort((a, b) => b.size - a.size).slice(0, 20).map((i) => [`\`${short(i.name)}\``, i.size.toLocaleString('en')])), '');
}
const text = out.join('\n');
if (process.argv.includes('--book')) {
  const page = `# Where the bytes go\n\nWritten by \`scripts/size-profile.sh --book\` from the last release build: twiggy's\nlist of every function and data segment of the linker's output, names kept,\nbefore wasm-bindgen and wasm-opt, without the custom sections and\nwasm-bindgen's describe functions that they remove (so larger than the\nshipped files; the shares are what count). A generic function instantiated for agora's types or\nclosures counts for the agora module its name mentions last.\n\n${text}`;
  writeFileSync(new URL('../docs/src/contributors/size.md', import.meta.url), page);
  console.log('size-profile: written into docs/src/contributors/size.md');
} else {
  console.log(text);
}
