// Makes docs/images/outcome-report.png: a seeded queue's report for August 2026, shot with Debian's headless Chromium.
// Run: node --import tsx scripts/report-screenshot.ts   (needs `chromium` on PATH)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedEnquiries } from '../bench/seed-enquiries.js';
import { createEnquiryQueue } from '../src/enquiries/index.js';
import { createLogger } from '../src/log.js';
import { createOutcomeReports } from '../src/reports/outcome-report.js';
import { createQuestionLog } from '../src/reports/question-log.js';
import { createStore } from '../src/store/create-store.js';

const TOPICS = ['apprenticeships', 'levy-transfer', 'llw', 'hackney-100', 's106', 'recruitment', 'other'] as const;
const dir = mkdtempSync(join(tmpdir(), 'report-shot-'));
const store = await createStore(`sqlite://${join(dir, 'store.sqlite')}`);
const now = () => new Date('2026-09-01T09:00:00Z');
const start = Date.parse('2026-08-03T08:00:00Z');
await seedEnquiries({
  store,
  now,
  count: 140,
  make: (index) => {
    const loggedAt = new Date(start + ((index * 37) % 28) * 86_400_000 + (index % 7) * 3_600_000);
    const claimed =
      index % 6 !== 0
        ? { at: new Date(loggedAt.getTime() + ((index % 11) + 1) * 3_600_000), by: `U0OFFICER${index % 3}` }
        : undefined;
    const resolved =
      claimed && index % 3 !== 0
        ? { at: new Date(claimed.at.getTime() + ((index % 40) + 3) * 3_600_000), outcome: 'Done' }
        : undefined;
    return {
      organisation: `Employer ${index}`,
      contactName: 'Seeded',
      email: `c${index}@employer.example`,
      topic: TOPICS[(index * 5) % 7]!,
      description: 'Seeded for the screenshot.',
      arrivedVia: (['staff', 'external', 'bot', 'staff'] as const)[index % 4]!,
      loggedOn: (['slack', 'teams', 'slack', 'cli'] as const)[index % 4]!,
      loggedAt,
      ...(claimed && { claimed }),
      ...(resolved && { resolved }),
    };
  },
});
const queue = createEnquiryQueue({
  store,
  log: createLogger({ level: 'silent' }),
  now,
  settings: { slaHours: 8, retentionDays: 730, staleClaimWorkingDays: 5 },
});
// Questions asked through August, each recorded on its own day, some rated.
let askedAt = new Date('2026-08-03T10:00:00Z');
const questions = createQuestionLog({ store, now: () => askedAt, retentionDays: 90 });
const ASKED = [
  ['levy', 'answered', 'what is the levy allowance'],
  ['llw', 'answered', 'llw rate?'],
  ['apprenticeships', 'answered', 'is a 19 year old eligible for a level 3'],
  ['hackney-100', 'answered', 'who is hackney 100 for'],
  ['s106', 'passed_to_team', 'what local labour target does the gasworks site have'],
  ['none', 'declined', 'how do i renew a parking permit'],
] as const;
for (let index = 0; index < 84; index += 1) {
  askedAt = new Date(Date.parse('2026-08-03T10:00:00Z') + ((index * 13) % 27) * 86_400_000);
  const [topic, outcome, question] = ASKED[index % ASKED.length]!;
  const id = await questions.record({ platform: index % 3 === 0 ? 'teams' : 'slack', question, topic, outcome });
  if (index % 4 === 0)
    await questions.rate(
      id,
      index % 12 === 0 ? 'down' : 'up',
      index % 12 === 0 ? 'wanted the current rate' : undefined,
    );
}
const reports = createOutcomeReports({ queue, questions, slaHours: 8 });
const html = await reports.render(await reports.figures({ from: '2026-08-01', to: '2026-08-31' }), 'html');
const file = join(dir, 'report.html');
writeFileSync(file, html);
execFileSync(
  'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--window-size=1100,2400',
    `--screenshot=${join(process.cwd(), 'docs/images/outcome-report.png')}`,
    `file://${file}`,
  ],
  { stdio: 'ignore' },
);
await store.close();
process.stdout.write('Wrote docs/images/outcome-report.png\n');
