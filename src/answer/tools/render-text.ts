import type { Citation } from '../answer.js';
import type { CalculationLine } from './tool-result.js';

/** "- Label: **value** — arithmetic" */
export function renderLine(line: CalculationLine): string {
  const value = line.value === 'not held' ? 'not held' : `**${line.value}**`;
  return `- ${line.label}: ${value} — ${line.arithmetic}`;
}

/** "Sources: [1] [2]" for the citations that go with a calculator answer, or nothing without them. */
export function renderSourceMarkers(citations: Citation[] | undefined): string[] {
  if (!citations || citations.length === 0) return [];
  return ['', `Sources: ${citations.map((citation) => `[${citation.n}]`).join(' ')}`];
}
