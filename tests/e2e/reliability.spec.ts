import { type Page } from '@playwright/test';
import { commentField, composer, heading, nameField, open, post, seed, watchErrors } from './helpers';
import { expect, test } from './reliability';

const storedComments = (page: Page) => page.evaluate((prefix) =>
  Object.keys(localStorage).filter((k) => k.startsWith(prefix)).length, `agora:v1:${seed.id}:c:`);

/** Texts of all comments shown, as the reader sees them. */
const shownTexts = (page: Page) => page.locator('article.agora-comment .agora-formatted').allTextContents();

test('three tabs posting 100 comments each at once, with likes and edits, lose nothing', async ({ context, trial }) => {
  // No timing is asserted here. It took 2.8 min on a two-core machine shared
  // with another build and timed out once at 3 min, hence the room.
  test.setTimeout(360_000);
  const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
  const postedTexts = [0, 1, 2].flatMap((tab) => Array.from({ length: 100 }, (_, i) => `tab ${tab} comment ${i}`));
  trial({
    fault: 'Three tabs post 100 comments each at the same time, liking and editing as they go',
    tabs: 3, posted: 300, faults: 60, expected: postedTexts, pages, normalize: (text) => text.replace(/ \(edited\)/g, ''),
  });
  const errors = pages.map(watchErrors);
  for (const page of pages) await open(page);
  // Each tab posts as fast as it can, through the real composer; every tenth
  // post it also likes a comment and edits one of its own.
  await Promise.all(pages.map((page, tab) => page.evaluate(async (tab) => {
    const form = document.querySelector<HTMLFormElement>('.agora-discussion > form.agora-composer')!;
    const set = (element: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      element.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    };
    set(form.querySelector('input[name=name]')!, `Tab ${tab}`);
    for (let i = 0; i < 100; i++) {
      set(form.querySelector('textarea[name=comment]')!, `tab ${tab} comment ${i}`);
      form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      if (i % 10 === 9) {
        const likes = document.querySelectorAll<HTMLButtonElement>('.agora-action--like');
        likes[(i * 7 + tab) % likes.length].click();
        const edits = [...document.querySelectorAll<HTMLButtonElement>('.agora-action')].filter((b) => b.textContent === 'Edit');
        edits[0]?.click();
        // The edit box renders on a later task: wait for it (a bounded number of turns).
        for (let turn = 0; edits[0] && turn < 100 && !document.querySelector('.agora-edit textarea'); turn++) {
          await new Promise((resolve) => setTimeout(resolve));
        }
        const editor = document.querySelector<HTMLTextAreaElement>('.agora-edit textarea');
        if (editor) {
          set(editor, `${editor.value} (edited)`);
          [...document.querySelectorAll<HTMLButtonElement>('.agora-edit button')].find((b) => b.textContent === 'Save')!.click();
        }
      }
      // Not a wait for anything: one turn of the event loop between posts, so
      // that the other tabs' storage events interleave with this tab's posts.
      await new Promise((resolve) => setTimeout(resolve));
    }
  }, tab)));
  for (const page of pages) {
    await page.reload();
    await expect(heading(page)).toHaveText('308 Comments');
    for (const sort of ['Oldest', 'Newest', 'Most liked']) {
      await page.getByRole('button', { name: sort }).click();
      while (await page.getByRole('button', { name: /^Show \d+ more$/ }).count()) {
        await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
      }
      const texts = (await shownTexts(page)).map((t) => t.replace(/ \(edited\)/g, ''));
      for (let tab = 0; tab < 3; tab++) {
        for (let i = 0; i < 100; i++) {
          const copies = texts.filter((t) => t === `tab ${tab} comment ${i}`).length;
          expect(copies, `tab ${tab} comment ${i} shown ${copies} times`).toBe(1);
        }
      }
      await page.reload();
    }
  }
  expect(await storedComments(pages[0])).toBe(300);
  for (const list of errors) expect(list).toEqual([]);
});

test('storage full: the post is refused and kept; deleting an own comment makes room again', async ({ page, trial }) => {
  const errors = watchErrors(page);
  const long = `An earlier comment that takes some room. ${'x'.repeat(400)}`;
  // The long one is deleted on purpose to make room; the other two must remain.
  const outcome = trial({
    fault: 'Storage filled to the quota, post refused, then room made by a delete', tabs: 1, posted: 3, faults: 1,
    expected: ['Kept from before.', 'This comment has to wait for room.'], pages: [page],
  });
  await open(page);
  await post(page, 'Ann', 'Kept from before.');
  await post(page, 'Ann', long);
  await expect(heading(page)).toHaveText('10 Comments');
  const fills = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let count = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler-${count}`, chunk);
        count++;
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return count;
  });
  outcome.fault = `Storage filled to the quota (${fills} filler entries), post refused, then room made by a delete`;
  await commentField(page).fill('This comment has to wait for room.');
  await composer(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(composer(page).getByRole('alert')).toHaveText(/storage for the site is full/);
  await expect(commentField(page)).toHaveValue('This comment has to wait for room.');
  await page.reload();
  await expect(heading(page)).toHaveText('10 Comments');
  await expect(commentField(page)).toHaveValue('');
  // The draft could not be kept either (storage is full): type it again, as a reader would.
  await commentField(page).fill('This comment has to wait for room.');
  await page.locator('article.agora-comment').filter({ hasText: 'An earlier comment' }).getByRole('button', { name: 'Delete' }).click();
  await nameField(page).fill('Ann');
  await composer(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(heading(page)).toHaveText('10 Comments');
  await page.reload();
  await expect(page.locator('article.agora-comment').filter({ hasText: 'This comment has to wait for room.' })).toHaveCount(1);
  await expect(page.locator('article.agora-comment').filter({ hasText: 'Kept from before.' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('storage cleared or garbled underneath an open page: no crash, the page follows, the text stays', async ({ context, trial }) => {
  const page = await context.newPage();
  const other = await context.newPage();
  // "Before the trouble." is removed by the clear, as a clear does; what is posted after it must remain.
  trial({
    fault: 'Another tab garbles the widget\'s keys, then clears storage, while the page is open', tabs: 2, posted: 2, faults: 5,
    note: 'a clear removes what it removes; the page follows it; the comment posted after it must remain',
    expected: ['After the clear.'], pages: [page, other],
  });
  const errors = watchErrors(page);
  await open(page);
  await open(other);
  await post(page, 'Ann', 'Before the trouble.');
  await commentField(page).fill('Still typing through it all.');
  const prefix = `agora:v1:${seed.id}`;
  // Garbage over an existing comment, garbage likes and folds, then a clear.
  const key = await page.evaluate((prefix) => Object.keys(localStorage).find((k) => k.startsWith(`${prefix}:c:`))!, prefix);
  await other.evaluate(([key, prefix]) => {
    localStorage.setItem(key, '{"v":1,"id":');
    localStorage.setItem(`${prefix}:like:not an id`, 'garbage');
    localStorage.setItem(`${prefix}:collapsed:seed-1`, '{');
    localStorage.setItem(`${prefix}:c:zz-new`, '\u0000\u0001');
  }, [key, prefix]);
  await expect(page.locator('article.agora-comment').filter({ hasText: 'Before the trouble.' })).toHaveCount(1);
  await other.evaluate(() => localStorage.clear());
  await expect(heading(page)).toHaveText('8 Comments');
  await expect(commentField(page)).toHaveValue('Still typing through it all.');
  await post(page, 'Ann', 'After the clear.');
  await expect(heading(page)).toHaveText('9 Comments');
  await other.evaluate((prefix) => localStorage.setItem(`${prefix}:c:zz-late`, 'late garbage'), prefix);
  await page.reload();
  await expect(heading(page)).toHaveText('9 Comments');
  expect(await page.evaluate((prefix) => localStorage.getItem(`${prefix}:aside:zz-late`), prefix)).toBe('late garbage');
  expect(errors).toEqual([]);
});

for (const [kind, megabyte] of [
  ['prose', 'The call marks the beginning of a process that could eventually lead to a comprehensive peace deal. '.repeat(10486).slice(0, 1048576)],
  ['one unbroken word', 'A'.repeat(1048576)],
] as const) {
  test(`a 1 MB paste (${kind}) is refused promptly with the length message, and the page does not freeze`, async ({ page, context, trial }) => {
    const errors = watchErrors(page);
    const outcome = trial({
      fault: `A 1 MB paste (${kind}) into the composer, then into the name field: refused, earlier text kept`, tabs: 1, posted: 1, faults: 2,
      expected: ['My own words, written first. And more.'], pages: [page],
    });
    await open(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.evaluate(() => {
      (window as any).longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as any).longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await nameField(page).fill('Ann');
    await commentField(page).fill('My own words, written first.');
    await page.evaluate((text) => navigator.clipboard.writeText(text), megabyte);
    // A real paste (Ctrl+V from the clipboard), as a reader would do it.
    await commentField(page).focus();
    await page.keyboard.press('End');
    const started = Date.now();
    await page.keyboard.press('Control+V');
    const alert = composer(page).getByRole('alert');
    await expect(alert).toHaveText('Not added: that is 1,048,576 characters, and a comment holds 5,000 at most. What you had written is unchanged.');
    const elapsed = Date.now() - started;
    await expect(commentField(page)).toHaveValue('My own words, written first.');
    // The name field refuses it too.
    await nameField(page).focus();
    await page.keyboard.press('Control+V');
    await expect(alert).toHaveText(/^Not added: that is 1,048,576 characters/);
    await expect(nameField(page)).toHaveValue('Ann');
    // Typing again clears the notice; what was written still posts.
    await commentField(page).focus();
    await page.keyboard.type(' And more.');
    await expect(composer(page).locator('.agora-composer__failure')).toBeEmpty();
    // Let what runs after typing pauses (the draft save, 300 ms after the last
    // key) happen before the long tasks are read: wait for the draft itself.
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `agora:v1:${seed.id}:draft:new`))
      .toBe(JSON.stringify('My own words, written first. And more.'));
    const longTasks: number[] = await page.evaluate(() => (window as any).longTasks);
    const longest = Math.max(0, ...longTasks);
    // The Long Tasks API reports only tasks over 50 ms.
    const longestText = longest === 0 ? 'no task over 50 ms' : `longest task ${longest.toFixed(0)} ms`;
    console.log(`1 MB paste (${kind}): refused after ${elapsed} ms; ${longestText}`);
    outcome.fault = `A 1 MB paste (${kind}) into the composer, then into the name field: refused in ${elapsed} ms, ${longestText}, earlier text kept`;
    // Timings are reported, not asserted finely; what must never happen is a
    // frozen page (before any fix: one task of about 20 seconds).
    expect(longest).toBeLessThan(1_000);
    await composer(page).getByRole('button', { name: 'Post comment' }).click();
    await expect(heading(page)).toHaveText('9 Comments');
    await expect(page.locator('article.agora-comment').filter({ hasText: 'My own words, written first. And more.' })).toHaveCount(1);
    expect(errors).toEqual([]);
  });
}
