import {
  commentField, heading, open, post, seed, shownComments, storedEntries, watchErrors,
} from './helpers';
import { expect, test } from './reliability';

test('storage full: the post is refused with a message, the text stays, nothing earlier is lost', async ({ page, trial }) => {
  const errors = watchErrors(page);
  trial({
    fault: 'Storage filled to the quota by another key of the site, then a post', tabs: 1, posted: 1, faults: 1,
    note: 'the post is refused with its text kept; the earlier comment must remain',
    expected: ['Posted before the storage filled up.'], pages: [page],
  });
  await open(page);
  await post(page, 'Ann', 'Posted before the storage filled up.');
  await expect(heading(page)).toHaveText('9 Comments');

  // Fill the origin's real quota with another key, as another app on the site could.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let index = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler-${index++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });

  await commentField(page).fill('This will not fit.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('alert')).toHaveText(/storage for the site is full\. Your text is still here\./);
  await expect(commentField(page)).toHaveValue('This will not fit.');
  await expect(heading(page)).toHaveText('9 Comments');

  await page.reload();
  await expect(heading(page)).toHaveText('9 Comments');
  expect((await shownComments(page))[8].text).toBe('Posted before the storage filled up.');
  expect(errors).toEqual([]);
});

test('storage blocked: thread shows, a notice explains, posting works for the visit', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await open(page);
  await expect(heading(page)).toHaveText('8 Comments');
  await expect(page.getByRole('status').filter({ hasText: 'does not let the page keep data' })).toBeVisible();
  await post(page, 'Ann', 'Kept for this visit only.');
  await expect(heading(page)).toHaveText('9 Comments');
  await expect(commentField(page)).toHaveValue('');
  expect(errors).toEqual([]);
});

test('storage blocked: the WebAssembly asks for storage once, for the store\'s check, and never through gloo-storage', async ({ page }) => {
  const errors = watchErrors(page);
  // Every read of `window.localStorage` throws, and leaves its call stack:
  // gloo-storage reads it on every call, so a call that skipped the store's
  // check would show up as a second read from WebAssembly (and throw).
  await page.addInitScript(() => {
    const stacks: string[] = [];
    (window as any).__storageReads = stacks;
    Object.defineProperty(window, 'localStorage', {
      get() {
        Error.stackTraceLimit = 100;
        stacks.push(new Error().stack ?? '');
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await open(page);
  await expect(page.getByRole('status').filter({ hasText: 'does not let the page keep data' })).toBeVisible();
  // The store's reads and writes: sort, like, draft, post (and the name), delete.
  await page.getByRole('button', { name: 'Newest' }).click();
  await page.locator('article.agora-comment').first().getByRole('button', { name: /^Like/ }).click();
  await commentField(page).fill('A draft.');
  await post(page, 'Ann', 'Kept for this visit only.');
  await expect(heading(page)).toHaveText('9 Comments');
  const mine = page.locator('article.agora-comment').filter({ hasText: 'Kept for this visit only.' });
  await mine.getByRole('button', { name: 'Delete' }).click();
  await expect(heading(page)).toHaveText('8 Comments');
  const stacks: string[] = await page.evaluate(() => (window as any).__storageReads);
  const fromWasm = stacks.filter((stack) => stack.includes('wasm-function['));
  expect(fromWasm, fromWasm.join('\n\n')).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('storage throwing on write: the post is refused with its reason and the text stays', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.includes(':c:')) throw new DOMException('The disk is on fire.', 'UnknownError');
      return setItem.call(this, key, value);
    };
  });
  await open(page);
  await post(page, 'Ann', 'This write will throw.');
  await expect(page.getByRole('alert')).toHaveText(/could not save it \(UnknownError\)\. Your text is still here\./);
  await expect(commentField(page)).toHaveValue('This write will throw.');
  await expect(heading(page)).toHaveText('8 Comments');
  expect(errors).toEqual([]);
});

test('corrupt stored data costs only itself: it is kept aside and the page works', async ({ page, trial }) => {
  const errors = watchErrors(page);
  trial({
    fault: 'Two corrupt comment entries (truncated JSON, unknown version) beside a valid one, then a post', tabs: 1, posted: 2, faults: 2,
    note: 'the valid stored comment and the new one must remain',
    expected: ['I survive.', 'Posting still works.'], pages: [page],
  });
  await open(page);
  const prefix = `agora:v1:${seed.id}`;
  await page.evaluate((prefix) => {
    localStorage.setItem(`${prefix}:c:bad-1`, '{"v":1,"id":"bad-1","author":');
    localStorage.setItem(`${prefix}:c:bad-2`, '{"v":7,"id":"bad-2","author":"A","text":"B","at":1}');
    localStorage.setItem(`${prefix}:c:good-1`,
      JSON.stringify({ v: 1, id: 'good-1', author: 'Valid', text: 'I survive.', at: Date.now() - 120_000 }));
    localStorage.setItem('host-app:settings', '{"theme":"blue"}');
  }, prefix);
  await page.reload();
  await expect(heading(page)).toHaveText('9 Comments');
  expect((await shownComments(page))[8]).toEqual({ author: 'Valid', text: 'I survive.' });

  const entries = await storedEntries(page);
  expect(entries[`${prefix}:aside:bad-1`]).toBe('{"v":1,"id":"bad-1","author":');
  expect(entries[`${prefix}:aside:bad-2`]).toContain('"v":7');
  expect(entries[`${prefix}:c:bad-1`]).toBeUndefined();
  expect(await page.evaluate(() => localStorage.getItem('host-app:settings'))).toBe('{"theme":"blue"}');

  await post(page, 'Ann', 'Posting still works.');
  await expect(heading(page)).toHaveText('10 Comments');
  await page.reload();
  await expect(heading(page)).toHaveText('10 Comments');
  expect(errors).toEqual([]);
});

test('garbage written by another tab while the page is open is ignored', async ({ context, trial }) => {
  const page = await context.newPage();
  const other = await context.newPage();
  trial({
    fault: 'Another tab writes garbage into a comment key, clears storage, then posts, while the page is open', tabs: 2, posted: 1, faults: 2,
    expected: ['After the clear.'], pages: [page, other],
  });
  const errors = watchErrors(page);
  await open(page);
  await open(other);
  await commentField(page).fill('Half-written comment.');
  await other.evaluate((key) => localStorage.setItem(key, 'not json at all'), `agora:v1:${seed.id}:c:zz-1`);
  await other.evaluate(() => localStorage.clear());
  await post(other, 'Bob', 'After the clear.');
  await expect(heading(page)).toHaveText('9 Comments');
  await expect(commentField(page)).toHaveValue('Half-written comment.');
  expect(errors).toEqual([]);
});
