// The benchmark: agora's release dist/ against a plain-JavaScript reference
// page (bench/reference/) showing the same article and thread, on the same
// stored data, in headless Chromium over loopback. Prints one table.
//
//   node bench/run.mjs            full run (10 loads, 50 posts, 0/1,000/10,000 stored,
//                                 5 loads on a phone-like profile, 3 loads of a
//                                 5,000-comment thread on three capped relays,
//                                 and agora-import on a 60 MB Disqus export)
//   node bench/run.mjs --quick    small counts (the long thread loaded once, a 2 MB export imported), for the test command
//   add --book to write the table into the book's docs/src/benchmark.md (between its markers)
//   add --peers to compare agora's element (with and without relays, with hints, prerendered),
//                                 the standalone page, Isso 0.14.0 and nostr-comments 0.6.0
//                                 (bench/peers.mjs; installed by scripts/bench-peers.sh,
//                                 which scripts/bench.sh runs for a full run)
//   --peers-only                  only that comparison (with --book, only its table is written)
//
// It reports; it never fails on a timing. Build dist/ first (scripts/bench.sh does).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import relayModule from '../tests/e2e/relay.cjs';
import proxyModule from '../tests/e2e/capping-proxy.cjs';
import longThreadModule from '../tests/e2e/long-thread.cjs';
import { measureImport } from './import.mjs';
import { comparePeers } from './peers.mjs';
import { PHONE, emulatePhone } from './phone.mjs';

const { TestRelay } = relayModule;
const { CappingProxy } = proxyModule;
const { longThread, publishAll } = longThreadModule;

const quick = process.argv.includes('--quick');
const peersOnly = process.argv.includes('--peers-only');
const peers = peersOnly || process.argv.includes('--peers');
/** Loads per system, profile and measure (thread, posting) in the peer comparison. */
const PEER_LOADS = Number(process.argv.find((arg) => arg.startsWith('--peer-loads='))?.split('=')[1] ?? (quick ? 1 : 5));
const LOADS = quick ? 3 : 10;
const POSTS = quick ? 10 : 50;
const SCALES = quick ? [0, 200] : [0, 1_000, 10_000];
const SCREEN_LOADS = quick ? 1 : 5; // fresh loads per scale for the first screen
const THROTTLED_LOADS = quick ? 1 : 5;
/**
 * The 5,000-comment thread on three capped relays: signing it and seeding the
 * relays take about 30 s on two cores, so the quick mode loads it once.
 */
const LONG_THREAD = 5_000;
const LONG_LOADS = quick ? 1 : 3;
const LONG_TIMEOUT_MS = quick ? 60_000 : 180_000;
const AGORA_PORT = 4190;
const REFERENCE_PORT = 4191;
const seed = JSON.parse(readFileSync('src/content/seed.json', 'utf8'));

const SERVER_START_MS = 10_000;
class BenchError extends Error {}

// Everything the run leaves behind is undone in one place: on success, on an
// error and on Ctrl+C (SIGINT) or SIGTERM, which otherwise end Node without
// running `finally` blocks.
const servers = [];
let referenceDir;
let browser;
let relay;
/** The long thread's relays and the capping proxies in front of them. */
const longRelays = [];
const proxies = [];
function cleanUp() {
  // Stopping signals the relay at once; its temporary folder goes when it has exited.
  relay?.stop();
  relay = undefined;
  for (const started of longRelays.splice(0)) started.stop();
  for (const proxy of proxies.splice(0)) proxy.stop();
  for (const server of servers) if (server.exitCode === null && server.signalCode === null) server.kill();
  if (referenceDir) rmSync(referenceDir, { recursive: true, force: true });
  referenceDir = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`);
    cleanUp();
    process.exit(130);
  });
}

/** Starts tests/e2e/serve.mjs on `port`; rejects (and kills it) if it exits or has not said it serves within SERVER_START_MS. */
function startServer(folder, port, ...options) {
  const server = spawn('node', ['tests/e2e/serve.mjs', folder, String(port), ...options], { stdio: 'pipe' });
  servers.push(server);
  let stderr = '';
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      clearTimeout(timer);
      server.kill();
      reject(new BenchError(`bench: the server for ${folder} on port ${port} ${why}${stderr.trim() ? `:\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${SERVER_START_MS / 1000} s`), SERVER_START_MS);
    server.once('exit', (code, signal) => fail(`exited before serving (${signal ?? `code ${code}`})`));
    server.once('error', (error) => fail(`could not be started (${error.message})`));
    server.stdout.once('data', () => { clearTimeout(timer); server.removeAllListeners('exit'); resolve(server); });
  });
}

try {
  // The reference page gets the same data and the same stylesheet.
  referenceDir = mkdtempSync(join(tmpdir(), 'agora-reference-'));
  cpSync('bench/reference', referenceDir, { recursive: true });
  cpSync('dist/agora.css', join(referenceDir, 'agora.css'));
  writeFileSync(join(referenceDir, 'seed.js'), `export default ${JSON.stringify(seed)};\n`);

  // The shared discussion: the same page with one relay on loopback (the
  // test relay; without it, e.g. after `scripts/setup.sh` without --test,
  // the row is left out and the run says so).
  const [, , started] = await Promise.all([
    // --cors: the lazy-embed page on the reference's origin loads embed.js from agora's.
    // --gzip: files travel compressed, as from any static host (it matters on the phone profile).
    startServer('dist', AGORA_PORT, '--cors', '--gzip'), startServer(referenceDir, REFERENCE_PORT, '--gzip'),
    TestRelay.start().catch((error) => { console.error(`bench: no test relay (${error.message}); the relay row is left out`); }),
  ]);
  relay = started;
  const snippets = readdirSync('dist/snippets', { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice('dist/'.length));
  const pages = {
    agora: {
      url: `http://127.0.0.1:${AGORA_PORT}/`, dir: 'dist',
      // The glue imports its snippets (src/store.js) on the first load too.
      files: ['index.html', 'boot.js', 'agora.js', 'agora_bg.wasm', 'agora.css', 'page.css', ...snippets],
    },
    reference: { url: `http://127.0.0.1:${REFERENCE_PORT}/`, dir: referenceDir, files: ['index.html', 'app.js', 'seed.js', 'agora.css'] },
  };
  if (relay) {
    const query = new URLSearchParams({ relays: relay.url, url: 'https://bench.example/story' });
    pages['agora with relays'] = {
      url: `http://127.0.0.1:${AGORA_PORT}/relays.html?${query}`, dir: 'dist',
      files: ['relays.html', 'boot.js', 'agora-relays.js', 'agora-relays_bg.wasm', 'agora.css', 'page.css', ...snippets],
    };
  }

  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
  const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
  const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

  for (const [name, page] of Object.entries(pages)) page.name = name;
  // Bytes of the first load.
  const bytes = {};
  for (const [name, page] of Object.entries(pages)) {
    bytes[name] = page.files.map((file) => {
      const raw = readFileSync(join(page.dir, file));
      return {
        file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length,
        brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
  }

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
  });

  /** Comments in agora's storage format, as a reader of this thread would have left them. */
  function storedComments(n) {
    const base = Date.now() - n * 60_000;
    const entries = {};
    for (let i = 0; i < n; i++) {
      const id = `b${i.toString(36)}-${i}`;
      entries[`agora:v1:${seed.id}:c:${id}`] = JSON.stringify({
        v: 1, id, author: `Reader ${i % 97}`, at: base + i * 60_000,
        text: 'A typical comment of a sentence or two, long enough to be realistic under a news article like this one.',
      });
    }
    entries['agora:v1:sort'] = '"newest"'; // new comments appear on agora's first page
    return entries;
  }

  /**
   * A fresh tab of `page` with `stored` in its storage, measured from
   * navigation: `ms` to the thread painted, `canPost` to the composer's
   * button being there to take a post, `shift` the layout-shift score until
   * then, `bytesBeforePaint` the gzip bytes of the page's own files that had
   * arrived when the thread was painted. `phone`: on the throttled profile.
   */
  async function load(page, stored, { phone = false } = {}) {
    // Tall enough that the article and the first eight comments are all in the
    // viewport: Element Timing reports only what is painted on screen.
    const context = await browser.newContext({ viewport: { width: 1280, height: 3000 } });
    const tab = await context.newPage();
    await tab.goto(new URL('/?bench-setup', page.url).href, { waitUntil: 'commit' });
    await tab.evaluate((entries) => { localStorage.clear(); for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }, stored);
    // Let Chromium commit the writes before the measured navigation. A
    // measurement choice, not a wait for a condition: the page cannot observe
    // when its storage area has been flushed to the browser's backing store, and
    // a flush still running would be counted against whichever page loads next.
    await tab.waitForTimeout(Object.keys(stored).length > 2_000 ? 2_000 : 100);
    await tab.addInitScript(() => {
      const original = WebAssembly.instantiateStreaming;
      if (original) WebAssembly.instantiateStreaming = async (...args) => {
        const result = await original.apply(WebAssembly, args);
        window.__wasmMemory = result.instance.exports.memory;
        return result;
      };
    });
    // "Painted" as the browser reports it (Element Timing): the article's title
    // and every element of the first eight comments are marked as they are
    // inserted, named by what they show ('title', or 'c<n>' for the n-th
    // comment), so that the first screen written into agora's HTML counts
    // the same as what the app renders after it; a comment is painted when
    // the first frame showing any of its text is (text is reported on its
    // nearest block, which differs per page).
    await tab.addInitScript(() => {
      window.__painted = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__painted.push([entry.identifier, entry.renderTime || entry.loadTime]);
      }).observe({ type: 'element', buffered: true });
      // Only the title and the first eight comments are named (and so
      // timed): naming all of 10,000 would be work of its own on the page.
      const named = 8;
      const mark = (node) => {
        if (node.nodeType !== 1) return;
        if (node.matches('.agora-article h1')) node.setAttribute('elementtiming', 'title');
        node.querySelectorAll('.agora-article h1').forEach((title) => title.setAttribute('elementtiming', 'title'));
        const root = node.closest('.agora') ?? document;
        const first = [...root.querySelectorAll('article.agora-comment')].slice(0, named);
        first.forEach((comment, index) => {
          if (!node.contains(comment) && !comment.contains(node)) return;
          for (const target of [comment, ...comment.querySelectorAll('*')]) target.setAttribute('elementtiming', `c${index}`);
        });
      };
      new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(mark)))
        .observe(document, { childList: true, subtree: true });
    });
    // When the composer can take a post (its button is rendered with its
    // handlers), and layout shifts on the way there.
    await tab.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      const check = () => {
        if (window.__canPost === undefined && document.querySelector('form.agora-composer button[type=submit]')) window.__canPost = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    });
    if (phone) await emulatePhone(context, tab);
    await tab.goto(page.url, { waitUntil: 'commit' });
    // Navigation start to the article and the first eight comments painted.
    const ms = await tab.evaluate(async (seedCount) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const names = ['title', ...Array.from({ length: seedCount }, (_, i) => `c${i}`)];
      const paintedAt = (name) => {
        const times = window.__painted.filter(([painted]) => painted === name).map(([, time]) => time);
        return times.length ? Math.min(...times) : undefined;
      };
      for (let i = 0; i < 1200 && names.some((name) => paintedAt(name) === undefined); i++) await frame();
      return Math.max(...names.map((name) => paintedAt(name) ?? performance.now()));
    }, seed.comments.length);
    const after = await tab.evaluate(async (painted) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let i = 0; i < 600 && window.__canPost === undefined; i++) await frame();
      const arrived = performance.getEntriesByType('resource').filter((entry) => entry.responseEnd <= painted)
        .map((entry) => new URL(entry.name).pathname.slice(1));
      return { canPost: window.__canPost ?? performance.now(), shift: window.__shift, arrived: ['', ...arrived] };
    }, ms);
    // The document itself counts too ('' stands for it).
    const files = bytes[page.name] ?? [];
    const sizeOf = (path) => files.find((f) => f.file === (path === '' ? files[0]?.file : path))?.gzip ?? 0;
    const bytesBeforePaint = after.arrived.reduce((sum, path) => sum + sizeOf(path), 0);
    return { context, tab, ms, canPost: after.canPost, shift: after.shift, bytesBeforePaint };
  }

  /** A host page with a lazy (or eager) element far below the fold: gzip bytes of agora's files fetched before any scrolling. */
  async function lazyHostBytes(lazy) {
    const name = lazy ? 'lazy-host.html' : 'eager-host.html';
    writeFileSync(join(referenceDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long story</title>
<script type="module" src="${pages.agora.url}embed.js"></script></head>
<body><div style="height:400vh">The story.</div><agora-thread${lazy ? ' loading="lazy"' : ''}></agora-thread></body></html>`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    const fetched = [];
    tab.on('request', (request) => { if (request.url().startsWith(pages.agora.url)) fetched.push(new URL(request.url()).pathname.slice(1)); });
    await tab.goto(`http://127.0.0.1:${REFERENCE_PORT}/${name}`, { waitUntil: 'networkidle' });
    await context.close();
    const gzipOf = (file) => { try { return gzipSync(readFileSync(join('dist', file)), { level: 9 }).length; } catch { return 0; } };
    return fetched.reduce((sum, file) => sum + gzipOf(file), 0);
  }

  async function memory(tab) {
    return tab.evaluate(() => ({ js: performance.memory?.usedJSHeapSize ?? 0, wasm: window.__wasmMemory?.buffer.byteLength ?? 0 }));
  }

  /** Posts `count` comments through the page's form; submit to comment in the DOM, and storage writes per post. */
  async function post(tab, count) {
    return tab.evaluate(async (count) => {
      const form = document.querySelector('.agora-discussion > form');
      const set = (element, value) => { element.value = value; element.dispatchEvent(new Event('input', { bubbles: true })); };
      set(form.querySelector('input[name=name]'), 'Bench');
      const setItem = Storage.prototype.setItem;
      let writes = 0; let written = 0;
      Storage.prototype.setItem = function (key, value) { if (key.startsWith('agora:v1:') && key !== 'agora:v1:name') { writes++; written += key.length + value.length; } return setItem.call(this, key, value); };
      const times = [];
      for (let i = 0; i < count; i++) {
        const text = `Benchmark comment number ${i} with a little text.`;
        set(form.querySelector('textarea[name=comment]'), text);
        // Resolved by the DOM change itself, not by polling on a timer.
        const shown = () => [...document.querySelectorAll('article.agora-comment .agora-formatted')].some((n) => n.textContent === text);
        let ended = 0;
        const appeared = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (shown()) { ended = performance.now(); observer.disconnect(); resolve(); }
          });
          observer.observe(document.querySelector('.agora-discussion'), { childList: true, subtree: true, characterData: true });
        });
        const started = performance.now();
        form.querySelector('button[type=submit]').click();
        if (shown()) ended = performance.now();
        else await appeared;
        times.push(ended - started);
      }
      Storage.prototype.setItem = setItem;
      return { times, writes: writes / count, chars: written / count };
    }, count);
  }

  /**
   * A thread longer than relays send for one request: LONG_THREAD comments on
   * three relays, each holding about two thirds of them (every comment on two),
   * each behind a capping proxy (500 events per filter, 32 subscriptions, as
   * relays people run). Per load: from navigation until the heading counts
   * every comment and the loading status is gone (null if not within
   * LONG_TIMEOUT_MS), the longest task from the first paint until then, and
   * what each relay was asked.
   */
  async function longThreadOnCappedRelays() {
    const url = 'https://bench.example/long-thread';
    const thread = longThread(url, { comments: LONG_THREAD });
    longRelays.push(...(await Promise.all([0, 1, 2].map(() => TestRelay.start()))));
    const seeding = Date.now();
    await Promise.all(longRelays.map((held, j) =>
      publishAll(held.url, [...thread.profiles, ...thread.comments.filter((_, i) => i % 3 !== j)])));
    const seededMs = Date.now() - seeding;
    const expected = `${(LONG_THREAD + seed.comments.length).toLocaleString('en')} Comments`;
    const loads = [];
    for (let i = 0; i < LONG_LOADS; i++) {
      // Fresh proxies, so that their counts are this load's.
      const capped = await Promise.all(longRelays.map((held) => CappingProxy.start(held.url)));
      proxies.push(...capped);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      await tab.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
        }).observe({ type: 'longtask', buffered: true });
      });
      const query = new URLSearchParams({ relays: capped.map((p) => p.url).join(' '), url });
      await tab.goto(`${pages.agora.url}relays.html?${query}`, { waitUntil: 'commit' });
      const measured = await tab.evaluate(async ({ expected, timeoutMs }) => {
        const heading = () => document.querySelector('.agora-thread__count')?.textContent?.trim();
        const complete = () => heading() === expected && !document.querySelector('.agora-thread__loading');
        // Polled, not observed: a MutationObserver on the whole document would
        // add work to every one of the 5,000 insertions it is timing.
        const deadline = performance.now() + timeoutMs;
        while (!complete() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
        const completeAt = complete() ? performance.now() : null;
        const firstPaint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-paint')?.startTime ?? 0;
        const until = completeAt ?? performance.now();
        const longest = Math.max(0, ...window.__longTasks
          .filter(([start, duration]) => start + duration >= firstPaint && start <= until).map(([, duration]) => duration));
        return { completeAt, longest, heading: heading() ?? '', loading: Boolean(document.querySelector('.agora-thread__loading')) };
      }, { expected, timeoutMs: LONG_TIMEOUT_MS });
      loads.push({ ...measured, relays: capped.map((p) => p.stats.total) });
      await context.close();
      await Promise.all(capped.map((p) => p.stop()));
      proxies.splice(0);
    }
    await Promise.all(longRelays.splice(0).map((held) => held.stop()));
    return { seededMs, events: thread.comments.length, loads };
  }

  /** Writes `table` into docs/src/benchmark.md between `<!-- ${marker}:start … -->` and `<!-- ${marker}:end -->`. */
  const writeBook = (marker, table) => {
    const page = 'docs/src/benchmark.md';
    const text = readFileSync(page, 'utf8');
    const pattern = new RegExp(`<!-- ${marker}:start[\\s\\S]*?<!-- ${marker}:end -->`);
    if (!pattern.test(text)) throw new BenchError(`bench: ${page} has no ${marker} markers; nothing written`);
    const block = `<!-- ${marker}:start (written by bench/run.mjs --book) -->\n${table}\n<!-- ${marker}:end -->`;
    writeFileSync(page, text.replace(pattern, () => block));
    console.log(`bench: ${marker} table written into ${page}`);
  };
  // The peers first, on a machine not yet loaded by the long thread's relays.
  let peerTable;
  if (peers) {
    const lines = await comparePeers({
      browser, agoraUrl: pages.agora.url, standaloneUrl: pages.agora.url, seed, loads: PEER_LOADS, kb, median, spread,
    });
    peerTable = [`Chromium headless, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); ${PEER_LOADS} loads per system, profile and measure. Times are medians in ms from navigation (spread), as described above.`, '', ...lines].join('\n');
    console.log(peerTable);
    if (peersOnly) {
      if (process.argv.includes('--book')) writeBook('peers', peerTable);
      await browser.close();
      browser = undefined;
      cleanUp();
      process.exit(0);
    }
  }

  // Loads are interleaved (agora, reference, each scale in turn) so that a
  // slower minute of this shared machine falls on both pages and every scale.
  const results = Object.fromEntries(Object.keys(pages).map((name) => [name, { timeToThread: [], canPost: [], shift: [] }]));
  for (let i = 0; i < LOADS; i++) {
    for (const [name, page] of Object.entries(pages)) {
      const { context, ms, canPost, shift } = await load(page, {});
      results[name].timeToThread.push(ms);
      results[name].canPost.push(canPost);
      results[name].shift.push(shift);
      await context.close();
    }
  }
  // The phone-like profile: agora and the reference, interleaved.
  const phone = { agora: { timeToThread: [], canPost: [], beforePaint: [] }, reference: { timeToThread: [], canPost: [], beforePaint: [] } };
  for (let i = 0; i < THROTTLED_LOADS; i++) {
    for (const name of ['agora', 'reference']) {
      const { context, ms, canPost, bytesBeforePaint } = await load(pages[name], {}, { phone: true });
      phone[name].timeToThread.push(ms);
      phone[name].canPost.push(canPost);
      phone[name].beforePaint.push(bytesBeforePaint);
      await context.close();
    }
  }
  const lazyBytes = { lazy: await lazyHostBytes(true), eager: await lazyHostBytes(false) };
  const screens = { agora: {}, reference: {} };
  for (let i = 0; i < SCREEN_LOADS; i++) {
    for (const n of SCALES) {
      const stored = storedComments(n);
      for (const name of ['agora', 'reference']) {
        const page = pages[name];
        const { context, tab, ms } = await load(page, stored);
        (screens[name][n] ??= []).push(ms);
        if (i === SCREEN_LOADS - 1) {
          // The last load of each scale goes on to memory and posting.
          const memoryAfterLoad = await memory(tab);
          const posting = await post(tab, POSTS);
          results[name][n] = { firstScreen: median(screens[name][n]), screens: screens[name][n], memory: memoryAfterLoad, posting };
        }
        await context.close();
      }
    }
  }
  // Last, so that seeding three relays does not load the machine during the other measurements.
  const longRun = relay && LONG_LOADS > 0 ? await longThreadOnCappedRelays() : undefined;
  await browser.close();
  browser = undefined;

  // The table.
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  const total = (name, key) => bytes[name].reduce((sum, f) => sum + f[key], 0);
  lines.push(`Chromium headless, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${quick ? 'quick mode' : 'full run'}: ${LOADS} loads, ${POSTS} posts per scale. "Painted" is the browser's Element Timing render time of the article title and the first eight comments.`, '');
  row('first-load file', 'raw KB', 'gzip KB', 'brotli KB');
  row('---', '---:', '---:', '---:');
  for (const name of Object.keys(pages)) {
    for (const f of bytes[name]) row(`${name}: ${f.file}`, kb(f.raw), kb(f.gzip), kb(f.brotli));
    row(`**${name} total**`, kb(total(name, 'raw')), `**${kb(total(name, 'gzip'))}**`, kb(total(name, 'brotli')));
  }
  lines.push('');
  row('measure', 'agora', 'reference', 'ratio');
  row('---', '---:', '---:', '---:');
  const a = results.agora; const r = results.reference;
  row(`time to thread, median ms (spread) over ${LOADS} loads`, `${median(a.timeToThread).toFixed(0)} (${spread(a.timeToThread)})`,
    `${median(r.timeToThread).toFixed(0)} (${spread(r.timeToThread)})`, (median(a.timeToThread) / median(r.timeToThread)).toFixed(2));
  for (const n of SCALES) {
    row(`${n.toLocaleString('en')} stored: first screen, median ms (spread) over ${SCREEN_LOADS} loads`, `${a[n].firstScreen.toFixed(0)} (${spread(a[n].screens)})`,
      `${r[n].firstScreen.toFixed(0)} (${spread(r[n].screens)})`, (a[n].firstScreen / r[n].firstScreen).toFixed(2));
    row(`${n.toLocaleString('en')} stored: post p50 / p95 ms`, `${median(a[n].posting.times).toFixed(1)} / ${percentile(a[n].posting.times, 0.95).toFixed(1)}`,
      `${median(r[n].posting.times).toFixed(1)} / ${percentile(r[n].posting.times, 0.95).toFixed(1)}`, (percentile(a[n].posting.times, 0.95) / percentile(r[n].posting.times, 0.95)).toFixed(2));
    row(`${n.toLocaleString('en')} stored: storage writes per post (characters)`, `${a[n].posting.writes.toFixed(1)} (${a[n].posting.chars.toFixed(0)})`, `${r[n].posting.writes.toFixed(1)} (${r[n].posting.chars.toFixed(0)})`, '');
    row(`${n.toLocaleString('en')} stored: JS heap / wasm memory after load, MB`, `${(a[n].memory.js / 1e6).toFixed(1)} / ${(a[n].memory.wasm / 1e6).toFixed(1)}`, `${(r[n].memory.js / 1e6).toFixed(1)} / –`, '');
  }
  const medianRow = (label, a, r, digits = 0) => row(label, `${median(a).toFixed(digits)} (${spread(a)})`, `${median(r).toFixed(digits)} (${spread(r)})`, (median(a) / median(r)).toFixed(2));
  const phoneLabel = `phone (${PHONE.downKbps / 1000} Mbps down, ${PHONE.upKbps} Kbps up, ${PHONE.rttMs} ms round trip, ${PHONE.cpuSlowdown}x CPU)`;
  medianRow(`${phoneLabel}: time to thread, median ms (spread) over ${THROTTLED_LOADS} loads`, phone.agora.timeToThread, phone.reference.timeToThread);
  medianRow(`time until a reader can post, median ms (spread) over ${LOADS} loads`, a.canPost, r.canPost);
  medianRow(`${phoneLabel}: time until a reader can post, median ms (spread)`, phone.agora.canPost, phone.reference.canPost);
  // On the phone profile: over loopback everything preloaded has arrived by
  // any paint, so only a slow network tells what the paint waited for.
  const pa = phone.agora.beforePaint, pr = phone.reference.beforePaint;
  row(`${phoneLabel}: gzip KB that had arrived when the article and comments were painted (median)`, kb(median(pa)), kb(median(pr)), (median(pa) / median(pr)).toFixed(2));
  row('layout-shift score until the composer can take a post (largest over the loads)', Math.max(...a.shift).toFixed(3), Math.max(...r.shift).toFixed(3), '');
  row('a host page with the element far below the fold: gzip KB of agora fetched before scrolling, loading="lazy" / eager', `${kb(lazyBytes.lazy)} / ${kb(lazyBytes.eager)}`, '', '');
  const withRelays = results['agora with relays'];
  if (withRelays) {
    row(`with relays (one on loopback): time to thread, median ms (spread) over ${LOADS} loads`, `${median(withRelays.timeToThread).toFixed(0)} (${spread(withRelays.timeToThread)})`,
      `${median(r.timeToThread).toFixed(0)} (${spread(r.timeToThread)})`, (median(withRelays.timeToThread) / median(r.timeToThread)).toFixed(2));
  }
  if (longRun) {
    const label = `a ${LONG_THREAD.toLocaleString('en')}-comment thread on three capped relays (500 events per filter, 32 subscriptions)`;
    const done = longRun.loads.filter((load) => load.completeAt !== null).map((load) => load.completeAt);
    const missed = longRun.loads.find((load) => load.completeAt === null);
    const notDone = missed ? `${done.length ? `${longRun.loads.length - done.length} of ${longRun.loads.length} loads ` : ''}not complete within ${LONG_TIMEOUT_MS / 1000} s (the heading read "${missed.heading}"${missed.loading ? ', still loading' : ''})` : '';
    const n = longRun.loads.length;
    row(`${label}: time until every comment is shown and loading ends, median ms (spread) over ${n} load${n === 1 ? '' : 's'}`,
      [done.length ? `${median(done).toFixed(0)} (${spread(done)})` : '', notDone].filter(Boolean).join('; '), '', '');
    const longest = longRun.loads.map((load) => load.longest);
    row(`${label}: longest task from first paint until then, median ms (spread)`, `${median(longest).toFixed(0)} (${spread(longest)})`, '', '');
    const perRelay = (key) => longRun.loads.map((load) => load.relays.map((r) => r[key]).join(' / ')).join('; ');
    const refused = longRun.loads.reduce((sum, load) => sum + load.relays.reduce((n, r) => n + r.refused, 0), 0);
    row(`${label}: REQ messages per relay, each load (most subscriptions open on one connection)`,
      `${perRelay('reqs')} (${perRelay('maxOpen')})${refused ? `; ${refused} refused as too many` : ''}`, '', '');
  }
  const largest = SCALES[SCALES.length - 1];
  lines.push('', `First screen with ${largest.toLocaleString('en')} stored against the empty thread (budget: at most 1.3x): agora ${(a[largest].firstScreen / a[0].firstScreen).toFixed(2)}x, reference ${(r[largest].firstScreen / r[0].firstScreen).toFixed(2)}x.`);
  if (withRelays) {
    lines.push('', `What relays add (\`relays.html?relays=…\` against \`index.html\`): first load ${kb(total('agora with relays', 'gzip'))} KB gzip against ${kb(total('agora', 'gzip'))} KB (+${kb(total('agora with relays', 'gzip') - total('agora', 'gzip'))} KB); time to thread ${median(withRelays.timeToThread).toFixed(0)} ms against ${median(a.timeToThread).toFixed(0)} ms median (the relay is connected after the first paint, so the difference is the larger WebAssembly).`);
  }
  if (longRun) {
    lines.push('', `The ${LONG_THREAD.toLocaleString('en')}-comment thread: ${longRun.events.toLocaleString('en')} comments, each on two of the three relays (seeded in ${(longRun.seededMs / 1000).toFixed(1)} s); a relay sends at most 500 events per filter, so agora has to page back through each.`);
  }
  const perComment = a[SCALES[0]].posting.chars;
  lines.push('', `Stored per comment: about ${perComment.toFixed(0)} UTF-16 characters (${(perComment * 2).toFixed(0)} bytes); a 5 MiB origin quota (about 5.24 million characters) holds about ${Math.floor(5_242_880 / perComment).toLocaleString('en')} such comments.`);
  // The native importer, on a generated Disqus export (bench/import.mjs).
  lines.push('', (await measureImport({ quick })).line);
  const table = lines.join('\n');
  console.log(table);

  if (process.argv.includes('--book')) {
    writeBook('performance', table);
    if (peerTable) writeBook('peers', peerTable);
  }
} catch (error) {
  // A failure of the run's own (a server that did not start) is one line; anything else keeps its stack.
  console.error(error instanceof BenchError ? error.message : error);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  cleanUp();
}
