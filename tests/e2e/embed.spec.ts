import { test, expect, type Page } from '@playwright/test';
import { ASSETS, HOST } from './origins';
import { keepScreenshot, postIn, watchErrors } from './helpers';

const hostPage = (path: string) => `${HOST}/tests/e2e/hosts/${path}`;
const example = (path: string) => `${HOST}/dist/examples/${path}`;


test('the script embed works cross-origin: host article, posting, keys in the host origin', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(example('script.html'));
  await page.evaluate(() => localStorage.setItem('host-app:session', 'keep me'));
  const widget = page.locator('agora-thread');
  await expect(widget.locator('h1')).toHaveText('Harbour bridge reopens after two years of repairs');
  await expect(widget.locator('.agora-article__byline')).toHaveText('Example News, city desk');
  await expect(widget.locator('.agora-thread__count')).toHaveText('2 Comments');
  await postIn(widget, 'Ann', 'Posted from another site.');
  await expect(widget.locator('.agora-thread__count')).toHaveText('3 Comments');

  // The WebAssembly came from the assets' origin; storage is the host's.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith('agora:v1:harbour-bridge-reopens:c:'))).toHaveLength(1);
  expect(await page.evaluate(() => localStorage.getItem('host-app:session'))).toBe('keep me');
  expect(keys.every((k) => k.startsWith('agora:v1:') || k === 'host-app:session')).toBe(true);

  await page.reload();
  await expect(widget.locator('.agora-thread__count')).toHaveText('3 Comments');
  expect(errors).toEqual([]);
});

test('the shadow root isolates both ways: hostile host CSS changes nothing inside, widget CSS nothing outside', async ({ page }) => {
  await page.goto(hostPage('hostile.html'));
  const widget = page.locator('agora-thread');
  await expect(widget.locator('.agora-thread__count')).toHaveText('8 Comments');
  const text = widget.locator('.agora-formatted').first();
  await expect(text).toBeVisible();
  const inside = await text.evaluate((node) => {
    const style = getComputedStyle(node);
    return { color: style.color, size: style.fontSize, spacing: style.letterSpacing, transform: style.textTransform };
  });
  expect(inside.color).not.toBe('rgb(255, 0, 0)');
  expect(parseFloat(inside.size)).toBeLessThan(20);
  expect(inside.spacing).toBe('normal');
  expect(inside.transform).toBe('none');
  await expect(widget.locator('.agora-article p').first()).toBeVisible();

  // The host's elements that share the widget's class names are untouched.
  const outside = await page.locator('#host-paragraph').evaluate((node) => {
    const style = getComputedStyle(node);
    return { border: style.borderTopWidth, background: style.backgroundColor, padding: style.paddingTop };
  });
  expect(outside).toEqual({ border: '0px', background: 'rgba(0, 0, 0, 0)', padding: '0px' });
  await keepScreenshot(page, 'embed-hostile-host');
});

test('several widgets on one page: separate threads stay apart, the same thread stays in step', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(hostPage('two-threads.html'));
  const [first, second, third] = ['#first', '#second', '#third'].map((id) => page.locator(id));
  for (const widget of [first, second, third]) {
    await expect(widget.locator('.agora-thread__count')).toHaveText('8 Comments');
  }
  await postIn(first, 'Ann', 'For thread one.');
  await expect(first.locator('.agora-thread__count')).toHaveText('9 Comments');
  await expect(third.locator('.agora-thread__count')).toHaveText('9 Comments');
  await expect(third.locator('.agora-formatted').last()).toHaveText('For thread one.');
  await expect(second.locator('.agora-thread__count')).toHaveText('8 Comments');
  await postIn(second, 'Bob', 'For thread two.');
  await expect(second.locator('.agora-thread__count')).toHaveText('9 Comments');
  await expect(first.locator('.agora-thread__count')).toHaveText('9 Comments');
  expect(errors).toEqual([]);
});

test('changing attributes takes effect; removing the element unmounts it cleanly', async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.goto(hostPage('two-threads.html'));
  const first = page.locator('#first');
  await postIn(page.locator('#second'), 'Bob', 'Only in thread two.');
  await expect(first.locator('.agora-thread__count')).toHaveText('8 Comments');

  await first.evaluate((element) => element.setAttribute('thread', 'page-two'));
  await expect(first.locator('.agora-thread__count')).toHaveText('9 Comments');

  await first.evaluate((element) => element.setAttribute('theme', 'dark'));
  await expect(first.locator('.agora')).toHaveAttribute('data-theme', 'dark');
  const background = await first.locator('.agora').evaluate((node) => getComputedStyle(node).backgroundColor);
  expect(background).toBe('rgb(22, 24, 28)');

  // Removed: its listeners are gone, so changes after it reach nothing stale.
  const removed = await first.elementHandle();
  await first.evaluate((element) => element.remove());
  // What the removed element still holds (its shadow root is emptied on unmount).
  const leftInRemoved = () => removed!.evaluate((element) => element.shadowRoot?.innerHTML ?? null);
  const removedHeld = await leftInRemoved();
  expect(removedHeld).not.toContain('agora-thread__count');
  const second = page.locator('#second');
  await postIn(second, 'Bob', 'After the removal.');
  await expect(second.locator('.agora-thread__count')).toHaveText('10 Comments');
  // A change from another page of the same origin: only that makes the
  // browser fire a real `storage` event here, which is what the widgets'
  // listeners (the remaining one's, and a stale one of the removed) follow.
  const other = await context.newPage();
  await other.goto(hostPage('two-threads.html'), { waitUntil: 'commit' });
  await other.evaluate(() => localStorage.setItem('agora:v1:page-two:c:zz-9',
    JSON.stringify({ v: 1, id: 'zz-9', author: 'Tab', text: 'From elsewhere', at: Date.now() })));
  await other.close();
  // The remaining widget follows it: the event arrived and was handled...
  await expect(second.locator('.agora-thread__count')).toHaveText('11 Comments');
  await expect(second.locator('.agora-formatted').last()).toHaveText('From elsewhere');
  // ...and the removed one did not: nothing was rendered into it again, and
  // no listener of it threw (a panic in a disposed widget reaches watchErrors).
  expect(await leftInRemoved()).toBe(removedHeld);
  await expect(page.locator('agora-thread')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('articles from the host: each failure is explained inside the widget; long and comment-less ones work', async ({ page }) => {
  await page.goto(hostPage('articles.html'));
  const alert = (id: string) => page.locator(`#${id}`).getByRole('alert');
  await expect(alert('missing')).toContainText('the server answered 404');
  await expect(alert('missing')).toContainText('/tests/e2e/hosts/missing.json');
  await expect(alert('unreachable')).toContainText('the server did not answer');
  await expect(alert('not-json')).toContainText('could not be read');
  await expect(alert('no-title')).toContainText('it has no “title”');
  await expect(page.locator('#long h1')).toHaveText('A very long read');
  await expect(page.locator('#long .agora-article p:not(.agora-article__byline)')).toHaveCount(40);
  await expect(page.locator('#no-comments .agora-thread__count')).toHaveText('0 Comments');
  await postIn(page.locator('#no-comments'), 'Ann', 'The first word.');
  await expect(page.locator('#no-comments .agora-thread__count')).toHaveText('1 Comment');
  await expect(alert('bad-theme')).toContainText('The theme “purple” is not known');
  await expect(page.locator('#bad-theme .agora-thread__count')).toHaveText('8 Comments');
});

/** The iframe's height against the height of the page inside it. */
async function frameFit(page: Page) {
  const frameElement = page.locator('agora-thread iframe');
  const outer = await frameElement.evaluate((frame) => frame.getBoundingClientRect().height);
  const frame = page.frameLocator('agora-thread iframe');
  const inner = await frame.locator('body').evaluate(() => ({
    content: document.body.getBoundingClientRect().height,
    scrollable: document.documentElement.scrollHeight - document.documentElement.clientHeight,
  }));
  return { outer, ...inner };
}

test('the iframe embed sizes itself to its content, after a post and after a resize', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(example('iframe.html'));
  const frame = page.frameLocator('agora-thread iframe');
  await expect(frame.locator('.agora-thread__count')).toHaveText('2 Comments');
  await expect.poll(async () => (await frameFit(page)).scrollable).toBe(0);
  const before = await frameFit(page);
  expect(Math.abs(before.outer - before.content)).toBeLessThanOrEqual(1);

  await postIn(frame.locator('body'), 'Ann', 'A comment long enough to need a few lines. '.repeat(8));
  await expect(frame.locator('.agora-thread__count')).toHaveText('3 Comments');
  await expect.poll(async () => (await frameFit(page)).outer).toBeGreaterThan(before.outer + 40);
  expect((await frameFit(page)).scrollable).toBe(0);

  const wide = (await frameFit(page)).outer;
  await page.setViewportSize({ width: 360, height: 800 });
  await expect.poll(async () => (await frameFit(page)).outer).toBeGreaterThan(wide + 100);
  await expect.poll(async () => (await frameFit(page)).scrollable).toBe(0);
  await keepScreenshot(page, 'embed-iframe-360', { fullPage: true });
});

test('the iframe accepts height messages only from its own frame and origin', async ({ page }) => {
  await page.goto(example('iframe.html'));
  const frame = page.frameLocator('agora-thread iframe');
  await expect(frame.locator('.agora-thread__count')).toHaveText('2 Comments');
  await expect.poll(async () => (await frameFit(page)).scrollable).toBe(0);
  const height = (await frameFit(page)).outer;
  // The host page itself (wrong source and origin) tries to resize the frame.
  // Instead of waiting a while for nothing to happen, a marker message is
  // posted after it: messages to a window arrive in order, so once the marker
  // has arrived, embed.js has already seen (and must have ignored) the first.
  await page.evaluate(() => new Promise<void>((resolve) => {
    window.addEventListener('message', function marker(event) {
      if (event.data !== 'test:marker') return;
      window.removeEventListener('message', marker);
      resolve();
    });
    window.postMessage({ type: 'agora:resize', height: 5 }, '*');
    window.postMessage('test:marker', '*');
  }));
  expect((await frameFit(page)).outer).toBe(height);
});

test('a sandboxed iframe without allow-same-origin shows the storage notice, not a crash', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(hostPage('sandboxed.html'));
  const frame = page.frameLocator('#frame');
  await expect(frame.locator('.agora-thread__count')).toHaveText('8 Comments');
  await expect(frame.getByRole('status').filter({ hasText: 'does not let the page keep data' })).toBeVisible();
  const border = await frame.locator('.agora-comment').first().evaluate((n) => getComputedStyle(n).borderTopWidth);
  expect(border).toBe('1px'); // styled: the stylesheets were not blocked
  // No allow-forms either: the button must post without a form submission.
  await postIn(frame.locator('body'), 'Ann', 'Kept for this visit.');
  await expect(frame.locator('.agora-thread__count')).toHaveText('9 Comments');
  expect(errors).toEqual([]);
});

test('the assets load from their own origin, whatever the host page path', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(example('script.html'));
  await expect(page.locator('agora-thread .agora-thread__count')).toHaveText('2 Comments');
  for (const file of ['embed.js', 'agora.js', 'agora_bg.wasm', 'agora.css']) {
    expect(requests).toContain(`${ASSETS}/${file}`);
  }
});

test('an element asks for the WebAssembly beside its glue, not once the glue has arrived', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(`${ASSETS}/agora.js`, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(hostPage('local-story.html'));
  // The glue is held back, and the WebAssembly has been asked for already.
  await expect.poll(() => asked.filter((url) => url === `${ASSETS}/agora_bg.wasm`).length).toBe(1);
  release();
  await expect(page.locator('agora-thread .agora-article h1')).toHaveText('Council approves the new tram line');
  expect(asked.filter((url) => url === `${ASSETS}/agora_bg.wasm`)).toHaveLength(1);
});

test('an element asks for its article beside the WebAssembly, not after it, and only once', async ({ page }) => {
  const errors = watchErrors(page);
  const article = hostPage('local-story.json');
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(hostPage('local-story.html'));
  // The WebAssembly is held back, and the article has been asked for already.
  await expect.poll(() => asked.filter((url) => url === article).length).toBe(1);
  release();
  const widget = page.locator('agora-thread');
  await expect(widget.locator('.agora-article h1')).toHaveText('Council approves the new tram line');
  await expect(widget.locator('form.agora-composer')).toBeVisible();
  expect(asked.filter((url) => url === article)).toHaveLength(1);
  expect(errors).toEqual([]);
});
