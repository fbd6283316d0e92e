import type { types } from '@slack/bolt';
import { tableRowText } from '../answer/compose/blocks.js';
import type { ViewBlock } from '../conversation/index.js';
import { toSlackMrkdwn } from './slack-mrkdwn.js';

type KnownBlock = types.KnownBlock;
type RichTextElement = types.RichTextElement;
type RichTextSection = types.RichTextSection;

/** Slack refuses section text over 3,000 characters; paragraphs are grouped into sections below that. */
export const SECTION_LIMIT = 2_900;
/** Slack's table block: at most 100 rows of 20 cells, and one table a message. */
const TABLE_MAX_ROWS = 100;
const TABLE_MAX_COLUMNS = 20;
const CELL_LIMIT = 500;

/**
 * The answer's structure as Block Kit: paragraphs as mrkdwn sections, lists as rich-text lists (numbered from 1,
 * every item), the first table as a table block with its header row in bold, and any further table as a rich-text
 * list of rows (Slack shows one table a message). Text in rich-text elements is never read as mrkdwn, so nothing a
 * person wrote can become a mention or a link there.
 */
export function renderViewBlocks(blocks: ViewBlock[]): KnownBlock[] {
  const rendered: KnownBlock[] = [];
  let paragraphs: string[] = [];
  let hasTable = false;
  const flush = () => {
    for (const chunk of splitForSections(paragraphs.join('\n\n'))) {
      rendered.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
    }
    paragraphs = [];
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      paragraphs.push(toSlackMrkdwn(block.text));
      continue;
    }
    flush();
    if (block.kind === 'list') {
      rendered.push(richList(block.items, block.ordered));
    } else if (!hasTable && fitsTableBlock(block)) {
      hasTable = true;
      rendered.push(tableBlock(block.header, block.rows));
    } else {
      rendered.push(
        richList(
          block.rows.map((row) => tableRowText(block.header, row)),
          false,
        ),
      );
    }
  }
  flush();
  return rendered;
}

function fitsTableBlock(block: Extract<ViewBlock, { kind: 'table' }>): boolean {
  const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  return columns <= TABLE_MAX_COLUMNS && block.rows.length + (block.header.length > 0 ? 1 : 0) <= TABLE_MAX_ROWS;
}

function tableBlock(header: string[], rows: string[][]): KnownBlock {
  const columns = Math.max(header.length, ...rows.map((row) => row.length));
  const pad = (row: string[]) => Array.from({ length: columns }, (_unused, column) => clip(row[column] ?? ''));
  const headerRow =
    header.length > 0
      ? [
          pad(header).map((cell) => ({
            type: 'rich_text' as const,
            elements: [
              {
                type: 'rich_text_section' as const,
                elements: [{ type: 'text' as const, text: cell, style: { bold: true } }],
              },
            ],
          })),
        ]
      : [];
  return {
    type: 'table',
    column_settings: [{ is_wrapped: true }],
    rows: [...headerRow, ...rows.map((row) => pad(row).map((cell) => ({ type: 'raw_text' as const, text: cell })))],
  };
}

function richList(items: string[], ordered: boolean): KnownBlock {
  return {
    type: 'rich_text',
    elements: [
      {
        type: 'rich_text_list',
        style: ordered ? 'ordered' : 'bullet',
        indent: 0,
        elements: items.map((item): RichTextSection => ({ type: 'rich_text_section', elements: inline(item) })),
      },
    ],
  };
}

/** The engine's inline markdown (`**bold**`, `[label](https://…)`) as rich-text elements; the rest is plain text. */
export function inline(text: string): RichTextElement[] {
  const elements: RichTextElement[] = [];
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) elements.push({ type: 'text', text: text.slice(at, match.index) });
    if (match[1] !== undefined) elements.push({ type: 'text', text: match[1], style: { bold: true } });
    else elements.push({ type: 'link', url: match[3] as string, text: match[2] as string });
    at = match.index + match[0].length;
  }
  if (at < text.length) elements.push({ type: 'text', text: text.slice(at) });
  return elements.length > 0 ? elements : [{ type: 'text', text: ' ' }];
}

/** Splits mrkdwn on paragraph breaks into pieces Slack accepts as section text. */
export function splitForSections(text: string): string[] {
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
  return chunks;
}

function clip(text: string): string {
  const cell = text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text;
  return cell === '' ? '–' : cell;
}
