import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servingPort } from './helpers';

// The tests' own static server (tests/e2e/serve.mjs) on hostile requests: a
// root `site/` with a sibling `site-other/` whose name starts the same way.
// On a free port the system picks (0), so that nothing else can hold it.
let port: number;
let origin: string;
let server: ChildProcess;
let folder: string;

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'agora-serve-'));
  mkdirSync(join(folder, 'site'));
  mkdirSync(join(folder, 'site-other'));
  writeFileSync(join(folder, 'site', 'index.html'), '<p>inside</p>');
  writeFileSync(join(folder, 'site', '..notes.txt'), 'a name that starts with two dots');
  writeFileSync(join(folder, 'site-other', 'secret.txt'), 'outside the root');
  server = spawn('node', ['tests/e2e/serve.mjs', join(folder, 'site'), '0'], { stdio: 'pipe' });
  port = await servingPort(server);
  origin = `http://127.0.0.1:${port}`;
});

test.afterAll(() => {
  server?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Status of a GET for `path` sent exactly as written (no URL normalisation). */
const rawStatus = (path: string) => new Promise<number>((resolve, reject) => {
  httpRequest({ host: '127.0.0.1', port, path }, (response) => {
    response.resume();
    resolve(response.statusCode!);
  }).on('error', reject).end();
});

test('serve.mjs answers a malformed URL with 400 and keeps serving', async ({ request }) => {
  const response = await request.get(`${origin}/%E0%A4%A`);
  expect(response.status()).toBe(400);
  // Before the fix decodeURIComponent threw inside the handler and the process died.
  const after = await request.get(`${origin}/`);
  expect(after.status()).toBe(200);
  expect(await after.text()).toBe('<p>inside</p>');
  expect(server.exitCode).toBeNull();
});

test('serve.mjs refuses paths outside its root with 403, also in a sibling folder of the same prefix', async ({ request }) => {
  expect((await request.get(`${origin}/..%2fsite-other/secret.txt`)).status()).toBe(403);
  expect(await rawStatus('/../site-other/secret.txt')).toBe(403);
  expect(await rawStatus('/../../../../etc/passwd')).toBe(403);
  // A file inside the root whose name merely starts with ".." is still served.
  expect((await request.get(`${origin}/..notes.txt`)).status()).toBe(200);
  const after = await request.get(`${origin}/`);
  expect(after.status()).toBe(200);
  expect(server.exitCode).toBeNull();
});
