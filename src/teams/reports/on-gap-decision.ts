import type { Attachment } from '@microsoft/agents-activity';
import type { Core } from '../../core.js';
import { createCoreGapDecisions, type GapDecisionKind } from '../../reports/gap-decisions.js';
import { buildDigests } from '../../reports/owner-digests.js';
import { createCoreQuestionLog } from '../../reports/question-log.js';
import { digestCard } from './digest-card.js';

export type GapDecisionSubmission = { gapId: string; kind: GapDecisionKind; owner: string; since: string };

/**
 * A digest button pressed in Teams: keeps the decision, and hands back the owner's digest card as it now stands
 * (the invoke's reply replaces the card), or a refusal only the presser sees.
 */
export async function decideGapInTeams(
  core: Core,
  submission: GapDecisionSubmission,
  userId: string,
): Promise<{ updatedCard?: Attachment; refusal?: string }> {
  const decisions = createCoreGapDecisions(core);
  const result = await decisions.decide(
    { gapId: submission.gapId, kind: submission.kind },
    { platform: 'teams', userId },
  );
  if (!result.ok) return { refusal: result.message };
  core.log.info({ gapId: submission.gapId, kind: submission.kind }, 'knowledge gap decided');
  const { digests } = await buildDigests({
    knowledge: core.knowledge,
    questions: createCoreQuestionLog(core),
    decisions,
    now: core.now,
    since: submission.since,
  });
  const digest = digests.find((candidate) => candidate.owner === submission.owner);
  return digest ? { updatedCard: digestCard(digest, submission.since) } : {};
}
