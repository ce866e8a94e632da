// Writes the README's "Reliability" table from what the test suite recorded
// in reports/reliability/*.jsonl (tests/no_comment_lost.rs and
// tests/e2e/reliability.spec.ts). Run by scripts/test.sh after the tests.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = 'reports/reliability';
const outcomes = existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
    .flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)))
  : [];
if (outcomes.length === 0) {
  console.log('reliability: no outcomes recorded; README left as it is');
  process.exit(0);
}
const rows = outcomes.map((o) => `| ${o.fault}${o.note ? ` (${o.note})` : ''} | ${o.tabs} | ${o.posted} | ${o.faults} | ${o.lost} |`);
const total = outcomes.reduce((sum, o) => sum + o.lost, 0);
const table = [
  '<!-- reliability:start (written by scripts/reliability-report.mjs from the test suite; do not edit) -->',
  '| fault tried | tabs | comments posted | faults or operations | comments lost |',
  '|---|---:|---:|---:|---:|',
  ...rows,
  '',
  `Comments lost in all: ${total}. Measured on ${new Date().toISOString().slice(0, 10)} by \`scripts/test.sh\`.`,
  '<!-- reliability:end -->',
].join('\n');
const readme = readFileSync('README.md', 'utf8');
const pattern = /<!-- reliability:start[\s\S]*?<!-- reliability:end -->/;
if (!pattern.test(readme)) {
  console.error('reliability: README.md has no reliability markers');
  process.exit(1);
}
writeFileSync('README.md', readme.replace(pattern, table));
console.log(`reliability: ${outcomes.length} outcomes written to README.md, ${total} comments lost`);
