import { test, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { commentWith, heading, keepScreenshot, open, post, shownComments, watchErrors } from './helpers';
import { OtherClient, publish, query } from './nostr';
import { TestRelay } from './relay.cjs';
import { CappingProxy } from './capping-proxy.cjs';
import { authorOf, longThread, publishAll } from './long-thread.cjs';

// Threads longer than what a relay sends for one request, on the real test
// relay behind a proxy that keeps the limits relays people run keep (500
// events per filter, 32 subscriptions per connection: tests/e2e/capping-proxy.cjs).
// agora has to page back through each relay (NIP-01 `until`) to show them all.
// The proxy passes on what the test relay (PyPI nostr-relay 1.14) does
// differently from NIP-01, as a relay people run would: it reads `until` as
// exclusive (created_at < until), and a REQ of several filters gets one
// LIMIT, its last filter's, for all of them together.

let relay: TestRelay;
/** Stopped after each test, and the contexts closed: a page left open would keep retrying the stopped relays. */
const proxies: CappingProxy[] = [];
const contexts: BrowserContext[] = [];
const proxy = async (starting: Promise<CappingProxy>) => {
  const started = await starting;
  proxies.push(started);
  return started;
};

const storyUrl = (story: string) => `https://news.example/2026/${story}`;
/** The standalone page of a shared thread at `url`, read from `relays` (ws:// addresses). */
const pageUrl = (relays: string[], url: string, thread: string) =>
  `/index.html?${new URLSearchParams({ relays: relays.join(' '), url, thread })}`;

const loading = (page: Page) => page.locator('.agora-thread__loading');
const delivery = (comment: Locator) => comment.locator('.agora-comment__delivery');
const likeButton = (comment: Locator, author: string) =>
  comment.getByRole('button', { name: new RegExp(`^Like \\d+: ${author}`) });
/** The comment whose text is exactly `text` ("Comment 1", not "Comment 10" nor "Reply to comment 1"). */
const commentExactly = (page: Page, text: string) =>
  page.locator('article.agora-comment').filter({ has: page.locator('.agora-formatted', { hasText: new RegExp(`^\\s*${text}\\s*$`) }) });
const itemOf = (comment: Locator) => comment.locator('xpath=..');
const topLevel = (page: Page) => page.locator('ol.agora-thread:not(.agora-thread--replies) > li');

/** A reader with a browser profile of their own; Chromium's own log of a failed WebSocket is not the page's error. */
async function reader(browser: Browser) {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const all = watchErrors(page);
  return { page, errors: () => all.filter((e) => !/^WebSocket connection to '.*' failed/.test(e)) };
}

/** What each proxy saw, for the report: REQs, CLOSEs and the most subscriptions open at once, per connection. */
function annotate(name: string, watched: CappingProxy) {
  const { connections, total } = watched.stats;
  const each = connections.map((c, i) => `#${i + 1}: ${c.reqs} REQ, ${c.closes} CLOSE, ${c.closed} CLOSED, at most ${c.maxOpen} open`);
  test.info().annotations.push({ type: `${name} proxy`, description: `${total.reqs} REQ in all; ${each.join('; ')}` });
}

test.beforeEach(async () => {
  relay = await TestRelay.start();
});
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await Promise.all(proxies.splice(0).map((p) => p.stop()));
  await relay?.stop();
});

test('a thread longer than a relay’s cap: every comment, reply and like, each reply under its parent, the oldest reachable', async ({ browser }) => {
  test.setTimeout(240_000);
  const story = 'longer-than-the-cap';
  // 1,360 comments: three pages of at most 500, whose ends fall inside a second.
  const thread = longThread(storyUrl(story), { comments: 1_300, replies: 60, likes: [3, 2, 1] });
  const took = await publishAll(relay.url, thread.all);
  test.info().annotations.push({ type: `relay took ${thread.all.length} events (ms)`, description: String(took) });
  const capped = await proxy(CappingProxy.start(relay.url));

  const ann = await reader(browser);
  // Every appearance of the loading status, however short.
  await ann.page.addInitScript(() => {
    const seen: string[] = ((window as any).__loadingSeen = []);
    new MutationObserver(() => {
      const status = document.querySelector('.agora-thread__loading');
      const entry = status && `${status.getAttribute('role')}: ${status.textContent?.trim()}`;
      if (entry && !seen.includes(entry)) seen.push(entry);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const started = Date.now();
  await open(ann.page, pageUrl([capped.url], storyUrl(story), story));
  await expect(loading(ann.page)).toHaveCount(0, { timeout: 90_000 });
  // The moment "Loading older comments…" goes, the count is the whole thread's.
  expect(await heading(ann.page).textContent()).toBe('1,368 Comments');
  test.info().annotations.push({ type: 'page showed all 1,360 and stopped loading (ms)', description: String(Date.now() - started) });
  expect(await ann.page.evaluate(() => (window as any).__loadingSeen)).toContain('status: Loading older comments…');

  // Oldest first: the article's eight, then "Comment 1" under its author's published name, with its likes.
  const first = commentExactly(ann.page, 'Comment 1');
  await expect(first.locator('.agora-comment__author')).toHaveText(authorOf(thread, 1));
  expect((await shownComments(ann.page))[8]).toEqual({ author: authorOf(thread, 1), text: 'Comment 1' });
  for (const [k, likes] of [[1, 3], [2, 2], [3, 1]]) {
    const author = authorOf(thread, k);
    await expect(likeButton(commentExactly(ann.page, `Comment ${k}`), author)).toHaveAccessibleName(`Like ${likes}: ${author}’s comment`);
  }

  // Every reply under its parent (the replies arrived on the first page, their parents on the last).
  await ann.page.getByRole('button', { name: 'Show 50 more' }).click(); // parents 43 to 60 are on the second page
  for (const k of [1, 5, 42, 60]) {
    await expect(itemOf(commentExactly(ann.page, `Comment ${k}`)).locator('ol.agora-thread--replies')).toContainText(`Reply to comment ${k}`);
  }
  const placement = await ann.page.evaluate(() => {
    const wrong: string[] = [];
    let replies = 0;
    for (const text of document.querySelectorAll('article.agora-comment .agora-formatted')) {
      const reply = /^Reply to comment (\d+)$/.exec(text.textContent?.trim() ?? '');
      if (!reply) continue;
      replies++;
      const list = text.closest('article')?.parentElement?.parentElement;
      const parent = list?.classList.contains('agora-thread--replies') ? list.closest('li') : null;
      const parentText = parent?.querySelector(':scope > article .agora-formatted')?.textContent?.trim();
      if (parentText !== `Comment ${reply[1]}`) wrong.push(`${reply[0]} under ${parentText ?? 'the thread itself'}`);
    }
    return { replies, wrong };
  });
  expect(placement).toEqual({ replies: 60, wrong: [] });

  // Newest first, the oldest comment is reachable through "Show 50 more".
  // (The two pages shown stay shown in the other order.)
  await ann.page.getByRole('button', { name: 'Newest' }).click();
  await expect(topLevel(ann.page)).toHaveCount(100);
  const more = ann.page.getByRole('button', { name: /^Show \d+ more$/ });
  let clicks = 0;
  while ((await first.count()) === 0 && (await more.count()) > 0) {
    await more.click();
    clicks++;
    await expect(topLevel(ann.page)).toHaveCount(Math.min(50 * (clicks + 2), 1_308));
  }
  await expect(first).toBeVisible();
  test.info().annotations.push({ type: '"Show 50 more" clicks to "Comment 1", newest first', description: String(clicks) });

  annotate('capped', capped);
  const { total } = capped.stats;
  // agora's own bound (docs/src/site-owners/long-threads.md: at most 17 at once), under the relay's 32.
  expect(total.maxOpen).toBeLessThanOrEqual(17);
  expect(total.refused, 'subscriptions the relay refused as too many').toBe(0);
  expect(ann.errors()).toEqual([]);
});

test('one URL, its spellings: with or without a trailing slash, capitals and a fragment, one thread, written one way', async ({ browser }) => {
  const canonical = 'https://news.example/2026/slash';
  const other = new OtherClient();
  const withSlash = other.comment(`${canonical}/`, 'Rooted with a trailing slash.', undefined, 120);
  const without = other.comment(canonical, 'Rooted without one.', undefined, 60);
  const answers = await publish(relay.url, [withSlash, without]);
  expect([...answers.values()].map(([ok]) => ok)).toEqual([true, true]);

  const ann = await reader(browser);
  for (const spelling of [canonical, `${canonical}/`]) {
    await open(ann.page, pageUrl([relay.url], spelling, 'slash'));
    await expect(heading(ann.page)).toHaveText('10 Comments');
    await expect(commentWith(ann.page, 'Rooted with a trailing slash.')).toBeVisible();
    await expect(commentWith(ann.page, 'Rooted without one.')).toBeVisible();
  }
  // Opened with the slash: agora writes the canonical spelling.
  const written = async (text: string) => {
    await post(ann.page, 'Ann', text);
    await expect(delivery(commentWith(ann.page, text))).toHaveText('Sent to 1 of 1 relay');
    const event = (await query(relay.url, { kinds: [1111] })).find((e) => e.content === text);
    return event?.tags.filter(([name]) => name === 'I' || name === 'i');
  };
  expect(await written('Posted where the address ends in a slash.')).toEqual([['I', canonical], ['i', canonical]]);

  // Capitals in the scheme and host, and a fragment: the same thread, written the same way.
  await open(ann.page, pageUrl([relay.url], 'HTTPS://News.Example/2026/slash#x', 'slash'));
  await expect(heading(ann.page)).toHaveText('11 Comments');
  expect(await written('Posted where the address has capitals and a fragment.')).toEqual([['I', canonical], ['i', canonical]]);
  expect(ann.errors()).toEqual([]);
});

test('a silent relay and a relay that closes every subscription beside a capped one: every comment, then loading ends', async ({ browser }) => {
  test.setTimeout(180_000);
  const story = 'three-relays';
  // 700 comments: two pages of the capped relay.
  const thread = longThread(storyUrl(story), { comments: 700 });
  await publishAll(relay.url, thread.all);
  const capped = await proxy(CappingProxy.start(relay.url));
  const silent = await proxy(CappingProxy.start(relay.url, { mode: 'silent' }));
  // In front of the same relay: it refuses to read but takes what is posted.
  const closing = await proxy(CappingProxy.start(relay.url, { mode: 'close-all' }));

  const ann = await reader(browser);
  const started = Date.now();
  await open(ann.page, pageUrl([capped.url, silent.url, closing.url], storyUrl(story), story));
  // A silent relay may be given up only after a while.
  await expect(loading(ann.page)).toHaveCount(0, { timeout: 60_000 });
  expect(await heading(ann.page).textContent()).toBe('708 Comments');
  await expect(commentExactly(ann.page, 'Comment 1')).toBeVisible();
  test.info().annotations.push({ type: 'page showed all 700 and stopped loading (ms)', description: String(Date.now() - started) });

  await post(ann.page, 'Ann', 'Three relays, one that reads.');
  await expect(delivery(commentWith(ann.page, 'Three relays, one that reads.'))).toHaveText(/^Sent to [12] of 3 relays$/);
  for (const [name, p] of [['capped', capped], ['silent', silent], ['close-all', closing]] as const) annotate(name, p);
  expect(closing.stats.total.closed).toBeGreaterThan(0);
  expect(capped.stats.total.maxOpen).toBeLessThanOrEqual(17);
  expect(capped.stats.total.refused).toBe(0);
  expect(ann.errors()).toEqual([]);
});

test('a reply whose parent never comes shows once the thread is complete, saying that its parent is not available', async ({ browser }) => {
  const story = 'missing-parent';
  const other = new OtherClient();
  // The parent is signed but never published: no relay has it.
  const parent = other.comment(storyUrl(story), 'Never published.', undefined, 120);
  const reply = other.comment(storyUrl(story), 'An answer to a comment that is gone.', parent, 60);
  const answers = await publish(relay.url, [reply, other.comment(storyUrl(story), 'A comment of its own.', undefined, 30)]);
  expect([...answers.values()].map(([ok]) => ok)).toEqual([true, true]);

  const ann = await reader(browser);
  await open(ann.page, pageUrl([relay.url], storyUrl(story), story));
  await expect(loading(ann.page)).toHaveCount(0, { timeout: 20_000 });
  await expect(heading(ann.page)).toHaveText('10 Comments');
  const orphan = commentWith(ann.page, 'An answer to a comment that is gone.');
  await expect(orphan.locator('.agora-comment__answers')).toHaveText('Reply to a comment that is not available');
  // At the top level, not nested under anything.
  await expect(topLevel(ann.page).filter({ has: orphan })).toHaveCount(1);
  await expect(commentWith(ann.page, 'A comment of its own.').locator('.agora-comment__answers')).toHaveCount(0);
  await ann.page.setViewportSize({ width: 390, height: 900 });
  await orphan.scrollIntoViewIfNeeded();
  await keepScreenshot(ann.page, 'shared-missing-parent');
  expect(ann.errors()).toEqual([]);
});
