import type { AnswerBlock } from '../answer/answer.js';
import { parseBlocks } from '../answer/compose/blocks.js';

/** One piece of an answer's structure as every transport receives it: whole lists, tables with real headers. */
export type ViewBlock = AnswerBlock;

/**
 * The answer's structure for the view: the engine's blocks when it gives them (the text otherwise, read the same
 * way), with citation markers kept only for sources shown, no empty rows or header, and cut at a whole block when
 * the answer is longer than `limitChars` (a list is never cut part-way).
 */
export function viewBlocks(
  blocks: AnswerBlock[] | undefined,
  text: string,
  keepMarker: (n: number) => boolean,
  limitChars: number,
): { blocks: ViewBlock[]; isClipped: boolean } {
  const markers = (value: string) =>
    value.replace(/\s?\[(\d+)\]/g, (marker, n: string) => (keepMarker(Number(n)) ? marker : '')).trim();
  const source = blocks && blocks.length > 0 ? blocks : parseBlocks(text);
  const cleaned: ViewBlock[] = [];
  for (const block of source) {
    if (block.kind === 'paragraph') {
      const paragraph = markers(block.text);
      if (paragraph !== '') cleaned.push({ kind: 'paragraph', text: paragraph });
    } else if (block.kind === 'list') {
      const items = block.items.map(markers).filter((item) => item !== '');
      if (items.length > 0) cleaned.push({ kind: 'list', ordered: block.ordered, items });
    } else {
      const rows = block.rows.map((row) => row.map(markers)).filter((row) => row.some((cell) => cell !== ''));
      const header = block.header.map(markers);
      if (rows.length > 0) {
        cleaned.push({ kind: 'table', header: header.some((cell) => cell !== '') ? header : [], rows });
      }
    }
  }
  const kept: ViewBlock[] = [];
  let used = 0;
  for (const block of cleaned) {
    used += sizeOf(block);
    if (used > limitChars) return { blocks: kept.length > 0 ? kept : clipFirst(block, limitChars), isClipped: true };
    kept.push(block);
  }
  return { blocks: kept, isClipped: false };
}

function sizeOf(block: ViewBlock): number {
  if (block.kind === 'paragraph') return block.text.length + 2;
  if (block.kind === 'list') return block.items.reduce((total, item) => total + item.length + 3, 0);
  return [block.header, ...block.rows].reduce((total, row) => total + row.join(' | ').length + 1, 0);
}

/** A first block too long for the limit on its own: a paragraph is cut with an ellipsis, a structure is dropped. */
function clipFirst(block: ViewBlock, limitChars: number): ViewBlock[] {
  if (block.kind !== 'paragraph') return [];
  return [{ kind: 'paragraph', text: `${block.text.slice(0, limitChars - 1).trimEnd()}…` }];
}
