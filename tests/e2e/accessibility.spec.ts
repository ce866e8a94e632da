import { test, expect, type Page } from '@playwright/test';
import { commentField, composer, keepScreenshot, open, violations } from './helpers';
import { HOST } from './origins';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the standalone page has no WCAG 2.2 AA violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    expect(await violations(page)).toEqual([]);
  });

  test(`no violations with validation errors showing and a reply box open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    await commentField(page).fill(' ');
    await composer(page).getByRole('button', { name: 'Post comment' }).click();
    await page.getByRole('button', { name: 'Reply to Karamba' }).click();
    await expect(page.locator('.agora-comment__reply-box')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test(`the embedded element has no violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${HOST}/dist/examples/script.html`);
    await expect(page.locator('agora-thread .agora-thread__count')).toHaveText('2 Comments');
    expect(await violations(page)).toEqual([]);
  });
}

test('a deleted comment kept for its replies is still a labelled article', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const p = 'agora:v1:trump-putin-call:c:';
    localStorage.setItem(`${p}gone-1`, JSON.stringify({ v: 1, id: 'gone-1', author: '', text: '', at: Date.now() - 5000, deleted: true }));
    localStorage.setItem(`${p}kept-1`, JSON.stringify({ v: 1, id: 'kept-1', author: 'Bob', text: 'Still here.', at: Date.now(), parent: 'gone-1' }));
  });
  await page.reload();
  await expect(page.getByRole('article', { name: '[deleted]' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('every action can be reached and used with the keyboard alone', async ({ page }) => {
  await open(page);
  /** Presses Tab until the focused element matches, failing after many presses. */
  async function tabTo(name: RegExp) {
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''} ${el.getAttribute('name') ?? ''}` : '';
      });
      if (name.test(focused)) return;
    }
    throw new Error(`could not reach ${name} with Tab`);
  }
  await tabTo(/Newest/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Newest' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await tabTo(/^Like \d+: Matzomaster/);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Like \d+: Matzomaster/ })).toHaveAttribute('aria-pressed', 'true');
  // The focus ring is visible on the focused control.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
  await tabTo(/Reply to Rotfront/);
  await page.keyboard.press('Enter');
  await expect(page.locator('.agora-comment__reply-box textarea')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('Kim');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Replying by keyboard.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Reply to Rotfront' })).toBeFocused();
  await tabTo(/Hide replies/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Show 1 reply' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(/^\s*Edit\s*$/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Edit your comment')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Edit' })).toBeFocused();
  await tabTo(/^\s*Delete\s*$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('article.agora-comment').filter({ hasText: 'Replying by keyboard.' })).toBeVisible();
  await tabTo(/Export my comments/);
  await tabTo(/comment-import|import/i);
});

test('touch targets are at least 24 by 24 px, and 320 px at 200% text stays usable', async ({ page }) => {
  await open(page);
  const small = await page.locator('.agora button, .agora a, .agora input:not([type=file]), .agora textarea, .agora label.agora-button')
    .evaluateAll((elements) => elements
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
      .map(({ e, r }) => `${e.textContent?.trim()} ${r.width.toFixed(0)}x${r.height.toFixed(0)}`));
  expect(small).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.addStyleTag({ content: '.agora { --agora-font-size: 32px; }' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await keepScreenshot(page, 'zoom-200-320');
});

test('forced colours (Windows high contrast) keep states visible', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page);
  await page.getByRole('button', { name: /^Like \d+: Karamba/ }).click();
  const pressed = await page.getByRole('button', { name: /^Like \d+: Karamba/ }).evaluate((b) => getComputedStyle(b).outlineStyle);
  expect(pressed).toBe('solid');
  await keepScreenshot(page, 'forced-colors');
});
