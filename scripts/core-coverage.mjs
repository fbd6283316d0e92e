// Line coverage of the platform-free core, folder by folder, from the summary `npm test` writes
// (coverage/coverage-summary.json). Run after `npm test`: node scripts/core-coverage.mjs
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const CORE = ['answer', 'understand', 'knowledge', 'calculators', 'enquiries', 'conversation', 'reports', 'store'];
const summary = JSON.parse(readFileSync('coverage/coverage-summary.json', 'utf8'));
const totals = new Map(CORE.map((folder) => [folder, { covered: 0, total: 0 }]));
for (const [file, figures] of Object.entries(summary)) {
  if (file === 'total') continue;
  const folder = relative('src', relative(process.cwd(), file)).split('/')[0];
  const entry = totals.get(folder);
  if (!entry) continue;
  entry.covered += figures.lines.covered;
  entry.total += figures.lines.total;
}
const share = ({ covered, total }) => (total === 0 ? 'n/a' : `${((100 * covered) / total).toFixed(1)}%`);
const core = [...totals.values()].reduce(
  (sum, entry) => ({ covered: sum.covered + entry.covered, total: sum.total + entry.total }),
  { covered: 0, total: 0 },
);
for (const [folder, entry] of totals)
  console.log(`src/${folder}/`.padEnd(20), share(entry).padStart(6), `(${entry.covered}/${entry.total} lines)`);
console.log('core'.padEnd(20), share(core).padStart(6), `(${core.covered}/${core.total} lines)`);
