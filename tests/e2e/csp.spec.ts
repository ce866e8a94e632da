import { test, expect, type Page } from '@playwright/test';
import { STRICT_ASSETS, STRICT_HOST } from './origins';
import { watchErrors, watchViolations } from './helpers';

test('the standalone page shows its first screen and works under the strict policy, with no hash', async ({ page }) => {
  const violations = await watchViolations(page);
  const errors = watchErrors(page);
  // The WebAssembly waits, so that what shows is the first screen's doing.
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  const response = await page.goto(`${STRICT_ASSETS}/`);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(policy).not.toMatch(/sha256-|nonce-|unsafe-inline/);
  await expect(page.locator('.agora[data-first-screen]')).toBeVisible();
  await expect(page.locator('.agora[data-first-screen] .agora-thread__count')).toHaveText('8 Comments');
  release();
  await expect(page.locator('form.agora-composer')).toBeVisible();
  await expect(page.locator('.agora[data-first-screen]')).toHaveCount(0);
  await expect(page.locator('.agora-thread__count')).toHaveText('8 Comments');
  await page.getByLabel('Name', { exact: true }).fill('Ann');
  await page.getByLabel('Comment', { exact: true }).fill('Under a strict policy.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.locator('.agora-thread__count')).toHaveText('9 Comments');
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test('the element embed works under a strict policy that allows only the assets origin', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`${STRICT_HOST}/tests/e2e/hosts/csp-element.html`);
  const widget = page.locator('agora-thread');
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Comments');
  const border = await widget.locator('.agora-comment').first().evaluate((n) => getComputedStyle(n).borderTopWidth);
  expect(border).toBe('1px'); // the stylesheet was allowed in
  expect(violations).toEqual([]);
});

test('the iframe embed works under a strict policy that allows only the assets origin', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`${STRICT_HOST}/tests/e2e/hosts/csp-iframe.html`);
  const frame = page.frameLocator('agora-thread iframe');
  await expect(frame.locator('.agora-thread__count')).toHaveText('2 Comments');
  await expect.poll(() => page.locator('agora-thread iframe').evaluate((f) => f.getBoundingClientRect().height))
    .toBeGreaterThan(700);
  expect(violations).toEqual([]);
});
