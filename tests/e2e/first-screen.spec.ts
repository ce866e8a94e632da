import { test, expect, type Page } from '@playwright/test';
import { HOST } from './origins';
import { comments, heading, keepScreenshot, seed, shownComments, watchErrors } from './helpers';

// The first screen: dist/index.html carries the built-in article and its
// comments as HTML (written at build time by src/prerender/first_screen.rs), shown
// before any WebAssembly has arrived; the app takes it over when it mounts.

const firstScreen = (page: Page) => page.locator('.agora[data-first-screen]');
const app = (page: Page) => page.locator('.agora:not([data-first-screen])');

/** Holds back the WebAssembly until `release()` is called (in frames of other origins too). */
async function holdWasm(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.context().route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Sums the layout-shift score from the start of the page. */
async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).__shift += (entry as any).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as any).__shift as number);
}

test('the article and its comments are on screen before any WebAssembly arrives, and the app takes over without a change', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const errors = watchErrors(page);
  const shift = await watchLayoutShift(page);
  const release = await holdWasm(page);
  await page.goto('/');
  // Only HTML and CSS so far: the article, the count and all eight comments.
  await expect(firstScreen(page)).toBeVisible();
  await expect(page.locator('.agora')).toHaveCount(1);
  await expect(page.locator('.agora-article h1')).toHaveText(seed.title);
  await expect(page.locator('.agora-article p')).toHaveText(seed.paragraphs);
  await expect(heading(page)).toHaveText('8 Comments');
  expect(await shownComments(page)).toEqual(seed.comments);
  await expect(page.locator('form.agora-composer')).toHaveCount(0);
  await keepScreenshot(page, 'first-screen-before-wasm');

  // The reader scrolls to the fourth comment and tabs to its Like button.
  const fourth = page.locator('#comment-seed-4');
  await fourth.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 37));
  await fourth.getByRole('button', { name: /^Like/ }).focus();
  const before = { scroll: await page.evaluate(() => window.scrollY), box: await fourth.boundingBox() };

  release();
  await expect(page.locator('form.agora-composer')).toBeVisible();
  await expect(firstScreen(page)).toHaveCount(0);
  await expect(app(page)).toHaveCount(1);
  await expect(comments(page)).toHaveCount(seed.comments.length);
  expect(await shownComments(page)).toEqual(seed.comments);
  // Same place, same focus, nothing moved.
  expect(await page.evaluate(() => window.scrollY)).toBe(before.scroll);
  expect(await page.locator('#comment-seed-4').boundingBox()).toEqual(before.box);
  expect(await page.evaluate(() => document.activeElement?.closest('article')?.id)).toBe('comment-seed-4');
  await expect(page.locator('#comment-seed-4').getByRole('button', { name: /^Like/ })).toBeFocused();
  expect(await shift()).toBe(0);
  // And it works: the focused Like button likes.
  await page.keyboard.press('Enter');
  await expect(page.locator('#comment-seed-4').getByRole('button', { name: /^Like 1/ })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('a button pressed before the app is ready does nothing and leaves nothing behind', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/#comment-seed-2');
  const like = page.locator('#comment-seed-2').getByRole('button', { name: /^Like/ });
  await like.click();
  await page.locator('#comment-seed-2').getByRole('button', { name: /^Reply/ }).press('Enter');
  release();
  await expect(page.locator('form.agora-composer')).toHaveCount(1);
  await expect(firstScreen(page)).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#comment-seed-2');
  await expect(page.locator('#comment-seed-2').getByRole('button', { name: /^Like 0/ })).toHaveAttribute('aria-pressed', 'false');
  // The permalink's comment is highlighted, as without a first screen.
  await expect(page.locator('#comment-seed-2')).toHaveClass(/agora-comment--highlighted/);
});

test('a returning reader gets the first screen too: the visit the app notes changes nothing it shows', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('form.agora-composer')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), `agora:v1:${seed.id}:visit:last`)).not.toBeNull();
  const release = await holdWasm(page);
  await page.reload();
  await expect(firstScreen(page)).toBeVisible();
  expect(await shownComments(page)).toEqual(seed.comments);
  release();
  await expect(firstScreen(page)).toHaveCount(0);
  await expect(page.locator('.agora-comment__new')).toHaveCount(0);
});

test('another article, language, theme, thread, order, relays, stored data or unusable storage never show the first screen', async ({ browser }) => {
  const thread = `agora:v1:${seed.id}`;
  const cases: { path: string; locale?: string; shown: string; stored?: Record<string, string>; blocked?: boolean }[] = [
    { path: `/?src=${encodeURIComponent(`${HOST}/tests/e2e/hosts/long-article.json`)}`, shown: 'A very long read' },
    { path: '/?lang=uk', shown: '8 коментарів' },
    { path: '/', locale: 'de-DE', shown: '8 Kommentare' },
    { path: '/?lang=%C2%85de', locale: 'de-DE', shown: '8 Kommentare' },
    { path: '/?theme=dark', shown: '8 Comments' },
    { path: '/?thread=bad%20name', shown: 'cannot be used' },
    { path: '/?thread=another', shown: '8 Comments' },
    { path: '/?relays=nonsense', shown: 'nonsense' },
    { path: '/', shown: 'Newest', stored: { 'agora:v1:sort': '"newest"' } },
    { path: '/', shown: 'Like 1', stored: { [`${thread}:like:seed-4`]: 'true' } },
    { path: '/', shown: 'Reply to \u2068Karamba\u2069', stored: { [`${thread}:draft:reply-seed-3`]: '"Half a reply"' } },
    { path: '/', shown: 'does not let', blocked: true },
  ];
  for (const { path, locale, shown, stored, blocked } of cases) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const label = `${path} ${locale ?? ''} ${JSON.stringify(stored ?? {})} ${blocked ? 'blocked' : ''}`;
    if (stored) await page.addInitScript((stored) => { for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v); }, stored);
    if (blocked) {
      await page.addInitScript(() => Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('The page may not use storage.', 'SecurityError'); },
      }));
    }
    // Whether the first screen was ever laid out, checked in every frame from the first.
    await page.addInitScript(() => {
      (window as any).__firstScreenShown = false;
      const check = () => {
        const first = document.querySelector('.agora[data-first-screen]');
        if (first && first.getClientRects().length > 0) (window as any).__firstScreenShown = true;
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const release = await holdWasm(page);
    await page.goto(path);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await expect(firstScreen(page), label).toBeHidden();
    release();
    await expect(app(page).getByText(shown).first(), label).toBeVisible();
    expect(await page.evaluate(() => (window as any).__firstScreenShown), label).toBe(false);
    await context.close();
  }
});

test('a permalink over the first screen: the reader scrolls on while the app loads and stays there', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  const release = await holdWasm(page);
  await page.goto('/#comment-seed-2');
  await expect(firstScreen(page)).toBeVisible();
  await page.evaluate(() => window.scrollBy(0, 600));
  const scrolled = await page.evaluate(() => window.scrollY);
  release();
  await expect(page.locator('#comment-seed-2')).toHaveClass(/agora-comment--highlighted/);
  await expect(firstScreen(page)).toHaveCount(0);
  // Effects run after the takeover: give them two frames.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test('in an iframe the host sizes it to the first screen before the app has loaded', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(`${HOST}/tests/e2e/hosts/first-screen-iframe.html`);
  const frame = page.frameLocator('agora-thread iframe');
  await expect(frame.locator('.agora[data-first-screen]')).toBeVisible();
  await expect(frame.locator('form.agora-composer')).toHaveCount(0);
  // The whole thread fits: the host page's paragraph comes after its last comment.
  await expect.poll(async () => (await page.locator('agora-thread iframe').boundingBox())?.height ?? 0).toBeGreaterThan(2000);
  const before = await page.locator('#below').boundingBox();
  release();
  await expect(frame.locator('form.agora-composer')).toBeVisible();
  expect((await page.locator('#below').boundingBox())!.y).toBeGreaterThanOrEqual(before!.y);
});

test('where the app cannot start, the first screen stays readable without buttons that do nothing', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/agora-no-app/);
  await expect(page.locator('.agora-article h1')).toHaveText(seed.title);
  expect(await shownComments(page)).toEqual(seed.comments);
  await expect(page.getByRole('button')).toHaveCount(0);
});

test('without JavaScript, readers and search engines get the article and its comments', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('.agora-article h1')).toHaveText(seed.title);
  await expect(heading(page)).toHaveText('8 Comments');
  expect(await shownComments(page)).toEqual(seed.comments);
  // Nothing to press that would do nothing; the note says what needs scripts.
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.locator('.agora-noscript')).toBeVisible();
  await keepScreenshot(page, 'first-screen-noscript', { fullPage: true });
  await context.close();
});
