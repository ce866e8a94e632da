import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepScreenshot, open, violations } from './helpers';
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

// Every language: a file in lang/ (dist/lang/), fetched only where shown.
const languageFile = (code: string): Record<string, string | null> =>
  JSON.parse(readFileSync(join(__dirname, `../../lang/${code}.json`), 'utf8'));
const LANGUAGES = ['ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'tr', 'uk', 'zh-Hans'];

test('Chromium\'s plural categories are the ones the language files and the native rules were checked against', async ({ page }) => {
  const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/i18n/plurals.json'), 'utf8'));
  await page.goto('about:blank');
  const said = await page.evaluate(({ numbers, langs }) => Object.fromEntries(langs.map((lang: string) =>
    [lang, numbers.map((n: number) => new Intl.PluralRules(lang).select(n))])), { numbers: fixture.numbers, langs: Object.keys(fixture.categories) });
  expect(said).toEqual(fixture.categories);
});

for (const code of LANGUAGES) {
  for (const width of [320, 1280]) {
    test(`${code} at ${width} px: its own words, its direction, no horizontal scrolling, no clipped button`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // The file is read without a word in the console (its relay messages
      // are passed over by the build without relays).
      page.on('console', (message) => { if (message.text().startsWith('agora:')) errors.push(message.text()); });
      const fetched: string[] = [];
      page.on('request', (request) => { if (request.url().includes('/lang/')) fetched.push(new URL(request.url()).pathname); });
      await page.setViewportSize({ width, height: 900 });
      await open(page, `/?lang=${code}`);
      const file = languageFile(code);
      const root = page.locator('.agora');
      await expect(root).toHaveAttribute('lang', code);
      await expect(root).toHaveAttribute('dir', ['ar', 'he'].includes(code) ? 'rtl' : 'ltr');
      // "8 comments" as the file says it, in the form Intl.PluralRules picks.
      const category = await page.evaluate((code) => new Intl.PluralRules(code).select(8), code);
      const heading = (file[`comments.${category}`] ?? file['comments.other'])!.replace('{n}', '8');
      await expect(page.locator('.agora-thread__count')).toHaveText(heading);
      await expect(page.getByRole('button', { name: file.post! })).toBeVisible();
      expect(fetched).toEqual([`/lang/${code}.json`]);
      const overflow = await page.evaluate(() => {
        const page = document.scrollingElement!;
        const clipped = [...document.querySelectorAll('button, label.agora-button, a.agora-action')]
          .filter((b) => b.getClientRects().length > 0 && (b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > innerWidth + 1 || b.getBoundingClientRect().left < -1))
          .map((b) => b.textContent);
        return { scroll: page.scrollWidth - page.clientWidth, clipped };
      });
      expect(overflow).toEqual({ scroll: 0, clipped: [] });
      if (width === 320 && ['ar', 'he'].includes(code)) await keepScreenshot(page, `language-${code}-320`, { fullPage: true });
      expect(errors).toEqual([]);
    });
  }
}

test('English readers fetch no language file', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => { if (request.url().includes('/lang/')) fetched.push(request.url()); });
  await open(page, '/?lang=en');
  await open(page, '/');
  expect(fetched).toEqual([]);
});

test('Arabic: right to left throughout, and no axe-core violations', async ({ page }) => {
  await open(page, '/?lang=ar');
  // Replies are indented from the right; the composer's button sits at the right.
  await page.locator('.agora-discussion > form').getByRole('button').first().waitFor();
  const sides = await page.evaluate(() => {
    const root = document.querySelector('.agora')!.getBoundingClientRect();
    const post = document.querySelector('.agora-discussion > form .agora-composer__actions button')!.getBoundingClientRect();
    return { fromRight: root.right - post.right, fromLeft: post.left - root.left };
  });
  expect(sides.fromRight).toBeLessThan(sides.fromLeft);
  expect(await violations(page)).toEqual([]);
});

test('a missing or broken language file leaves the interface in English, with no page error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const warnings: string[] = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.route('**/lang/fr.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await open(page, '/?lang=fr');
  await expect(page.locator('.agora-thread__count')).toHaveText('8 Comments');
  await expect(page.locator('.agora')).toHaveAttribute('lang', 'en');
  await page.route('**/lang/it.json', (route) => route.fulfill({ status: 200, body: '{"reply": "Rispondi", oops' }));
  await open(page, '/?lang=it');
  await expect(page.locator('.agora-thread__count')).toHaveText('8 Comments');
  await expect(page.locator('.agora')).toHaveAttribute('lang', 'en');
  // A file of another build (its messages in other places) is not used either.
  const built = JSON.parse(readFileSync(join(__dirname, '../../dist/lang/nl.json'), 'utf8'));
  await page.route('**/lang/nl.json', (route) => route.fulfill({ status: 200, body: JSON.stringify([built[0] + 1, ...built.slice(1)]) }));
  await open(page, '/?lang=nl');
  await expect(page.locator('.agora-thread__count')).toHaveText('8 Comments');
  expect(errors).toEqual([]);
  expect(warnings.join('\n')).toMatch(/nl\.json: not a language file of this agora, made for another version/);
  expect(warnings.join('\n')).toMatch(/fr\.json \(404/);
  expect(warnings.join("\n")).toMatch(/it\.json: not a language file.*English is shown/);
});

test('switching the element\'s lang at run time loads the language and keeps what was typed', async ({ page }) => {
  await page.goto(`${HOST}/dist/examples/script.html`);
  const widget = page.locator('agora-thread');
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Comments');
  await widget.locator('.agora-discussion > form').getByLabel('Comment', { exact: true }).fill('Half a thought');
  // At once: before the pause after which a draft is saved anyway.
  await widget.evaluate((element) => element.setAttribute('lang', 'fr'));
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 commentaires');
  await expect(widget.locator('.agora-discussion > form textarea')).toHaveValue('Half a thought');
  await widget.evaluate((element) => element.setAttribute('lang', 'he'));
  await expect(widget.locator('.agora')).toHaveAttribute('dir', 'rtl');
  await expect(widget.locator('.agora-discussion > form textarea')).toHaveValue('Half a thought');
});

test('a site owner\'s own text (strings="…") replaces what it names; what does not fit stays built in and is said in the console', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const warnings: string[] = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(`${HOST}/dist/examples/script.html`);
  const widget = page.locator('agora-thread');
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Comments');
  await widget.evaluate((element) => element.setAttribute('strings', '../../tests/e2e/hosts/own-strings.json'));
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Responses');
  await expect(widget.getByRole('heading', { name: 'Respond to this story' })).toBeVisible();
  // A placeholder it does not have: the built-in "Reply to {name}" stays.
  await expect(widget.getByRole('button', { name: /^Reply to / }).first()).toBeVisible();
  expect(warnings.join('\n')).toMatch(/reply_to.*placeholders/);
  expect(warnings.join('\n')).toMatch(/colour.*no such message/);
  // Over another language too; a missing file leaves the built-in text.
  await widget.evaluate((element) => element.setAttribute('lang', 'de'));
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Responses');
  await expect(widget.getByRole('button', { name: 'Kommentar senden' })).toBeVisible();
  await widget.evaluate((element) => element.setAttribute('strings', '../../tests/e2e/hosts/missing.json'));
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Kommentare');
  expect(warnings.join('\n')).toMatch(/missing\.json \(404/);
  expect(errors).toEqual([]);
});

test('while a language file is on its way the widget says it is loading; one that never comes gives English', async ({ page }) => {
  await page.route('**/lang/es.json', () => { /* never answered */ });
  await page.goto('/?lang=es');
  await expect(page.locator('.agora-loading')).toHaveText('Loading the article…');
  await expect(page.locator('.agora-thread__count')).toHaveText('8 Comments', { timeout: 10_000 });
  await expect(page.locator('.agora')).toHaveAttribute('lang', 'en');
});

test('a site owner\'s own text is not placed by a list of keys from another build', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  const keys: string[] = JSON.parse(readFileSync(join(__dirname, '../../dist/lang/keys.json'), 'utf8'));
  // Two messages swapped: "comments.other" would land on another message.
  const swapped = [...keys];
  [swapped[7], swapped[8]] = [swapped[8], swapped[7]];
  await page.route('**/lang/keys.json', (route) => route.fulfill({ status: 200, body: JSON.stringify(swapped) }));
  await page.goto(`${HOST}/dist/examples/script.html`);
  const widget = page.locator('agora-thread');
  await widget.evaluate((element) => element.setAttribute('strings', '../../tests/e2e/hosts/own-strings.json'));
  await expect.poll(() => warnings.join('\n')).toMatch(/keys\.json does not list the messages of this agora_bg\.wasm.*built-in text is shown/);
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Comments');
});
