import { appendFileSync, mkdirSync } from 'node:fs';

/** One fault the suite tried and what came of it, for the README's Reliability table. */
export interface Outcome {
  fault: string;
  tabs: number;
  posted: number;
  faults: number;
  lost: number;
  note?: string;
}

/** Appends an outcome to reports/reliability/e2e.jsonl (scripts/reliability-report.mjs reads it). */
export function record(outcome: Outcome) {
  mkdirSync('reports/reliability', { recursive: true });
  appendFileSync('reports/reliability/e2e.jsonl', `${JSON.stringify(outcome)}\n`);
}
