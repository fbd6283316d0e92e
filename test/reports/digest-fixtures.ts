import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { londonDate } from '../../src/enquiries/working-hours.js';
import { createQuestionLog } from '../../src/reports/question-log.js';
import type { Store } from '../../src/store/create-store.js';

export const OWNER = 'Employment & Skills: Apprenticeships Team';
export const NEAR_ARTICLE = 'levy-co-investment';

/** 10:00 London on the Monday after today: the weekly digest is due then, and today's questions are in its week. */
export function nextMondayMorning(from = new Date()): Date {
  const london = new TZDate(from.getTime(), 'Europe/London');
  const daysAhead = (8 - london.getDay()) % 7 || 7;
  return new Date(
    new TZDate(london.getFullYear(), london.getMonth(), london.getDate() + daysAhead, 10, 'Europe/London').getTime(),
  );
}

/** A copy of the knowledge folder that `gaps apply` may write to. */
export function knowledgeCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'skills-desk-knowledge-')), 'knowledge');
  cpSync('knowledge', dir, { recursive: true });
  return dir;
}

/** Three gaps near the co-investment article and one no article came close to, asked today. */
export async function seedGapQuestions(
  store: Store,
): Promise<{ declined: string; thumbsDown: string; unassigned: string }> {
  const log = createQuestionLog({ store, now: () => new Date(), retentionDays: 90 });
  const declined = 'does co-investment apply to a charity that pays no levy';
  const thumbsDown = 'what share does a levy payer pay when its funds run out';
  const unassigned = 'can the council pay for a forklift licence';
  await log.record({
    platform: 'slack',
    question: declined,
    topic: 'levy',
    outcome: 'declined',
    articleId: NEAR_ARTICLE,
  });
  const rated = await log.record({
    platform: 'teams',
    question: thumbsDown,
    topic: 'levy',
    outcome: 'answered',
    confidence: 0.9,
    articleId: NEAR_ARTICLE,
  });
  await log.rate(rated, 'down', 'It did not say 25%');
  await log.record({ platform: 'cli', question: unassigned, topic: 'none', outcome: 'declined' });
  return { declined, thumbsDown, unassigned };
}

export const today = () => londonDate(new Date());
