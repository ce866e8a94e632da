import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdWebAssembly, keepScreenshot, markupOf, renderElement, watchErrors } from './helpers';
import { OtherClient, publish, type Event } from './nostr';
import { TestRelay } from './relay.cjs';
import { ASSETS, HOST } from './origins';

// A shared thread written ahead of time: agora-render reads it from a real
// relay (verified events only, deletions applied, names and likes), and
// writes it into the element; the relay build takes over once every relay
// has answered, with whatever is newer.

const out = 'tests/e2e/rendered';
const url = 'https://news.example/2026/prerendered-shared';
const article = 'tests/e2e/hosts/local-story.json';

let relay: TestRelay;
test.beforeEach(async () => {
  // It stores events without checking them, as a hostile relay would serve them.
  relay = await TestRelay.start({ trusting: true });
});
test.afterEach(async () => {
  await relay?.stop();
});

/** What the relay holds: two readers' comments (one a reply, one deleted), a name, a like, a forgery, hostile text. */
async function fillRelay() {
  const ann = new OtherClient();
  const bob = new OtherClient();
  const mallory = new OtherClient();
  const top = ann.comment(url, 'Ann on the relay.', undefined, 300);
  const answer = bob.comment(url, 'Bob answers Ann.', top, 200);
  const gone = bob.comment(url, 'Bob takes this back.', undefined, 150);
  const events: object[] = [
    top,
    answer,
    gone,
    bob.sign({ kind: 5, tags: [['e', gone.id], ['k', '1111']], content: '' }),
    ann.sign({ kind: 0, tags: [], content: JSON.stringify({ name: 'Ann' }) }),
    bob.sign({ kind: 7, tags: [['e', top.id], ['p', ann.pubkey], ['k', '1111']], content: '+' }),
    { ...mallory.comment(url, 'Forged by Mallory.', undefined, 100), sig: '0'.repeat(128) },
    mallory.comment(url, '</template><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">', undefined, 60),
  ];
  await publish(relay.url, events);
  return { top: top as Event };
}

/** The element agora-render writes from the relay. */
function renderShared() {
  return renderElement(ASSETS, article, `src=${HOST}/${article}`, 'thread=prerendered-shared', `relays=${relay.url}`, `url=${url}`);
}

async function show(page: Page, element: string) {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'shared.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="${ASSETS}/embed.js"></script></head>
<body><h1>A host page</h1>${element}<footer id="below">The host's footer</footer></body></html>`);
  await page.goto(`${HOST}/${out}/shared.html`);
}

const prerendered = (page: Page) => page.locator('agora-thread .agora[data-first-screen]');

test('the relay snapshot is in the HTML: verified comments with names and likes, deletions applied, hostile text as text', async ({ browser }) => {
  await fillRelay();
  const element = renderShared();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await show(page, element);
  const widget = page.locator('agora-thread');
  await expect(widget.locator('.agora-thread__count')).toHaveText('6 Comments');
  await expect(widget.getByText('Ann on the relay.')).toHaveCount(1);
  await expect(widget.getByText('Bob answers Ann.')).toHaveCount(1);
  await expect(widget.getByText('Bob takes this back.')).toHaveCount(0);
  await expect(widget.getByText('Forged by Mallory.')).toHaveCount(0);
  const ann = widget.locator('article.agora-comment').filter({ hasText: 'Ann on the relay.' });
  await expect(ann.locator('.agora-comment__author')).toHaveText('Ann');
  await expect(ann.locator('.agora-action--like .agora-action__count')).toHaveText('1');
  await expect(ann.locator('time')).toHaveText(/^\d+ minutes ago$/);
  await expect(widget.getByText('</template><script>window.pwned = 1</script>', { exact: false })).toHaveCount(1);
  expect(await page.locator('agora-thread script, agora-thread img').count()).toBe(0);
  await expect(page.locator('#below')).toHaveText("The host's footer");
  // The relay build's words: shared, not kept in this browser.
  await expect(widget.locator('.agora-audience')).not.toHaveText('Comments stay in this browser: no one else sees them.');
  await keepScreenshot(page, 'prerendered-shared-without-javascript', { fullPage: true });
  await context.close();
});

test('the relay build takes over once the relay has answered: the same markup, and what is newer than the snapshot once', async ({ page }) => {
  const errors = watchErrors(page);
  await fillRelay();
  const element = renderShared();
  // Written before a newer comment arrives on the relay.
  await publish(relay.url, [new OtherClient().comment(url, 'Newer than the snapshot.')]);
  const release = await holdWebAssembly(page);
  await show(page, element);
  const widget = page.locator('agora-thread');
  await expect(prerendered(page)).toBeVisible();
  await expect(widget.getByText('Newer than the snapshot.')).toHaveCount(0);
  release();
  await expect(prerendered(page)).toHaveCount(0);
  await expect(widget.locator('.agora-thread__count')).toHaveText('7 Comments');
  await expect(widget.getByText('Newer than the snapshot.')).toHaveCount(1);
  await expect(widget.getByText('Ann on the relay.')).toHaveCount(1);
  await expect(widget.getByText('Bob answers Ann.')).toHaveCount(1);
  await expect(widget.getByText('Bob takes this back.')).toHaveCount(0);
  await expect(widget.locator('article.agora-comment')).toHaveCount(7);
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('the relay build builds the markup that was written from the relay', async ({ page }) => {
  await fillRelay();
  const element = renderShared();
  const release = await holdWebAssembly(page);
  await show(page, element);
  await expect(prerendered(page)).toBeVisible();
  const written = await markupOf(page, '.agora[data-first-screen]');
  release();
  await expect(prerendered(page)).toHaveCount(0);
  expect(await markupOf(page, 'div > .agora')).toBe(written);
});

test('a relay that cannot be read: the command says so and writes nothing', async () => {
  await relay.stop();
  let failure = '';
  try {
    renderShared();
  } catch (error: any) {
    failure = `${error.status} ${error.stdout} ${error.stderr}`;
  }
  expect(failure).toMatch(/^1  agora-render: .*no relay of the thread could be read \(ws:\/\/127\.0\.0\.1:\d+: connecting: .*nothing was written/s);
});
