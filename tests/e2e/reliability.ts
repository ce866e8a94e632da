import { test as base, expect, type Page } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';
import { seed } from './helpers';

/** One fault the suite tried and what came of it, for the Reliability table. */
export interface Outcome {
  fault: string;
  tabs: number;
  posted: number;
  faults: number;
  /** Comments that had to be both stored and shown after the fault. */
  expected: number;
  /** `expected` minus those found both in localStorage and in the DOM of every checked page. */
  lost: number;
  /** The test's result: passed, failed, timedOut… (failed too when comments were lost). */
  result: string;
  note?: string;
  /** The test's file and line, which orders the rows. */
  where: string;
}

/** Appends an outcome to reports/reliability/e2e.jsonl (scripts/reliability-report.mjs reads it). */
export function record(outcome: Outcome) {
  mkdirSync('reports/reliability', { recursive: true });
  appendFileSync('reports/reliability/e2e.jsonl', `${JSON.stringify(outcome)}\n`);
}

/** What a reliability test declares before it starts the fault; it may update the fields as it goes. */
export interface Trial {
  fault: string;
  tabs: number;
  posted: number;
  faults: number;
  note?: string;
  /** Texts of the comments that must be stored and shown once the fault is over. */
  expected: string[];
  /** The pages on which they must be shown. */
  pages: Page[];
  thread?: string;
  /** Maps a stored or shown text to the expected one (e.g. drops an edit's suffix). */
  normalize?: (text: string) => string;
}

/** The expected texts that are in this page's localStorage and in its DOM. */
async function survivorsOn(page: Page, trial: Trial) {
  // Every page of the thread on screen, so that "shown" means shown to a reader who scrolls.
  const more = page.getByRole('button', { name: /^Show \d+ more$/ });
  for (let i = 0; i < 1_000 && (await more.count()) > 0; i++) await more.first().click();
  const { stored, shown } = await page.evaluate((prefix) => {
    const stored: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (!key.startsWith(prefix)) continue;
      try {
        const value = JSON.parse(localStorage.getItem(key)!);
        if (!value.deleted && typeof value.text === 'string') stored.push(value.text);
      } catch {
        // Not a comment any more: it does not count as stored.
      }
    }
    const shown = [...document.querySelectorAll('article.agora-comment .agora-formatted')].map((node) => node.textContent ?? '');
    return { stored, shown };
  }, `agora:v1:${trial.thread ?? seed.id}:c:`);
  const normalize = trial.normalize ?? ((text: string) => text);
  const storedSet = new Set(stored.map(normalize));
  const shownSet = new Set(shown.map(normalize));
  return new Set(trial.expected.filter((text) => storedSet.has(text) && shownSet.has(text)));
}

/** Comments lost: expected minus those stored and shown on every page of the trial. */
async function measureLost(trial: Trial) {
  let surviving = new Set(trial.expected);
  for (const page of trial.pages) {
    const here = await survivorsOn(page, trial);
    surviving = new Set([...surviving].filter((text) => here.has(text)));
  }
  return trial.expected.length - surviving.size;
}

/**
 * `test` with a `trial` fixture: a reliability test calls `trial({...})` before
 * the fault. After the test, passed or failed, the fixture counts what is lost
 * from storage and the DOM, writes the row, and fails the test if anything is.
 */
export const test = base.extend<{ trial: (trial: Trial) => Trial }>({
  // Depends on `page` and `context` so that they are still open when it measures.
  trial: async ({ page, context }, use, testInfo) => {
    void page;
    void context;
    let declared: Trial | undefined;
    await use((trial) => (declared = trial));
    if (!declared) return;
    let lost: number;
    let unmeasured: string | undefined;
    try {
      lost = await measureLost(declared);
    } catch (error) {
      // Nothing could be seen, so nothing counts as kept.
      lost = declared.expected.length;
      unmeasured = `not measurable: ${String((error as Error).message ?? error).split('\n')[0]}`;
    }
    const { fault, tabs, posted, faults, note } = declared;
    // A loss fails the test below, even when its own steps passed.
    const status = testInfo.status ?? 'unknown';
    record({
      fault, tabs, posted, faults, expected: declared.expected.length, lost,
      result: lost > 0 && status === 'passed' ? 'failed' : status,
      note: [note, unmeasured].filter(Boolean).join('; ') || undefined,
      where: `${testInfo.file.split('/').pop()}:${String(testInfo.line).padStart(5, '0')}`,
    });
    expect(lost, `comments not both stored and shown after "${fault}"`).toBe(0);
  },
});

export { expect };
