import { figureAsOf } from './figure-as-of.js';
import { formatDate } from './format.js';
import type { Knowledge } from './knowledge.js';
import { figureText, formatMonth, isReported } from './reported-figure.js';

/**
 * `{{fact:llw.rate}}` is the figure in force; `{{from:llw.rate}}` the date it applies from, or for a reported count the
 * month it was reported ("November 2018").
 */
export const FACT_REFERENCE = /\{\{(fact|from):([a-z0-9._-]+)\}\}/g;

export function factKeysIn(text: string): string[] {
  return [...new Set([...text.matchAll(FACT_REFERENCE)].map((match) => match[2] as string))];
}

/** Writes the figures into article text as they stood on `asOfIso`. */
export function renderFactReferences(text: string, knowledge: Pick<Knowledge, 'facts'>, asOfIso: string): string {
  return text.replace(FACT_REFERENCE, (whole, kind: string, key: string) => {
    const fact = knowledge.facts.get(key);
    if (!fact) return whole;
    const entry = figureAsOf(fact, asOfIso);
    if (!entry) return kind === 'fact' ? '(no figure in the sources for that date)' : '(date not known)';
    if (kind === 'fact') return figureText(fact, entry);
    return isReported(fact) ? formatMonth(entry.from) : formatDate(entry.from);
  });
}
