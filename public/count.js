// <agora-count>: how many comments a thread has, in the words of the
// thread's own heading ("12 Comments", "1 коментар"), for listing pages.
// embed.js imports this file only on pages that have such an element.
//
// The number is the one the thread's heading shows once it is complete. The
// thread's rules are the model's (src/model/): this file follows them, and
// the shared fixtures in tests/fixtures/counts/ hold the two together (the
// Rust side in tests/counts.rs through the real model, this file's pure
// `countComments` in tests/js/count.test.mjs). Where a count cannot be had
// for sure (an article or setting the thread would refuse, a relay that
// does not answer, no way to check signatures), it shows nothing: never a
// number that could be wrong, and nothing ever thrown into the host page.

import { verify, sha256, fromHex, toHex } from './schnorr.js';

// --- The posting rules (src/model/writing/validate.rs, comment.rs, record.rs)

// Rust's `str::trim` (Unicode White_Space), which differs from JS's trim
// (U+0085 is white space to Rust; U+FEFF is not).
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const EDGES = new RegExp(`^${SPACE}+|${SPACE}+$`, 'gu');
const trim = (text) => text.replace(EDGES, '');
const characters = (text) => [...text].length;

// A name or text that meets the posting rules: trimmed, 1 to `max` characters.
const checked = (text, max) => {
  if (typeof text !== 'string') return null;
  const trimmed = trim(text);
  const n = characters(trimmed);
  return n > 0 && n <= max ? trimmed : null;
};
const NAME_MAX = 50;
const TEXT_MAX = 5000;

const isCommentId = (id) => typeof id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(id);
const isThreadId = (id) => typeof id === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(id);
const isHex = (text, length) => typeof text === 'string' && text.length === length && /^[0-9a-f]*$/.test(text);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isU32 = (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
// serde's Option<String>: absent, null or a string.
const optionalString = (value) => value === undefined || value === null || typeof value === 'string';
const stringList = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');

// --- The article (src/model/article.rs)

// RFC 3339 as src/model/date.rs reads it.
function isDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(trim(text));
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

// What the count needs of an article's JSON, or null where the thread would
// show an error instead of the article (missing or empty fields, a wrong
// type, a bad comment).
export function readArticle(json) {
  if (!isObject(json)) return null;
  const { id, title, byline, paragraphs, comments = [], lang, relays, url, moderators, pow, moderation } = json;
  const text = (value) => typeof value === 'string' && trim(value) !== '';
  if (!text(id) || !text(title) || !optionalString(byline) || !optionalString(lang)) return null;
  if (!stringList(paragraphs) || paragraphs.every((p) => !text(p))) return null;
  if (comments !== null && !Array.isArray(comments)) return null;
  const named = new Set();
  for (const comment of comments ?? []) {
    if (!isObject(comment) || typeof comment.author !== 'string' || typeof comment.text !== 'string') return null;
    const { likes, id: name, parent, date } = comment;
    if (!(likes === undefined || isU32(likes)) || ![name, parent, date].every(optionalString)) return null;
    if (!text(comment.author) || !text(comment.text)) return null;
    if (typeof date === 'string' && !isDate(date)) return null;
    if (typeof parent === 'string' && !named.has(parent)) return null;
    if (typeof name === 'string') {
      if (named.has(name)) return null;
      named.add(name);
    }
  }
  const optional = (value, ok) => value === undefined || value === null || ok(value);
  if (!optional(relays, stringList)) return null;
  // Only the relay build reads these: they matter where relays are named.
  const isString = (value) => typeof value === 'string';
  const sharingOk = optional(moderators, stringList) && optional(url, isString) && optional(pow, isU32) && optional(moderation, isString);
  return { id, comments: comments?.length ?? 0, relays, moderators, url, moderation, sharingOk };
}

// Whether the thread is approval first (`SharingSettings::resolve`): the
// host's `moderation` (empty counts as absent) wins over the article's;
// "approve" is approval first, and any other value is one the thread names
// as unusable and ignores, as the count does.
export function approves(host, article) {
  const given = typeof host === 'string' && trim(host) !== '' ? host : article;
  return typeof given === 'string' && trim(given) === 'approve';
}

// --- What this browser stores (src/model/storage/record.rs, load.rs)

// A stored comment value as the thread reads it: its id and whether it is
// a deleted comment's placeholder (shown for its replies, not counted), or
// null where the thread keeps it aside (not a record, another version, an
// id unlike its key's, a field that breaks the posting rules).
function storedComment(keyId, raw) {
  let record;
  try {
    record = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(record)) return null;
  const { v, id, author, text, at, parent, edited, deleted = false } = record;
  const time = (t) => typeof t === 'number' && Number.isFinite(t) && t > 0;
  if (v !== 1 || !isCommentId(id) || id !== keyId || !time(at)) return null;
  if (!(edited === undefined || edited === null || time(edited)) || typeof deleted !== 'boolean') return null;
  if (!(parent === undefined || parent === null || (isCommentId(parent) && parent !== id))) return null;
  if (typeof author !== 'string' || typeof text !== 'string') return null;
  if (deleted) return { id, deleted };
  // Stored values meet the posting rules exactly: already trimmed.
  if (checked(author, NAME_MAX) !== author || checked(text, TEXT_MAX) !== text) return null;
  return { id, deleted };
}

// The reader's own comments of a thread in `entries` ([key, value] pairs
// of localStorage): how many are shown, the ids of all (placeholders too),
// and the ids of the events the reader published for them or asked to
// delete (the thread shows those from storage, not from relays).
export function storedComments(thread, entries, seedCount) {
  const prefix = `agora:v1:${thread}:`;
  const ids = new Set();
  let shown = 0;
  const ownEvents = new Set();
  for (const [key, raw] of entries) {
    if (!key.startsWith(prefix)) continue;
    const [kind, ...rest] = key.slice(prefix.length).split(':');
    const name = rest.join(':');
    if (kind === 'c') {
      const comment = storedComment(name, raw);
      // An entry posing as one of the article's comments is left out.
      const seed = /^seed-([1-9]\d*)$/.exec(comment?.id ?? '');
      if (comment && !(seed && Number(seed[1]) <= seedCount)) {
        ids.add(comment.id);
        if (!comment.deleted) shown++;
      }
    } else if (kind === 'out') {
      // An outbox entry (src/model/nostr/outbox.rs) that does not read is
      // not the reader's event.
      let entry;
      try {
        entry = JSON.parse(raw);
      } catch {
        continue;
      }
      if (!isObject(entry)) continue;
      const deletion = /^deletion-([0-9a-f]{64})$/.exec(name);
      if (deletion) ownEvents.add(deletion[1]);
      else if (/^comment-[A-Za-z0-9-]{1,64}$/.test(name) && typeof entry.event?.id === 'string') ownEvents.add(entry.event.id);
    }
  }
  return { shown, ids, ownEvents };
}

// --- What relays say (src/model/nostr/event.rs, scope.rs, shared.rs)

const COMMENT = 1111;
const DELETION = 5;
const MUTE_LIST = 10000;
// A moderator's NIP-51 follow set: with approval first, the newest one of
// each moderator whose `d` tag is APPROVED names the approved authors
// (event.rs, moderation.rs).
const FOLLOW_SET = 30000;
const APPROVED = 'agora-approved';
const MAX_TAGS = 64;
const MAX_FUTURE_S = 3600;
// The thread keeps at most this many events; a thread that reaches it is
// not counted (which ones it keeps depends on what arrived first).
const MAX_EVENTS = 20000;

// NIP-73 web URLs: the canonical spelling and the two that are asked for.
export function canonicalUrl(href) {
  href = trim(href);
  const m = /^(https?):\/\/([^/?#]*)([^?#]*)/i.exec(href);
  if (!m) return href;
  const scheme = m[1].toLowerCase();
  const host = m[2].toLowerCase().replace(scheme === 'https' ? /:443$/ : /:80$/, '');
  const path = m[3].replace(/\/+$/, '') || '/';
  return `${scheme}://${host}${path}`;
}
export const spellings = (canonical) => [canonical, canonical.endsWith('/') ? canonical.slice(0, -1) : `${canonical}/`];
const isWebUrl = (href) => /^https?:\/\//i.test(trim(href));
const samePage = (href, canonical) => href === canonical || canonicalUrl(href) === canonical;

const tag = (event, name) => event.tags.find((t) => t[0] === name)?.[1];
const tagValues = (event, name) => event.tags.filter((t) => t[0] === name && t.length > 1).map((t) => t[1]);

// An event as NIP-01 shapes it (the types serde would take), or null.
export function eventShape(event) {
  if (!isObject(event)) return null;
  const { id, pubkey, created_at: at, kind, tags, content, sig } = event;
  const tagsOk = Array.isArray(tags) && tags.every(stringList);
  const ok = [id, pubkey, content, sig].every((s) => typeof s === 'string') && tagsOk;
  return ok && Number.isSafeInteger(at) && at >= 0 && isU32(kind) ? event : null;
}

// Whether the event's id is its hash and its signature its author's.
export async function verifyEvent(event) {
  if (!isHex(event.id, 64) || !isHex(event.pubkey, 64) || !isHex(event.sig, 128)) return false;
  const { pubkey, created_at: at, kind, tags, content } = event;
  const serialized = new TextEncoder().encode(JSON.stringify([0, pubkey, at, kind, tags, content]));
  const id = await sha256(serialized);
  return toHex(id) === event.id && verify(fromHex(pubkey), id, fromHex(event.sig));
}

// `keep_newest`: the newest event of each author (on a tie, the lowest id);
// whether `event` is kept.
function keepNewest(newest, event) {
  const old = newest.get(event.pubkey);
  if (old && (old.created_at > event.created_at || (old.created_at === event.created_at && old.id < event.id))) return false;
  newest.set(event.pubkey, event);
  return true;
}

// How many comments of the thread at `url` the relays' verified `events`
// show to every reader, as `Shared::view` of a complete thread decides (the
// reader's own events and ids left out; what a moderator's list hides and,
// with `approve`, what waits for approval is shown to moderators only and
// not counted), or null when the thread would be full.
export function sharedComments(events, { url, moderators = [], approve = false, ownEvents = new Set(), ownIds = new Set(), now }) {
  const comments = [];
  const deletions = new Set();
  const newestMutes = new Map();
  const newestSets = new Map();
  const seen = new Set();
  let kept = 0;
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const lists = event.kind === MUTE_LIST || event.kind === FOLLOW_SET;
    if ((event.tags.length > MAX_TAGS && !lists) || event.created_at > now + MAX_FUTURE_S) continue;
    if (event.kind === COMMENT) {
      const scope = tag(event, 'I');
      if (scope === undefined || !samePage(scope, url) || checked(event.content, TEXT_MAX) === null) continue;
      comments.push(event);
    } else if (event.kind === DELETION) {
      const targets = tagValues(event, 'e').filter((id) => isHex(id, 64));
      if (!targets.length) continue;
      for (const target of targets) deletions.add(`${event.pubkey}:${target}`);
    } else if (event.kind === MUTE_LIST && moderators.includes(event.pubkey)) {
      if (!keepNewest(newestMutes, event)) continue;
    } else if (event.kind === FOLLOW_SET && moderators.includes(event.pubkey) && tag(event, 'd') === APPROVED) {
      if (!keepNewest(newestSets, event)) continue;
    } else continue;
    kept++;
  }
  if (kept >= MAX_EVENTS) return null;
  const mutedKeys = new Set();
  const mutedEvents = new Set();
  for (const list of newestMutes.values()) {
    tagValues(list, 'p').forEach((key) => mutedKeys.add(key));
    tagValues(list, 'e').forEach((id) => mutedEvents.add(id));
  }
  // `Shared::is_approved`: moderators, and those any moderator's newest set names.
  const approved = new Set(moderators);
  for (const set of newestSets.values()) tagValues(set, 'p').forEach((key) => approved.add(key));
  // A deleted comment leaves at most a placeholder, which is not counted; a
  // reply whose parent never came (or is not shown to every reader) shows
  // at the top level, and counts.
  return comments.filter(
    (c) =>
      !ownEvents.has(c.id) &&
      !ownIds.has(c.id) &&
      (!approve || approved.has(c.pubkey)) &&
      !mutedKeys.has(c.pubkey) &&
      !mutedEvents.has(c.id) &&
      !deletions.has(`${c.pubkey}:${c.id}`),
  ).length;
}

// The thread's count: the article's comments, the reader's own stored
// ones, and with relays what they show. The shared fixtures' entry point.
export function countComments({ seedCount, thread, entries, relays }) {
  const own = storedComments(thread, entries, seedCount);
  let count = seedCount + own.shown;
  if (relays) {
    const shared = sharedComments(relays.events, { ...relays, ownEvents: own.ownEvents, ownIds: own.ids });
    if (shared === null) return null;
    count += shared;
  }
  return count;
}

// --- Words (src/model/i18n/: lang.rs, text.rs, plural.rs)

const LANGS = ['en', 'ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'tr', 'uk', 'zh-Hans'];

// `Lang::from_tag`: a supported language by its primary subtag; Chinese is
// Simplified unless the tag says Traditional.
export function fromTag(tag) {
  const [primary, ...subtags] = trim(tag ?? '').toLowerCase().split(/[-_]/);
  if (primary === 'zh') {
    const traditional = subtags.some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s));
    return !traditional || subtags.includes('hans') ? 'zh-Hans' : null;
  }
  return LANGS.find((code) => code === primary) ?? null;
}

// `Lang::negotiate`: the element's `lang`, the page's ?lang=, the reader's
// languages, English.
export const chooseLang = (attribute, query, browser) =>
  fromTag(attribute) ?? fromTag(query) ?? browser.map(fromTag).find(Boolean) ?? 'en';

const ENGLISH = { separator: ',', forms: [null, '{n} Comment', null, null, null, '{n} Comments'] };
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

// A built language file (dist/lang/<tag>.json) is an array: the layout's
// fingerprint, then messages in the order of dist/lang/keys.json: `code`,
// `digit_group_separator`, then `comments.zero` … `comments.other`. A test
// of src/model/i18n/slots.rs keeps these first positions where they are.
export function readLanguageFile(file, code) {
  const ok = Array.isArray(file) && typeof file[0] === 'number' && file[1] === code && typeof file[8] === 'string';
  if (!ok) return null;
  const separator = typeof file[2] === 'string' && file[2] !== '' ? file[2] : ENGLISH.separator;
  return { separator, forms: file.slice(3, 9).map((form) => (typeof form === 'string' && trim(form) ? form : null)) };
}

// `Text::comments`: "1,234 Comments", the form of the number's plural category.
export function phrase(n, code, { separator, forms }) {
  const digits = String(n);
  let number = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) number += separator;
    number += digits[i];
  }
  const category = new Intl.PluralRules(code).select(n);
  const form = forms[CATEGORIES.indexOf(category)] ?? forms[5];
  return form.replaceAll('{n}', number);
}

// --- In the page: the elements, what they need, and the relays, asked once

const assets = new URL('./', import.meta.url);
const once = new Map();
// Each file is fetched once per page, however many counts need it.
const fetchJson = (url) => {
  if (!once.has(url)) once.set(url, fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status)))));
  return once.get(url);
};

// The elements (embed.js tells which), and each one's settings once read
// (null: nothing to show).
const elements = new Set();
const resolved = new Map();
// Bumped by every change of an element's attributes: settings read for
// older attributes are dropped.
const changes = new WeakMap();
let queued = false;

export function watch(element) {
  elements.add(element);
  resolved.delete(element);
  changes.set(element, (changes.get(element) ?? 0) + 1);
  if (queued) return;
  // Every element the parser upgraded in one go is read in one batch, so
  // that their relays are asked together.
  queued = true;
  setTimeout(() => {
    queued = false;
    refresh().catch(() => {});
  });
}

export function unwatch(element) {
  elements.delete(element);
  resolved.delete(element);
}

// `is_relay_url`: wss:// anywhere, ws:// on this computer only.
function isRelayUrl(url) {
  const [scheme, rest] = url.split(/:\/\/(.*)/s);
  const host = rest?.split(/[/?#]/)[0] ?? '';
  const name = host.startsWith('[') ? host.slice(1).split(']')[0] : host.split(':')[0];
  const printable = url.length <= 200 && /^[\x21-\x7e]+$/.test(url);
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(name);
  return printable && name !== '' && (scheme === 'wss' || (scheme === 'ws' && loopback));
}

const list = (text) => text.split(/[ ,\n\t]/).filter(Boolean);
const attribute = (element, name) => element.getAttribute(name)?.trim() || undefined;

// What an element counts, as the thread would be set up with its
// attributes (src/config.rs, model/nostr/settings.rs), or null where the
// thread would show an error or could not be counted for sure.
async function settings(element) {
  const src = attribute(element, 'src');
  const article = readArticle(await fetchJson(src ? new URL(src, document.baseURI).href : new URL('seed.json', assets).href));
  const thread = attribute(element, 'thread') ?? article?.id;
  if (!article || !isThreadId(thread)) return null;
  const code = chooseLang(attribute(element, 'lang'), new URLSearchParams(location.search).get('lang'), [...navigator.languages]);
  const words = code === 'en' ? ENGLISH : await fetchJson(new URL(`lang/${code}.json`, assets).href).then(
    (file) => readLanguageFile(file, code),
    () => null,
  );
  const base = { thread, seedCount: article.comments, code: words ? code : 'en', words: words ?? ENGLISH };
  const relaysText = attribute(element, 'relays');
  const relays = (relaysText ? list(relaysText) : article.relays ?? []).map(trim);
  if (!relays.length) return base;
  // A setting the thread cannot use, or a browser that cannot check
  // signatures: no count rather than a doubtful one.
  const moderatorsText = attribute(element, 'moderators');
  const moderators = (moderatorsText ? list(moderatorsText) : article.moderators ?? []).map((k) => trim(k).toLowerCase());
  if (!article.sharingOk || !relays.every(isRelayUrl) || !moderators.every((k) => isHex(k, 64)) || !globalThis.crypto?.subtle) {
    return null;
  }
  const page = document.querySelector('link[rel~=canonical][href]')?.href ?? location.href;
  const url = [article.url, attribute(element, 'url')].find((u) => typeof u === 'string' && isWebUrl(u)) ?? page;
  const approve = approves(attribute(element, 'moderation'), article.moderation);
  return { ...base, relays: [...new Set(relays)].slice(0, 8), moderators: [...new Set(moderators)], approve, url: canonicalUrl(url) };
}

// What each relay has been asked, by relay: for each thread URL, what it
// sent (`events`: the verified events, once complete; null if it failed).
const asked = new Map();
const askedKey = ({ url, moderators, approve }) => `${url} ${moderators.join(' ')} ${approve}`;

async function refresh() {
  const waiting = [...watched()].filter((element) => !resolved.has(element));
  const before = waiting.map((element) => changes.get(element));
  const read = await Promise.all(waiting.map((element) => settings(element).catch(() => null)));
  waiting.forEach((element, i) => {
    if (changes.get(element) === before[i]) resolved.set(element, read[i]);
  });
  // One connection per relay for every thread not asked yet.
  const threads = new Map();
  for (const counted of read) {
    for (const relay of counted?.relays ?? []) {
      const known = asked.get(relay) ?? asked.set(relay, new Map()).get(relay);
      if (known.has(askedKey(counted))) continue;
      const mine = threads.get(relay) ?? threads.set(relay, { keys: [], urls: new Set(), moderators: new Set(), approvers: new Set() }).get(relay);
      mine.keys.push(askedKey(counted));
      mine.urls.add(counted.url);
      counted.moderators.forEach((key) => mine.moderators.add(key));
      if (counted.approve) counted.moderators.forEach((key) => mine.approvers.add(key));
    }
  }
  render();
  if (!threads.size) return;
  const results = new Map([...threads.keys()].map((relay) => [relay, { events: undefined }]));
  threads.forEach((wanted, relay) => wanted.keys.forEach((key) => asked.get(relay).set(key, results.get(relay))));
  await gatherAll(threads, results);
  render();
}

const watched = () => [...elements].filter((element) => element.isConnected);

// Every key and value of this origin's agora entries.
function storedEntries() {
  try {
    const entries = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith('agora:v1:')) entries.push([key, localStorage.getItem(key)]);
    }
    return entries;
  } catch {
    return [];
  }
}

// Writes every count it can; a count still waiting for relays (or without
// one) shows nothing.
function render() {
  const entries = storedEntries();
  const now = Math.floor(Date.now() / 1000);
  for (const element of watched()) {
    const counted = resolved.get(element);
    let text = '';
    if (counted) {
      let relays = null;
      if (counted.relays) {
        const sent = counted.relays.map((relay) => asked.get(relay)?.get(askedKey(counted))?.events);
        const { url, moderators, approve } = counted;
        relays = sent.every(Array.isArray) ? { events: sent.flat(), url, moderators, approve, now } : undefined;
      }
      const n = relays === undefined ? null : countComments({ ...counted, entries, relays });
      if (n !== null) text = phrase(n, counted.code, counted.words);
    }
    if (element.textContent !== text) element.textContent = text;
  }
}

// A comment posted in another tab (storage) or by a widget of this page
// (agora:change, sent by the widget's store: src/store/bus.rs) changes
// what this browser holds.
globalThis.addEventListener?.('storage', (event) => {
  if (event.key === null || event.key.startsWith('agora:v1:')) render();
});
globalThis.addEventListener?.('agora:change', () => render());

// --- Asking the relays (the thread's relay layer: src/relay/subscriptions.rs,
// model/nostr/paging.rs), for every counted thread at once

const PAGE_LIMIT = 5000;
const MAX_PAGES = 200;
const IN_FLIGHT = 4;
const BATCH = 250;
const PAGE_TIMEOUT_MS = 10000;
const MAX_MESSAGE = 64 * 1024 + 256;

// Asks every relay of `threads` (relay -> the URLs and moderators counted
// on it, and the moderators of threads that are approval first), one
// connection each, in rounds, as the thread does: first the comments in
// both spellings of every URL, the moderators' mute lists and, for those
// that approve, their sets of approved authors, in one request;
// then, of every relay, the deletion requests that name any comment any
// relay sent, and the replies' parents that no relay sent, by id; until no
// round names anything new. Sets each relay's `events` in `results` to the
// verified events it sent, or null if it failed (did not connect, closed,
// refused, stalled).
async function gatherAll(threads, results) {
  const sessions = [...threads].map(([relay, { urls, moderators, approvers }]) => {
    const session = connect(relay);
    const first = [{ kinds: [COMMENT], '#I': [...urls].flatMap(spellings) }];
    if (moderators.size) first.push({ kinds: [MUTE_LIST], authors: [...moderators] });
    if (approvers.size) first.push({ kinds: [FOLLOW_SET], authors: [...approvers], '#d': [APPROVED] });
    return { relay, session, asked: new Set(), round: first };
  });
  for (;;) {
    const live = sessions.filter((s) => s.round.length && !s.session.failed);
    if (!live.length) break;
    await Promise.all(live.map((s) => s.session.run(s.round)));
    const all = new Map();
    sessions.forEach((s) => s.session.events.forEach((event, id) => all.set(id, event)));
    const comments = [...all.values()].filter((e) => e.kind === COMMENT);
    const parents = comments.map((c) => tagValues(c, 'e').at(-1)).filter((id) => isHex(id, 64) && !all.has(id));
    for (const s of sessions) {
      const fresh = (kind, values) => {
        const list = [...new Set(values)].filter((v) => !s.asked.has(kind + v));
        list.forEach((v) => s.asked.add(kind + v));
        return list;
      };
      const deletions = fresh('e', comments.map((c) => c.id));
      const missing = fresh('i', parents);
      s.round = [];
      for (let i = 0; i < deletions.length; i += BATCH) s.round.push({ kinds: [DELETION], '#e': deletions.slice(i, i + BATCH) });
      for (let i = 0; i < missing.length; i += BATCH) s.round.push({ ids: missing.slice(i, i + BATCH) });
    }
  }
  for (const { relay, session } of sessions) {
    session.close();
    results.get(relay).events = session.failed ? null : [...session.events.values()];
  }
}

// One relay's connection: `run(filters)` pages through each filter with
// `until` (at most IN_FLIGHT at a time) and resolves once every page is
// answered and every event's signature checked; `events` holds the
// verified ones; `failed` says that the relay cannot be counted on.
function connect(relay) {
  const events = new Map();
  const checks = [];
  const checked = new Set();
  const running = new Map();
  let queue = [];
  let retrying = 0;
  let next = 0;
  let done = () => {};
  let socket;
  const opened = new Promise((resolve) => {
    try {
      socket = new WebSocket(relay);
      socket.onopen = resolve;
      socket.onerror = socket.onclose = () => {
        fail();
        resolve();
      };
    } catch {
      fail();
      resolve();
    }
  });
  const session = { events, failed: false, run, close: () => socket?.close() };
  function fail() {
    session.failed = true;
    running.forEach((job) => clearTimeout(job.timer));
    done();
  }
  const send = (message) => socket.send(JSON.stringify(message));
  const watchdog = (job) => {
    clearTimeout(job.timer);
    job.timer = setTimeout(fail, PAGE_TIMEOUT_MS);
  };
  const ask = (job) => {
    if (job.pages++ >= MAX_PAGES) return fail();
    const sub = `n${next++}`;
    Object.assign(job, { count: 0, fresh: 0, pageOldest: undefined });
    running.set(sub, job);
    const filter = { ...job.filter, limit: PAGE_LIMIT };
    if (job.until !== undefined) filter.until = job.until;
    send(['REQ', sub, filter]);
    watchdog(job);
  };
  const pump = async () => {
    while (running.size < IN_FLIGHT && queue.length && !session.failed) ask(queue.shift());
    const busy = () => running.size || queue.length || retrying;
    if (busy() || session.failed) return;
    for (let n = -1; n !== checks.length; ) {
      n = checks.length;
      await Promise.all(checks);
    }
    if (!busy()) done();
  };
  async function run(filters) {
    await opened;
    if (session.failed) return;
    const finished = new Promise((resolve) => (done = resolve));
    queue = filters.map((filter) => ({ filter, until: undefined, seen: new Set(), pages: 0, refusals: 0, oldest: undefined }));
    pump();
    await finished;
  }
  opened.then(() => {
    if (!socket) return;
    socket.onmessage = ({ data }) => {
      if (typeof data !== 'string' || data.length > MAX_MESSAGE || session.failed) return;
      let message;
      try {
        message = JSON.parse(data);
      } catch {
        return;
      }
      if (!Array.isArray(message)) return;
      const [type, sub] = message;
      const job = running.get(sub);
      if (!job) return;
      if (type === 'EVENT') {
        const event = eventShape(message[2]);
        if (!event) return;
        watchdog(job);
        // An event dated after the page's `until` does not count for paging.
        if (job.until === undefined || event.created_at <= job.until) {
          job.count++;
          if (!job.seen.has(event.id)) job.fresh++;
          job.seen.add(event.id);
          if (job.pageOldest === undefined || event.created_at < job.pageOldest) job.pageOldest = event.created_at;
        }
        if (!checked.has(event.id)) {
          checked.add(event.id);
          checks.push(verifyEvent(event).then((ok) => ok && events.set(event.id, event), () => {}));
        }
      } else if (type === 'EOSE') {
        running.delete(sub);
        clearTimeout(job.timer);
        send(['CLOSE', sub]);
        job.refusals = 0;
        const stuck = job.pageOldest !== undefined && job.pageOldest === job.oldest;
        if (!(message[2] === 'finish' || job.count === 0 || (job.fresh === 0 && !stuck))) {
          // Inclusive or exclusive `until`, the whole oldest second comes
          // again (repeats are known by id); a second busier than a page
          // is stepped over, as the thread does.
          job.until = job.fresh === 0 ? job.pageOldest - 1 : job.pageOldest + 1;
          job.oldest = job.pageOldest;
          queue.push(job);
        }
        pump();
      } else if (type === 'CLOSED') {
        // Refused (too many subscriptions, a rate limit): asked again after
        // 1, 2, 4 s; a relay that keeps refusing cannot be counted on.
        running.delete(sub);
        clearTimeout(job.timer);
        if (++job.refusals > 3) return fail();
        job.pages--;
        retrying++;
        setTimeout(() => {
          retrying--;
          queue.push(job);
          pump();
        }, 1000 * 2 ** (job.refusals - 1));
      }
    };
  });
  return session;
}
