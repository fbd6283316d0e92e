import type { Citation } from '../answer/answer.js';
import { formatDate } from '../knowledge/format.js';
import type { LevyResult } from './calculate-levy.js';
import { citationNumbers, renderLine, renderOtherSources } from './render-text.js';
import { taxYearInWords } from './tax-year.js';

/** The levy result as plain text with light markdown, each line with its arithmetic. */
export function renderLevyText(result: LevyResult, citations?: Citation[]): string {
  const numbers = citationNumbers(citations);
  const parts = [
    `**Apprenticeship Levy for the ${taxYearInWords(result.taxYear)} tax year** (rules in force on ${formatDate(result.rulesDate)})`,
    ...result.lines.map((line) => renderLine(line, numbers)),
  ];
  if (result.notes.length > 0) parts.push('', ...result.notes.map((note) => `- ${note}`));
  if (result.questions.length > 0) parts.push('', '**Still to check**', ...result.questions.map((q) => `- ${q}`));
  parts.push('', 'Amounts are rounded to the nearest penny.');
  parts.push(
    ...renderOtherSources(
      citations,
      result.lines.map((line) => line.articleIds),
    ),
  );
  return parts.join('\n');
}
