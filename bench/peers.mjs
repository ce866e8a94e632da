// The benchmark's peers: agora's <agora-thread> on a host page (without and
// with relays, with the two hints of Embedding in the page's head, and as
// agora-render writes it ahead of time), the standalone
// page, Isso 0.14.0 and nostr-comments 0.6.0, side by side in one run, loads
// interleaved, on loopback and on the phone profile. Every system shows the
// seed article (src/content/seed.json) and its 8 comments. Called by
// bench/run.mjs with --peers (scripts/bench.sh's full run, which installs the
// peers first with scripts/bench-peers.sh); the quick mode never loads this.
// It reports; it never fails on a timing.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import * as nip19 from 'nostr-tools/nip19';
import { WebSocket, WebSocketServer } from 'ws';
import relayModule from '../tests/e2e/relay.cjs';
import longThreadModule from '../tests/e2e/long-thread.cjs';
import { PHONE, emulatePhone } from './phone.mjs';

const { TestRelay } = relayModule;
const { publishAll } = longThreadModule;

export const PEERS_DIR = process.env.AGORA_PEERS_DIR ?? join(homedir(), '.cache/agora/peers');
const ISSO = join(PEERS_DIR, 'isso-0.14.0');
const NOSTR_COMMENTS = join(PEERS_DIR, 'nostr-comments-0.6.0/site/nostr-comments.js');
/** Per load: at most this long for the thread, and again for a reader's post. */
const LOAD_TIMEOUT_MS = 90_000;

const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The native render command (docs/src/site-owners/prerendering.md); scripts/bench.sh builds it for the full run. */
const AGORA_RENDER = join(process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/agora/target'), 'release/agora-render');

/**
 * (f) agora's element with prerendered content: the HTML that agora-render
 * writes for the article file `articlePath` (served as `src`), with agora's
 * files at `assetsUrl`, or why it cannot be had. The host page puts it where
 * the plain element goes, with the same embed.js.
 */
function prerenderedElement(articlePath, src, assetsUrl) {
  if (!existsSync(AGORA_RENDER)) return { missing: `${AGORA_RENDER} is not built (cargo build --release --features relays --bin agora-render; scripts/bench.sh does)` };
  try {
    return { html: execFileSync(AGORA_RENDER, ['--assets', assetsUrl, articlePath, `src=${src}`, 'lang=en'], { encoding: 'utf8' }) };
  } catch (error) {
    return { missing: `agora-render failed: ${String(error.stderr ?? error.message).trim()}` };
  }
}

/** A WebSocket pass-through that delays every message by `delayMs` each way (Chromium's emulation delays only the handshake). */
class DelayProxy {
  static async start(upstream, delayMs) {
    const proxy = new DelayProxy();
    proxy.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    proxy.sockets = new Set();
    await new Promise((resolve) => proxy.server.once('listening', resolve));
    proxy.server.on('connection', (client) => {
      const relay = new WebSocket(upstream);
      proxy.sockets.add(client).add(relay);
      const pending = [];
      const later = (fn) => setTimeout(fn, delayMs);
      client.on('message', (data, binary) => later(() => {
        if (relay.readyState === WebSocket.OPEN) relay.send(data, { binary });
        else pending.push([data, binary]);
      }));
      relay.on('open', () => pending.splice(0).forEach(([data, binary]) => relay.send(data, { binary })));
      relay.on('message', (data, binary) => later(() => { if (client.readyState === WebSocket.OPEN) client.send(data, { binary }); }));
      const close = () => { client.close(); relay.close(); };
      client.on('close', close); relay.on('close', close);
      client.on('error', close); relay.on('error', close);
    });
    proxy.url = `ws://127.0.0.1:${proxy.server.address().port}`;
    return proxy;
  }

  stop() {
    for (const socket of this.sockets) socket.terminate();
    this.server.close();
  }
}

/** Starts a process and resolves when `ready()` does; rejects after 30 s or if it exits. */
async function startProcess(command, args, options, ready, what) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before serving:\n${output.trim()}`);
    if (await ready(output).catch(() => false)) return { child, output: () => output };
    if (Date.now() > deadline) { child.kill(); throw new Error(`${what} did not start within 30 s:\n${output.trim()}`); }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stops a process started here and waits (at most 5 s) until it has exited. */
async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Everything in the page that measures: a MutationObserver on the document
 * and on every shadow root (open ones attached by scripts, declarative ones
 * found as they are inserted) checks whether every wanted text is in the
 * page; the first animation frame after that is the time. Long tasks are
 * kept. `__benchPost(system, text)` posts as a reader does (see post()).
 */
function instrument(want) {
  window.__bench = { want, thread: undefined, posted: undefined, longTasks: [], waiting: [] };
  const bench = window.__bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const watched = new WeakSet();
  const roots = [];
  const observer = new MutationObserver(() => check());
  const watch = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    roots.push(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (init?.mode === 'open') watch(root);
    return root;
  };
  // The page's text with that of its open shadow roots (declarative ones are
  // found here), without what is typed into fields (a textarea's text is its value).
  const deepText = () => {
    const parts = [];
    const visit = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const tag = node.parentElement?.tagName;
          if (tag !== 'TEXTAREA' && tag !== 'SCRIPT' && tag !== 'STYLE') parts.push(node.data);
        } else if (node.shadowRoot) {
          watch(node.shadowRoot);
          visit(node.shadowRoot);
        }
      }
    };
    visit(document);
    return parts.join(' ').replace(/\s+/g, ' ');
  };
  bench.deepText = deepText;
  const frame = (key) => requestAnimationFrame(() => { bench[key] ??= performance.now(); bench.waiting.splice(0).forEach((f) => f()); });
  let threadSeen = false;
  let postSeen = false;
  function check() {
    if (threadSeen && (postSeen || !bench.postText)) return;
    const text = deepText();
    if (!threadSeen && bench.want.every((part) => text.includes(part))) { threadSeen = true; frame('thread'); }
    // The posted text shows as a comment, not only in the field it was typed into (fields' values are not text).
    if (!postSeen && bench.postText && text.includes(bench.postText)) { postSeen = true; frame('posted'); }
  }
  bench.check = check;
  watch(document);
  bench.deepQuery = (selector) => {
    const found = [];
    const visit = (root) => {
      found.push(...root.querySelectorAll(selector));
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.shadowRoot) visit(node.shadowRoot);
    };
    visit(document);
    return found;
  };
}

/**
 * A reader posting, in the page: from the first paint, every 100 ms, fill in
 * the name and the text and click the system's post button, until the text
 * shows as a comment. A click that leaves the text in its field did nothing
 * (the button is not live yet, or a dialog came first): the next round
 * tries again. nostr-comments has no name field: a reader there first
 * imports a key (its login dialog, "Import Existing Key"), then posts.
 */
async function readerPosts([system, text, nsec]) {
  const bench = window.__bench;
  bench.postText = text;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const first = (selector, where) => (where ? [...where.querySelectorAll(selector)] : bench.deepQuery(selector))[0];
  const byText = (selector, words) => bench.deepQuery(selector).find((el) => el.textContent.trim() === words);
  // As typing does: the native setter (React tracks values), then an input event.
  const type = (field, value) => {
    const prototype = field.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value').set.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  };
  await new Promise((resolve) => {
    const painted = () => performance.getEntriesByType('paint').length > 0;
    if (painted()) resolve();
    else new PerformanceObserver((_, observer) => { observer.disconnect(); resolve(); }).observe({ type: 'paint', buffered: true });
  });
  const clicks = { tried: 0 }; // rounds that clicked something
  const attempt = () => {
    if (system === 'isso') {
      const box = first('.isso-postbox');
      const name = box && first('input[name=author]', box);
      const field = box && first('textarea', box);
      const button = box && first('input[type=submit]', box);
      if (!name || !field || !button) return;
      if (field.value === text) return; // taken and being sent, or not yet cleared
      type(name, 'Bench Reader');
      type(field, text);
      button.click();
    } else if (system === 'nostr-comments') {
      // Its login dialog opens when the field gets focus: "Import Existing Key", the nsec, "Login"; then Publish.
      const keyField = bench.deepQuery('input').find((el) => /nsec/.test(el.placeholder));
      if (keyField) {
        type(keyField, nsec);
        const login = keyField.form?.querySelector('button[type=submit]');
        if (login && !login.disabled) login.click();
        clicks.tried++;
        return;
      }
      const importKey = bench.deepQuery('button').find((el) => el.querySelector('h4')?.textContent.trim() === 'Import Existing Key');
      if (importKey) { importKey.click(); clicks.tried++; return; }
      const field = bench.deepQuery('textarea').find((el) => el.placeholder === 'Write a comment...');
      if (!field) return;
      field.focus();
      field.click();
      if (field.value !== text) type(field, text);
      const publish = field.form?.querySelector('button[type=submit]');
      if (!publish || publish.disabled || publish.textContent.trim() !== 'Publish') return;
      publish.click();
    } else {
      const form = first('form.agora-composer');
      const name = form && first('input[name=name]', form);
      const field = form && first('textarea[name=comment]', form);
      const button = form && first('button[type=submit]', form);
      if (!name || !field || !button) return;
      type(name, 'Bench Reader');
      type(field, text);
      button.click();
    }
    clicks.tried++;
  };
  while (bench.posted === undefined) {
    attempt();
    bench.check();
    await Promise.race([sleep(100), new Promise((resolve) => bench.waiting.push(resolve))]);
  }
  return clicks.tried;
}

/**
 * Starts what the peers need next to agora's server (`agoraUrl`, serving
 * dist/ with --cors --gzip): a host server (gzip) for the host pages, Isso,
 * a relay with the 8 comments and a delaying pass-through for the phone
 * profile. Then loads every system `loads` times on each profile,
 * interleaved, and returns the lines of the table for the book.
 */
export async function comparePeers({ browser, agoraUrl, standaloneUrl, seed, loads, kb, median, spread }) {
  const cleanups = [];
  try {
    for (const [what, path] of [['Isso 0.14.0', join(ISSO, 'bin/isso')], ['nostr-comments 0.6.0', NOSTR_COMMENTS]]) {
      if (!existsSync(path)) throw new Error(`bench: ${what} is not installed (${path}); run scripts/bench-peers.sh`);
    }
    const hostDir = mkdtempSync(join(tmpdir(), 'agora-peers-'));
    cleanups.push(() => rmSync(hostDir, { recursive: true, force: true }));
    // The host pages' own static server (gzip), on a free port.
    const host = await startProcess('node', ['tests/e2e/serve.mjs', hostDir, '0', '--gzip'], {},
      async (output) => /at http:\/\/\S+/.test(output), 'the host pages\' server');
    cleanups.push(() => stopProcess(host.child));
    const hostUrl = host.output().match(/at (http:\/\/\S+)/)[1];
    const hostOrigin = new URL(hostUrl).origin;

    // Isso on loopback, its thread per page path, comments seeded through its API.
    const issoPort = await freePort();
    writeFileSync(join(hostDir, 'isso.cfg'), [
      '[general]', `dbpath = ${join(hostDir, 'isso.db')}`, `host = ${hostOrigin}/`,
      '[server]', `listen = http://127.0.0.1:${issoPort}/`,
      '[moderation]', 'enabled = false',
      // Its rate limit (2 new comments a minute per address) would refuse the seeding and the readers' posts.
      '[guard]', 'enabled = false', '',
    ].join('\n'));
    const isso = await startProcess(join(ISSO, 'bin/isso'), ['-c', join(hostDir, 'isso.cfg'), 'run'], { cwd: hostDir },
      async () => (await fetch(`http://127.0.0.1:${issoPort}/info`)).ok, 'Isso');
    cleanups.push(() => stopProcess(isso.child));
    const issoUrl = `http://127.0.0.1:${issoPort}/`;
    // embed.min.js from the static host (gzip), as a site serves it; the API from Isso.
    cpSync(join(ISSO, 'lib/python3.11/site-packages/isso/js/embed.min.js'), join(hostDir, 'isso-embed.min.js'));
    // Isso's server now and then refuses a connection on this machine (ECONNREFUSED while it runs): a few tries each.
    const issoPost = async (path, body) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fetch(`${issoUrl}new?uri=${encodeURIComponent(path)}`, {
            method: 'POST', headers: { 'Content-Type': 'application/json', Origin: hostOrigin },
            body: JSON.stringify(body), signal: AbortSignal.timeout(10_000),
          });
        } catch (error) {
          if (attempt === 5) throw new Error(`bench: Isso did not take a comment (${error.cause?.message ?? error.message}); it said:\n${isso.output().slice(-2_000)}`);
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
    };
    const seedIsso = async (path) => {
      for (const comment of seed.comments) {
        const answer = await issoPost(path, { author: comment.author, text: comment.text, title: seed.title });
        if (answer.status !== 201) throw new Error(`bench: Isso refused a comment (${answer.status}: ${await answer.text()})`);
      }
    };

    // The relay: the seed's authors with their names (kind 0), the comments as kind 1111 on a URL per thread.
    const relay = await TestRelay.start();
    cleanups.push(() => relay.stop());
    const proxy = await DelayProxy.start(relay.url, PHONE.rttMs / 2);
    cleanups.push(() => proxy.stop());
    const authors = seed.comments.map((comment) => {
      const secret = generateSecretKey();
      return { name: comment.author, secret, pubkey: getPublicKey(secret) };
    });
    const start = Math.floor(Date.now() / 1000) - 3600;
    await publishAll(relay.url, authors.map((a) =>
      finalizeEvent({ kind: 0, tags: [], content: JSON.stringify({ name: a.name }), created_at: start - 60 }, a.secret)));
    // agora's element and nostr-comments read the same thread ('t') from the relay: seeded once.
    const seededUrls = new Set();
    const seedRelay = (url) => !seededUrls.has(url) && seededUrls.add(url) && publishAll(relay.url, seed.comments.map((comment, i) => finalizeEvent({
      kind: 1111, content: comment.text, created_at: start + i * 60,
      tags: [['I', url], ['K', 'web'], ['i', url], ['k', 'web']],
    }, authors[i].secret)));
    const threadUrl = (key) => `https://bench.example/story-${key}`;
    const reader = generateSecretKey();

    // Host pages: the seed article in the page's HTML and the system's widget under it.
    const article = `<article><h1>${escape(seed.title)}</h1>\n${seed.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article>`;
    const page = (name, head, body) => {
      writeFileSync(join(hostDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(seed.title)}</title>${head}</head>
<body style="max-width:44rem;margin:0 auto;font-family:sans-serif">${body}</body></html>\n`);
      return new URL(name, hostUrl).href;
    };
    const { comments: _, ...withoutComments } = seed;
    writeFileSync(join(hostDir, 'article.json'), JSON.stringify(seed));
    writeFileSync(join(hostDir, 'article-relays.json'), JSON.stringify({ ...withoutComments, comments: [] }));
    const embed = `<script type="module" src="${agoraUrl}embed.js"></script>`;
    const hints = `<link rel="modulepreload" href="${agoraUrl}agora.js"><link rel="preload" as="fetch" crossorigin href="${agoraUrl}agora_bg.wasm" type="application/wasm">`;
    const prerendered = prerenderedElement(join(hostDir, 'article.json'), 'article.json', agoraUrl);

    // Each system: how its host page is made for a thread (`key`) on a profile, and what shows its 8 comments.
    const texts = seed.comments.map((c) => c.text.slice(0, 30));
    const names = seed.comments.map((c) => c.author);
    const systems = {
      'agora element': {
        // The element shows the article itself (the article JSON has it): agora's host page is the element.
        url: () => page('agora-element.html', embed, `<agora-thread src="article.json"></agora-thread>`),
        want: [...texts, ...names],
      },
      // The same, with the two hints of Embedding's "Start sooner" in the host page's head.
      'agora element, hints': {
        url: () => page('agora-element-hints.html', `${hints}${embed}`, `<agora-thread src="article.json"></agora-thread>`),
        want: [...texts, ...names],
      },
      'agora element, relays': {
        seed: seedRelay,
        url: (key, relayUrl) => page(`agora-relays-${key}.html`, embed,
          `<agora-thread src="article-relays.json" relays="${relayUrl}" url="${threadUrl(key)}"></agora-thread>`),
        want: [...texts, ...names],
      },
      // The same element, written ahead of time by agora-render (a declarative shadow root).
      'agora element, prerendered': prerendered.missing ? { missing: prerendered.missing } : {
        url: () => page('agora-prerendered.html', embed, prerendered.html), want: [...texts, ...names],
      },
      'agora standalone page': { url: () => standaloneUrl, want: [...texts, ...names] },
      'Isso 0.14.0': {
        seed: (_, key) => seedIsso(`/isso-${key}.html`),
        url: (key) => page(`isso-${key}.html`, '', `${article}\n<script data-isso="${issoUrl}" src="isso-embed.min.js"></script>\n<section id="isso-thread"></section>`),
        want: [...texts, ...names],
      },
      'nostr-comments 0.6.0': {
        seed: seedRelay,
        // Names are looked up only on its hard-coded public relays (unreachable here): authors show as npubs.
        url: (key, relayUrl) => {
          cpSync(NOSTR_COMMENTS, join(hostDir, 'nostr-comments.js'));
          return page(`nostr-comments-${key}.html`, '', `${article}\n<div id="nostr-comments" data-url="${threadUrl(key)}" data-relays="${relayUrl}"></div>\n<script src="nostr-comments.js"></script>`);
        },
        want: texts, authorsAs: 'npub',
      },
    };
    const npubs = authors.map((a) => nip19.npubEncode(a.pubkey));
    // AGORA_BENCH_SYSTEMS (words of the names, comma-separated) narrows a run down while working on it.
    const only = process.env.AGORA_BENCH_SYSTEMS?.split(',').map((word) => word.trim().toLowerCase()).filter(Boolean);
    for (const [name, system] of Object.entries(systems)) {
      if (only && !system.missing && !only.some((word) => name.toLowerCase().includes(word))) system.missing = 'left out of this run (AGORA_BENCH_SYSTEMS)';
    }
    const active = Object.entries(systems).filter(([, s]) => !s.missing);
    // Seeded threads: 't' for the thread loads (nothing is posted there), one per post load.
    let postKeys = 0;
    const threadFor = async (system, posting) => {
      const key = posting ? `p${++postKeys}` : 't';
      if (system.seed && (posting || !system.seeded)) {
        await system.seed(threadUrl(key), key);
        if (!posting) system.seeded = true;
      }
      return key;
    };

    /** One load: navigation to the 8 comments shown (thread) or to the reader's comment shown (posting). */
    async function load(name, system, { phone, posting }) {
      const key = await threadFor(system, posting);
      const relayUrl = phone ? proxy.url : relay.url;
      const url = system.url(key, relayUrl);
      const context = await browser.newContext({ viewport: { width: 1280, height: 3000 } });
      const tab = await context.newPage();
      // nostr-comments shows an author as the start and end of the npub ("npub1zyk…nqft").
      const want = system.authorsAs === 'npub' ? [...system.want, ...npubs.map((n) => `${n.slice(0, 8)}…${n.slice(-4)}`)] : system.want;
      await tab.addInitScript(instrument, want);
      tab.on('crash', () => console.error(`bench: ${name}: the page crashed`));
      if (process.env.AGORA_BENCH_DEBUG) {
        tab.on('console', (message) => console.error(`bench: ${name}: console: ${message.text()}`));
        tab.on('framenavigated', (frame) => console.error(`bench: ${name}: navigated to ${frame.url()}`));
      }
      const files = [];
      tab.on('requestfinished', async (request) => {
        const sizes = await request.sizes().catch(() => null);
        if (sizes) files.push({ url: request.url(), bytes: sizes.responseBodySize });
      });
      if (phone) await emulatePhone(context, tab);
      await tab.goto(url, { waitUntil: 'commit' });
      let result;
      if (posting) {
        const text = `A reader's comment ${Math.random().toString(36).slice(2)}`;
        const clicks = await Promise.race([
          tab.evaluate(readerPosts, [name === 'Isso 0.14.0' ? 'isso' : name === 'nostr-comments 0.6.0' ? 'nostr-comments' : 'agora', text, nip19.nsecEncode(reader)]).catch(() => null),
          new Promise((resolve) => setTimeout(() => resolve(null), LOAD_TIMEOUT_MS)),
        ]);
        result = await tab.evaluate(() => ({ ms: window.__bench.posted ?? null, longTasks: window.__bench.longTasks }))
          .catch((error) => { console.error(`bench: ${name}: the page was lost while posting (${error.message.split('\n')[0]})`); return { ms: null, longTasks: [] }; });
        result.clicks = clicks;
      } else {
        result = await tab.evaluate(async (timeoutMs) => {
          const bench = window.__bench;
          const deadline = performance.now() + timeoutMs;
          while (bench.thread === undefined && performance.now() < deadline) {
            bench.check();
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return { ms: bench.thread ?? null, longTasks: bench.longTasks };
        }, LOAD_TIMEOUT_MS);
      }
      // AGORA_BENCH_TRACE: what a phone thread load waited for, file by file (Resource Timing).
      if (process.env.AGORA_BENCH_TRACE && phone && !posting) {
        const entries = await tab.evaluate(() => performance.getEntriesByType('resource')
          .map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)])).catch(() => []);
        console.error(`bench: ${name}: thread at ${Math.round(result.ms)} ms; files (asked, arrived): ${entries.map(([n, a, b]) => `${n} ${a}–${b}`).join(', ')}`);
      }
      const until = result.ms ?? Infinity;
      const tasks = result.longTasks.filter(([startTime]) => startTime <= until);
      return {
        context, tab, ms: result.ms, clicks: result.clicks,
        longest: Math.max(0, ...tasks.map(([, d]) => d)), blocking: tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
        files,
      };
    }

    const results = {};
    const profiles = [['loopback', false], ['phone', true]];
    for (const [profile, phone] of profiles) {
      for (let i = 0; i < loads; i++) {
        for (const [name, system] of active) {
          for (const posting of [false, true]) {
            const measured = await load(name, system, { phone, posting });
            const into = ((results[name] ??= {})[profile] ??= { thread: [], post: [], longest: [], blocking: [], clicks: [] });
            if (posting) { into.post.push(measured.ms); into.clicks.push(measured.clicks); } else {
              into.thread.push(measured.ms);
              into.longest.push(measured.longest);
              into.blocking.push(measured.blocking);
            }
            if (!posting && !phone && i === 0) {
              results[name].files = measured.files;
              if (process.env.AGORA_BENCH_SCREENSHOTS) {
                await measured.tab.screenshot({ path: join(process.env.AGORA_BENCH_SCREENSHOTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: false });
              }
            }
            await measured.context.close().catch(() => {});
          }
        }
      }
    }
    return table({ results, systems, kb, median, spread, loads });
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch(() => {});
  }
}

function table({ results, systems, kb, median, spread, loads }) {
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  const shown = (xs) => {
    const done = xs.filter((x) => x !== null);
    const missed = xs.length - done.length;
    if (!done.length) return `not within ${LOAD_TIMEOUT_MS / 1000} s`;
    return `${median(done).toFixed(0)} (${spread(done)})${missed ? `, ${missed} of ${xs.length} not within ${LOAD_TIMEOUT_MS / 1000} s` : ''}`;
  };
  const med = (name, profile, key) => {
    const xs = results[name]?.[profile]?.[key]?.filter((x) => x !== null) ?? [];
    return xs.length ? median(xs) : null;
  };
  const phoneLabel = `phone (${PHONE.downKbps / 1000} Mbps, ${PHONE.rttMs} ms, ${PHONE.cpuSlowdown}x CPU)`;
  row('system', 'gzip KB loaded (files)', 'time to thread, loopback', 'can post, loopback', `time to thread, ${phoneLabel}`, 'can post, phone', 'long tasks until the thread, phone: longest / blocking ms');
  row('---', '---', '---:', '---:', '---:', '---:', '---:');
  for (const [name, system] of Object.entries(systems)) {
    if (system.missing) { row(name, `not measured: ${system.missing}`, '', '', '', '', ''); continue; }
    const r = results[name];
    const files = r.files ?? [];
    const total = files.reduce((sum, f) => sum + f.bytes, 0);
    const list = files.map((f) => `${new URL(f.url).pathname.split('/').pop() || new URL(f.url).pathname} ${kb(f.bytes)}`).join(', ');
    row(name, `**${kb(total)}** (${list})`, shown(r.loopback.thread), shown(r.loopback.post), `**${shown(r.phone.thread)}**`, `**${shown(r.phone.post)}**`,
      `${median(r.phone.longest).toFixed(0)} / ${median(r.phone.blocking).toFixed(0)}`);
  }
  lines.push('');
  const isso = 'Isso 0.14.0';
  const ratio = (name, key) => {
    const a = med(name, 'phone', key); const b = med(isso, 'phone', key);
    return a === null || b === null ? 'not measured' : (a / b).toFixed(2);
  };
  const ok = (value, budget) => (value === 'not measured' ? '' : Number(value) <= budget ? 'met' : 'not met');
  row('budget (issue #23; phone profile, medians)', 'measured ratio', '');
  row('---', '---:', '---');
  for (const [label, name, key, budget] of [
    ['prerendered element: time to thread at most 0.8x Isso', 'agora element, prerendered', 'thread', 0.8],
    ['element without prerendered content: time to thread at most 1.2x Isso', 'agora element', 'thread', 1.2],
    ['element without prerendered content, with the hints: time to thread at most 1.2x Isso', 'agora element, hints', 'thread', 1.2],
    ['element with relays, without prerendered content: time to thread at most 1.2x Isso', 'agora element, relays', 'thread', 1.2],
    ['element: can post at most 1.5x Isso', 'agora element', 'post', 1.5],
    ['element with the hints: can post at most 1.5x Isso', 'agora element, hints', 'post', 1.5],
    ['prerendered element: can post at most 1.5x Isso', 'agora element, prerendered', 'post', 1.5],
    ['element with relays: can post at most 1.5x Isso', 'agora element, relays', 'post', 1.5],
  ]) {
    const value = ratio(name, key);
    row(label, value, ok(value, budget));
  }
  const clicks = Object.entries(results).map(([name, r]) => `${name} ${median(r.phone.clicks.filter((c) => c !== null))}`).join(', ');
  lines.push('', `Loads per system and profile: ${loads} for the thread and ${loads} for posting, interleaved. Median clicks on the post button (with nostr-comments: steps, the key import included) until a post took, phone profile: ${clicks}.`);
  return lines;
}
