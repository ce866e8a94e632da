import { test, expect, type Locator, type Page } from '@playwright/test';
import { commentBy, commentField, commentWith, composer, heading, itemOf, nameField, open, post, reply, seed, watchErrors } from './helpers';


test('replies nest under their parent, count in the total, and survive a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await reply(commentBy(page, 'Karamba'), 'Ann', 'Level two.');
  await expect(heading(page)).toHaveText('9 Comments');
  const karamba = itemOf(commentBy(page, 'Karamba'));
  await expect(karamba.locator('ol.agora-thread--replies > li')).toHaveCount(1);
  await expect(karamba.locator('.agora-thread--replies')).toContainText('Level two.');
  // The reply box closed and focus went back to the Reply button.
  await expect(commentBy(page, 'Karamba').getByRole('button', { name: 'Reply to Karamba' })).toBeFocused();

  await reply(commentWith(page, 'Level two.'), 'Bob', 'Level three.');
  await reply(commentWith(page, 'Level three.'), 'Cy', 'Too deep for a fourth level.');
  await expect(heading(page)).toHaveText('11 Comments');
  const deep = commentWith(page, 'Too deep');
  await expect(deep.locator('.agora-comment__answers')).toHaveText('@Bob');
  // Shown on the third level: inside exactly two nested reply lists.
  expect(await deep.evaluate((node) => {
    let lists = 0;
    for (let n: Element | null = node; n; n = n.parentElement) if (n.matches('ol.agora-thread--replies')) lists++;
    return lists;
  })).toBe(2);

  await page.reload();
  await expect(heading(page)).toHaveText('11 Comments');
  await expect(commentWith(page, 'Too deep').locator('.agora-comment__answers')).toHaveText('@Bob');
  expect(errors).toEqual([]);
});

test('likes toggle once per browser, persist, and show in another tab', async ({ context }) => {
  const page = await context.newPage();
  const other = await context.newPage();
  await open(page);
  await open(other);
  const like = commentBy(page, 'Raphael').getByRole('button', { name: /^Like \d+: Raphael/ });
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await expect(like).toHaveAccessibleName('Like 0: Raphael’s comment');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(like).toHaveAccessibleName('Like 1: Raphael’s comment');
  // "Like" and its count are visibly apart (flex layout once glued them: "Like1").
  const gap = await like.evaluate((button) => {
    const range = document.createRange();
    range.selectNodeContents(button.firstChild!);
    return button.querySelector('.agora-action__count')!.getBoundingClientRect().left - range.getBoundingClientRect().right;
  });
  expect(gap).toBeGreaterThan(2);
  await expect(like).toBeFocused();
  const otherLike = commentBy(other, 'Raphael').getByRole('button', { name: /^Like \d+: Raphael/ });
  await expect(otherLike).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await like.click();
  await expect(like).toHaveAccessibleName('Like 0: Raphael’s comment');
  await expect(otherLike).toHaveAttribute('aria-pressed', 'false');
});

test('sorting by oldest, newest and most liked is remembered; replies stay under parents', async ({ page }) => {
  await open(page);
  await post(page, 'Ann', 'Newest top-level comment.');
  await reply(commentBy(page, 'Matzomaster'), 'Bob', 'A reply stays put.');
  await commentBy(page, 'Leonardo').getByRole('button', { name: /^Like \d+: Leonardo/ }).click();
  const topAuthors = () => page.locator('ol.agora-thread:not(.agora-thread--replies) > li > article .agora-comment__author')
    .allTextContents();
  expect((await topAuthors()).slice(0, 2)).toEqual(['Matzomaster', 'Rotfront']);
  await page.getByRole('button', { name: 'Newest' }).click();
  await expect(page.getByRole('button', { name: 'Newest' })).toHaveAttribute('aria-pressed', 'true');
  expect((await topAuthors())[0]).toBe('Ann');
  await page.getByRole('button', { name: 'Most liked' }).click();
  expect((await topAuthors())[0]).toBe('Leonardo');
  await expect(itemOf(commentBy(page, 'Matzomaster'))).toContainText('A reply stays put.');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Most liked' })).toHaveAttribute('aria-pressed', 'true');
  expect((await topAuthors())[0]).toBe('Leonardo');
});

test('own comments can be edited in place and are marked edited; seed comments cannot', async ({ context }) => {
  const page = await context.newPage();
  const other = await context.newPage();
  await open(page);
  await open(other);
  await expect(commentBy(page, 'Karamba').getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await post(page, 'Ann', 'Frist post.');
  const mine = page.locator(`#${await commentWith(page, 'Frist post.').getAttribute('id')}`);
  await mine.getByRole('button', { name: 'Edit' }).click();
  const editor = mine.getByLabel('Edit your comment');
  await expect(editor).toBeFocused();
  await editor.fill('   ');
  await mine.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveAccessibleDescription(/Please write a comment\./);
  await editor.fill('First post.');
  await editor.press('Control+Enter');
  await expect(mine.locator('.agora-formatted')).toHaveText('First post.');
  await expect(mine.locator('.agora-comment__edited')).toHaveText('edited');
  await expect(commentWith(other, 'First post.').locator('.agora-comment__edited')).toHaveText('edited');
  await page.reload();
  await expect(commentWith(page, 'First post.').locator('.agora-comment__edited')).toHaveText('edited');
  // Escape cancels an edit and keeps the text.
  await commentWith(page, 'First post.').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Edit your comment').fill('Never saved');
  await page.getByLabel('Edit your comment').press('Escape');
  await expect(commentWith(page, 'First post.').locator('.agora-formatted')).toHaveText('First post.');
});

test('delete offers Undo; a deleted comment with replies leaves a placeholder', async ({ context }) => {
  const page = await context.newPage();
  const other = await context.newPage();
  await open(page);
  await open(other);
  await post(page, 'Ann', 'Delete me.');
  await expect(heading(page)).toHaveText('9 Comments');
  await commentWith(page, 'Delete me.').getByRole('button', { name: 'Delete' }).click();
  await expect(heading(page)).toHaveText('8 Comments');
  await expect(heading(other)).toHaveText('8 Comments');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(heading(page)).toHaveText('9 Comments');
  await expect(commentWith(page, 'Delete me.')).toBeVisible();
  await expect(commentWith(other, 'Delete me.')).toBeVisible();

  await reply(commentWith(page, 'Delete me.'), 'Bob', 'A reply that must keep its place.');
  await commentWith(page, 'Delete me.').getByRole('button', { name: 'Delete' }).click();
  await expect(heading(page)).toHaveText('9 Comments');
  await expect(page.locator('.agora-comment__deleted')).toHaveText('[deleted]');
  await page.reload();
  await expect(page.locator('.agora-comment__deleted')).toHaveText('[deleted]');
  const placeholder = page.locator('article.agora-comment').filter({ has: page.locator('.agora-comment__deleted') });
  await expect(itemOf(placeholder)).toContainText('A reply that must keep its place.');
  await expect(page.locator('text=Delete me.')).toHaveCount(0);
});

test('Undo disappears after about ten seconds', async ({ page }) => {
  await page.clock.install();
  await open(page);
  await post(page, 'Ann', 'Short-lived.');
  await commentWith(page, 'Short-lived.').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.clock.fastForward('00:11');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
});

test('permalinks scroll to and highlight a comment, also under a collapsed parent on a later page', async ({ page }) => {
  await open(page);
  // 60 top-level comments, then a reply to the last one, folded away.
  const prefix = 'agora:v1:trump-putin-call';
  await page.evaluate((prefix) => {
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 60; i++) {
      localStorage.setItem(`${prefix}:c:bulk-${i}`,
        JSON.stringify({ v: 1, id: `bulk-${i}`, author: `Bulk ${i}`, text: `Bulk comment ${i}`, at: base + i }));
    }
    localStorage.setItem(`${prefix}:c:target-1`, JSON.stringify(
      { v: 1, id: 'target-1', author: 'Target', text: 'Find me.', at: base + 100, parent: 'bulk-59' }));
    localStorage.setItem(`${prefix}:collapsed:bulk-59`, '1');
  }, prefix);
  await page.reload();
  await expect(heading(page)).toHaveText('69 Comments');
  await expect(page.locator('ol.agora-thread:not(.agora-thread--replies) > li')).toHaveCount(50);
  await expect(page.getByRole('button', { name: 'Show 18 more' })).toBeVisible();

  await page.goto('/#comment-target-1');
  const target = page.locator('#comment-target-1');
  await expect(target).toBeVisible();
  await expect(target).toHaveClass(/agora-comment--highlighted/);
  await expect(target).toBeInViewport();
  await commentBy(page, 'Bulk 3').getByRole('link', { name: /^Link to/ }).click();
  await expect(page.locator('#comment-bulk-3')).toHaveClass(/agora-comment--highlighted/);

  // A fresh load straight to a comment of the first page that the first
  // frame leaves out (it shows ten top-level comments; this is the 39th).
  await page.goto('/?from=a-link#comment-bulk-30');
  await expect(page.locator('#comment-bulk-30')).toHaveClass(/agora-comment--highlighted/);
  await expect(page.locator('#comment-bulk-30')).toBeInViewport();
});

test('replies fold and unfold, remembered per comment', async ({ page }) => {
  await open(page);
  await reply(commentBy(page, 'Answer'), 'Ann', 'One.');
  await reply(commentBy(page, 'Answer'), 'Bob', 'Two.');
  const answer = commentBy(page, 'Answer');
  const fold = answer.getByRole('button', { name: 'Hide replies' });
  await expect(fold).toHaveText('[–]');
  await fold.click();
  await expect(itemOf(answer).locator('.agora-thread--replies')).toHaveCount(0);
  const unfold = answer.getByRole('button', { name: 'Show 2 replies' });
  await expect(unfold).toHaveText('[+] 2 replies');
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(commentBy(page, 'Answer').getByRole('button', { name: 'Show 2 replies' })).toBeVisible();
  await commentBy(page, 'Answer').getByRole('button', { name: 'Show 2 replies' }).click();
  await expect(itemOf(commentBy(page, 'Answer'))).toContainText('Two.');
});

test('"Show 50 more" pages through comments in every sort order', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 120; i++) {
      localStorage.setItem(`agora:v1:trump-putin-call:c:many-${i}`,
        JSON.stringify({ v: 1, id: `many-${i}`, author: `Many ${i}`, text: `Comment ${i}`, at: base + i }));
    }
  });
  await page.reload();
  const top = page.locator('ol.agora-thread:not(.agora-thread--replies) > li');
  for (const sort of ['Oldest', 'Newest', 'Most liked']) {
    await page.getByRole('button', { name: sort }).click();
    await expect(top).toHaveCount(50);
    await page.getByRole('button', { name: 'Show 50 more' }).click();
    await expect(top).toHaveCount(100);
    await page.getByRole('button', { name: 'Show 28 more' }).click();
    await expect(top).toHaveCount(128);
    await expect(page.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);
    await page.reload();
  }
});

/** The stored drafts of the thread: the composer's (`new`) and any reply box's (`reply`). */
const drafts = (page: Page) => page.evaluate((prefix) => {
  const found: Record<string, string> = {};
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith(prefix)) continue;
    const slot = key.slice(prefix.length);
    found[slot.startsWith('reply-') ? 'reply' : slot] = JSON.parse(localStorage.getItem(key)!);
  }
  return found;
}, `agora:v1:${seed.id}:draft:`);

test('drafts survive a reload and are cleared once posted', async ({ page }) => {
  await open(page);
  await nameField(page).fill('Ann');
  await commentField(page).fill('Half a thought');
  await commentBy(page, 'Donatello').getByRole('button', { name: 'Reply to Donatello' }).click();
  const box = itemOf(commentBy(page, 'Donatello')).locator('.agora-comment__reply-box');
  await box.getByLabel('Comment', { exact: true }).fill('A reply in progress');
  // Drafts are saved once typing pauses (300 ms): wait until both are stored,
  // rather than for a fixed time, before the reload.
  await expect.poll(() => drafts(page)).toEqual({ new: 'Half a thought', reply: 'A reply in progress' });
  await page.reload();
  await expect(commentField(page)).toHaveValue('Half a thought');
  const reopened = itemOf(commentBy(page, 'Donatello')).locator('.agora-comment__reply-box');
  await expect(reopened.getByLabel('Comment', { exact: true })).toHaveValue('A reply in progress');
  await nameField(page).fill('Ann');
  await composer(page).getByRole('button', { name: 'Post comment' }).click();
  // Posted, and its draft removed. Nothing was typed into the composer since
  // the reload, so no draft save is pending that could write it back later.
  await expect(commentBy(page, 'Ann')).toBeVisible();
  await expect.poll(() => drafts(page)).toEqual({ reply: 'A reply in progress' });
  await page.reload();
  await expect(commentField(page)).toHaveValue('');
});

test('a small formatting subset renders as elements; anything else shows literally', async ({ page }) => {
  await open(page);
  await post(page, 'Ann', '**bold** and *italic* and `code`\n> quoted\nsee https://example.org/a_(b). <b>not bold</b>');
  const body = commentBy(page, 'Ann').locator('.agora-formatted');
  await expect(body.locator('strong')).toHaveText('bold');
  await expect(body.locator('em')).toHaveText('italic');
  await expect(body.locator('code')).toHaveText('code');
  await expect(body.locator('blockquote')).toContainText('quoted');
  const link = body.getByRole('link', { name: 'https://example.org/a_(b)' });
  await expect(link).toHaveAttribute('href', 'https://example.org/a_(b)');
  await expect(link).toHaveAttribute('rel', 'nofollow noopener noreferrer ugc');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(body).toContainText('<b>not bold</b>');
  expect(await body.locator('b').count()).toBe(0);
});

test('export downloads the reader\'s comments and likes; import merges without duplicates or refuses', async ({ page, context }) => {
  await open(page);
  await post(page, 'Ann', 'Exported comment.');
  await commentBy(page, 'Karamba').getByRole('button', { name: /^Like \d+: Karamba/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export my comments' }).click(),
  ]);
  const path = await download.path();
  const file = JSON.parse(require('node:fs').readFileSync(path, 'utf8'));
  expect(file.format).toBe('agora-export');
  expect(file.comments.map((c: { text: string }) => c.text)).toEqual(['Exported comment.']);
  expect(file.likes).toEqual(['seed-3']);

  // A fresh browser imports it; a second import adds nothing.
  const fresh = await (await context.browser()!.newContext()).newPage();
  await open(fresh);
  const chooser = fresh.locator('input[type=file]');
  await chooser.setInputFiles(path);
  await expect(fresh.getByText('Imported 1 new comment and 1 like.')).toBeVisible();
  await expect(heading(fresh)).toHaveText('9 Comments');
  await expect(commentBy(fresh, 'Karamba').getByRole('button', { name: /^Like \d+: Karamba/ })).toHaveAttribute('aria-pressed', 'true');
  await chooser.setInputFiles(path);
  await expect(fresh.getByText('Imported 0 new comments and 0 likes.')).toBeVisible();
  await expect(heading(fresh)).toHaveText('9 Comments');

  await chooser.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"}') });
  await expect(fresh.getByText(/^Nothing was imported: this file is not an agora export/)).toBeVisible();
  await fresh.reload();
  await expect(heading(fresh)).toHaveText('9 Comments');
});

test('Preview shows the formatted comment before it is posted', async ({ page }) => {
  await open(page);
  await commentField(page).fill('**Bold** claim with `code`');
  const toggle = composer(page).getByRole('button', { name: 'Preview' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const preview = composer(page).getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong')).toHaveText('Bold');
  await commentField(page).fill('Now *changed*');
  await expect(preview.locator('em')).toHaveText('changed');
  await toggle.click();
  await expect(preview).toHaveCount(0);
  await expect(commentField(page)).toHaveValue('Now *changed*');
});

test('replies, folding and the sort order reach the other open tabs', async ({ context }) => {
  const page = await context.newPage();
  const other = await context.newPage();
  await open(page);
  await open(other);
  await reply(commentBy(page, 'Muchacho'), 'Ann', 'Seen in both tabs.');
  await expect(itemOf(commentBy(other, 'Muchacho'))).toContainText('Seen in both tabs.');
  await commentBy(page, 'Muchacho').getByRole('button', { name: 'Hide replies' }).click();
  await expect(commentBy(other, 'Muchacho').getByRole('button', { name: 'Show 1 reply' })).toBeVisible();
  await page.getByRole('button', { name: 'Newest' }).click();
  await expect(other.getByRole('button', { name: 'Newest' })).toHaveAttribute('aria-pressed', 'true');
});

test('the reader\'s new comment and reply are on screen and marked, whatever the order and the page', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 120; i++) {
      localStorage.setItem(`agora:v1:trump-putin-call:c:many-${i}`,
        JSON.stringify({ v: 1, id: `many-${i}`, author: `Many ${i}`, text: `Comment ${i}`, at: base + i }));
    }
  });
  await page.reload();
  const top = page.locator('ol.agora-thread:not(.agora-thread--replies) > li');
  await expect(top).toHaveCount(50);
  // Oldest first: the new comment belongs on the third page, which is not shown.
  await post(page, 'Ann', 'Mine, at the very end.');
  const mine = commentWith(page, 'Mine, at the very end.');
  await expect(mine).toBeInViewport();
  await expect(mine).toHaveClass(/agora-comment--highlighted/);
  await expect(heading(page)).toHaveText('129 Comments');
  // Paging goes on as before, and the comment then shows once, in its place.
  await expect(top).toHaveCount(51);
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(top).toHaveCount(101);
  await page.getByRole('button', { name: 'Show 29 more' }).click();
  await expect(top).toHaveCount(129);
  await expect(page.locator('article.agora-comment').filter({ hasText: 'Mine, at the very end.' })).toHaveCount(1);

  // A reply under a comment whose replies are folded: they unfold to show it.
  await page.getByRole('button', { name: 'Most liked' }).click();
  await reply(commentBy(page, 'Many 0'), 'Ann', 'A first reply.');
  await commentBy(page, 'Many 0').getByRole('button', { name: 'Hide replies' }).click();
  await page.reload();
  await expect(top).toHaveCount(50);
  await reply(commentBy(page, 'Many 0'), 'Ann', 'A reply it was folded over.');
  const answer = commentWith(page, 'A reply it was folded over.');
  await expect(answer).toBeInViewport();
  await expect(answer).toHaveClass(/agora-comment--highlighted/);
  await expect(commentWith(page, 'A first reply.')).toBeVisible();
});
