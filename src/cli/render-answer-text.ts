import type { Answer, AnswerBlock } from '../answer/answer.js';
import { formatDate } from '../knowledge/format.js';

/** Light markdown as a terminal shows it: no literal `**bold**`, backticks or link syntax. */
export function plainMarkdown(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1 ($2)');
}

/** A table as aligned columns, header underlined; without a header, the rows alone. */
export function alignedTable(header: string[], rows: string[][]): string {
  const all = header.length > 0 ? [header, ...rows] : rows;
  const columns = Math.max(...all.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...all.map((row) => plainMarkdown(row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    widths
      .map((width, column) => plainMarkdown(row[column] ?? '').padEnd(width))
      .join('  ')
      .trimEnd();
  const out = all.map(line);
  if (header.length > 0) out.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return out.join('\n');
}

function blockText(block: AnswerBlock): string {
  if (block.kind === 'paragraph') return plainMarkdown(block.text);
  if (block.kind === 'list') {
    return block.items.map((item, n) => `${block.ordered ? `${n + 1}.` : '-'} ${plainMarkdown(item)}`).join('\n');
  }
  return alignedTable(block.header, block.rows);
}

/** An answer as plain terminal text: the answer, any notice, then numbered sources with their review dates. */
export function renderAnswerText(answer: Answer): string {
  const body =
    answer.blocks && answer.blocks.length > 0 ? answer.blocks.map(blockText).join('\n\n') : plainMarkdown(answer.text);
  const lines = [body];
  // `needs` is data: the calculators already list what they still need in the text, once.
  if (answer.notice) lines.push('', `Note: ${answer.notice}`);
  if (answer.citations.length > 0) {
    lines.push('', 'Sources:');
    for (const citation of answer.citations) {
      const due = citation.isDueForReview ? ' — due for review' : '';
      lines.push(
        `[${citation.n}] ${citation.title} — ${citation.heading} (last reviewed ${formatDate(citation.reviewed)}${due})`,
        `    ${citation.sourceTitle}${citation.url ? `: ${citation.url}` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

/** A calculator's answer as the calculator commands print it: the answer, the working with `--verbose`, the sources. */
export function renderCalculatorText(answer: Answer, verbose: boolean): string {
  const parts = [answer.text];
  if (verbose && answer.working) parts.push('', '**Working**', answer.working);
  if (answer.citations.length > 0) {
    parts.push(
      '',
      ...answer.citations.map(
        (citation) => `[${citation.n}] ${citation.title}${citation.url ? `: ${citation.url}` : ''}`,
      ),
    );
  }
  return `${parts.join('\n')}\n`;
}
