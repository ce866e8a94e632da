// public/count.js held to the shared count fixtures (tests/fixtures/counts/),
// which tests/counts.rs checks through the Rust model: the same article,
// stored entries and relay events give the same number and the same words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import {
  countComments, readArticle, verifyEvent, eventShape, phrase, readLanguageFile, chooseLang, canonicalUrl, approves,
} from '../../public/count.js';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const fixtures = readdirSync(new URL('tests/fixtures/counts/', root))
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(read(`tests/fixtures/counts/${name}`))]);

// A language's words as the built file has them, from its keyed source
// (lang/<tag>.json) and the positions of dist/lang/keys.json.
function words(code) {
  if (code === 'en') return { separator: ',', forms: [null, '{n} Comment', null, null, null, '{n} Comments'] };
  const keyed = JSON.parse(read(`lang/${code}.json`));
  const keys = ['code', 'digit_group_separator', ...['zero', 'one', 'two', 'few', 'many', 'other'].map((c) => `comments.${c}`)];
  return readLanguageFile([0, ...keys.map((key) => keyed[key] ?? null)], code);
}

async function count(fixture) {
  const article = readArticle(fixture.article ?? JSON.parse(read('src/content/seed.json')));
  assert.ok(article, 'the article reads');
  let relays = null;
  if (fixture.relays) {
    const events = [];
    for (const event of fixture.relays.events) {
      if (eventShape(event) && (await verifyEvent(event))) events.push(event);
    }
    // The host's settings (the element's attributes), then the article's.
    const approve = approves(fixture.host?.moderation, article.moderation);
    relays = { ...fixture.relays, events, url: canonicalUrl(article.url), approve };
  }
  const entries = Object.entries(fixture.stored ?? {});
  return countComments({ seedCount: article.comments, thread: fixture.thread ?? article.id, entries, relays });
}

for (const [name, fixture] of fixtures) {
  test(`${name}: ${fixture.about}`, async () => {
    const n = await count(fixture);
    assert.equal(n, fixture.expected);
    for (const [code, expected] of Object.entries(fixture.phrases)) {
      assert.equal(phrase(n, code, words(code)), expected, code);
    }
  });
}

test('numbers are grouped and plural forms chosen as the heading does', () => {
  const uk = words('uk');
  assert.equal(phrase(1, 'uk', uk), '1 коментар');
  assert.equal(phrase(3, 'uk', uk), '3 коментарі');
  assert.equal(phrase(11, 'uk', uk), '11 коментарів');
  assert.equal(phrase(21, 'uk', uk), '21 коментар');
  assert.equal(phrase(1022, 'uk', uk), '1\u00a0022 коментарі');
  assert.equal(phrase(1, 'en', words('en')), '1 Comment');
  assert.equal(phrase(1368, 'en', words('en')), '1,368 Comments');
});

test('the language is chosen as the widget chooses it', () => {
  assert.equal(chooseLang('uk-UA', 'de', ['fr']), 'uk');
  assert.equal(chooseLang('sv', 'DE', ['fr']), 'de');
  assert.equal(chooseLang(undefined, null, ['sv', 'pt-BR']), 'pt');
  assert.equal(chooseLang(undefined, null, ['zh-TW', 'zh']), 'zh-Hans');
  assert.equal(chooseLang(undefined, 'xx', ['sv']), 'en');
});

test('an article the thread would refuse is not counted', () => {
  const good = { id: 'a', title: 'T', paragraphs: ['p'], comments: [{ author: 'A', text: 'x' }] };
  assert.equal(readArticle(good).comments, 1);
  for (const bad of [
    [], { ...good, id: ' ' }, { ...good, title: undefined }, { ...good, paragraphs: [' '] }, { ...good, comments: {} },
    { ...good, comments: [{ author: 'A', text: ' ' }] }, { ...good, comments: [{ author: 'A', text: 'x', likes: -1 }] },
    { ...good, comments: [{ author: 'A', text: 'x', parent: 'nobody' }] },
    { ...good, comments: [{ author: 'A', text: 'x', date: '2026-02-30T00:00:00Z' }] },
    { ...good, comments: [{ id: 'x', author: 'A', text: 'x' }, { id: 'x', author: 'B', text: 'y' }] },
    { ...good, relays: 'wss://one' },
  ]) {
    assert.equal(readArticle(bad), null, JSON.stringify(bad));
  }
  // The relay build reads the sharing settings: a wrong type there refuses a shared thread.
  assert.equal(readArticle({ ...good, moderation: 'approve' }).sharingOk, true);
  assert.equal(readArticle({ ...good, moderation: null }).sharingOk, true);
  assert.equal(readArticle({ ...good, moderation: true }).sharingOk, false);
});

test('approval first as the thread resolves it: the host\u2019s setting, else the article\u2019s; anything but "approve" ignored', () => {
  assert.equal(approves(undefined, 'approve'), true);
  assert.equal(approves(' approve ', undefined), true);
  assert.equal(approves(undefined, ' approve\n'), true);
  assert.equal(approves('   ', 'approve'), true, 'an empty attribute is no setting');
  assert.equal(approves('approve', ''), true);
  assert.equal(approves('Approve', 'approve'), false, 'the host\u2019s wins, and the thread cannot use it');
  assert.equal(approves('pre', undefined), false);
  assert.equal(approves(undefined, ''), false);
  assert.equal(approves(undefined, null), false);
  assert.equal(approves(undefined, undefined), false);
});
