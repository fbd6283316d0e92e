import type { Actor } from '../../src/enquiries/enquiry-queue.js';
import { createQuestionLog, type QuestionLog } from '../../src/reports/question-log.js';
import { enquiryInput, type Harness, officer, staff } from '../enquiries/queue-harness.js';

export const teamsStaff: Actor = { platform: 'teams', userId: '29:staff-teams', isOfficer: false };
export const cliStaff: Actor = { platform: 'cli', userId: 'cli', isOfficer: false };
const bo = officer('U0FFICER2', 'Bo Officer');

/**
 * A week of August 2026 (Monday 24 to Monday 31, the summer bank holiday) seeded through the queue's public API
 * with a moving clock; the figures the tests expect are worked out by hand beside each step.
 */
export async function seedAugustWeek(harness: Harness): Promise<QuestionLog> {
  const { queue, clock } = harness;
  const at = async <T>(iso: string, run: () => Promise<T>) => {
    clock.set(iso);
    return run();
  };
  // E4, before the period: Monday 17 August 10:00 BST, never touched (backlog, 9.9 working days old at the end).
  await at('2026-08-17T09:00:00Z', () => queue.log(enquiryInput({ topic: 'apprenticeships' }), staff()));
  // E1: Monday 24 August 10:00 BST, claimed at 12:00 (2 working hours), resolved Tuesday 12:00 (7 + 3 = 10).
  await at('2026-08-24T09:00:00Z', () => queue.log(enquiryInput({ topic: 'llw', email: 'e1@example.org' }), staff()));
  const steps = [
    await at('2026-08-24T11:00:00Z', () => queue.claim('ENQ-2026-0002', officer())),
    await at('2026-08-25T11:00:00Z', () => queue.resolve('ENQ-2026-0002', 'Sent the LLW guide', officer())),
  ];
  // E3: Wednesday 26 August 09:00 BST from the CLI, spotted by the bot; closed as spam Thursday 11:00 (8 + 2 = 10,
  // over the 8-hour SLA: one breach).
  await at('2026-08-26T08:00:00Z', () =>
    queue.log(enquiryInput({ topic: 'llw', arrivedVia: 'bot', email: 'e3@example.org' }), cliStaff),
  );
  steps.push(await at('2026-08-27T10:00:00Z', () => queue.close('ENQ-2026-0003', 'spam', officer())));
  for (const step of steps) if (!step.ok) throw new Error(step.message);
  // E2: Friday 28 August 16:00 BST from an employer, through Teams. Unanswered at the end of Monday 31 August, but
  // that Monday is a bank holiday, so it has waited 1 working hour: no breach (9 hours if the holiday counted).
  await at('2026-08-28T15:00:00Z', () =>
    queue.log(enquiryInput({ topic: 's106', arrivedVia: 'external', email: 'e2@example.org' }), teamsStaff),
  );

  const questions = createQuestionLog({
    store: harness.store,
    now: clock.now,
    retentionDays: 90,
    pseudonymSalt: 'a-test-salt-of-sixteen+',
    namespacePrefix: harness.prefix,
  });
  const q1 = await at('2026-08-24T10:00:00Z', () =>
    questions.record({
      platform: 'slack',
      userId: 'U0STAFF01',
      question: 'whats the llw now',
      topic: 'llw',
      outcome: 'answered',
      articleId: 'llw-rates',
    }),
  );
  await questions.rate(q1, 'up');
  const q2 = await at('2026-08-25T10:00:00Z', () =>
    questions.record({
      platform: 'teams',
      userId: '29:x',
      question: 'can s106 money pay for a minibus',
      topic: 's106',
      outcome: 'declined',
    }),
  );
  await questions.rate(q2, 'down', "didn't cover S106 money, ring me on 07700 900982");
  await at('2026-08-26T10:00:00Z', () =>
    questions.record({
      platform: 'slack',
      question: 'employer wants 3 hackney 100 places',
      topic: 'hackney-100',
      outcome: 'passed_to_team',
    }),
  );
  const q4 = await at('2026-08-27T10:00:00Z', () =>
    questions.record({
      platform: 'slack',
      userId: 'U0STAFF02',
      question: 'llw for apprentices?',
      topic: 'llw',
      outcome: 'answered',
      confidence: 0.3,
      articleId: 'llw-rates',
    }),
  );
  await questions.rate(q4, 'down');
  // After the period: E2 is claimed on Tuesday 1 September; a rerun for August must not change.
  const later = await at('2026-09-01T09:00:00Z', () => queue.claim('ENQ-2026-0004', bo));
  if (!later.ok) throw new Error(later.message);
  return questions;
}

/** The figures for 24–31 August 2026, worked out by hand from `seedAugustWeek`. */
export const AUGUST_WEEK = {
  logged: 3,
  byTopic: { apprenticeships: 0, 'levy-transfer': 0, llw: 2, 'hackney-100': 0, s106: 1, recruitment: 0, other: 0 },
  byArrival: { employer: 1, staff: 1, 'spotted by the bot': 1 },
  byPlatform: { slack: 1, teams: 1, cli: 1 },
  byOutcome: { open: 1, resolved: 1, 'closed: duplicate': 0, 'closed: spam': 1 },
  firstResponse: { count: 2, medianHours: 2, p90Hours: 10 },
  resolution: { count: 2, medianHours: 10, p90Hours: 10 },
  slaBreaches: 1,
  backlogByAge: {
    'under 1 working day': 1,
    '1 to 5 working days': 0,
    '5 to 20 working days': 1,
    'over 20 working days': 0,
  },
  claimsByOfficer: { 'Ana Officer': 1 },
  questionsAsked: 4,
  questionOutcomes: { answered: 2, declined: 1, passed_to_team: 1 },
  ratings: { up: 1, down: 2, upRate: 33.3 },
  downReasons: { '(no reason given)': 1, "didn't cover S106 money, ring me on [number]": 1 },
};
