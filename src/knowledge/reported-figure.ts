import type { Fact, FactValue } from './fact-schema.js';
import { formatFigure, MONTHS } from './format.js';

/** A value as a person reads it, with the source's own hedge: "nearly 300", "£14.80 an hour". */
export function figureText(fact: Pick<Fact, 'unit'>, entry: Pick<FactValue, 'value' | 'qualifier'>): string {
  const text = formatFigure(entry.value, fact.unit);
  return entry.qualifier ? `${entry.qualifier} ${text}` : text;
}

/** Whether each value of the fact is a count reported on a date rather than a value set to apply from it. */
export function isReported(fact: Pick<Fact, 'kind'>): boolean {
  return fact.kind === 'reported';
}

/** "November 2018". */
export function formatMonth(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "reported in November 2018". */
export function reportedIn(entry: Pick<FactValue, 'from'>): string {
  return `reported in ${formatMonth(entry.from)}`;
}
