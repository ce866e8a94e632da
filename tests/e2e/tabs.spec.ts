import { test, expect } from '@playwright/test';
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
