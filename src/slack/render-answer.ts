import type { types } from '@slack/bolt';
import type { Answer, Citation } from '../answer/answer.js';
import { formatDate } from '../knowledge/format.js';
import { type AnswerActionValue, encodeAnswerActionValue } from './answer-action-value.js';
import { SLACK_IDS } from './ids.js';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type Button = types.Button;
type ContextActionsBlock = types.ContextActionsBlock;
type ActionsBlock = types.ActionsBlock;

/** Slack refuses section text over 3,000 characters; answers are split on paragraph breaks below that. */
const SECTION_LIMIT = 2_900;
/** Notification text (the `text` beside blocks) is kept short. */
const FALLBACK_LIMIT = 2_900;

export type RenderAnswerOptions = {
  /** Id of the stored answer record; carried by the feedback and share buttons. */
  answerId: string;
  /** Context for "Ask the team" / "Log employer enquiry"; those buttons are left out when absent. */
  action?: Omit<AnswerActionValue, 'isExternal'> & { isExternal?: boolean };
  /** Adds "Share in channel" (answers shown only to the asker). */
  canShare?: boolean;
  /** False when the text has already been streamed into the message: only sources and buttons are rendered. */
  includeText?: boolean;
  /** A context line above the answer, e.g. who shared it. */
  byline?: string;
};

export type SlackMessage = { text: string; blocks: KnownBlock[] };

/** The Block Kit message for an answer: text, notice, numbered sources with review dates, then the buttons. */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (options.byline) blocks.push(contextBlock(options.byline));
  if (options.includeText !== false) {
    for (const chunk of splitForSections(toSlackMrkdwn(answer.text))) blocks.push(sectionBlock(chunk));
  }
  if (answer.notice) blocks.push(contextBlock(`:information_source: ${escapeMrkdwn(answer.notice)}`));
  if (answer.citations.length > 0) blocks.push(sourcesBlock(answer.citations));
  if (answer.figures.length > 0) blocks.push(contextBlock(`Figures as of ${formatDate(answer.asOf)}.`));

  const buttons = actionButtons(answer, options);
  if (buttons.length > 0)
    blocks.push({ type: 'actions', block_id: 'answer_actions', elements: buttons } satisfies ActionsBlock);
  blocks.push(feedbackBlock(options.answerId));

  return { text: fallbackText(answer.text), blocks };
}

/** Value of each feedback button: the rating and the stored answer it is about. */
export function feedbackButtonValue(rating: 'up' | 'down', answerId: string): string {
  return `${rating}:${answerId}`;
}

/** Converts the engine's light markdown to Slack mrkdwn; keeps `[n]` citation markers. */
export function toSlackMrkdwn(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let converted = escapeMrkdwn(line);
      converted = converted.replace(/^#{1,6}\s+(.+)$/, '*$1*');
      converted = converted.replace(/^(\s*)[-*]\s+/, '$1• ');
      converted = converted.replace(/\*\*(.+?)\*\*/g, '*$1*');
      converted = converted.replace(/__(.+?)__/g, '*$1*');
      converted = converted.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<$2|$1>');
      return converted;
    })
    .join('\n');
}

/** Escapes the three characters Slack treats as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sourcesBlock(citations: Citation[]): SectionBlock {
  const lines = citations.map((citation) => {
    // The lead section of an article has no heading of its own worth showing.
    const isLead = citation.sectionId.endsWith('#overview') || citation.heading === citation.title;
    const label = escapeMrkdwn(citation.heading && !isLead ? `${citation.title}: ${citation.heading}` : citation.title);
    const link = citation.url ? `<${citation.url}|${label.replace(/\|/g, '¦')}>` : label;
    const reviewed = `last reviewed ${formatDate(citation.reviewed)}`;
    const due = citation.isDueForReview ? ` · :warning: due for review (was due ${formatDate(citation.reviewBy)})` : '';
    return `[${citation.n}] ${link} · ${reviewed}${due}`;
  });
  return sectionBlock(`*Sources*\n${lines.join('\n')}`, 'answer_sources');
}

function actionButtons(answer: Answer, options: RenderAnswerOptions): Button[] {
  const buttons: Button[] = [];
  if (options.canShare) {
    buttons.push({
      type: 'button',
      action_id: SLACK_IDS.actions.shareAnswer,
      text: { type: 'plain_text', text: 'Share in channel' },
      value: options.answerId,
    });
  }
  if (options.action) {
    const value = encodeAnswerActionValue(options.action);
    buttons.push({
      type: 'button',
      action_id: SLACK_IDS.actions.askTheTeam,
      text: { type: 'plain_text', text: 'Ask the team' },
      value,
      ...(answer.kind === 'decline' && { style: 'primary' as const }),
    });
    if (answer.enquirySuggested) {
      buttons.push({
        type: 'button',
        action_id: SLACK_IDS.actions.logEnquiryFromAnswer,
        text: { type: 'plain_text', text: 'Log employer enquiry' },
        value,
      });
    }
  }
  return buttons;
}

function feedbackBlock(answerId: string): ContextActionsBlock {
  return {
    type: 'context_actions',
    block_id: 'answer_feedback',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: SLACK_IDS.actions.feedback,
        positive_button: {
          text: { type: 'plain_text', text: '👍' },
          accessibility_label: 'This answer helped',
          value: feedbackButtonValue('up', answerId),
        },
        negative_button: {
          text: { type: 'plain_text', text: '👎' },
          accessibility_label: 'This answer did not help',
          value: feedbackButtonValue('down', answerId),
        },
      },
    ],
  };
}

function sectionBlock(text: string, blockId?: string): SectionBlock {
  return { type: 'section', ...(blockId !== undefined && { block_id: blockId }), text: { type: 'mrkdwn', text } };
}

function contextBlock(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

function splitForSections(text: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n{2,}/)) {
    const candidate = current === '' ? paragraph : `${current}\n\n${paragraph}`;
    if (candidate.length <= SECTION_LIMIT) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    // A single paragraph longer than a section is cut at the limit.
    let rest = paragraph;
    while (rest.length > SECTION_LIMIT) {
      chunks.push(rest.slice(0, SECTION_LIMIT));
      rest = rest.slice(SECTION_LIMIT);
    }
    current = rest;
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks.length > 0 ? chunks : [' '];
}

function fallbackText(text: string): string {
  const plain = text.replace(/\*\*(.+?)\*\*/g, '$1');
  return plain.length > FALLBACK_LIMIT ? `${plain.slice(0, FALLBACK_LIMIT - 1)}…` : plain;
}
