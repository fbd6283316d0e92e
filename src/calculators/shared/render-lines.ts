import type { Citation } from '../../answer/answer.js';
import type { CalculationLine } from './calculation-line.js';

/** Citation number of each cited article. */
export type CitationNumbers = Map<string, number>;

export function citationNumbers(citations: Citation[] | undefined): CitationNumbers {
  return new Map((citations ?? []).map((citation) => [citation.articleId, citation.n]));
}

/** " [1][3]" for the cited articles among `articleIds`, or nothing. */
export function markers(articleIds: string[] | undefined, numbers: CitationNumbers): string {
  const found = [...new Set((articleIds ?? []).map((id) => numbers.get(id)).filter((n) => n !== undefined))];
  return found.length > 0 ? ` ${found.map((n) => `[${n}]`).join('')}` : '';
}

/** "- Label: **value** — arithmetic [n]" */
export function renderLine(line: CalculationLine, numbers: CitationNumbers = new Map()): string {
  const value = line.value === 'not held' ? 'not held' : `**${line.value}**`;
  return `- ${line.label}: ${value} — ${line.arithmetic}${markers(line.articleIds, numbers)}`;
}

/** "Also from: [7] [9]" for citations no line is marked with (the notes draw on them), or nothing. */
export function renderOtherSources(
  citations: Citation[] | undefined,
  markedArticleIds: (string[] | undefined)[],
): string[] {
  const marked = new Set(markedArticleIds.flatMap((ids) => ids ?? []));
  const others = (citations ?? []).filter((citation) => !marked.has(citation.articleId));
  if (others.length === 0) return [];
  return ['', `Also from: ${others.map((citation) => `[${citation.n}]`).join(' ')}`];
}
