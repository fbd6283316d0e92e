import type { types } from '@slack/bolt';
import { formatDate } from '../../knowledge/format.js';
import type { GapDecision, GapDecisionKind } from '../../reports/gap-decisions.js';
import type { DecidedDigest, DigestGap } from '../../reports/owner-digests.js';
import { decisionLabel, GAP_BUTTON_TEXT, GAP_REASON_TEXT } from '../../reports/owner-digests.js';
import { escapeMrkdwn } from '../escape.js';
import { SLACK_IDS } from '../ids.js';

/** The digest buttons' action ids; the value is `KIND:GAP_ID`. */
export const DIGEST_ACTIONS: Record<GapDecisionKind, string> = {
  handled: SLACK_IDS.actions.gapMarkHandled,
  add_question: SLACK_IDS.actions.gapAddQuestion,
  add_example: SLACK_IDS.actions.gapAddExample,
};

/** Slack allows 50 blocks in a message: each gap takes two, so at most this many are listed. */
export const MAX_GAPS_SHOWN = 18;

const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text);
const section = (text: string): types.KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, 3000) },
});
const context = (text: string): types.KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text, 3000) }],
});

/** The line that replaces a gap's buttons once someone has decided on it. */
export function decidedBlock(gapId: string, decision: GapDecision): types.KnownBlock {
  const who = decision.by.platform === 'slack' ? `<@${decision.by.userId}>` : 'a content owner';
  return { ...context(`✓ ${decisionLabel(decision)} by ${who}`), block_id: `gap:${gapId}` };
}

function gapBlocks(gap: DigestGap): types.KnownBlock[] {
  const reasons = gap.reasons.map((reason) => GAP_REASON_TEXT[reason] ?? reason).join(', ');
  const others = gap.questions.length > 1 ? ` (+${gap.questions.length - 1} similar)` : '';
  const down =
    gap.downReasons.length > 0
      ? `\n👎 ${gap.downReasons.map((reason) => `“${escapeMrkdwn(reason)}”`).join(' · ')}`
      : '';
  const text = `*${gap.count} × ${reasons}* near \`${gap.articleId ?? 'no article'}\`\n“${escapeMrkdwn(gap.questions[0] ?? '')}”${others}${down}`;
  if (gap.decision) return [section(text), decidedBlock(gap.id, gap.decision)];
  const kinds: GapDecisionKind[] =
    gap.articleId === null ? ['handled', 'add_example'] : ['handled', 'add_question', 'add_example'];
  return [
    section(text),
    {
      type: 'actions',
      block_id: `gap:${gap.id}`,
      elements: kinds.map((kind) => ({
        type: 'button',
        action_id: DIGEST_ACTIONS[kind],
        text: { type: 'plain_text', text: GAP_BUTTON_TEXT[kind] },
        value: `${kind}:${gap.id}`,
        ...(kind === 'handled' && { style: 'primary' as const }),
      })),
    },
  ];
}

/** A content owner's weekly digest as a Slack message: review dates, figures to check, and gaps with buttons. */
export function renderDigestMessage(
  digest: DecidedDigest,
  period: { since: string },
): { text: string; blocks: types.KnownBlock[] } {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`Knowledge digest: ${digest.owner}`, 150) } },
    context(
      `Questions since ${formatDate(period.since)} · the same list: \`skills-desk gaps --since ${period.since}\``,
    ),
  ];
  if (digest.reviewDue.length > 0) {
    const lines = digest.reviewDue.map(
      (due) =>
        `• ${escapeMrkdwn(due.title)} (\`${due.articleId}\`): review ${due.overdue ? 'was due' : 'due'} ${formatDate(due.reviewBy)}`,
    );
    blocks.push(section(`*Articles due for review*\n${lines.join('\n')}`));
  }
  if (digest.staleFigures.length > 0) {
    const lines = digest.staleFigures.map((figure) => `• ${escapeMrkdwn(figure.notice)} (\`${figure.key}\`)`);
    blocks.push(section(`*Figures to check*\n${lines.join('\n')}`));
  }
  if (digest.gaps.length > 0) {
    blocks.push(section('*Questions the knowledge did not serve well*'));
    for (const gap of digest.gaps.slice(0, MAX_GAPS_SHOWN)) blocks.push(...gapBlocks(gap));
    if (digest.gaps.length > MAX_GAPS_SHOWN) {
      blocks.push(context(`…and ${digest.gaps.length - MAX_GAPS_SHOWN} more: \`skills-desk gaps\``));
    }
  }
  const open = digest.gaps.filter((gap) => !gap.decision).length;
  return {
    text: `Knowledge digest for ${digest.owner}: ${digest.reviewDue.length} articles due for review, ${digest.staleFigures.length} figures to check, ${open} open questions`,
    blocks,
  };
}
