import type { types as SlackTypes } from '@slack/bolt';
import type { Citation } from '../../answer/answer.js';
import { formatDate } from '../../knowledge/format.js';
import { escapeMrkdwn, toSlackMrkdwn } from '../render-answer.js';

const SECTION_LIMIT = 2_900;

/** Splits mrkdwn at line breaks into pieces a section block accepts. */
function sections(text: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > SECTION_LIMIT && current !== '') {
      chunks.push(current);
      current = line.slice(0, SECTION_LIMIT);
    } else {
      current = next.slice(0, SECTION_LIMIT);
    }
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks;
}

function sourceLine(citation: Citation): string {
  const label = escapeMrkdwn(citation.title).replace(/\|/g, '¦');
  const link = citation.url ? `<${citation.url}|${label}>` : label;
  const due = citation.isDueForReview ? ` · :warning: due for review since ${formatDate(citation.reviewBy)}` : '';
  return `[${citation.n}] ${link} · last reviewed ${formatDate(citation.reviewed)}${due}`;
}

/** A calculator's result for Slack: the breakdown with its arithmetic, the sources, and the date the rules are from. */
export function renderCalculatorMessage(
  text: string,
  citations: Citation[],
  rulesDate: string,
): { text: string; blocks: SlackTypes.KnownBlock[] } {
  const blocks: SlackTypes.KnownBlock[] = sections(toSlackMrkdwn(text)).map((chunk) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: chunk },
  }));
  if (citations.length > 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Sources*\n${citations.map(sourceLine).join('\n')}`.slice(0, SECTION_LIMIT) },
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: `Figures as in force on ${formatDate(rulesDate)}, from the Skills Desk facts table.` },
    ],
  });
  const firstLine = text.split('\n')[0]?.replace(/\*\*/g, '') ?? 'Calculator result';
  return { text: firstLine, blocks };
}
