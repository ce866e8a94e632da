import { test, expect } from '@playwright/test';
import {
  commentField, comments, heading, nameField, open, post, seed, shownComments, storedEntries,
} from './helpers';

test('a post appears at once, counts, and is still there after a reload', async ({ page }) => {
  await open(page);
  await post(page, 'Ann', 'First reply from a reader.');
  await expect(heading(page)).toHaveText('9 Comments');
  const last = comments(page).last();
  await expect(last.locator('.agora-comment__author')).toHaveText('Ann');
  await expect(last.locator('.agora-formatted')).toHaveText('First reply from a reader.');
  await expect(last.locator('time')).toHaveText('just now');
  const datetime = await last.locator('time').getAttribute('datetime');
  expect(Math.abs(Date.parse(datetime!) - Date.now())).toBeLessThan(60_000);
  // The comment field clears and keeps focus; the name stays.
  await expect(commentField(page)).toHaveValue('');
  await expect(commentField(page)).toBeFocused();
  await expect(nameField(page)).toHaveValue('Ann');

  await post(page, 'Ann', 'Second one.');
  await page.reload();
  await expect(heading(page)).toHaveText('10 Comments');
  expect((await shownComments(page)).slice(8)).toEqual([
    { author: 'Ann', text: 'First reply from a reader.' },
    { author: 'Ann', text: 'Second one.' },
  ]);
  // The name is remembered for the next visit.
  await expect(nameField(page)).toHaveValue('Ann');
});

test('each post is one versioned, namespaced entry; seed comments are never stored', async ({ page }) => {
  await open(page);
  await post(page, 'Ann', 'Stored once.');
  await expect(heading(page)).toHaveText('9 Comments');
  const entries = await storedEntries(page);
  // Besides the visit (what is new next time: a time, no comment).
  const visit = `agora:v1:${seed.id}:visit:last`;
  expect(Number(entries[visit])).toBeGreaterThan(0);
  const keys = Object.keys(entries).filter((key) => key !== visit);
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatch(new RegExp(`^agora:v1:${seed.id}:c:[a-z0-9-]+$`));
  const record = JSON.parse(entries[keys[0]]);
  expect(record).toMatchObject({ v: 1, author: 'Ann', text: 'Stored once.' });
  expect(keys[0].endsWith(`:${record.id}`)).toBe(true);
});

test('Ctrl+Enter and Cmd+Enter in the comment field post', async ({ page }) => {
  await open(page);
  await nameField(page).fill('Kim');
  await commentField(page).fill('Posted with the keyboard.');
  await commentField(page).press('Control+Enter');
  await expect(heading(page)).toHaveText('9 Comments');
  await commentField(page).fill('And with Cmd.');
  await commentField(page).press('Meta+Enter');
  await expect(heading(page)).toHaveText('10 Comments');
  await expect(commentField(page)).toBeFocused();
});

test('empty and white-space input is refused next to its field, text kept', async ({ page }) => {
  await open(page);
  await nameField(page).fill('   ');
  await commentField(page).fill('My words stay here.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField(page)).toHaveAccessibleDescription(/Please enter your name\./);
  await expect(nameField(page)).toBeFocused();
  await expect(commentField(page)).toHaveValue('My words stay here.');
  await expect(heading(page)).toHaveText('8 Comments');

  // The error leaves as soon as the field is fixed.
  await nameField(page).fill('Lee');
  await expect(nameField(page)).not.toHaveAttribute('aria-invalid', 'true');

  await commentField(page).fill(' \n\t ');
  await commentField(page).press('Control+Enter');
  await expect(commentField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(commentField(page)).toHaveAccessibleDescription(/Please write a comment\./);
  await expect(heading(page)).toHaveText('8 Comments');
});

test('over-long input shows a counter and a length error, and nothing is cut', async ({ page }) => {
  await open(page);
  await nameField(page).fill('N'.repeat(51));
  await expect(page.locator('.agora-field__counter').first()).toHaveText('1 character over the limit');
  const text = 'x'.repeat(4_990);
  await commentField(page).fill(text);
  await expect(page.locator('.agora-field__counter').nth(1)).toHaveText('10 characters left');
  await commentField(page).fill(text + 'y'.repeat(20));
  await expect(page.locator('.agora-field__counter').nth(1)).toHaveText('10 characters over the limit');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(nameField(page)).toHaveAccessibleDescription(/1 character too long: 50 characters at most/);
  await expect(commentField(page)).toHaveAccessibleDescription(/10 characters too long: 5,000 characters at most/);
  await expect(commentField(page)).toHaveValue(text + 'y'.repeat(20));
  await expect(heading(page)).toHaveText('8 Comments');
});

test('posting times stay current while the page is open', async ({ page }) => {
  await page.clock.install();
  await open(page);
  await post(page, 'Ann', 'Watching the clock.');
  const time = comments(page).last().locator('time');
  await expect(time).toHaveText('just now');
  await page.clock.fastForward('05:30');
  await expect(time).toHaveText('5 minutes ago');
  await page.clock.fastForward('02:00:00');
  await expect(time).toHaveText('2 hours ago');
});

test('?thread= keeps separate comments per thread', async ({ page }) => {
  await open(page, '/?thread=other-post');
  await post(page, 'Ann', 'Only in the other thread.');
  await expect(heading(page)).toHaveText('9 Comments');
  await open(page, '/');
  await expect(heading(page)).toHaveText('8 Comments');
  await open(page, '/?thread=other-post');
  await expect(heading(page)).toHaveText('9 Comments');
});
