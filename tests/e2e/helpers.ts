import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The built-in article, as compiled into the app. */
export const seed: {
  id: string;
  title: string;
  paragraphs: string[];
  comments: { author: string; text: string }[];
} = JSON.parse(readFileSync(join(__dirname, '../../src/content/seed.json'), 'utf8'));

/**
 * Opens the page and waits until the app has rendered the thread: not just
 * the first screen written at build time, whose buttons do nothing yet.
 */
export async function open(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.locator('.agora[data-first-screen]')).toHaveCount(0);
  await expect(page.locator('.agora-thread__count')).toBeVisible();
}

export const heading = (page: Page) => page.locator('.agora-thread__count');
export const comments = (page: Page) => page.locator('article.agora-comment');
/** The composer under the thread (not a reply box). */
export const composer = (page: Page) => page.locator('.agora-discussion > form.agora-composer');
export const nameField = (page: Page) => composer(page).getByLabel('Name', { exact: true });
export const commentField = (page: Page) => composer(page).getByLabel('Comment', { exact: true });

/** Fills the composer and presses "Post comment". */
export async function post(page: Page, name: string, text: string) {
  await nameField(page).fill(name);
  await commentField(page).fill(text);
  await composer(page).getByRole('button', { name: 'Post comment' }).click();
}

/** Authors and texts of the comments shown, in order. */
export async function shownComments(page: Page) {
  return comments(page).evaluateAll((items) =>
    items.map((li) => ({
      author: li.querySelector('.agora-comment__author')?.textContent ?? '',
      text: li.querySelector('.agora-formatted')?.textContent ?? '',
    })),
  );
}

/** Collects console errors and uncaught exceptions for the test to assert on. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The stored comment entries of a thread, as raw strings by key. */
export async function storedEntries(page: Page, thread = seed.id) {
  return page.evaluate((prefix) => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.startsWith(prefix)) entries[key] = localStorage.getItem(key)!;
    }
    return entries;
  }, `agora:v1:${thread}:`);
}

/**
 * Saves a screenshot to tests/e2e/screenshots/NAME.png (ignored by git) for a
 * person to look at. An artefact only: no test compares it with anything, so
 * what a test claims must be asserted on the page itself.
 */
export async function keepScreenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}) {
  const path = `tests/e2e/screenshots/${name}.png`;
  if ('goto' in target) await target.screenshot({ path, ...options });
  else await target.screenshot({ path });
}

/** The port a tests/e2e/serve.mjs child reports it serves on; rejects if it exits first or says nothing for 10 s. */
export function servingPort(server: ChildProcess) {
  return new Promise<number>((resolve, reject) => {
    let stderr = '';
    server.stderr?.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start within 10 s')), 10_000);
    server.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.mjs exited with ${code}: ${stderr.trim()}`)); });
    server.stdout!.once('data', (chunk) => {
      clearTimeout(timer);
      const port = /:(\d+)\/\s*$/.exec(String(chunk))?.[1];
      if (port) resolve(Number(port));
      else reject(new Error(`serve.mjs said: ${chunk}`));
    });
  });
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe-core on the page (open shadow roots included) and lists violations readably. */
export async function violations(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(async (tags) => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    // Every node of every violation, with its markup and axe's full message,
    // so that a failure says exactly what to fix.
    return result.violations.map((v: any) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({
        target: n.target.map((t: any) => ([] as string[]).concat(t).join(' >>> ')).join(' '),
        html: n.html.length > 200 ? `${n.html.slice(0, 200)}…` : n.html,
        message: n.failureSummary.replace(/\s*\n\s*/g, ' '),
      })),
    }));
  }, WCAG);
  return results;
}

/** The comment (its <article>) written by `author`, or whose text contains `text`. */
export const commentBy = (page: Page | Locator, author: string) =>
  page.locator('article.agora-comment').filter({ has: page.locator('.agora-comment__author', { hasText: author }) }).first();
export const commentWith = (page: Page | Locator, text: string) =>
  page.locator('article.agora-comment').filter({ hasText: text }).first();
/** The <li> holding a comment and its replies. */
export const itemOf = (comment: Locator) => comment.locator('xpath=..');

/** Replies to the comment `to` through its reply box. */
export async function reply(to: Locator, name: string, text: string) {
  await to.getByRole('button', { name: /^Reply to/ }).click();
  const box = itemOf(to).locator('.agora-comment__reply-box').first();
  await box.getByLabel('Name', { exact: true }).fill(name);
  await box.getByLabel('Comment', { exact: true }).fill(text);
  await box.getByRole('button', { name: 'Post comment' }).click();
}

/** Posts through the composer of the widget inside `scope` (an element's shadow root, say). */
export async function postIn(scope: Locator, name: string, text: string) {
  await scope.getByLabel('Name', { exact: true }).fill(name);
  await scope.getByLabel('Comment', { exact: true }).fill(text);
  await scope.getByRole('button', { name: 'Post comment' }).click();
}

/** Records every CSP violation the page (or its frames) reports. */
export async function watchViolations(page: Page) {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as any).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The widget's markup as a reader's browser holds it: comments (Leptos's markers) left out, attributes sorted, generated ids alike. */
export function markupOf(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const root = document.querySelector('agora-thread')!.shadowRoot!.querySelector(selector);
    const write = (node: Node): string => {
      // Whitespace alone shows nothing (the server renderer writes an empty text as a space).
      if (node.nodeType === Node.TEXT_NODE) return node.textContent!.trim() === '' ? '' : node.textContent!;
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const element = node as Element;
      const attributes = [...element.attributes]
        .filter((a) => a.name !== 'data-first-screen')
        .map((a) => `${a.name}="${a.value}"`).sort().join(' ');
      return `<${element.localName} ${attributes}>${[...element.childNodes].map(write).join('')}</${element.localName}>`;
    };
    return root ? write(root).replace(/agora-\d+-/g, 'agora-N-') : null;
  }, selector);
}

/** Holds agora's WebAssembly back until the returned function is called. */
export async function holdWebAssembly(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  return release;
}

/** Runs agora-render (built with the relay build's views, as the project builds it) and returns the element. */
export function renderElement(assets: string, ...args: string[]) {
  return execFileSync(
    'cargo',
    ['run', '--quiet', '--features', 'relays', '--bin', 'agora-render', '--', '--assets', `${assets}/`, ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}
