import { test, expect, type Page } from '@playwright/test';
import { ASSETS, HOST } from './origins';
import { watchErrors } from './helpers';

// <agora-thread loading="lazy">: a host page pays for embed.js only, until
// the reader scrolls near the discussion (tests/e2e/hosts/lazy.html puts two
// of them, an element and an iframe, screens below the fold).

const lazyPage = `${HOST}/tests/e2e/hosts/lazy.html`;

/** The paths requested from agora's assets' origin. */
function assetRequests(page: Page) {
  const paths: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${ASSETS}/`)) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('loading="lazy": nothing but embed.js until the reader scrolls near the discussion, then it loads', async ({ page }) => {
  const errors = watchErrors(page);
  const requested = assetRequests(page);
  await page.goto(lazyPage);
  await page.waitForLoadState('load');
  await frames(page);
  expect(requested).toEqual(['/embed.js']);
  const element = page.locator('#element');
  await expect(element.locator('.agora-thread__count')).toHaveCount(0);

  await element.scrollIntoViewIfNeeded();
  await expect(element.locator('.agora-thread__count')).toHaveText('8 Comments');
  expect(requested).toEqual(expect.arrayContaining(['/agora.css', '/agora.js', '/agora_bg.wasm']));
  // The iframe further down is not there yet; near it, it comes with loading="lazy".
  const frameHost = page.locator('#frame');
  await expect(frameHost.locator('iframe')).toHaveCount(0);
  await frameHost.scrollIntoViewIfNeeded();
  await expect(frameHost.locator('iframe')).toHaveAttribute('loading', 'lazy');
  await expect(page.frameLocator('#frame >> iframe').locator('.agora-thread__count')).toHaveText('8 Comments');
  expect(errors).toEqual([]);
});

test('loading="lazy" with a permalink in the address loads at once and shows the comment', async ({ page }) => {
  const requested = assetRequests(page);
  await page.goto(`${lazyPage}#comment-seed-3`);
  const comment = page.locator('#element').locator('#comment-seed-3');
  await expect(comment).toHaveClass(/agora-comment--highlighted/);
  await expect(comment).toBeInViewport();
  expect(requested).toContain('/agora_bg.wasm');
});

test('loading="lazy" loads when the address comes to name a comment', async ({ page }) => {
  await page.goto(lazyPage);
  await frames(page);
  await expect(page.locator('#element .agora-thread__count')).toHaveCount(0);
  await page.evaluate(() => { location.hash = '#comment-seed-5'; });
  await expect(page.locator('#element').locator('#comment-seed-5')).toHaveClass(/agora-comment--highlighted/);
});
