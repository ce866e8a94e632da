import { test, expect, type Page } from '@playwright/test';
import { heading, open, post, shownComments } from './helpers';

test('a second tab shows a comment posted in the first without a reload', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await open(first);
  await open(second);
  await post(first, 'Ann', 'Hello from tab one.');
  await expect(heading(second)).toHaveText('9 Comments');
  expect((await shownComments(second))[8]).toEqual({ author: 'Ann', text: 'Hello from tab one.' });
});

test('two tabs posting at the same moment both keep their comment', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await open(first);
  await open(second);
  for (const [page, name] of [[first, 'Ann'], [second, 'Bob']] as const) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Comment', { exact: true }).fill(`${name} at the same moment`);
  }
  // Submit both in the same turn of the event loop of the test.
  await Promise.all([first, second].map((page) =>
    page.evaluate(() => document.querySelector<HTMLFormElement>('form.agora-composer')!.requestSubmit())));
  for (const page of [first, second]) {
    await expect(heading(page)).toHaveText('10 Comments');
    await page.reload();
    await expect(heading(page)).toHaveText('10 Comments');
    const texts = (await shownComments(page)).slice(8).map((c) => c.text).sort();
    expect(texts).toEqual(['Ann at the same moment', 'Bob at the same moment']);
  }
});

test('what changes in storage while a page is still loading is shown when it mounts', async ({ context }) => {
  // The page reads storage ahead while its WebAssembly downloads (src/store.js);
  // here the download is held back so that changes land in between.
  const hold = async (page: Page) => {
    let release!: () => void;
    let requested!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const wasmRequested = new Promise<void>((resolve) => { requested = resolve; });
    await page.route('**/agora_bg.wasm', async (route) => { requested(); await held; await route.continue(); });
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    // The read-ahead is a 0 ms timer set when src/store.js is evaluated, which
    // is before init() requests the WebAssembly. Once that request is seen, a
    // 0 ms timer set now fires after it (timers of equal delay run in order).
    await wasmRequested;
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    return release;
  };
  const other = await context.newPage();
  await open(other);
  await post(other, 'Ann', 'Before the other tab loads.');

  // Another tab edits a comment (same number of entries; a storage event here)...
  const loading = await context.newPage();
  const release = await hold(loading);
  const mine = other.locator('article.agora-comment').filter({ hasText: 'Before the other tab loads.' });
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByLabel('Edit your comment').fill('Edited while the other tab was loading.');
  await mine.getByRole('button', { name: 'Save' }).click();
  await expect(mine).toHaveCount(0);
  release();
  await expect(heading(loading)).toHaveText('9 Comments');
  expect((await shownComments(loading))[8]).toEqual({ author: 'Ann', text: 'Edited while the other tab was loading.' });

  // ...and this page's own script adds an entry (no storage event for that).
  const again = await context.newPage();
  const releaseAgain = await hold(again);
  await again.evaluate(() => localStorage.setItem('agora:v1:trump-putin-call:c:zz-1',
    JSON.stringify({ v: 1, id: 'zz-1', author: 'Bob', text: 'Written by the page itself.', at: Date.now() })));
  releaseAgain();
  await expect(heading(again)).toHaveText('10 Comments');
});
