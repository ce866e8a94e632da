import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heading, post, servingPort } from './helpers';

let port: number;
let server: ChildProcess;
let root: string;

// Copies dist/ into a nested folder of another static server, as a site owner would.
test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'agora-host-'));
  cpSync('dist', join(root, 'blog', '2026', 'discussion'), { recursive: true });
  // On a free port the system picks (0), so that nothing else can hold it.
  server = spawn('node', ['tests/e2e/serve.mjs', root, '0'], { stdio: 'pipe' });
  port = await servingPort(server);
});

test.afterAll(() => {
  server?.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('dist/ works from a sub-path of any static host', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/blog/2026/discussion/`);
  await expect(heading(page)).toHaveText('8 Comments');
  await post(page, 'Ann', 'Posted under a sub-path.');
  await expect(heading(page)).toHaveText('9 Comments');
});
