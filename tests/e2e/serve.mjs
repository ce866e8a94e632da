// A small static file server for the end-to-end tests, on 127.0.0.1 only.
// Usage: node tests/e2e/serve.mjs FOLDER PORT [options]   (PORT 0: any free port, printed)
//   --cors            send Access-Control-Allow-Origin: * (assets used from
//                     another origin, or from a sandboxed iframe)
//   --csp=POLICY      send this Content-Security-Policy with HTML pages
//   --assets=URL      in HTML pages, point src="../…" and href="../…" at URL,
//                     as a site owner does when the assets live elsewhere
//   --gzip            compress responses (gzip -9) for clients that accept it,
//                     as static hosts do (the benchmark's phone-like profile)
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const [folder = 'dist', portText = '4173', ...flags] = process.argv.slice(2);
const option = (name) => flags.find((flag) => flag.startsWith(`--${name}`))?.split('=').slice(1).join('=');
const root = resolve(folder);
const port = Number(portText);
const cors = flags.includes('--cors');
const gzip = flags.includes('--gzip');
/** Compressed bodies by path, kept while the file is unchanged: compressing is not what is measured. */
const compressed = new Map();
const csp = option('csp');
const assets = option('assets');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether `path` is `root` itself or inside it (not a sibling such as `root-other`). */
const inside = (path) => {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

createServer(async (request, response) => {
  let pathname;
  try {
    // The path as sent (dot segments included), without query or fragment.
    pathname = decodeURIComponent(request.url.split(/[?#]/)[0]);
  } catch {
    // A malformed percent-escape (e.g. /%E0%A4%A) is the client's error.
    response.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request');
    return;
  }
  let path = join(root, pathname);
  if (!inside(path)) {
    response.writeHead(403, { 'Content-Type': 'text/plain' }).end('forbidden');
    return;
  }
  const headers = { 'Cache-Control': 'no-store' };
  if (cors) headers['Access-Control-Allow-Origin'] = '*';
  try {
    let info = await stat(path);
    if (info.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path);
    }
    let body = await readFile(path);
    const type = types[extname(path)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      if (csp) headers['Content-Security-Policy'] = csp;
      if (assets) body = body.toString().replace(/(src|href)="\.\.\//g, `$1="${assets}`);
    }
    if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      const key = `${path}:${info.mtimeMs}:${info.size}:${body.length}`;
      if (!compressed.has(key)) compressed.set(key, gzipSync(body, { level: 9 }));
      body = compressed.get(key);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    response.writeHead(200, { ...headers, 'Content-Type': type });
    response.end(body);
  } catch {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
  }
}).on('error', (error) => {
  // Port in use, say: one line for whoever started us, and a non-zero exit.
  console.error(`serve.mjs: cannot serve ${root} on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
}).listen(port, '127.0.0.1', function () {
  // With port 0 the system picks a free one: this line says which.
  console.log(`serving ${root} at http://127.0.0.1:${this.address().port}/`);
});
