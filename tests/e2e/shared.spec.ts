import type { Browser, Locator, Page } from '@playwright/test';
import { test, expect } from './reliability';
import { commentBy, commentField, commentWith, heading, itemOf, nameField, open, post, postIn, reply, shownComments, violations, watchErrors, keepScreenshot } from './helpers';
import { OtherClient, publish, query, verifyEvent, type Event } from './nostr';
import { TestRelay } from './relay.cjs';
import { HOST } from './origins';
import { createServer } from 'node:net';
import { WebSocketServer } from 'ws';

// The shared discussion on a real Nostr relay (PyPI nostr-relay, started on
// loopback by each test): two readers are two browser contexts, each with its
// own storage and so its own key.

/** The note under the thread's composer that says who reads what is posted. */
const audience = (page: Page) => page.locator('.agora-discussion > .agora-audience');
const delivery = (comment: Locator) => comment.locator('.agora-comment__delivery');
const likeButton = (comment: Locator, author: string) =>
  comment.getByRole('button', { name: new RegExp(`^Like \\d+: ${author}`) });

/** The article's canonical URL for a test: its own scope on the relay. */
const storyUrl = (story: string) => `https://news.example/2026/${story}`;

/** The standalone page of a shared thread. */
function pageUrl(relays: TestRelay[], story: string, extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ relays: relays.map((r) => r.url).join(' '), url: storyUrl(story), thread: story, ...extra });
  return `/index.html?${query}`;
}

/** A reader with a browser profile of their own. */
async function reader(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const all = watchErrors(page);
  // Chromium itself logs a failed WebSocket connection (the relay down) as an
  // error, and a relay's information document (NIP-11) that could not be
  // read: no CORS header (the hostile test relays send none), or the relay
  // stopped while it was asked.
  const browserSays = [/^WebSocket connection to '.*' failed/, /^Access to fetch at '.*' has been blocked by CORS policy/, /^Failed to load resource: net::ERR_[A-Z_]+$/];
  const errors = { get list() { return all.filter((e) => !browserSays.some((said) => said.test(e))); } };
  return { page, errors };
}


/** The comments of a scope that the relay holds. */
const onRelay = (relay: TestRelay, story: string) => query(relay.url, { kinds: [1111], '#I': [storyUrl(story)] });

let relay: TestRelay;
test.beforeEach(async () => {
  relay = await TestRelay.start();
});
test.afterEach(async () => {
  await relay?.stop();
});

test('two readers see each other: a comment, a nested reply, likes from both, a deletion', async ({ browser }) => {
  const ann = await reader(browser);
  const bob = await reader(browser);
  const url = pageUrl([relay], 'two-readers');
  await open(ann.page, url);
  await open(bob.page, url);
  await expect(audience(ann.page)).toHaveText(/^Comments are public: signed with a key kept in this browser/);

  await post(ann.page, 'Ann', 'Hello from Ann, on the relay.');
  const annsOwn = commentWith(ann.page, 'Hello from Ann, on the relay.');
  await expect(delivery(annsOwn)).toHaveText('Sent to 1 of 1 relay');
  await expect(delivery(annsOwn)).toHaveAttribute('data-state', 'sent');

  // Bob sees it without reloading, under Ann's published name.
  await expect(heading(bob.page)).toHaveText('9 Comments');
  const annAtBob = commentBy(bob.page, 'Ann');
  await expect(annAtBob).toContainText('Hello from Ann, on the relay.');
  await expect(delivery(annAtBob)).toHaveCount(0);

  // Bob replies; Ann sees it nested under her comment.
  await reply(annAtBob, 'Bob', 'Bob answers Ann.');
  await expect(itemOf(commentBy(ann.page, 'Ann')).locator('ol.agora-thread--replies')).toContainText('Bob answers Ann.');
  await expect(heading(ann.page)).toHaveText('10 Comments');

  // Both like Ann's comment: each sees 2.
  await likeButton(commentBy(ann.page, 'Ann'), 'Ann').click();
  await likeButton(commentBy(bob.page, 'Ann'), 'Ann').click();
  for (const page of [ann.page, bob.page]) {
    await expect(likeButton(commentBy(page, 'Ann'), 'Ann')).toHaveAccessibleName('Like 2: Ann’s comment');
  }
  // Bob takes his like back: both see 1.
  await likeButton(commentBy(bob.page, 'Ann'), 'Ann').click();
  for (const page of [ann.page, bob.page]) {
    await expect(likeButton(commentBy(page, 'Ann'), 'Ann')).toHaveAccessibleName('Like 1: Ann’s comment');
  }
  await keepScreenshot(bob.page, 'shared-two-readers-bob', { fullPage: true });

  // Ann deletes: Bob sees "[deleted]" holding Bob's reply, not Ann's words.
  await commentBy(ann.page, 'Ann').getByRole('button', { name: 'Delete' }).click();
  await expect(bob.page.getByText('Hello from Ann, on the relay.')).toHaveCount(0);
  await expect(bob.page.locator('.agora-comment__deleted')).toHaveCount(1);
  await expect(bob.page.locator('.agora-thread--replies')).toContainText('Bob answers Ann.');

  // What the relay holds: Bob's reply, naming Ann's comment as its parent, and
  // Ann's deletion request for that comment (this relay honours it: it no
  // longer serves Ann's comment).
  const events = await onRelay(relay, 'two-readers');
  expect(events.map((e) => e.content)).toEqual(['Bob answers Ann.']);
  const annsId = events[0].tags.find((t) => t[0] === 'e')?.[1];
  const annsKey = events[0].tags.find((t) => t[0] === 'p')![1];
  // (Bob's taking back his like is a deletion request too, of his reaction.)
  const deletions = await query(relay.url, { kinds: [5], authors: [annsKey] });
  expect(deletions.map((d) => d.tags)).toEqual([[['e', annsId], ['k', '1111']]]);
  expect([...ann.errors.list, ...bob.errors.list]).toEqual([]);
});

test('without relays nothing is opened and the composer says comments stay in this browser', async ({ page }) => {
  const sockets: string[] = [];
  const requests: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  page.on('request', (request) => requests.push(request.url()));
  await open(page);
  await expect(audience(page)).toHaveText('Comments stay in this browser: no one else sees them.');
  await post(page, 'Ann', 'Only here.');
  await expect(commentWith(page, 'Only here.')).toBeVisible();
  await expect(commentWith(page, 'Only here.').locator('.agora-comment__delivery')).toHaveCount(0);
  expect(sockets).toEqual([]);
  expect(requests.filter((url) => url.includes('agora-relays'))).toEqual([]);
});

test('a moderator’s mute list hides a comment for every reader', async ({ browser }) => {
  const moderator = new OtherClient();
  const ann = await reader(browser);
  const bob = await reader(browser);
  const url = pageUrl([relay], 'moderated', { moderators: moderator.pubkey });
  await open(ann.page, url);
  await open(bob.page, url);
  await post(ann.page, 'Ann', 'A fine comment.');
  await post(bob.page, 'Spammer', 'Buy cheap watches now.');
  for (const page of [ann.page, bob.page]) await expect(heading(page)).toHaveText('10 Comments');

  // The moderator mutes the spam comment (by event id) from another client.
  const [spam] = (await onRelay(relay, 'moderated')).filter((e) => e.content.startsWith('Buy'));
  const mute = moderator.sign({ kind: 10000, tags: [['e', spam.id]], content: '' });
  expect((await publish(relay.url, [mute])).get(mute.id)?.[0]).toBe(true);

  await expect(ann.page.getByText('Buy cheap watches now.')).toHaveCount(0);
  await expect(heading(ann.page)).toHaveText('9 Comments');
  // Its author still has it, told that others do not see it.
  await expect(delivery(commentWith(bob.page, 'Buy cheap watches now.'))).toHaveText('Hidden from other readers by a moderator');
  // A mute list from someone who is not a moderator hides nothing.
  const stranger = new OtherClient();
  const [fine] = (await onRelay(relay, 'moderated')).filter((e) => e.content === 'A fine comment.');
  await publish(relay.url, [stranger.sign({ kind: 10000, tags: [['p', fine.pubkey]], content: '' })]);
  await bob.page.reload();
  await expect(commentBy(bob.page, 'Ann')).toContainText('A fine comment.');
});

test('offline first: a comment posted while the relay is down waits, survives a reload, and arrives exactly once', async ({ browser, trial }) => {
  const ann = await reader(browser);
  const url = pageUrl([relay], 'offline');
  await open(ann.page, url);
  // Measured on the writer's page after the test (stored and shown); the
  // other reader's copy and the relay's are asserted below.
  trial({
    fault: 'The relay is down while a reader posts, then the page reloads, then the relay comes back (the comment must remain in the writer\'s browser and reach another reader exactly once)',
    tabs: 2, posted: 1, faults: 2, expected: ['Written while the relay was down.'], pages: [ann.page], thread: 'offline',
  });
  await relay.pause();

  const postedAt = Math.floor(Date.now() / 1000);
  await post(ann.page, 'Ann', 'Written while the relay was down.');
  const mine = commentWith(ann.page, 'Written while the relay was down.');
  await expect(delivery(mine)).toHaveText('Waiting to be sent');
  await expect(delivery(mine)).toHaveAttribute('data-state', 'waiting');
  await keepScreenshot(ann.page, 'shared-waiting');

  await ann.page.reload();
  await expect(heading(ann.page)).toHaveText('9 Comments');
  await expect(delivery(commentWith(ann.page, 'Written while the relay was down.'))).toHaveText('Waiting to be sent');

  await relay.resume();
  // Reconnection backs off (up to about 3 s after two failures here).
  await expect(delivery(commentWith(ann.page, 'Written while the relay was down.'))).toHaveText('Sent to 1 of 1 relay', { timeout: 20_000 });

  const bob = await reader(browser);
  await open(bob.page, url);
  await expect(commentBy(bob.page, 'Ann')).toContainText('Written while the relay was down.');
  await ann.page.reload();
  await expect(delivery(commentWith(ann.page, 'Written while the relay was down.'))).toHaveText('Sent to 1 of 1 relay');
  // Exactly once: on the relay and on Bob's page.
  const copies = (await onRelay(relay, 'offline')).filter((e) => e.content === 'Written while the relay was down.');
  expect(copies).toHaveLength(1);
  // Dated when it was written, not when the relay came back.
  expect(copies[0].created_at).toBeLessThanOrEqual(postedAt + 1);
  expect((await shownComments(bob.page)).filter((c) => c.text === 'Written while the relay was down.')).toHaveLength(1);
  expect([...ann.errors.list, ...bob.errors.list]).toEqual([]);
});

test('interoperability: nostr-tools comments show (nested), and agora’s events verify with nostr-tools', async ({ browser }) => {
  const other = new OtherClient();
  const story = 'interop';
  const top = other.comment(storyUrl(story), 'Written with nostr-tools.');
  const profile = other.sign({ kind: 0, tags: [], content: JSON.stringify({ name: 'Tools' }) });
  await publish(relay.url, [top, profile]);

  const ann = await reader(browser);
  await open(ann.page, pageUrl([relay], story));
  await expect(commentBy(ann.page, 'Tools')).toContainText('Written with nostr-tools.');
  await reply(commentBy(ann.page, 'Tools'), 'Ann', 'Answered from agora.');
  await expect(delivery(commentWith(ann.page, 'Answered from agora.'))).toHaveText('Sent to 1 of 1 relay');
  await likeButton(commentBy(ann.page, 'Tools'), 'Tools').click();

  // agora's reply, as nostr-tools reads it: valid, and a NIP-22 reply to the other client's comment.
  const events = await onRelay(relay, story);
  const answer = events.find((e) => e.content === 'Answered from agora.')!;
  expect(verifyEvent(answer)).toBe(true);
  expect(answer.tags).toEqual(expect.arrayContaining([['I', storyUrl(story)], ['K', 'web'], ['k', '1111'], ['p', other.pubkey]]));
  expect(answer.tags.find((t) => t[0] === 'e')?.[1]).toBe(top.id);
  await expect.poll(async () => (await query(relay.url, { kinds: [7], '#e': [top.id] })).length).toBe(1);
  const [like] = await query(relay.url, { kinds: [7], '#e': [top.id] });
  expect(verifyEvent(like)).toBe(true);
  expect(like.content).toBe('+');
  const [name] = await query(relay.url, { kinds: [0], authors: [answer.pubkey] });
  expect(verifyEvent(name) && JSON.parse(name.content).name).toBe('Ann');

  // A reply from nostr-tools to agora's reply nests under it, on the third level.
  await publish(relay.url, [other.comment(storyUrl(story), 'And back from nostr-tools.', answer)]);
  const annsReply = itemOf(commentWith(ann.page, 'Answered from agora.'));
  await expect(annsReply.locator('ol.agora-thread--replies')).toContainText('And back from nostr-tools.');
  expect(ann.errors.list).toEqual([]);
});

test('hostile events written straight to the relay: nothing bad shown, nothing run, the page responsive', async ({ browser }) => {
  test.setTimeout(240_000);
  await relay.stop();
  // This relay stores what it is sent without checking signatures, so that
  // the widget itself must refuse forgeries.
  relay = await TestRelay.start({ trusting: true });
  const story = 'hostile';
  const url = storyUrl(story);
  const other = new OtherClient();
  // Older than the flood, so that they are on the first page (oldest first).
  const good = other.comment(url, 'The one honest comment.', undefined, 120);
  const badSignature = { ...other.comment(url, 'Forged signature.'), sig: '0'.repeat(128) };
  const wrongId = { ...other.comment(url, 'Original text.'), content: 'Changed after signing.' };
  const huge = other.comment(url, 'x'.repeat(1_000_000));
  const script = other.comment(url, '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> **bold**', undefined, 110);
  const impostor = other.sign({ kind: 0, tags: [], content: JSON.stringify({ name: '<b onmouseover=alert(1)>Admin</b>' }) });
  const otherScope = other.comment('https://elsewhere.example/', 'Another page’s comment.');
  // Dated 285,000 years ahead: no Date can hold it, and it would sort first forever.
  const future = other.comment(url, 'From the far future.', undefined, -9_000_000_000_000);
  const flood = Array.from({ length: 5_000 }, (_, i) => other.comment(url, `Flood ${i}`));
  await publish(relay.url, [good, badSignature, wrongId, huge, script, impostor, otherScope, future]);
  let started = Date.now();
  const answers = await publish(relay.url, flood, 120_000);
  expect(answers.size).toBe(5_000);
  test.info().annotations.push({ type: 'relay took 5,000 events (ms)', description: String(Date.now() - started) });

  const ann = await reader(browser);
  const longTasks = async () => ann.page.evaluate(() => (window as any).__longest ?? 0);
  await ann.page.addInitScript(() => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).__longest = Math.max((window as any).__longest ?? 0, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  started = Date.now();
  await ann.page.goto(pageUrl([relay], story));
  // Long tasks from the first paint on: the flood arriving, not the page's start.
  await expect(ann.page.locator('.agora-article h1')).toBeVisible();
  await ann.page.evaluate(() => { (window as any).__longest = 0; });
  // The honest comment, the script payload as text, and the flood, after the article's eight.
  await expect(heading(ann.page)).toHaveText('5,010 Comments', { timeout: 90_000 });
  test.info().annotations.push({ type: 'page showed all 5,002 (ms)', description: String(Date.now() - started) });
  await expect(commentWith(ann.page, 'The one honest comment.')).toBeVisible();
  for (const text of ['Forged signature.', 'Changed after signing.', 'Original text.', 'Another page’s comment.', 'xxxxxxxxxx', 'From the far future.']) {
    await expect(ann.page.getByText(text)).toHaveCount(0);
  }
  // The script payload is shown as the text it is, and nothing ran.
  await expect(commentWith(ann.page, '<script>window.__pwned=2</script>')).toHaveCount(1);
  expect(await ann.page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  await expect(ann.page.locator('.agora-comment img, .agora-comment script, .agora-comment b[onmouseover]')).toHaveCount(0);
  // The page still answers at once: typing into the composer shows.
  await nameField(ann.page).fill('Ann');
  await commentField(ann.page).fill('Still responsive.');
  await expect(commentField(ann.page)).toHaveValue('Still responsive.');
  await keepScreenshot(ann.page, 'shared-hostile');
  test.info().annotations.push({ type: 'longest task (ms) while 5,000 events arrived', description: String(await longTasks()) });
  expect(ann.errors.list).toEqual([]);
});

test('proof of work: a relay that requires it refuses plain posts with its reason, and takes mined ones', async ({ browser }) => {
  await relay.stop();
  relay = await TestRelay.start({ pow: 12 });
  const ann = await reader(browser);
  await open(ann.page, pageUrl([relay], 'pow-plain'));
  await post(ann.page, 'Ann', 'No work done.');
  const plain = delivery(commentWith(ann.page, 'No work done.'));
  await expect(plain).toHaveAttribute('data-state', 'refused');
  await expect(plain).toContainText(`Refused by ${relay.url}:`);

  const bob = await reader(browser);
  await bob.page.addInitScript(() => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).__longest = Math.max((window as any).__longest ?? 0, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await open(bob.page, pageUrl([relay], 'pow-mined', { pow: '12' }));
  // Long tasks from here on: the mining, not the page's start.
  await bob.page.evaluate(() => { (window as any).__longest = 0; });
  await post(bob.page, 'Bob', 'Worked for it.');
  await expect(delivery(commentWith(bob.page, 'Worked for it.'))).toHaveText('Sent to 1 of 1 relay', { timeout: 20_000 });
  const [mined] = await onRelay(relay, 'pow-mined');
  expect(mined.id.startsWith('000')).toBe(true);
  expect(mined.tags.find((t) => t[0] === 'nonce')?.[2]).toBe('12');
  test.info().annotations.push({ type: 'longest task (ms) while mining 12 bits', description: String(await bob.page.evaluate(() => (window as any).__longest ?? 0)) });

  // A refusal's words (a relay's address and reason) fit a 320 px phone, in
  // light and dark, and the page with every state passes the audit.
  for (const colorScheme of ['light', 'dark'] as const) {
    await ann.page.emulateMedia({ colorScheme });
    await ann.page.setViewportSize({ width: 320, height: 900 });
    expect(await ann.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await plain.scrollIntoViewIfNeeded();
    await keepScreenshot(ann.page, `shared-refused-320-${colorScheme}`);
    expect(await violations(ann.page)).toEqual([]);
  }
  expect(await violations(bob.page)).toEqual([]);
});

test('an article that names relays: the usual build hands over to the relay build, which shares the thread', async ({ browser }) => {
  const ann = await reader(browser);
  const requests: string[] = [];
  ann.page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const article = {
    id: 'named-relays', title: 'An article that names its relays', paragraphs: ['Shared by its own JSON.'],
    url: storyUrl('named-relays'), relays: [relay.url],
  };
  await ann.page.route((url) => url.pathname === '/named-relays.json', (route) => route.fulfill({ json: article }));
  await open(ann.page, '/index.html?src=/named-relays.json');
  await expect(audience(ann.page)).toHaveText(/^Comments are public/);
  await post(ann.page, 'Ann', 'Through the article’s relay.');
  await expect(delivery(commentWith(ann.page, 'Through the article’s relay.'))).toHaveText('Sent to 1 of 1 relay');
  expect(requests).toEqual(expect.arrayContaining(['/agora_bg.wasm', '/agora-relays_bg.wasm']));
  const [event] = await onRelay(relay, 'named-relays');
  expect(event.content).toBe('Through the article’s relay.');
  expect(ann.errors.list).toEqual([]);
});

test('the element with relays on another site: only the relay build loads, and the host page names the thread', async ({ browser }) => {
  const ann = await reader(browser);
  const requests: string[] = [];
  ann.page.on('request', (request) => requests.push(request.url()));
  const host = `${HOST}/tests/e2e/hosts/shared-story.html?relays=${encodeURIComponent(relay.url)}`;
  await ann.page.goto(host);
  const widget = ann.page.locator('agora-thread');
  await expect(widget.locator('.agora-thread__count')).toHaveText('8 Comments');
  await postIn(widget, 'Ann', 'From the element.');
  await expect(delivery(commentWith(widget, 'From the element.'))).toHaveText('Sent to 1 of 1 relay');
  // The thread is the canonical URL without its query.
  expect((await onRelay(relay, 'element')).map((e) => e.content)).toEqual(['From the element.']);
  expect(requests.filter((url) => url.endsWith('_bg.wasm')).map((url) => new URL(url).pathname)).toEqual(['/agora-relays_bg.wasm']);
  expect(ann.errors.list).toEqual([]);
});

test('an edit reaches other readers as the new text, and the edit box says how', async ({ browser }) => {
  const ann = await reader(browser);
  const bob = await reader(browser);
  const url = pageUrl([relay], 'edited');
  await open(ann.page, url);
  await open(bob.page, url);
  await post(ann.page, 'Ann', 'First words.');
  await expect(commentBy(bob.page, 'Ann')).toContainText('First words.');
  await commentBy(ann.page, 'Ann').getByRole('button', { name: 'Edit' }).click();
  await expect(ann.page.locator('.agora-edit__note')).toHaveText(
    'Other readers will see your edit as a new comment: the first version is deleted from the relays.');
  const box = ann.page.locator('.agora-edit');
  await box.getByLabel('Edit your comment').fill('Better words.');
  await box.getByRole('button', { name: 'Save' }).click();
  await expect(commentBy(bob.page, 'Ann')).toContainText('Better words.');
  await expect(bob.page.getByText('First words.')).toHaveCount(0);
  await expect(heading(bob.page)).toHaveText('9 Comments');
  await expect(delivery(commentWith(ann.page, 'Better words.'))).toHaveText('Sent to 1 of 1 relay');
  expect((await onRelay(relay, 'edited')).map((e) => e.content)).toEqual(['Better words.']);
  // After a reload the first version is still Ann's own, retracted: not shown as someone else's.
  await ann.page.reload();
  await expect(delivery(commentWith(ann.page, 'Better words.'))).toHaveText('Sent to 1 of 1 relay');
  await expect(heading(ann.page)).toHaveText('9 Comments');
  await expect(ann.page.getByText('First words.')).toHaveCount(0);
});

test('the signing key leaves the browser only when asked, with a warning, and carries the identity to another browser', async ({ browser }) => {
  const ann = await reader(browser);
  const url = pageUrl([relay], 'key-export');
  await open(ann.page, url);
  await post(ann.page, 'Ann', 'Mine, from the first browser.');
  await expect(delivery(commentWith(ann.page, 'Mine, from the first browser.'))).toHaveText('Sent to 1 of 1 relay');
  const exportFile = async () => {
    const download = ann.page.waitForEvent('download');
    await ann.page.getByRole('button', { name: 'Export my comments' }).click();
    return JSON.parse(await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString()));
  };
  expect((await exportFile()).nostr).toBeUndefined();
  await ann.page.getByLabel('Include my signing key').check();
  await expect(ann.page.locator('.agora-transfer__warning')).toHaveText('Anyone with the file can post as you. Keep it private.');
  const file = await exportFile();
  expect(file.nostr.key).toMatch(/^[0-9a-f]{64}$/);
  expect(file.nostr.events.map(([, event]: [string, Event]) => event.content)).toEqual(['Mine, from the first browser.']);

  // Another browser imports it: its comments are signed with the same key.
  const again = await reader(browser);
  await open(again.page, url);
  await again.page.locator('input[type=file]').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(again.page.locator('.agora-transfer__message')).toContainText('Imported');
  // The imported comment is this reader's, once, and known to be on the relay (not also shown as someone else's copy).
  await expect(delivery(commentWith(again.page, 'Mine, from the first browser.'))).toHaveText('Sent to 1 of 1 relay');
  expect((await shownComments(again.page)).filter((c) => c.text === 'Mine, from the first browser.')).toHaveLength(1);
  await again.page.reload();
  await expect(delivery(commentWith(again.page, 'Mine, from the first browser.'))).toHaveText('Sent to 1 of 1 relay');
  await expect(heading(again.page)).toHaveText('9 Comments');
  await post(again.page, 'Ann', 'Mine, from the second browser.');
  await expect(delivery(commentWith(again.page, 'Mine, from the second browser.'))).toHaveText('Sent to 1 of 1 relay');
  const events = await onRelay(relay, 'key-export');
  expect(new Set(events.map((e) => e.pubkey)).size).toBe(1);
  expect(events).toHaveLength(2);
});

test('a reader with a NIP-07 signer (window.nostr) signs with it, and no key is kept in the browser', async ({ browser }) => {
  const ann = await reader(browser);
  const extension = new OtherClient();
  const asked: string[] = [];
  // The extension's side, in Node: nostr-tools signs what the page asks for.
  await ann.page.exposeFunction('__extensionSign', (template: { kind: number; tags: string[][]; content: string; created_at: number }) => {
    asked.push(template.content);
    return extension.sign(template);
  });
  await ann.page.addInitScript((pubkey) => {
    (window as any).nostr = {
      getPublicKey: async () => pubkey,
      signEvent: async (event: object) => (window as any).__extensionSign(event),
    };
  }, extension.pubkey);
  await open(ann.page, pageUrl([relay], 'extension'));
  await post(ann.page, 'Ann', 'Signed by my extension.');
  await expect(delivery(commentWith(ann.page, 'Signed by my extension.'))).toHaveText('Sent to 1 of 1 relay');
  const [event] = await onRelay(relay, 'extension');
  expect(event.pubkey).toBe(extension.pubkey);
  expect(verifyEvent(event)).toBe(true);
  expect(asked).toContain('Signed by my extension.');
  expect(await ann.page.evaluate(() => localStorage.getItem('agora:v1:nostr-key'))).toBeNull();
  expect(ann.errors.list).toEqual([]);
});

test('who reads a comment, and how far it got, in Ukrainian and German', async ({ browser }) => {
  const ann = await reader(browser);
  await open(ann.page, '/index.html?lang=uk');
  await expect(audience(ann.page)).toHaveText('Коментарі залишаються в цьому браузері: ніхто інший їх не бачить.');
  await open(ann.page, '/index.html?lang=de');
  await expect(audience(ann.page)).toHaveText('Kommentare bleiben in diesem Browser: Niemand sonst sieht sie.');
  await open(ann.page, pageUrl([relay], 'german', { lang: 'de' }));
  await expect(audience(ann.page)).toHaveText(/^Kommentare sind öffentlich/);
  await ann.page.getByLabel('Name', { exact: true }).fill('Anna');
  await ann.page.getByLabel('Kommentar', { exact: true }).fill('Guten Tag.');
  await ann.page.getByRole('button', { name: 'Kommentar senden' }).click();
  await expect(delivery(commentWith(ann.page, 'Guten Tag.'))).toHaveText('An 1 von 1 Relay gesendet');
});

test('a silent relay and one that sends garbage and hangs up hide nothing the good relay returns', async ({ browser }) => {
  // A relay that accepts the connection and never says a word (not even the handshake).
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  // A relay that answers with garbage, then drops the connection.
  const garbage = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => garbage.once('listening', resolve));
  const other = new OtherClient();
  const story = 'bad-relays';
  const forged = { ...other.comment(storyUrl(story), 'From the garbage relay.'), sig: 'f'.repeat(128) };
  garbage.on('connection', (socket) => {
    for (const message of ['not json', '[', '["EVENT"]', '["EVENT","c",{"id":1}]', '["OK",42,"yes"]', '["NOTICE"]',
      JSON.stringify(['EVENT', 'c', forged]), `["EVENT","c","${'x'.repeat(200_000)}"]`, '{"EVENT":1}', '[[[[[[[[[[]]]]]]]]]]']) {
      socket.send(message);
    }
    setTimeout(() => socket.terminate(), 100);
  });
  const port = (server: { address(): unknown }) => (server.address() as { port: number }).port;
  const relays = `${relay.url} ws://127.0.0.1:${port(silent)} ws://127.0.0.1:${port(garbage)}`;
  await publish(relay.url, [other.comment(storyUrl(story), 'From the good relay.')]);
  try {
    const ann = await reader(browser);
    await open(ann.page, `/index.html?${new URLSearchParams({ relays, url: storyUrl(story), thread: story })}`);
    await expect(commentWith(ann.page, 'From the good relay.')).toBeVisible();
    await post(ann.page, 'Ann', 'Three relays, one good.');
    await expect(delivery(commentWith(ann.page, 'Three relays, one good.'))).toHaveText('Sent to 1 of 3 relays');
    await expect(ann.page.getByText('From the garbage relay.')).toHaveCount(0);
    expect((await onRelay(relay, story)).map((e) => e.content).sort()).toEqual(['From the good relay.', 'Three relays, one good.']);
    expect(ann.errors.list).toEqual([]);
  } finally {
    silent.close();
    garbage.close();
  }
});

test('a comment written before the thread was shared stays in this browser, also when edited or answered', async ({ browser }) => {
  const ann = await reader(browser);
  const story = 'before-sharing';
  await open(ann.page, `/index.html?thread=${story}`);
  await post(ann.page, 'Ann', 'Written for this browser only.');
  await open(ann.page, pageUrl([relay], story));
  const mine = commentWith(ann.page, 'Written for this browser only.');
  await expect(delivery(mine)).toHaveText('Only in this browser');
  await mine.getByRole('button', { name: 'Edit' }).click();
  await ann.page.locator('.agora-edit').getByLabel('Edit your comment').fill('Still for this browser only.');
  await ann.page.locator('.agora-edit').getByRole('button', { name: 'Save' }).click();
  await reply(commentWith(ann.page, 'Still for this browser only.'), 'Ann', 'An answer to it.');
  await post(ann.page, 'Ann', 'This one is public.');
  await expect(delivery(commentWith(ann.page, 'This one is public.'))).toHaveText('Sent to 1 of 1 relay');
  await expect(delivery(commentWith(ann.page, 'Still for this browser only.'))).toHaveText('Only in this browser');
  await expect(delivery(commentWith(ann.page, 'An answer to it.'))).toHaveText('Only in this browser');
  expect((await onRelay(relay, story)).map((e) => e.content)).toEqual(['This one is public.']);
});

test('a returning reader hears back: new replies to them listed and linked, others\' new comments marked New; a reload with nothing new shows nothing', async ({ browser }) => {
  const ann = await reader(browser);
  const url = pageUrl([relay], 'hear-back');
  await open(ann.page, url);
  // A first visit: nothing is new, and nothing is announced.
  await expect(heading(ann.page)).toHaveText('8 Comments');
  await post(ann.page, 'Ann', 'Ann asks: which harbour?');
  await expect(delivery(commentWith(ann.page, 'Ann asks: which harbour?'))).toHaveText('Sent to 1 of 1 relay');
  await expect(ann.page.locator('.agora-comment__new, .agora-replies')).toHaveCount(0);
  // Ann leaves.
  const annsContext = ann.page.context();
  await ann.page.close();

  const bob = await reader(browser);
  await open(bob.page, url);
  await reply(commentBy(bob.page, 'Ann'), 'Bob', 'Bob answers while Ann is away: the old one.');
  await expect(delivery(commentWith(bob.page, 'Bob answers while Ann is away: the old one.'))).toHaveText('Sent to 1 of 1 relay');
  await post(bob.page, 'Bob', 'Bob on the article itself.');
  await expect(delivery(commentWith(bob.page, 'Bob on the article itself.'))).toHaveText('Sent to 1 of 1 relay');

  // Ann comes back in the same browser.
  const back = await annsContext.newPage();
  const errors = watchErrors(back);
  await open(back, url);
  await expect(heading(back)).toHaveText('11 Comments');
  const notice = back.locator('.agora-replies');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice.getByRole('heading')).toHaveText('1 new reply to you');
  const link = notice.getByRole('link');
  await expect(link).toHaveText('Bob: Bob answers while Ann is away: the old one.');
  const answer = commentWith(back, 'Bob answers while Ann is away: the old one.');
  await expect(answer.locator('.agora-comment__new')).toHaveText('New');
  await expect(commentWith(back, 'Bob on the article itself.').locator('.agora-comment__new')).toHaveText('New');
  // Never her own comment, never the article's own (they have no date).
  await expect(back.locator('.agora-comment__new')).toHaveCount(2);

  await keepScreenshot(notice, 'new-replies-notice');

  // The link shows the reply even where it is folded away, in view and highlighted.
  await itemOf(commentBy(back, 'Ann')).getByRole('button', { name: 'Hide replies' }).click();
  await expect(answer).toBeHidden();
  await back.evaluate(() => window.scrollTo(0, 0));
  await link.click();
  await expect(answer).toBeVisible();
  await expect(answer).toHaveClass(/agora-comment--highlighted/);
  await expect(answer).toBeInViewport();
  expect(await violations(back)).toEqual([]);
  await keepScreenshot(back, 'new-replies-to-you');

  // Nothing arrived since: no notice and no marks.
  await back.reload();
  await expect(heading(back)).toHaveText('11 Comments');
  await expect(commentWith(back, 'Bob on the article itself.')).toBeVisible();
  await expect(back.locator('.agora-comment__new, .agora-replies')).toHaveCount(0);
  expect(errors.filter((e) => !/^WebSocket connection to '.*' failed/.test(e))).toEqual([]);
  expect(bob.errors.list).toEqual([]);
});

/** A NIP-07 signer in the page (as a browser extension adds one), holding `client`'s key. */
async function withSigner(page: Page, client: OtherClient) {
  await page.exposeFunction('agoraTestSign', (event: { kind: number; tags: string[][]; content: string; created_at: number }) =>
    client.sign({ kind: event.kind, tags: event.tags, content: event.content, created_at: event.created_at }),
  );
  await page.addInitScript((pubkey) => {
    (window as any).nostr = {
      getPublicKey: async () => pubkey,
      signEvent: async (event: object) => (window as any).agoraTestSign(event),
    };
  }, client.pubkey);
}

/** The newest mute list of `author` on the relay. */
async function muteListOf(author: string) {
  const lists = await query(relay.url, { kinds: [10000], authors: [author] });
  return lists.sort((a, b) => b.created_at - a.created_at)[0];
}

test('a moderator hides and unhides from the widget, a comment and an author, live for other readers; their list keeps every entry it had', async ({ browser }) => {
  const moderator = new OtherClient();
  const someone = new OtherClient();
  // The moderator's list as another Nostr app left it: a muted key, and private entries (encrypted content).
  const earlier = moderator.sign({ kind: 10000, tags: [['p', someone.pubkey]], content: 'ZW5jcnlwdGVk?iv=c29tZQ==', created_at: Math.floor(Date.now() / 1000) - 60 });
  expect((await publish(relay.url, [earlier])).get(earlier.id)?.[0]).toBe(true);
  const url = pageUrl([relay], 'moderating', { moderators: moderator.pubkey });
  const ann = await reader(browser);
  const spammer = await reader(browser);
  await open(ann.page, url);
  await open(spammer.page, url);
  await post(ann.page, 'Ann', 'Ann writes something fine.');
  await post(spammer.page, 'Spammer', 'Buy cheap watches now.');
  await post(spammer.page, 'Spammer', 'And cheap bags too.');
  for (const text of ['Buy cheap watches now.', 'And cheap bags too.']) {
    await expect(delivery(commentWith(spammer.page, text))).toHaveText('Sent to 1 of 1 relay');
  }
  await expect(heading(ann.page)).toHaveText('11 Comments');

  const mod = await reader(browser);
  await withSigner(mod.page, moderator);
  await open(mod.page, url);
  await expect(heading(mod.page)).toHaveText('11 Comments');
  await expect(mod.page.locator('.agora-thread__loading')).toHaveCount(0);
  // On others' comments only: never the article's own.
  await expect(mod.page.getByRole('button', { name: /^Hide the comment by / })).toHaveCount(3);

  const spam = commentWith(mod.page, 'Buy cheap watches now.');
  await spam.getByRole('button', { name: 'Hide the comment by Spammer' }).click();
  await expect(ann.page.getByText('Buy cheap watches now.')).toHaveCount(0);
  await expect(heading(ann.page)).toHaveText('10 Comments');
  // The moderator still sees it, marked, with Unhide; its author is told.
  await expect(spam.locator('.agora-comment__hidden')).toHaveText('Hidden by a moderator');
  await expect(delivery(commentWith(spammer.page, 'Buy cheap watches now.'))).toHaveText('Hidden from other readers by a moderator');
  const [spamEvent] = (await onRelay(relay, 'moderating')).filter((e) => e.content === 'Buy cheap watches now.');
  let list = await muteListOf(moderator.pubkey);
  expect(list.tags).toEqual([['p', someone.pubkey], ['e', spamEvent.id]]);
  expect(list.content).toBe(earlier.content);
  await keepScreenshot(mod.page, 'moderator-hid-a-comment');

  // Unhide brings it back for everyone.
  await spam.getByRole('button', { name: 'Unhide the comment by Spammer' }).click();
  await expect(ann.page.getByText('Buy cheap watches now.')).toHaveCount(1);
  await expect(spam.locator('.agora-comment__hidden')).toHaveCount(0);

  // Hiding the author hides all they wrote, also for readers who arrive later.
  await commentWith(mod.page, 'And cheap bags too.').getByRole('button', { name: 'Hide all by Spammer' }).click();
  await expect(ann.page.getByText(/cheap/)).toHaveCount(0);
  const late = await reader(browser);
  await open(late.page, url);
  await expect(heading(late.page)).toHaveText('9 Comments');
  await expect(late.page.locator('.agora-thread__loading')).toHaveCount(0);
  await expect(late.page.getByText(/cheap/)).toHaveCount(0);
  list = await muteListOf(moderator.pubkey);
  expect(list.tags).toEqual([['p', someone.pubkey], ['p', spamEvent.pubkey]]);
  expect(list.content).toBe(earlier.content);
  // Readers who are not moderators are offered nothing of this.
  await expect(ann.page.getByRole('button', { name: /^Hide/ })).toHaveCount(0);
  for (const r of [ann, spammer, mod, late]) expect(r.errors.list).toEqual([]);
});

test('a moderator without a mute list on the relays is refused in words, and nothing is published', async ({ browser }) => {
  const moderator = new OtherClient();
  const url = pageUrl([relay], 'no-list', { moderators: moderator.pubkey });
  const ann = await reader(browser);
  await open(ann.page, url);
  await post(ann.page, 'Ann', 'Ann writes.');
  await expect(delivery(commentWith(ann.page, 'Ann writes.'))).toHaveText('Sent to 1 of 1 relay');

  const mod = await reader(browser);
  await withSigner(mod.page, moderator);
  await open(mod.page, url);
  await expect(mod.page.locator('.agora-thread__loading')).toHaveCount(0);
  await commentWith(mod.page, 'Ann writes.').getByRole('button', { name: 'Hide the comment by Ann' }).click();
  await expect(mod.page.getByRole('alert')).toHaveText(/^Nothing was changed: none of this thread's relays has your mute list/);
  await expect(commentWith(ann.page, 'Ann writes.')).toBeVisible();
  expect(await query(relay.url, { kinds: [10000], authors: [moderator.pubkey] })).toEqual([]);
  expect(mod.errors.list).toEqual([]);
});

test('approval first: a new author is seen by themselves and the moderator only; once approved, by everyone, also their next comment', async ({ browser }) => {
  const moderator = new OtherClient();
  const url = pageUrl([relay], 'approval', { moderators: moderator.pubkey, moderation: 'approve' });
  const ann = await reader(browser);
  const bob = await reader(browser);
  await open(ann.page, url);
  await open(bob.page, url);
  await post(ann.page, 'Ann', 'Ann, new here.');
  const own = commentWith(ann.page, 'Ann, new here.');
  await expect(delivery(own)).toHaveText("Waiting for a moderator's approval");
  await expect(delivery(own)).toHaveAttribute('data-state', 'pending');

  const mod = await reader(browser);
  await withSigner(mod.page, moderator);
  await open(mod.page, url);
  await expect(mod.page.locator('.agora-thread__loading')).toHaveCount(0);
  const waiting = commentWith(mod.page, 'Ann, new here.');
  await expect(waiting.locator('.agora-comment__hidden')).toHaveText("Waiting for a moderator's approval");
  // The heading says what every reader sees: the article's eight.
  await expect(heading(mod.page)).toHaveText('8 Comments');
  await expect(bob.page.getByText('Ann, new here.')).toHaveCount(0);
  await waiting.scrollIntoViewIfNeeded();
  await keepScreenshot(itemOf(waiting), 'moderator-approves');

  await waiting.getByRole('button', { name: 'Approve Ann' }).click();
  await expect(commentWith(bob.page, 'Ann, new here.')).toBeVisible();
  await expect(heading(bob.page)).toHaveText('9 Comments');
  await expect(delivery(own)).toHaveText('Sent to 1 of 1 relay');
  await expect(waiting.getByRole('button', { name: 'Approve Ann' })).toHaveCount(0);
  const [set] = await query(relay.url, { kinds: [30000], authors: [moderator.pubkey], '#d': ['agora-approved'] });
  const [annsEvent] = (await onRelay(relay, 'approval')).filter((e) => e.content === 'Ann, new here.');
  expect(set.tags).toEqual([['d', 'agora-approved'], ['p', annsEvent.pubkey]]);

  // Her next comment needs no approval.
  await post(ann.page, 'Ann', 'Ann again, later.');
  await expect(commentWith(bob.page, 'Ann again, later.')).toBeVisible();
  // Bob, not approved, is waiting in turn.
  await post(bob.page, 'Bob', 'Bob is new too.');
  await expect(delivery(commentWith(bob.page, 'Bob is new too.'))).toHaveText("Waiting for a moderator's approval");
  await expect(ann.page.getByText('Bob is new too.')).toHaveCount(0);
  for (const r of [ann, bob, mod]) expect(r.errors.list).toEqual([]);
});

test('a moderator key brought in with "Import comments…" moderates at once, without a reload', async ({ browser }) => {
  const moderator = new OtherClient();
  const list = moderator.sign({ kind: 10000, tags: [], content: '' });
  expect((await publish(relay.url, [list])).get(list.id)?.[0]).toBe(true);
  const url = pageUrl([relay], 'import-moderator', { moderators: moderator.pubkey });
  const ann = await reader(browser);
  await open(ann.page, url);
  await post(ann.page, 'Ann', 'Ann writes.');
  await expect(delivery(commentWith(ann.page, 'Ann writes.'))).toHaveText('Sent to 1 of 1 relay');

  const mod = await reader(browser);
  await open(mod.page, url);
  await expect(mod.page.locator('.agora-thread__loading')).toHaveCount(0);
  await expect(mod.page.getByRole('button', { name: /^Hide the comment by/ })).toHaveCount(0);
  const file = {
    format: 'agora-export', version: 1, thread: 'import-moderator', exported_at: Date.now(), comments: [], likes: [],
    nostr: { key: Buffer.from(moderator.secret).toString('hex'), events: [] },
  };
  await mod.page.locator('input[type=file]').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await commentWith(mod.page, 'Ann writes.').getByRole('button', { name: 'Hide the comment by Ann' }).click();
  // Its author is told; others no longer see it.
  await expect(delivery(commentWith(ann.page, 'Ann writes.'))).toHaveText('Hidden from other readers by a moderator');
  expect((await muteListOf(moderator.pubkey)).tags).toEqual([['e', (await onRelay(relay, 'import-moderator'))[0].id]]);
  for (const r of [ann, mod]) expect(r.errors.list).toEqual([]);
});
