import type { types } from '@slack/bolt';
import type { AnswerView, ViewAction, ViewCitation } from '../conversation/index.js';
import { formatDate } from '../knowledge/format.js';
import { type AnswerActionValue, encodeAnswerActionValue } from './answer-action-value.js';
import { escapeMrkdwn } from './escape.js';
import { SLACK_IDS } from './ids.js';
import { renderViewBlocks, SECTION_LIMIT } from './render-blocks.js';

export { escapeMrkdwn } from './escape.js';
export { toSlackMrkdwn } from './slack-mrkdwn.js';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type Button = types.Button;
type ContextActionsBlock = types.ContextActionsBlock;
type ActionsBlock = types.ActionsBlock;

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
  const head: KnownBlock[] = [];
  if (options.byline) head.push(contextBlock(options.byline));
  let content: KnownBlock[] = [];
  if (options.includeText !== false) {
    content = renderViewBlocks(view.blocks);
    if (content.length === 0) content.push(sectionBlock(' '));
  }
  const blocks: KnownBlock[] = [];
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

  return {
    text: fallbackText(view.text),
    blocks: [...head, ...fitContent(content, head.length + blocks.length), ...blocks],
  };
}

/** Value of each feedback button: the rating and the stored answer it is about. */
export function feedbackButtonValue(rating: 'up' | 'down', answerId: string): string {
  return `${rating}:${answerId}`;
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

/** Keeps the message within Slack's block count: whole blocks of the answer are dropped from the end, with a note. */
function fitContent(content: KnownBlock[], others: number): KnownBlock[] {
  if (content.length + others <= MAX_BLOCKS) return content;
  const room = Math.max(0, MAX_BLOCKS - others - 1);
  return [...content.slice(0, room), contextBlock(':information_source: This answer was cut short to fit in Slack.')];
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
