import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heading, post } from './helpers';

const port = 4180;
let server: ChildProcess;

// Copies dist/ into a nested folder of another static server, as a site owner would.
test.beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'agora-host-'));
  cpSync('dist', join(root, 'blog', '2026', 'discussion'), { recursive: true });
  server = spawn('node', ['tests/e2e/serve.mjs', root, String(port)], { stdio: 'pipe' });
  await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));
});

test.afterAll(() => {
  server.kill();
});

test('dist/ works from a sub-path of any static host', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/blog/2026/discussion/`);
  await expect(heading(page)).toHaveText('8 Comments');
  await post(page, 'Ann', 'Posted under a sub-path.');
  await expect(heading(page)).toHaveText('9 Comments');
});
