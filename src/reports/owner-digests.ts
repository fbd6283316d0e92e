import { londonDate } from '../enquiries/working-hours.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { GapDecision, GapDecisionKind, GapDecisions } from './gap-decisions.js';
import { type GapGroup, groupGaps, type OwnerDigest, ownerDigests } from './knowledge-gaps.js';
import type { QuestionLog } from './question-log.js';

export type DigestGap = GapGroup & { decision?: GapDecision };
export type DecidedDigest = Omit<OwnerDigest, 'gaps'> & { gaps: DigestGap[] };
export type Digests = { since: string; today: string; digests: DecidedDigest[] };

const DAY_MS = 86_400_000;

/**
 * The content owners' digests as they stand now: questions since `since` (default the last 7 days) grouped into
 * gaps, each with the decision taken on it, if any; the gaps are remembered so their buttons can be decided on.
 */
export async function buildDigests(deps: {
  knowledge: Knowledge;
  questions: Pick<QuestionLog, 'list'>;
  decisions: Pick<GapDecisions, 'list' | 'remember'>;
  now: () => Date;
  since?: string;
}): Promise<Digests> {
  const today = londonDate(deps.now());
  const since = deps.since ?? londonDate(new Date(deps.now().getTime() - 7 * DAY_MS));
  const gaps = groupGaps(await deps.questions.list({ from: since, to: today }));
  await deps.decisions.remember(gaps);
  const decided = new Map((await deps.decisions.list()).map((decision) => [decision.gapId, decision]));
  const digests = ownerDigests(deps.knowledge, gaps, today).map((digest) => ({
    ...digest,
    gaps: digest.gaps.map((gap) => {
      const decision = decided.get(gap.id);
      return decision === undefined ? gap : { ...gap, decision };
    }),
  }));
  return { since, today, digests };
}

/** Whether a digest has anything for its owner to look at. */
export function hasNews(digest: DecidedDigest): boolean {
  return digest.reviewDue.length > 0 || digest.staleFigures.length > 0 || digest.gaps.some((gap) => !gap.decision);
}

/** How a decision reads in a digest or on the terminal. */
export function decisionLabel(decision: GapDecision): string {
  const applied = decision.appliedAt === undefined ? '' : ', written to the knowledge files';
  switch (decision.kind) {
    case 'handled':
      return 'marked handled';
    case 'add_question':
      return `question to be added to ${decision.articleId}${applied}`;
    case 'add_example':
      return `to be added as a labelled example (topic ${decision.topic})${applied}`;
  }
}

/** The digest's decision buttons, worded the same in Slack and Teams. */
export const GAP_BUTTON_TEXT: Record<GapDecisionKind, string> = {
  handled: 'Mark handled',
  add_question: 'Add to article questions',
  add_example: 'Add as labelled example',
};

/** Why a question is a gap, as a digest says it. */
export const GAP_REASON_TEXT: Record<string, string> = {
  declined: 'declined',
  low_confidence: 'low confidence',
  thumbs_down: '👎',
  passed_to_team: 'passed to the team',
};
