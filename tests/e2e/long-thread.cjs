// A long thread written by other Nostr clients (nostr-tools), for the tests
// and the benchmark of threads longer than what a relay sends for one
// request: many comments that share their seconds, so that a page of 500
// ends inside a second and only paging that asks for that second again, and
// tells repeats by id, gets every one. CommonJS, like relay.cjs, so that bench/run.mjs (an ES
// module, which cannot load nostr.ts) builds and publishes the same threads.
const { finalizeEvent, generateSecretKey, getPublicKey } = require('nostr-tools/pure');
const { WebSocket } = require('ws');

/** Names that are no prefix of one another, so that "Like 3: Ada" finds Ada's comment only. */
const AUTHORS = ['Ada', 'Boris', 'Chloe', 'Dmitri', 'Elif', 'Farid', 'Greta'];

/** The tags of a NIP-22 comment on the web page at `url`, or of a reply to `parent` (as nostr.ts writes them). */
function commentTags(url, parent) {
  const root = [['I', url], ['K', 'web']];
  return parent
    ? [...root, ['e', parent.id, '', parent.pubkey], ['k', String(parent.kind)], ['p', parent.pubkey]]
    : [...root, ['i', url], ['k', 'web']];
}

/**
 * Signs (does not publish) a thread at `url`: `comments` top-level ones,
 * "Comment 1" (the oldest) … "Comment N"; reply k answers "Comment k"
 * ("Reply to comment k") for k up to `replies`; `likes[k - 1]` likes on
 * "Comment k", each from another author; a profile (kind 0) per author.
 * "Comment 1" has its second to itself, so that it is the oldest shared
 * comment in every order (comments of one second are ordered by id); after
 * it, `perSecond` to a second. Replies are dated after the last comment, so
 * that a relay's newest-first pages bring them before their parents.
 * Everything is dated in the past: the thread starts `startAgo` seconds ago.
 */
function longThread(url, { comments: n, replies: r = 0, likes = [], perSecond = 7, startAgo = 6 * 3600 }) {
  const start = Math.floor(Date.now() / 1000) - startAgo;
  const authors = AUTHORS.map((name) => {
    const secret = generateSecretKey();
    return { name, secret, pubkey: getPublicKey(secret) };
  });
  const sign = (author, template) => finalizeEvent(template, author.secret);
  const profiles = authors.map((a) => sign(a, { kind: 0, tags: [], content: JSON.stringify({ name: a.name }), created_at: start - 60 }));
  const write = (author, content, second, parent) =>
    sign(author, { kind: 1111, tags: commentTags(url, parent), content, created_at: start + second });
  // The second of the i-th comment (1-based): 0 for the first, then perSecond to a second.
  const second = (i) => Math.ceil((i - 1) / perSecond);
  const comments = Array.from({ length: n }, (_, index) => write(authors[index % authors.length], `Comment ${index + 1}`, second(index + 1)));
  const repliesFrom = second(n) + 2;
  const replies = Array.from({ length: r }, (_, index) =>
    write(authors[(index + 1) % authors.length], `Reply to comment ${index + 1}`, repliesFrom + Math.floor(index / perSecond), comments[index]));
  const likeEvents = likes.flatMap((count, index) => {
    const liked = comments[index];
    const likers = authors.filter((a) => a.pubkey !== liked.pubkey).slice(0, count);
    if (likers.length < count) throw new Error(`only ${likers.length} other authors to like comment ${index + 1}`);
    return likers.map((a) => sign(a, {
      kind: 7, content: '+', tags: [['e', liked.id], ['p', liked.pubkey], ['k', '1111']], created_at: liked.created_at + 30,
    }));
  });
  return { authors, comments, replies, likes: likeEvents, profiles, all: [...profiles, ...comments, ...replies, ...likeEvents] };
}

/** The name of the author of "Comment k" (k from 1). */
const authorOf = (thread, k) => thread.authors.find((a) => a.pubkey === thread.comments[k - 1].pubkey).name;

/** Sends `events` on one connection; resolves with the relay's OK answers by id once all came or `timeoutMs` passed. */
function publishBatch(relay, events, timeoutMs) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(relay);
    const answers = new Map();
    const done = () => {
      clearTimeout(timer);
      socket.close();
      resolve(answers);
    };
    const timer = setTimeout(done, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('open', () => events.forEach((event) => socket.send(JSON.stringify(['EVENT', event]))));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message[0] !== 'OK') return;
      answers.set(message[1], [message[2], message[3]]);
      if (answers.size === events.length) done();
    });
  });
}

/**
 * Publishes `events` in batches of `batch` (a connection each, so that no one
 * wait is long) and throws unless the relay said OK true to every one.
 * Returns how long it took, in ms.
 */
async function publishAll(relay, events, { batch = 500, timeoutMs = 60_000 } = {}) {
  const started = Date.now();
  for (let from = 0; from < events.length; from += batch) {
    const chunk = events.slice(from, from + batch);
    const answers = await publishBatch(relay, chunk, timeoutMs);
    const refused = chunk.filter((event) => answers.get(event.id)?.[0] !== true);
    if (refused.length > 0) {
      const [first] = refused;
      throw new Error(`${relay} did not accept ${refused.length} of ${chunk.length} events (first, "${first.content.slice(0, 40)}": ${answers.get(first.id)?.[1] ?? 'no answer'})`);
    }
  }
  return Date.now() - started;
}

module.exports = { AUTHORS, longThread, authorOf, publishAll };
