import { test, expect } from '@playwright/test';
import { commentBy, comments, heading, keepScreenshot, open, seed, shownComments, storedEntries, watchErrors } from './helpers';
import { HOST } from './origins';

test('shows the article word for word in semantic HTML', async ({ page }) => {
  await open(page);
  const article = page.locator('article.agora-article');
  await expect(article.locator('h1')).toHaveText(seed.title);
  await expect(article.locator('p')).toHaveText(seed.paragraphs);
  await expect(page).toHaveTitle(seed.title);
});

test('shows the eight seed comments in the seed order, text as written', async ({ page }) => {
  await open(page);
  await expect(heading(page)).toHaveText('8 Comments');
  await expect(comments(page)).toHaveCount(8);
  expect(await shownComments(page)).toEqual(seed.comments);
  // Seed comments are content: viewing them stores none of them, only when
  // the reader was here (for what is new on their next visit).
  expect(Object.keys(await storedEntries(page))).toEqual([`agora:v1:${seed.id}:visit:last`]);
  expect(await page.evaluate(() => localStorage.length)).toBe(1);
});

test('a normal load logs no console error and no exception', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  // Not a fixed wait: everything has loaded, every comment is on the page, and
  // two frames have been painted since (the widget renders part of a thread
  // right after its first frame), so a late error would have been logged.
  await page.waitForLoadState('load');
  await expect(comments(page)).toHaveCount(seed.comments.length);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(errors).toEqual([]);
});

for (const width of [320, 360, 768, 1280]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`fits ${width} px without horizontal scrolling (${colorScheme})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await open(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await keepScreenshot(page, `page-${width}-${colorScheme}`, { fullPage: true });
    });
  }
}

test('the article paragraphs keep a readable line length on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await open(page);
  // Group the characters of each paragraph by the line they are laid out on.
  const lineLengths = await page.locator('.agora-article p').evaluateAll((paragraphs) =>
    paragraphs.flatMap((p) => {
      const text = p.firstChild!;
      const range = document.createRange();
      const lines = new Map<number, number>();
      for (let i = 0; i < text.textContent!.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
      return [...lines.values()].slice(0, -1); // the last line of a paragraph is short
    }),
  );
  const average = lineLengths.reduce((a, b) => a + b, 0) / lineLengths.length;
  console.log(`article line length: ${average.toFixed(1)} characters on average`);
  expect(average).toBeGreaterThan(55);
  expect(average).toBeLessThan(75);
});

test('an invalid ?thread= says what is wrong and still shows the article', async ({ page }) => {
  await page.goto('/?thread=bad%20name%3Cx%3E');
  await expect(page.getByRole('alert')).toContainText('cannot be used');
  await expect(page.locator('article.agora-article h1')).toHaveText(seed.title);
});

test('an article in a right-to-left language is laid out right to left, the interface around it is not', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `/?src=${encodeURIComponent(`${HOST}/tests/e2e/hosts/hebrew-article.json`)}`);
  const article = page.locator('article.agora-article');
  await expect(article.locator('h1')).toHaveText('גשר הנמל נפתח מחדש לאחר שיפוץ של שנתיים');
  await expect(article).toHaveAttribute('lang', 'he');
  await expect(article).toHaveAttribute('dir', 'rtl');
  // The paragraphs start at the right edge, the (English) count heading at the left.
  const edges = await page.evaluate(() => {
    const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('article.agora-article p:not(.agora-article__byline)')!);
    const text = range.getClientRects()[0];
    return { article: box('article.agora-article'), text, heading: box('.agora-thread__count') };
  });
  expect(edges.article.right - edges.text.right).toBeLessThan(2);
  expect(await page.locator('.agora-thread__count').evaluate((n) => getComputedStyle(n).direction)).toBe('ltr');
  // Each comment in its own direction (dir="auto"): the Hebrew one right to left, the English one not.
  expect(await commentBy(page, 'נועה').locator('.agora-formatted').evaluate((n) => getComputedStyle(n.firstElementChild!).direction)).toBe('rtl');
  expect(await commentBy(page, 'Sam').locator('.agora-formatted').evaluate((n) => getComputedStyle(n.firstElementChild!).direction)).toBe('ltr');
  await keepScreenshot(page, 'article-rtl', { fullPage: true });
});
