import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentBy, heading, itemOf, keepScreenshot, open } from './helpers';
import { HOST } from './origins';

// A site's old comments, as a site owner brings them: agora-import (the
// project's native program, built by cargo) turns a Disqus and a WordPress
// export into article files, which the page then shows threaded, with dates.

let out: string;
test.beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'agora-import-e2e-'));
  for (const system of ['disqus', 'wordpress']) {
    execFileSync(
      'cargo',
      ['run', '--quiet', '--bin', 'agora-import', '--', `tests/fixtures/import/${system}.xml`, join(out, system)],
      { stdio: 'pipe' },
    );
  }
});
test.afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The standalone page showing one imported file, served as a site would (another origin, CORS). */
async function openImported(page: import('@playwright/test').Page, system: string, file: string) {
  const url = `${HOST}/imported/${system}/${file}`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: readFileSync(join(out, system, file), 'utf8'),
    }),
  );
  await open(page, `/?src=${encodeURIComponent(url)}`);
}

const repliesOf = (page: import('@playwright/test').Page, author: string) =>
  itemOf(commentBy(page, author)).locator(':scope > ol.agora-thread--replies > li > article.agora-comment');

test('a Disqus export is shown threaded, with dates and formatting, spam and deleted comments left out', async ({ page }) => {
  await openImported(page, 'disqus', 'hello-world.json');
  await expect(page.locator('.agora-article h1')).toHaveText('Hello world & welcome');
  await expect(heading(page)).toHaveText('5 Comments');
  await expect(page.locator('.agora-discussion > ol.agora-thread > li > article.agora-comment')).toHaveCount(1);

  const ann = commentBy(page, 'Ann');
  // Its HTML became agora's formatting, and stays text: bold, a link, paragraphs.
  await expect(ann.locator('strong')).toHaveText('hello');
  await expect(ann.locator('a[href="https://example.org/page"]')).toHaveText('https://example.org/page');
  await expect(ann.locator('.agora-formatted p')).toHaveCount(2);
  await expect(page.locator('.agora-discussion script, .agora-discussion img')).toHaveCount(0);
  // Its date, as every comment's: the age, the exact time in datetime.
  await expect(ann.locator('time')).toHaveAttribute('datetime', '2019-03-04T10:00:00.000Z');
  await expect(ann.locator('time')).toHaveText(/ years ago$/);

  // Replies under what they answer, oldest first; the fourth level says whom it answers.
  await expect(repliesOf(page, 'Ann')).toHaveCount(2);
  await expect(repliesOf(page, 'Ann').first()).toContainText('Reply to Ann');
  await expect(repliesOf(page, 'Ann').last()).toContainText('Replying to a deleted comment');
  await expect(repliesOf(page, 'Bo')).toHaveCount(2);
  await expect(commentBy(page, 'Dee').locator('.agora-comment__answers')).toHaveText('@cy');
  await expect(page.getByText('spam', { exact: false })).toHaveCount(0);
  await keepScreenshot(page, 'imported-disqus', { fullPage: true });
});

test('a WordPress export is shown threaded with dates; a reply to an unapproved comment hangs under the one it followed', async ({ page }) => {
  await openImported(page, 'wordpress', 'hello-world.json');
  await expect(page.locator('.agora-article h1')).toHaveText('Hello world!');
  await expect(heading(page)).toHaveText('3 Comments');
  await expect(commentBy(page, 'Ann').locator('time')).toHaveAttribute('datetime', '2019-03-04T10:00:00.000Z');
  await expect(repliesOf(page, 'Ann')).toHaveCount(1);
  await expect(repliesOf(page, 'Bo')).toContainText('Answering the one in moderation');
  // A comment whose date WordPress left empty shows none rather than a wrong one.
  await expect(commentBy(page, 'Cy').locator('time')).toHaveCount(0);
});
