import { test, expect, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { commentField, heading, keepScreenshot, open, post, watchErrors } from './helpers';
import { OtherClient, publish } from './nostr';
import { TestRelay } from './relay.cjs';
import { ASSETS, HOST } from './origins';

// <agora-count> on a listing page of another origin (tests/e2e/hosts/listing.html):
// the count of a thread in its heading's words, the same number the thread
// shows, live as the reader posts, within a listing page's budget.

const listing = `${HOST}/tests/e2e/hosts/listing.html`;
const count = (page: Page, id: string) => page.locator(`#${id} agora-count`);
const storyUrl = (story: string) => `https://news.example/2026/${story}`;

test('a listing counts local threads, live as the reader posts in another tab and in a widget on the page; a broken src shows nothing', async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.goto(`${listing}?widget=1`);
  await expect(count(page, 'local')).toHaveText('3 Comments');
  await expect(count(page, 'built-in')).toHaveText('8 Comments');
  await expect(count(page, 'local-uk')).toHaveText('3 коментарі');
  // Nothing for an article that cannot be loaded: not "0 Comments".
  await expect(count(page, 'broken')).toHaveText('');
  await expect(count(page, 'broken')).toBeEmpty();

  // The reader posts in the story's own page in another tab.
  const story = await context.newPage();
  await story.goto(`${HOST}/tests/e2e/hosts/local-story.html`);
  const thread = story.locator('agora-thread');
  await expect(thread.locator('.agora-thread__count')).toHaveText('3 Comments');
  await post(story, 'Reader', 'Posted in another tab.');
  await expect(thread.locator('.agora-thread__count')).toHaveText('4 Comments');
  await expect(count(page, 'local')).toHaveText('4 Comments');
  await expect(count(page, 'local-uk')).toHaveText('4 коментарі');
  await expect(count(page, 'built-in')).toHaveText('8 Comments');

  // And in the discussion on the listing page itself (no storage event
  // reaches the tab that wrote).
  const widget = page.locator('body > agora-thread');
  await expect(widget.locator('.agora-thread__count')).toHaveText('4 Comments');
  await post(page, 'Reader', 'Posted on the listing page.');
  await expect(widget.locator('.agora-thread__count')).toHaveText('5 Comments');
  await expect(count(page, 'local')).toHaveText('5 Comments');
  await expect(count(page, 'local-uk')).toHaveText('5 коментарів');
  await expect(commentField(page)).toHaveValue('');
  await expect(count(page, 'broken')).toBeEmpty();
  expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
});

test('Ukrainian words and plural forms on lang="uk" counts', async ({ page }) => {
  await page.goto(listing);
  await expect(count(page, 'one-uk')).toHaveText('1 коментар');
  await expect(count(page, 'local-uk')).toHaveText('3 коментарі');
  await keepScreenshot(page, 'counts-listing');
});

test.describe('with a relay', () => {
  let relay: TestRelay;
  test.beforeEach(async () => {
    relay = await TestRelay.start();
  });
  test.afterEach(async () => {
    await relay?.stop();
  });

  test('a shared thread counts what its thread shows: deleted, muted and forged comments left out, a reply counted', async ({ page, browser }) => {
    // A second relay that stores what it is sent unchecked, as a hostile
    // one would; it holds the deletion request, so that the count has to
    // ask for it (an honest relay of this kind drops what is deleted).
    const loose = await TestRelay.start({ trusting: true });
    try {
      const [ann, ben, spammer, moderator] = [new OtherClient(), new OtherClient(), new OtherClient(), new OtherClient()];
      const url = storyUrl('counted');
      const kept = ann.comment(url, 'A comment that stays.', undefined, 60);
      const deleted = ben.comment(url, 'A comment its author deletes.', undefined, 50);
      const spam = spammer.comment(url, 'Buy cheap watches now.', undefined, 40);
      const answer = ben.comment(`${url}/`, 'A reply, in the other spelling of the page.', kept, 30);
      const deletion = ben.sign({ kind: 5, tags: [['e', deleted.id], ['k', '1111']], content: '' });
      const mute = moderator.sign({ kind: 10000, tags: [['e', spam.id]], content: '' });
      const forged = { ...ann.comment(url, 'A forged comment.', undefined, 20), sig: kept.sig };
      const tampered = { ...ann.comment(url, 'A comment as signed.', undefined, 10), content: 'A tampered comment.' };
      const honest = await publish(relay.url, [kept, deleted, spam, answer, mute]);
      expect([kept, deleted, spam, answer, mute].map((e) => honest.get(e.id)?.[0])).toEqual([true, true, true, true, true]);
      const unchecked = await publish(loose.url, [deletion, forged, tampered]);
      expect([deletion, forged, tampered].map((e) => unchecked.get(e.id)?.[0])).toEqual([true, true, true]);

      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url().replace(/\/$/, '')));
      const query = new URLSearchParams({ relays: `${relay.url} ${loose.url}`, url, thread: 'counted', moderators: moderator.pubkey });
      await page.goto(`${listing}?${query}`);
      // The built-in article's 8, and the two that stay.
      await expect(count(page, 'shared')).toHaveText('10 Comments');
      expect(sockets.sort()).toEqual([relay.url, loose.url].sort());

      // The thread itself, for another reader, once every older comment is in.
      const other = await (await browser.newContext()).newPage();
      await open(other, `/index.html?${query}`);
      await expect(other.locator('.agora-thread__loading')).toHaveCount(0);
      await expect(heading(other)).toHaveText('10 Comments');
      await expect(other.getByText('A comment that stays.')).toHaveCount(1);
      for (const gone of ['A comment its author deletes.', 'Buy cheap watches now.', 'A forged comment.', 'A tampered comment.']) {
        await expect(other.getByText(gone)).toHaveCount(0);
      }
      expect(await count(page, 'shared').textContent()).toBe(await heading(other).textContent());
      await keepScreenshot(page, 'counts-listing-shared');
    } finally {
      await loose.stop();
    }
  });

  test('approval first: the count is what the thread shows every reader, its moderator too; an author waiting for approval is not counted', async ({ page, browser }) => {
    const [ann, ben, moderator] = [new OtherClient(), new OtherClient(), new OtherClient()];
    const url = storyUrl('approval');
    const approved = ann.comment(url, 'Ann, whom the moderator approved.', undefined, 60);
    const waiting = ben.comment(url, 'Ben, waiting for approval.', undefined, 50);
    const own = moderator.comment(url, 'The moderator, who needs no approval.', undefined, 40);
    // The moderator's set of approved authors (NIP-51 follow set), as agora's Approve publishes it.
    const set = moderator.sign({ kind: 30000, tags: [['d', 'agora-approved'], ['p', ann.pubkey]], content: '' });
    const sent = await publish(relay.url, [approved, waiting, own, set]);
    expect([approved, waiting, own, set].map((e) => sent.get(e.id)?.[0])).toEqual([true, true, true, true]);

    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url().replace(/\/$/, '')));
    const query = new URLSearchParams({ relays: relay.url, url, thread: 'approval', moderators: moderator.pubkey, moderation: 'approve' });
    await page.goto(`${listing}?${query}`);
    // The built-in article's 8, Ann's and the moderator's.
    await expect(count(page, 'shared')).toHaveText('10 Comments');
    expect(sockets).toEqual([relay.url]);

    // The thread itself, for another reader.
    const other = await (await browser.newContext()).newPage();
    await open(other, `/index.html?${query}`);
    await expect(other.locator('.agora-thread__loading')).toHaveCount(0);
    await expect(heading(other)).toHaveText('10 Comments');
    await expect(other.getByText('Ann, whom the moderator approved.')).toHaveCount(1);
    await expect(other.getByText('Ben, waiting for approval.')).toHaveCount(0);
    expect(await count(page, 'shared').textContent()).toBe(await heading(other).textContent());

    // And for the moderator (a NIP-07 signer holding their key), who also
    // sees Ben's comment, marked: the heading is the same.
    const mod = await (await browser.newContext()).newPage();
    await mod.addInitScript((pubkey) => {
      (window as any).nostr = { getPublicKey: async () => pubkey, signEvent: async () => { throw new Error('not in this test'); } };
    }, moderator.pubkey);
    await open(mod, `/index.html?${query}`);
    await expect(mod.locator('.agora-thread__loading')).toHaveCount(0);
    await expect(mod.getByText('Ben, waiting for approval.')).toHaveCount(1);
    await expect(mod.getByRole('button', { name: /^Approve / })).toHaveCount(1);
    await expect(heading(mod)).toHaveText('10 Comments');
  });

  test('20 counts on one page: at most 15 KB gzip of agora and one connection per relay', async ({ page }) => {
    const reader = new OtherClient();
    await publish(relay.url, [0, 1, 2].map((i) => reader.comment(storyUrl(`many-${i}`), `Comment ${i}.`, undefined, 10 + i)));
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url().replace(/\/$/, '')));
    const responses: Promise<{ url: string; gzip: number }>[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${ASSETS}/`)) {
        responses.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length })));
      }
    });
    const query = new URLSearchParams({ relays: relay.url, many: '20', lang: 'uk' });
    await page.goto(`${listing}?${query}`);
    const many = page.locator('[id^=many-] agora-count');
    await expect(many).toHaveCount(20);
    await expect(count(page, 'many-0')).toHaveText('9 коментарів');
    await expect(count(page, 'many-2')).toHaveText('9 коментарів');
    await expect(count(page, 'many-19')).toHaveText('8 коментарів');
    // Where the element has no lang, the page's ?lang= decides, as for the thread.
    await expect(count(page, 'local')).toHaveText('3 коментарі');
    await expect(count(page, 'broken')).toBeEmpty();

    // One connection to the relay for all twenty.
    expect(sockets).toEqual([relay.url]);
    const loaded = await Promise.all(responses);
    const total = loaded.reduce((sum, r) => sum + r.gzip, 0);
    console.log(`agora on a listing page of ${await page.locator('agora-count').count()} counts: ${total} bytes gzip in ${loaded.length} files: ${loaded.map((r) => `${new URL(r.url).pathname} ${r.gzip}`).join(', ')}`);
    expect(total).toBeLessThanOrEqual(15 * 1024);
    // The counts load no WebAssembly and no thread styles.
    expect(loaded.map((r) => r.url).filter((u) => /\.wasm$|agora\.css|agora(-relays)?\.js$/.test(u))).toEqual([]);
  });
});

test('a thread page without counts loads no counting code', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${HOST}/tests/e2e/hosts/local-story.html`);
  await expect(page.locator('agora-thread .agora-thread__count')).toHaveText(/Comments?$/);
  expect(requests.filter((url) => /count\.js|schnorr\.js|seed\.json/.test(url))).toEqual([]);
});
