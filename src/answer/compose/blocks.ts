import type { AnswerBlock } from '../answer.js';

const LIST_ITEM = /^\s*(?:[-*]|(\d+)[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|/;

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/** Markdown passage → blocks: paragraphs, whole lists (numbered from 1), tables without separator or empty rows. */
export function parseBlocks(markdown: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  const lines = markdown.split('\n');
  let position = 0;
  while (position < lines.length) {
    const line = lines[position] ?? '';
    if (line.trim() === '') {
      position += 1;
      continue;
    }
    if (TABLE_ROW.test(line)) {
      const rows: string[][] = [];
      while (position < lines.length && TABLE_ROW.test(lines[position] ?? '')) {
        const cells = cellsOf(lines[position] ?? '');
        if (!cells.every((cell) => /^:?-*:?$/.test(cell))) rows.push(cells);
        position += 1;
      }
      const [header = [], ...body] = rows;
      const hasHeader = header.some((cell) => cell !== '');
      const table = hasHeader ? { header, rows: body } : { header: [], rows: body };
      if (table.rows.length > 0) blocks.push({ kind: 'table', ...table });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = item[1] !== undefined;
      const items: string[] = [];
      while (position < lines.length) {
        const next = LIST_ITEM.exec(lines[position] ?? '');
        if (next) items.push((next[2] as string).trim());
        else if (/^\s{2,}\S/.test(lines[position] ?? '') && items.length > 0) {
          items[items.length - 1] = `${items[items.length - 1]} ${(lines[position] ?? '').trim()}`;
        } else break;
        position += 1;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (position < lines.length) {
      const next = lines[position] ?? '';
      if (next.trim() === '' || TABLE_ROW.test(next) || LIST_ITEM.test(next)) break;
      paragraph.push(next.trim());
      position += 1;
    }
    blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
  }
  return blocks;
}

/** A table row as one bullet: "From 1 April 2026: NLW £12.71 (21+); 18 to 20 £10.85". */
export function tableRowText(header: string[], row: string[]): string {
  if (header.length === 0) return row.filter((cell) => cell !== '').join('; ');
  const [first = '', ...rest] = row;
  const pairs = rest
    .map((cell, column) => {
      const label = header[column + 1] ?? '';
      if (cell === '') return '';
      // "Level: Level 2" reads twice; a cell that starts with its own heading stands alone.
      return label === '' || cell.toLowerCase().startsWith(label.toLowerCase()) ? cell : `${label} ${cell}`;
    })
    .filter((pair) => pair !== '');
  // A date-like first column ("From": "1 April 2026") keeps its heading; a name column does not need it.
  const lead = /^(from|date|year|since|until)$/i.test(header[0] ?? '') ? `${header[0]} ${first}` : first;
  return pairs.length > 0 ? `${lead}: ${pairs.join('; ')}` : lead;
}

/** Blocks as plain text with light markdown: lists as bullets or numbers from 1, tables as one bullet a row. */
export function blocksToText(blocks: AnswerBlock[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return block.text;
      if (block.kind === 'list') {
        return block.items.map((item, n) => (block.ordered ? `${n + 1}. ${item}` : `- ${item}`)).join('\n');
      }
      return block.rows.map((row) => `- ${tableRowText(block.header, row)}`).join('\n');
    })
    .join('\n\n');
}
