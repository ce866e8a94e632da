// A small static file server for the end-to-end tests, on 127.0.0.1 only.
// Usage: node tests/e2e/serve.mjs FOLDER PORT [options]
//   --cors            send Access-Control-Allow-Origin: * (assets used from
//                     another origin, or from a sandboxed iframe)
//   --csp=POLICY      send this Content-Security-Policy with HTML pages
//   --assets=URL      in HTML pages, point src="../…" and href="../…" at URL,
//                     as a site owner does when the assets live elsewhere
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const [folder = 'dist', portText = '4173', ...flags] = process.argv.slice(2);
const option = (name) => flags.find((flag) => flag.startsWith(`--${name}`))?.split('=').slice(1).join('=');
const root = resolve(folder);
const port = Number(portText);
const cors = flags.includes('--cors');
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

createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  const headers = { 'Cache-Control': 'no-store' };
  if (cors) headers['Access-Control-Allow-Origin'] = '*';
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    let body = await readFile(path);
    const type = types[extname(path)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      if (csp) headers['Content-Security-Policy'] = csp;
      if (assets) body = body.toString().replace(/(src|href)="\.\.\//g, `$1="${assets}`);
    }
    response.writeHead(200, { ...headers, 'Content-Type': type });
    response.end(body);
  } catch {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
