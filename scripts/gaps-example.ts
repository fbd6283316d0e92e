// Prints the knowledge-gaps digest of a seeded week (docs/reports.md shows its output):
// node --import tsx scripts/gaps-example.ts
// The questions are what staff typically ask that the knowledge base serves badly: declined ones, low-confidence
// answers and answers rated not helpful, recorded through the question log as the transports record them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDigestsText } from '../src/cli/reports/gaps-command.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { createGapDecisions } from '../src/reports/gap-decisions.js';
import { buildDigests } from '../src/reports/owner-digests.js';
import { createQuestionLog } from '../src/reports/question-log.js';
import { createStore } from '../src/store/create-store.js';

const dir = mkdtempSync(join(tmpdir(), 'skills-desk-gaps-'));
const store = await createStore(`sqlite://${join(dir, 'store.sqlite')}`);
let clock = new Date('2026-11-23T10:00:00Z');
const now = () => clock;
const questions = createQuestionLog({ store, now, retentionDays: 90 });

type Asked = {
  question: string;
  topic: string;
  articleId?: string;
  outcome: 'answered' | 'declined' | 'passed_to_team';
  confidence?: number;
  down?: string;
};
const ASKED: Asked[] = [
  {
    question: 'what is the hackney 100 hourly rate this year',
    topic: 'hackney-100',
    articleId: 'hackney-100-placement-length-and-pay',
    outcome: 'answered',
    confidence: 0.9,
    down: 'only gives the 2017 rate',
  },
  {
    question: 'h100 pay 2026?',
    topic: 'hackney-100',
    articleId: 'hackney-100-placement-length-and-pay',
    outcome: 'answered',
    confidence: 0.8,
    down: 'out of date',
  },
  {
    question: 'how much does hackney 100 pay now',
    topic: 'hackney-100',
    articleId: 'hackney-100-placement-length-and-pay',
    outcome: 'answered',
    confidence: 0.85,
  },
  {
    question: 'whats the new llw rate announced in october',
    topic: 'llw',
    articleId: 'llw-rates-by-year',
    outcome: 'answered',
    confidence: 0.9,
    down: 'no 2026 rate',
  },
  { question: 'can the council fund a bootcamp for residents', topic: 'none', outcome: 'declined' },
  { question: 'skills bootcamps in hackney?', topic: 'none', outcome: 'declined' },
  {
    question: 'what s106 target does the gasworks site have',
    topic: 's106',
    articleId: 's106-local-labour-and-apprenticeship-targets',
    outcome: 'passed_to_team',
    confidence: 0.4,
  },
];
for (const [day, asked] of ASKED.entries()) {
  clock = new Date(Date.parse('2026-11-23T10:00:00Z') + day * 86_400_000);
  const { down, ...input } = asked;
  const id = await questions.record({ platform: day % 2 === 0 ? 'slack' : 'teams', ...input });
  if (down !== undefined) await questions.rate(id, 'down', down);
}
clock = new Date('2026-11-30T09:00:00Z');
const result = await buildDigests({
  knowledge: await loadKnowledge('knowledge'),
  questions,
  decisions: createGapDecisions({ store, now, gapTtlDays: 90 }),
  now,
  since: '2026-11-23',
});
process.stdout.write(renderDigestsText(result));
await store.close();
rmSync(dir, { recursive: true, force: true });
