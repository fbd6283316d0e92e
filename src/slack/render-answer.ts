import type { types } from '@slack/bolt';
import type { AnswerView, ViewAction, ViewCitation } from '../conversation/index.js';
import { formatDate } from '../knowledge/format.js';
import { type AnswerActionValue, encodeAnswerActionValue } from './answer-action-value.js';
import { escapeMrkdwn } from './escape.js';
import { SLACK_IDS } from './ids.js';

export { escapeMrkdwn } from './escape.js';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type Button = types.Button;
type ContextActionsBlock = types.ContextActionsBlock;
type ActionsBlock = types.ActionsBlock;

/** Slack refuses section text over 3,000 characters; answers are split on paragraph breaks below that. */
const SECTION_LIMIT = 2_900;
/** Notification text (the `text` beside blocks) is kept short. */
const FALLBACK_LIMIT = 2_900;
/** Slack allows 50 blocks in a message. */
const MAX_BLOCKS = 50;

export type RenderAnswerOptions = {
  /** Where "Ask the team" / "Log employer enquiry" point; those buttons are left out when absent. */
  action?: Omit<AnswerActionValue, 'isExternal' | 'question' | 'answerId'>;
  /** Adds "Share in channel" (answers shown only to the asker). */
  canShare?: boolean;
  /** False when the text has already been streamed into the message: only sources and buttons are rendered. */
  includeText?: boolean;
  /** A context line above the answer, e.g. who shared it (already escaped). */
  byline?: string;
};

export type SlackMessage = { text: string; blocks: KnownBlock[] };

/** The Block Kit message for an answer view: text, notices, numbered sources with review dates, then the buttons. */
export function renderAnswer(view: AnswerView, options: RenderAnswerOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (options.byline) blocks.push(contextBlock(options.byline));
  if (options.includeText !== false) {
    for (const chunk of splitForSections(toSlackMrkdwn(view.text))) blocks.push(sectionBlock(chunk));
  }
  for (const notice of view.notices) {
    // Slack shows "due for review" on the source's own line below.
    if (notice.kind === 'due-for-review') continue;
    const icon = notice.kind === 'figures-as-of' ? '' : ':information_source: ';
    blocks.push(contextBlock(`${icon}${escapeMrkdwn(notice.text)}`));
  }
  if (view.citations.length > 0) blocks.push(sourcesBlock(view.citations));

  const buttons = actionButtons(view, options);
  if (buttons.length > 0)
    blocks.push({ type: 'actions', block_id: 'answer_actions', elements: buttons } satisfies ActionsBlock);
  if (view.actions.some((action) => action.kind === 'feedback')) blocks.push(feedbackBlock(view.answerId));

  return { text: fallbackText(view.text), blocks: fitBlocks(blocks) };
}

/** Value of each feedback button: the rating and the stored answer it is about. */
export function feedbackButtonValue(rating: 'up' | 'down', answerId: string): string {
  return `${rating}:${answerId}`;
}

/** Converts the engine's light markdown to Slack mrkdwn, escaping everything else; keeps `[n]` citation markers. */
export function toSlackMrkdwn(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let converted = escapeMrkdwn(line);
      converted = converted.replace(/^#{1,6}\s+(.+)$/, '*$1*');
      converted = converted.replace(/^(\s*)[-*]\s+/, '$1• ');
      converted = converted.replace(/\*\*(.+?)\*\*/g, '*$1*');
      converted = converted.replace(/__(.+?)__/g, '*$1*');
      converted = converted.replace(
        /\[([^\]]+)\]\((https?:\/\/[^)\s|]+)\)/g,
        (_all, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`,
      );
      return converted;
    })
    .join('\n');
}

function sourcesBlock(citations: ViewCitation[]): SectionBlock {
  const lines = citations.map((citation) => {
    const label = escapeMrkdwn(citation.label);
    const link = safeUrl(citation.url) ? `<${citation.url}|${label.replace(/\|/g, '¦')}>` : label;
    const reviewed = `last reviewed ${formatDate(citation.reviewed)}`;
    const due = citation.isDueForReview ? ` · :warning: due for review (was due ${formatDate(citation.reviewBy)})` : '';
    return `[${citation.n}] ${link} · ${reviewed}${due}`;
  });
  return sectionBlock(clip(`*Sources*\n${lines.join('\n')}`, SECTION_LIMIT), 'answer_sources');
}

function actionButtons(view: AnswerView, options: RenderAnswerOptions): Button[] {
  const buttons: Button[] = [];
  if (options.canShare) {
    buttons.push(button(SLACK_IDS.actions.shareAnswer, 'Share in channel', view.answerId));
  }
  for (const action of view.actions) buttons.push(...buttonsFor(action, view, options));
  return buttons;
}

function buttonsFor(action: ViewAction, view: AnswerView, options: RenderAnswerOptions): Button[] {
  switch (action.kind) {
    case 'calculator':
      return [
        button(
          SLACK_IDS.actions.openCalculator,
          action.tool === 'levy' ? 'Open the levy calculator' : 'Open the eligibility checker',
          action.tool,
        ),
      ];
    case 'show-working':
      return [button(SLACK_IDS.actions.showWorking, 'Show working', view.answerId)];
    case 'ask-team':
    case 'log-enquiry': {
      if (!options.action) return [];
      const value = encodeAnswerActionValue({
        ...options.action,
        question: view.questionPreview,
        answerId: view.answerId,
        isExternal: view.isExternal,
      });
      return action.kind === 'ask-team'
        ? [
            {
              ...button(SLACK_IDS.actions.askTheTeam, 'Ask the team', value),
              ...(action.primary && { style: 'primary' as const }),
            },
          ]
        : [button(SLACK_IDS.actions.logEnquiryFromAnswer, 'Log employer enquiry', value)];
    }
    case 'feedback':
      return [];
  }
}

function button(actionId: string, text: string, value: string): Button {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text }, value };
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
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, SECTION_LIMIT) }] };
}

/** Keeps the message within Slack's block count: text sections are dropped from the end, with a note. */
function fitBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= MAX_BLOCKS) return blocks;
  const overflow = blocks.length - MAX_BLOCKS + 1;
  const firstTail = blocks.findIndex((block) => block.type !== 'section' || block.block_id === 'answer_sources');
  const cut = Math.max(0, firstTail - overflow);
  return [
    ...blocks.slice(0, cut),
    contextBlock(':information_source: This answer was cut short to fit in Slack.'),
    ...blocks.slice(firstTail),
  ];
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

function safeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !/[|<>\s]/.test(url);
  } catch {
    return false;
  }
}

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function fallbackText(text: string): string {
  const plain = text.replace(/\*\*(.+?)\*\*/g, '$1');
  return clip(plain, FALLBACK_LIMIT);
}
