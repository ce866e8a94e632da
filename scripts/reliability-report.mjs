// The Reliability table, from what the test suite recorded in
// reports/reliability/*.jsonl (tests/no_comment_lost.rs writes model.jsonl,
// the Playwright tests through tests/e2e/reliability.ts write e2e.jsonl).
//
//   node scripts/reliability-report.mjs           writes reports/reliability.md (scripts/test.sh does)
//   node scripts/reliability-report.mjs --book    also writes the table into the book's
//                                                docs/src/contributors/reliability.md (between its markers)
//
// The test command changes no tracked file; putting a run's figures into the
// book is a separate decision, made with --book.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = 'reports/reliability';
const outcomes = existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
    .flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)))
    // The same order on every run: by test file and line (the workers finish in any order), the model last.
    .sort((a, b) => (a.where === undefined) - (b.where === undefined) || (a.where ?? '').localeCompare(b.where ?? ''))
  : [];
if (outcomes.length === 0) {
  console.error(`reliability: no outcomes recorded in ${dir}/ (run scripts/test.sh first); nothing written`);
  process.exit(1);
}
// The model property test writes its totals before each case's checks, so a
// failing run still reports what it lost; it records no result of its own
// (a failing case fails `cargo test`, which stops scripts/test.sh).
const result = (o) => o.result ?? (o.lost === 0 ? 'passed' : 'failed');
const rows = outcomes.map((o) =>
  `| ${o.fault}${o.note ? ` (${o.note})` : ''} | ${o.tabs} | ${o.posted} | ${o.faults} | ${o.lost}${o.expected === undefined ? '' : ` of ${o.expected}`} | ${result(o)} |`);
const total = outcomes.reduce((sum, o) => sum + o.lost, 0);
const failed = outcomes.filter((o) => result(o) !== 'passed').length;
const table = [
  '| fault tried | tabs | comments posted | faults or operations | comments lost (of those that had to remain) | test |',
  '|---|---:|---:|---:|---:|---|',
  ...rows,
  '',
  `Comments lost in all: ${total}${failed ? `; ${failed} of ${outcomes.length} tests failed` : ''}. ` +
    `Measured on ${new Date().toISOString().slice(0, 10)} by \`scripts/test.sh\`.`,
].join('\n');

mkdirSync('reports', { recursive: true });
writeFileSync('reports/reliability.md', `# Reliability\n\n${table}\n`);
console.log(`reliability: ${outcomes.length} outcomes, ${total} comments lost${failed ? `, ${failed} failed` : ''}: reports/reliability.md`);

if (process.argv.includes('--book')) {
  const page = 'docs/src/contributors/reliability.md';
  const text = readFileSync(page, 'utf8');
  const pattern = /<!-- reliability:start[\s\S]*?<!-- reliability:end -->/;
  if (!pattern.test(text)) {
    console.error(`reliability: ${page} has no reliability markers`);
    process.exit(1);
  }
  const block = `<!-- reliability:start (written by scripts/reliability-report.mjs --book from the test suite; do not edit) -->\n${table}\n<!-- reliability:end -->`;
  writeFileSync(page, text.replace(pattern, () => block));
  console.log(`reliability: table written into ${page}`);
}
