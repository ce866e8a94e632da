import { test, expect } from '@playwright/test';
import { comments, heading, keepScreenshot, open, post } from './helpers';

const payloads = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '\u202Egnp.exe \u202Cmixed \u05E9\u05DC\u05D5\u05DD direction',
  'W'.repeat(5_000),
  '👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 👍🏽 e\u0301',
  'Line one\n\n  indented line three',
];

test('reader text is shown exactly as typed, never as markup, and breaks no layout', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page);
  for (const [index, text] of payloads.entries()) {
    await post(page, index === 0 ? '<b onmouseover=alert(2)>Mallory</b>' : '\u202EevE', text);
    await expect(heading(page)).toHaveText(`${9 + index} Comments`);
  }
  await page.reload();
  await expect(heading(page)).toHaveText(`${8 + payloads.length} Comments`);
  const posted = comments(page).locator('.agora-formatted');
  for (const [index, text] of payloads.entries()) {
    // Each line keeps exactly what was typed (trimmed at the ends only): a
    // blank line starts a new paragraph, a line break is a <br>.
    const paragraphs = await posted.nth(8 + index).locator('p').evaluateAll((ps) =>
      ps.map((p) => [...p.childNodes].map((n) => (n.nodeName === 'BR' ? '\n' : n.textContent)).join('')));
    expect(paragraphs.join('\n\n')).toBe(text.trim());
  }
  await expect(comments(page).nth(8).locator('.agora-comment__author')).toHaveText('<b onmouseover=alert(2)>Mallory</b>');
  expect(await page.locator('.agora-thread img, .agora-thread script, .agora-thread b').count()).toBe(0);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await keepScreenshot(page.locator('.agora-thread'), 'hostile-text-360');
  expect(dialogs).toEqual([]);
});
