import type { Attachment } from '@microsoft/agents-activity';
import { formatDate } from '../../knowledge/format.js';
import type { GapDecisionKind } from '../../reports/gap-decisions.js';
import {
  type DecidedDigest,
  type DigestGap,
  decisionLabel,
  GAP_BUTTON_TEXT,
  GAP_REASON_TEXT,
} from '../../reports/owner-digests.js';
import { adaptiveCard, type CardElement, heading, paragraph } from '../adaptive-card.js';
import { CARD_ACTIONS } from '../card-actions.js';

/** The Action.Execute verb of the digest's buttons (routed in on-turn through CardSubmission). */
export const GAP_DECISION_VERB = CARD_ACTIONS.gapDecision;

/** Cards stay well under Teams' 28 KB limit with this many gaps. */
export const MAX_GAPS_ON_CARD = 15;

function gapElements(gap: DigestGap, owner: string, since: string): CardElement[] {
  const reasons = gap.reasons.map((reason) => GAP_REASON_TEXT[reason] ?? reason).join(', ');
  const others = gap.questions.length > 1 ? ` (+${gap.questions.length - 1} similar)` : '';
  const elements: CardElement[] = [
    { ...paragraph(`**${gap.count} × ${reasons}** near ${gap.articleId ?? 'no article'}`), separator: true },
    paragraph(`“${gap.questions[0] ?? ''}”${others}`),
  ];
  if (gap.downReasons.length > 0) {
    elements.push(paragraph(`👎 ${gap.downReasons.map((reason) => `“${reason}”`).join(' · ')}`, { subtle: true }));
  }
  if (gap.decision) {
    elements.push(paragraph(`✓ ${decisionLabel(gap.decision)}`, { subtle: true }));
    return elements;
  }
  const kinds: GapDecisionKind[] =
    gap.articleId === null ? ['handled', 'add_example'] : ['handled', 'add_question', 'add_example'];
  elements.push({
    type: 'ActionSet',
    actions: kinds.map((kind) => ({
      type: 'Action.Execute',
      title: GAP_BUTTON_TEXT[kind],
      verb: GAP_DECISION_VERB,
      data: { gapId: gap.id, kind, owner, since },
    })),
  });
  return elements;
}

/** A content owner's weekly digest as an Adaptive Card: review dates, figures to check, gaps with buttons. */
export function digestCard(digest: DecidedDigest, since: string): Attachment {
  const body: CardElement[] = [
    heading(`Knowledge digest: ${digest.owner}`),
    paragraph(`Questions since ${formatDate(since)} · the same list: skills-desk gaps --since ${since}`, {
      subtle: true,
    }),
  ];
  if (digest.reviewDue.length > 0) {
    body.push(paragraph('**Articles due for review**'));
    for (const due of digest.reviewDue) {
      body.push(
        paragraph(
          `- ${due.title} (${due.articleId}): review ${due.overdue ? 'was due' : 'due'} ${formatDate(due.reviewBy)}`,
        ),
      );
    }
  }
  if (digest.staleFigures.length > 0) {
    body.push(paragraph('**Figures to check**'));
    for (const figure of digest.staleFigures) body.push(paragraph(`- ${figure.notice} (${figure.key})`));
  }
  if (digest.gaps.length > 0) {
    body.push(paragraph('**Questions the knowledge did not serve well**'));
    for (const gap of digest.gaps.slice(0, MAX_GAPS_ON_CARD)) body.push(...gapElements(gap, digest.owner, since));
    if (digest.gaps.length > MAX_GAPS_ON_CARD) {
      body.push(paragraph(`…and ${digest.gaps.length - MAX_GAPS_ON_CARD} more: skills-desk gaps`, { subtle: true }));
    }
  }
  return adaptiveCard(body);
}
