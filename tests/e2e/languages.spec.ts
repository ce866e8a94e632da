import { test, expect } from '@playwright/test';
import { keepScreenshot, open } from './helpers';
import { HOST } from './origins';

test('?lang=uk shows the interface in Ukrainian with Ukrainian plurals and times', async ({ page }) => {
  await page.clock.install();
  await open(page, '/?lang=uk');
  await expect(page.locator('.agora')).toHaveAttribute('lang', 'uk');
  await expect(page.locator('.agora-thread__count')).toHaveText('8 коментарів');
  await expect(page.getByRole('button', { name: 'Надіслати коментар' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Відповісти на коментар Karamba' })).toBeVisible();
  await page.getByLabel('Ім’я', { exact: true }).first().fill('Олена');
  await page.locator('.agora-discussion > form').getByLabel('Коментар', { exact: true }).fill('Привіт!');
  await page.getByRole('button', { name: 'Надіслати коментар' }).click();
  const time = page.locator('article.agora-comment', { hasText: 'Привіт!' }).locator('time');
  await expect(time).toHaveText('щойно');
  await page.clock.fastForward('05:30');
  await expect(time).toHaveText('5 хвилин тому');
});

test('Ukrainian plurals come from Intl.PluralRules: 1 коментар, 3 коментарі, 5 коментарів, 21 коментар', async ({ page }) => {
  // An article without comments (served with the app from one origin), plus n stored comments.
  const headings: [number, string][] = [[1, '1 коментар'], [3, '3 коментарі'], [5, '5 коментарів'], [11, '11 коментарів'], [21, '21 коментар']];
  for (const [n, heading] of headings) {
    const url = `${HOST}/dist/?lang=uk&src=/tests/e2e/hosts/no-comments.json&thread=plural-${n}`;
    await page.goto(url);
    await page.evaluate(([n, thread]) => {
      for (let i = 0; i < n; i++) {
        localStorage.setItem(`agora:v1:${thread}:c:n-${i}`,
          JSON.stringify({ v: 1, id: `n-${i}`, author: 'Олена', text: `Коментар ${i}`, at: Date.now() - 1000 + i }));
      }
    }, [n, `plural-${n}`] as const);
    await page.reload();
    await expect(page.locator('.agora-thread__count')).toHaveText(heading);
  }
});
test('the German interface, chosen by the embed element\'s lang attribute', async ({ page }) => {
  await page.goto(`${HOST}/dist/examples/script.html`);
  const widget = page.locator('agora-thread');
  await widget.evaluate((element) => element.setAttribute('lang', 'de'));
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Kommentare');
  await expect(widget.getByRole('button', { name: 'Kommentar senden' })).toBeVisible();
  await widget.getByRole('button', { name: 'Kommentar senden' }).click();
  await expect(widget.getByText('Bitte geben Sie Ihren Namen ein.')).toBeVisible();
});

test('the browser\'s languages decide when nothing else does', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  await open(page);
  await expect(page.locator('.agora-thread__count')).toHaveText('8 коментарів');
  await open(page, '/?lang=de');
  await expect(page.locator('.agora-thread__count')).toHaveText('8 Kommentare');
  await context.close();
});

for (const lang of ['en', 'uk'] as const) {
  for (const width of [360, 768, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${lang} at ${width} px (${colorScheme}) with a reply box open: in its language, no horizontal scrolling`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await open(page, `/?lang=${lang}&thread=screens-${lang}-${width}-${colorScheme}`);
        await expect(page.locator('.agora-thread__count')).toHaveText(lang === 'en' ? '8 Comments' : '8 коментарів');
        await page.getByRole('button', { name: lang === 'en' ? 'Reply to Karamba' : 'Відповісти на коментар Karamba' }).click();
        const box = page.locator('.agora-comment__reply-box textarea');
        await expect(box).toBeVisible();
        const right = await box.evaluate((node) => node.getBoundingClientRect().right);
        expect(right).toBeLessThanOrEqual(width);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBe(0);
        await keepScreenshot(page, `${lang}-${width}-${colorScheme}`, { fullPage: true });
      });
    }
  }
}
