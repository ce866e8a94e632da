import { test, expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdWebAssembly, keepScreenshot, markupOf, renderElement, watchErrors, watchViolations } from './helpers';
import { ASSETS, HOST, STRICT_ASSETS, STRICT_HOST } from './origins';

// Prerendered elements, as a site owner makes them: agora-render (the
// project's native program, built by cargo) writes <agora-thread> with the
// article and its comments in a declarative shadow root; the host page
// includes it where the element would go. The browser paints it before any
// script; embed.js and the WebAssembly then take over from it.

const articles = {
  seed: { file: 'src/content/seed.json', attributes: [] as string[] },
  local: { file: 'tests/e2e/hosts/local-story.json', attributes: ['thread=prerendered-local'] },
  hebrew: { file: 'tests/e2e/hosts/hebrew-article.json', attributes: ['lang=he'] },
  hostile: { file: 'hostile.json', attributes: [] as string[] },
  many: { file: 'many.json', attributes: [] as string[] },
};
type Name = keyof typeof articles;

// Served by the host's server (the repository root), ignored by git: the
// browser lets a page reach loopback only from a loopback server.
const out = 'tests/e2e/rendered';
const elements = {} as Record<Name, string>;
test.beforeAll(() => {
  mkdirSync(out, { recursive: true });
  // Reader text that would be markup if it were ever passed through.
  writeFileSync(join(out, 'hostile.json'), JSON.stringify({
    id: 'prerendered-hostile',
    title: 'Hostile </template><script>window.pwned = 1</script>',
    paragraphs: ['<img src=x onerror="window.pwned = 2">'],
    comments: [{ author: '<b>Mallory</b>', text: '</template></agora-thread><script>window.pwned = 3</script><iframe src="javascript:alert(1)">' }],
  }));
  // More top-level comments than the app puts in its first frame.
  writeFileSync(join(out, 'many.json'), JSON.stringify({
    id: 'prerendered-many',
    title: 'A long thread',
    paragraphs: ['Fourteen comments.'],
    comments: Array.from({ length: 14 }, (_, i) => ({ author: `Reader ${i + 1}`, text: `Comment number ${i + 1}.` })),
  }));
  for (const [name, { file, attributes }] of Object.entries(articles)) {
    const path = existsSync(file) ? file : join(out, file);
    elements[name as Name] = renderElement(ASSETS, path, `src=${HOST}/${path}`, ...attributes);
    articles[name as Name].file = path;
  }
});


/** Opens a host page (another origin than agora's files) with the prerendered element between a heading and a footer. */
async function openHost(page: Page, name: Name, waitUntil: 'load' | 'commit' = 'load') {
  await openPage(page, name, elements[name], waitUntil);
}

/** Opens a host page named `name` with `element` between a heading and a footer. */
async function openPage(page: Page, name: string, element: string, waitUntil: 'load' | 'commit' = 'load') {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="${ASSETS}/embed.js"></script></head>
<body><h1 id="above">A host page</h1>${element}<footer id="below">The host's footer</footer></body></html>`;
  writeFileSync(join(out, `${name}.html`), html);
  await page.goto(`${HOST}/${out}/${name}.html`, { waitUntil });
}

const prerendered = (page: Page) => page.locator('agora-thread .agora[data-first-screen]');
const app = (page: Page) => page.locator('agora-thread .agora:not([data-first-screen])');

test('with JavaScript off, the prerendered element is the article and its comments, in the HTML', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await openHost(page, 'seed');
  const widget = page.locator('agora-thread');
  await expect(widget.locator('.agora-article h1')).toHaveText('Trump and Putin hold a call to begin talks on ending the war in Ukraine');
  await expect(widget.locator('.agora-thread__count')).toHaveText('8 Comments');
  await expect(widget.locator('article.agora-comment')).toHaveCount(8);
  await expect(widget.locator('.agora-comment__author').first()).toBeVisible();
  // Styled by agora.css from inside the shadow root (a <link>: no inline styles).
  expect(await widget.locator('article.agora-comment').first().evaluate((node) => getComputedStyle(node).borderTopWidth)).toBe('1px');
  await keepScreenshot(page, 'prerendered-without-javascript', { fullPage: true });
  await context.close();
});

for (const name of ['seed', 'local', 'hebrew', 'many'] as Name[]) {
  test(`the app builds the markup that was prerendered (${name})`, async ({ page }) => {
    const release = await holdWebAssembly(page);
    await openHost(page, name);
    await expect(prerendered(page)).toBeVisible();
    const written = await markupOf(page, '.agora[data-first-screen]');
    release();
    await expect(prerendered(page)).toHaveCount(0);
    await expect(app(page)).toBeVisible();
    expect(await markupOf(page, 'div > .agora')).toBe(written);
  });
}

test('the app takes over in place: no duplicate, nothing moves, the typed text and the cursor stay', async ({ page }) => {
  const errors = watchErrors(page);
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.addInitScript(() => {
    (window as any).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) (window as any).shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const release = await holdWebAssembly(page);
  await openHost(page, 'local');
  const widget = page.locator('agora-thread');
  await expect(widget.locator('.agora-thread__count')).toHaveText('3 Comments');
  // A reader starts writing before the app has arrived.
  await widget.getByLabel('Name', { exact: true }).fill('Early');
  const field = widget.getByLabel('Comment', { exact: true });
  await field.fill('Typed before the app');
  await field.evaluate((node: HTMLTextAreaElement) => node.setSelectionRange(5, 5));
  const footer = await page.locator('#below').boundingBox();
  const before = await page.evaluate(() => (window as any).shifts);
  release();
  await expect(prerendered(page)).toHaveCount(0);
  await expect(app(page)).toBeVisible();
  await expect(widget.locator('article.agora-comment')).toHaveCount(3);
  // Layout shifts are reported after the frame: wait for two.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.locator('#below').boundingBox()).toEqual(footer);
  expect(await page.evaluate(() => (window as any).shifts)).toBe(before);
  expect(before).toBe(0);
  // The same words, in the app's field, with the cursor where it was.
  await expect(field).toHaveValue('Typed before the app');
  await expect(field).toBeFocused();
  expect(await field.evaluate((node: HTMLTextAreaElement) => node.selectionStart)).toBe(5);
  await page.keyboard.type('!');
  await expect(field).toHaveValue('Typed! before the app');
  await widget.getByRole('button', { name: 'Post comment' }).click();
  await expect(widget.locator('.agora-thread__count')).toHaveText('4 Comments');
  await expect(widget.locator('.agora-comment__author').last()).toHaveText('Early');
  // The build was asked for as the page was read, and embed.js used that answer: once each.
  expect(asked.filter((url) => url === `${ASSETS}/agora_bg.wasm`)).toHaveLength(1);
  expect(asked.filter((url) => url === `${ASSETS}/agora.js`)).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('Post pressed before the app posts once the app is there; a reload shows the comment once, beside the prerendered ones', async ({ page }) => {
  const release = await holdWebAssembly(page);
  await openHost(page, 'local');
  const widget = page.locator('agora-thread');
  await widget.getByLabel('Name', { exact: true }).fill('Eager');
  await widget.getByLabel('Comment', { exact: true }).fill('Pressed Post at once.');
  await widget.getByRole('button', { name: 'Post comment' }).click();
  // The host page did not reload (its form would have) and nothing was posted yet.
  await expect(widget.getByLabel('Comment', { exact: true })).toHaveValue('Pressed Post at once.');
  await expect(widget.locator('.agora-thread__count')).toHaveText('3 Comments');
  release();
  // (While the app starts it is mounted hidden beside the written copy: one
  // heading to read only once it has taken over.)
  await expect(prerendered(page)).toHaveCount(0);
  await expect(widget.locator('.agora-thread__count')).toHaveText('4 Comments');
  await expect(widget.getByText('Pressed Post at once.')).toHaveCount(1);

  await page.reload();
  // Before the app: what was prerendered; after: the reader's comment too, once.
  await expect(prerendered(page)).toHaveCount(0);
  await expect(widget.locator('.agora-thread__count')).toHaveText('4 Comments');
  await expect(widget.getByText('Pressed Post at once.')).toHaveCount(1);
  await expect(widget.locator('article.agora-comment')).toHaveCount(4);
});

test('hostile text in a prerendered thread stays text, with and without JavaScript', async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await openHost(page, 'hostile');
    const widget = page.locator('agora-thread');
    // With JavaScript, the app's own copy once it has taken over (while it
    // starts, it is mounted hidden beside the written one).
    if (javaScriptEnabled) await expect(prerendered(page)).toHaveCount(0);
    await expect(widget.locator('.agora-comment__author')).toHaveText('<b>Mallory</b>');
    await expect(widget.locator('.agora-formatted').first()).toContainText('</template></agora-thread><script>window.pwned = 3</script>');
    await expect(widget.locator('.agora-article h1')).toHaveText('Hostile </template><script>window.pwned = 1</script>');
    await expect(page.locator('#below')).toHaveText("The host's footer");
    expect(await page.locator('agora-thread script, agora-thread img, agora-thread iframe, agora-thread b').count()).toBe(0);
    expect(await page.locator('body > script, body > iframe').count()).toBe(0);
    if (javaScriptEnabled) expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    await context.close();
  }
});

test('under a strict Content-Security-Policy (no inline styles or scripts) the prerendered element paints styled and the app takes over', async ({ page }) => {
  const violations = await watchViolations(page);
  const errors = watchErrors(page);
  const element = renderElement(STRICT_ASSETS, 'src/content/seed.json', `src=${STRICT_ASSETS}/seed.json`, 'thread=prerendered-csp');
  writeFileSync(join(out, 'csp.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Strict host</title>
<script type="module" src="${STRICT_ASSETS}/embed.js"></script></head><body>${element}</body></html>`);
  const release = await holdWebAssembly(page);
  const response = await page.goto(`${STRICT_HOST}/${out}/csp.html`);
  expect(response?.headers()['content-security-policy']).toContain(`style-src ${STRICT_ASSETS};`);
  const widget = page.locator('agora-thread');
  await expect(prerendered(page)).toBeVisible();
  await expect(widget.locator('.agora-thread__count')).toHaveText('8 Comments');
  expect(await widget.locator('article.agora-comment').first().evaluate((node) => getComputedStyle(node).borderTopWidth)).toBe('1px');
  release();
  await expect(prerendered(page)).toHaveCount(0);
  await expect(app(page).locator('article.agora-comment')).toHaveCount(8);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test('before embed.js and without JavaScript, Post on the prerendered composer does not load the page again', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    // With JavaScript, embed.js is held back: the written form is all there is.
    if (javaScriptEnabled) await page.route(`${ASSETS}/embed.js`, () => new Promise(() => {}));
    await openHost(page, 'local', 'commit');
    const url = page.url();
    const widget = page.locator('agora-thread');
    await expect(widget.getByLabel('Name', { exact: true })).toBeVisible();
    await widget.getByLabel('Name', { exact: true }).fill('Early');
    await widget.getByLabel('Comment', { exact: true }).fill('Not in the address, please.');
    await widget.getByRole('button', { name: 'Post comment' }).click();
    await widget.getByLabel('Name', { exact: true }).press('Enter');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    await expect(widget.getByLabel('Comment', { exact: true })).toHaveValue('Not in the address, please.');
    await context.close();
  }
});

test('a thread of more than one first frame is written whole, and taken over without anything moving', async ({ page }) => {
  const release = await holdWebAssembly(page);
  await openHost(page, 'many');
  const widget = page.locator('agora-thread');
  await expect(widget.locator('article.agora-comment')).toHaveCount(14);
  const footer = await page.locator('#below').boundingBox();
  release();
  await expect(prerendered(page)).toHaveCount(0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(widget.locator('article.agora-comment')).toHaveCount(14);
  expect(await page.locator('#below').boundingBox()).toEqual(footer);
});

test('an article that cannot be had when the page opens leaves the prerendered thread and the typed text, with the reason above', async ({ page }) => {
  const release = await holdWebAssembly(page);
  await page.route(`${HOST}/tests/e2e/hosts/local-story.json`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await openHost(page, 'local');
  const widget = page.locator('agora-thread');
  await widget.getByLabel('Comment', { exact: true }).fill('Still here.');
  release();
  await expect(widget.getByRole('alert').filter({ hasText: '404' })).toBeVisible();
  await expect(prerendered(page)).toBeVisible();
  await expect(widget.locator('article.agora-comment')).toHaveCount(3);
  await expect(widget.getByLabel('Comment', { exact: true })).toHaveValue('Still here.');
});
