import { randomUUID } from 'node:crypto';
import { Activity, type Attachment, type Entity } from '@microsoft/agents-activity';
import { type AnswerView, VIEW_LIMITS, type ViewBlock, type ViewCitation, viewBlocks } from '../conversation/index.js';
import { adaptiveCard, type CardElement, paragraph, submitAction } from './adaptive-card.js';
import { CARD_ACTIONS } from './card-actions.js';
import { enquiryFormElements } from './enquiry-cards.js';

// Teams shows at most this much of a citation's title and abstract.
const CITATION_NAME_LIMIT = 80;
const CITATION_ABSTRACT_LIMIT = 160;
/** Teams shows at most 3,000 characters in a card field. */
export const FIELD_LIMIT = 3_000;
/** Between an input's form prefix and its own id: `ask.organisation`. */
export const INPUT_PREFIX_SEPARATOR = '.';

export type AnswerContext = {
  /** Link to the message the question came in (for enquiries logged from the answer). */
  sourceLink?: string;
};

/** The Teams `Message` entity: numbered citations matching the `[n]` markers (at most 10), and the AI label. */
export function citationEntity(view: AnswerView): Entity | undefined {
  if (view.citations.length === 0 && !view.isModelWritten) return undefined;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(view.isModelWritten && { additionalType: ['AIGeneratedContent'] }),
    citation: view.citations.slice(0, VIEW_LIMITS.citations).map((citation) => ({
      '@type': 'Claim',
      position: citation.n,
      appearance: {
        '@type': 'DigitalDocument',
        name: clip(citation.label, CITATION_NAME_LIMIT),
        abstract: clip(citationAbstract(citation), CITATION_ABSTRACT_LIMIT),
        ...(citation.url && { url: citation.url }),
      },
    })),
  };
}

/**
 * Teams refuses an activity over 28 KB. What is sent is kept under this many bytes of JSON, leaving room for the
 * fields the SDK adds (ids, conversation, from and recipient).
 */
export const ACTIVITY_BYTES_LIMIT = 26_000;
export const CLIPPED_NOTE = '_This answer was cut short to fit in Teams. Ask a narrower question for the rest._';

/** The reply for an answer view: its text, citations, Teams' feedback buttons, and the card of notices and actions. */
export function renderTeamsAnswer(view: AnswerView, context: AnswerContext): Activity {
  const entity = citationEntity(view);
  const card = answerCard(view, context);
  const build = (text: string) =>
    Activity.fromObject({
      type: 'message',
      text,
      textFormat: 'markdown',
      ...(entity && { entities: [entity] }),
      ...(card && { attachments: [card] }),
      channelData: { feedbackLoopEnabled: true },
    });
  const text = teamsBlocksText(view.blocks);
  const activity = build(text);
  const over = Buffer.byteLength(JSON.stringify(activity)) - ACTIVITY_BYTES_LIMIT;
  if (over <= 0) return activity;
  // Long answers in multi-byte characters can pass the view's character limit and still be too big for Teams.
  return build(clipToBytes(text, Buffer.byteLength(text) - over - Buffer.byteLength(CLIPPED_NOTE) - 16));
}

/** The start of `text` within `bytes` bytes (as JSON), cut at a line or word, with the clipped note after it. */
function clipToBytes(text: string, bytes: number): string {
  let kept = text;
  while (kept.length > 0 && Buffer.byteLength(JSON.stringify(kept)) - 2 > bytes) {
    kept = kept.slice(0, Math.floor(kept.length * 0.9));
  }
  const cut = Math.max(kept.lastIndexOf('\n'), kept.lastIndexOf(' '));
  if (cut > kept.length / 2) kept = kept.slice(0, cut);
  return `${kept.trimEnd()}…\n\n${CLIPPED_NOTE}`;
}

/**
 * The engine's markdown for Teams: list items become "•" lines, because Teams shows a `[n]` inside a markdown list
 * item as literal text instead of a citation. Raw HTML-like text is escaped so it is never read as markup.
 */
export function teamsText(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeTeams(line).replace(/^(\s*)[-*]\s+/, '$1• '))
    .join('\n');
}

/**
 * The answer's paragraphs and lists as the message text, where Teams turns `[n]` markers into citations. List items
 * are written as "•" or "1." lines rather than markdown lists (inside a markdown list item Teams shows `[1]` as
 * literal text). Tables go in the card as Table elements instead (`structureElements`).
 */
export function teamsBlocksText(blocks: ViewBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') parts.push(escapeTeams(block.text));
    else if (block.kind === 'list') {
      parts.push(
        block.items.map((item, n) => `${block.ordered ? `**${n + 1}.**` : '•'} ${escapeTeams(item)}`).join('\n'),
      );
    }
  }
  if (parts.length === 0 && blocks.some((block) => block.kind === 'table')) parts.push('See the table below.');
  return parts.join('\n\n');
}

/** Tables as Adaptive Card Table elements (header row in bold), each cell clipped to the card field limit. */
export function tableElements(blocks: ViewBlock[]): CardElement[] {
  const elements: CardElement[] = [];
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
    const row = (cells: string[], isHeader: boolean): CardElement => ({
      type: 'TableRow',
      ...(isHeader && { style: 'accent' }),
      cells: Array.from({ length: columns }, (_unused, column) => ({
        type: 'TableCell',
        items: [
          {
            type: 'TextBlock',
            text: clip(cells[column] ?? '', FIELD_LIMIT),
            wrap: true,
            ...(isHeader && { weight: 'Bolder' }),
          },
        ],
      })),
    });
    elements.push({
      type: 'Table',
      firstRowAsHeader: block.header.length > 0,
      showGridLines: true,
      columns: Array.from({ length: columns }, () => ({ width: 1 })),
      rows: [
        ...(block.header.length > 0 ? [row(block.header, true)] : []),
        ...block.rows.map((cells) => row(cells, false)),
      ],
    });
  }
  return elements;
}

/** The engine's structure as card elements (for "Show working"): paragraphs, markdown lists, tables. */
export function structureElements(blocks: ViewBlock[]): CardElement[] {
  const elements: CardElement[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') elements.push(paragraph(clip(block.text, FIELD_LIMIT)));
    else if (block.kind === 'list') {
      const lines = block.items.map((item, n) => `${block.ordered ? `${n + 1}.` : '-'} ${item}`);
      elements.push(paragraph(clip(lines.join('\n'), FIELD_LIMIT)));
    } else elements.push(...tableElements([block]));
  }
  return elements;
}

/** Escapes `<` and `>` (Teams reads them as HTML) in text that came from a person or the model. */
export function escapeTeams(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function answerCard(view: AnswerView, context: AnswerContext): Attachment | undefined {
  const body: CardElement[] = [
    ...tableElements(view.blocks),
    ...view.notices.map((notice) => paragraph(clip(notice.text, FIELD_LIMIT), { subtle: true })),
  ];
  const actions: CardElement[] = [];
  for (const action of view.actions) {
    switch (action.kind) {
      case 'calculator':
        actions.push(
          submitAction(action.tool === 'levy' ? 'Open the levy calculator' : 'Open the eligibility checker', {
            action: CARD_ACTIONS.openCard,
            card: action.tool,
          }),
        );
        break;
      case 'show-working':
        actions.push({
          type: 'Action.ShowCard',
          title: 'Show working',
          card: {
            type: 'AdaptiveCard',
            body: structureElements(viewBlocks(undefined, action.text, () => true, VIEW_LIMITS.textChars).blocks),
          },
        });
        break;
      case 'ask-team':
        actions.push(
          showForm('Ask the team', 'ask', {
            description: clip(`Question from Teams: ${view.questionPreview}`, FIELD_LIMIT),
            arrivedVia: 'staff',
            submissionId: randomUUID(),
            ...(context.sourceLink !== undefined && { sourceLink: context.sourceLink }),
          }),
        );
        break;
      case 'log-enquiry':
        actions.push(
          showForm('Log employer enquiry', 'log', {
            description: clip(view.questionPreview, FIELD_LIMIT),
            arrivedVia: 'bot',
            submissionId: randomUUID(),
            ...(context.sourceLink !== undefined && { sourceLink: context.sourceLink }),
          }),
        );
        break;
      case 'feedback':
        break;
    }
  }
  if (body.length === 0 && actions.length === 0) return undefined;
  return adaptiveCard(body, actions);
}

/** An enquiry form inside the answer card; its input ids are prefixed so two forms in one card never share an id. */
function showForm(title: string, prefix: string, prefill: Parameters<typeof enquiryFormElements>[0]): CardElement {
  const form = enquiryFormElements(prefill);
  return {
    type: 'Action.ShowCard',
    title,
    card: { type: 'AdaptiveCard', body: prefixIds(form.body, prefix), actions: form.actions },
  };
}

/** Gives every input in a form a prefix (`ask.organisation`), recording the prefix in the submit data to undo it. */
function prefixIds(elements: CardElement[], prefix: string): CardElement[] {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const record = node as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) copy[key] = visit(value);
    if (typeof record.id === 'string' && typeof record.type === 'string' && record.type.startsWith('Input.')) {
      copy.id = `${prefix}${INPUT_PREFIX_SEPARATOR}${record.id}`;
    }
    return copy;
  };
  return visit(elements) as CardElement[];
}

function citationAbstract(citation: ViewCitation): string {
  return citation.isDueForReview ? `(Due for review) ${citation.snippet}` : citation.snippet;
}

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}
