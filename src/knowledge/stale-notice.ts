import type { Fact } from './fact-schema.js';
import { figureAsOf, nextFigureAfter } from './figure-as-of.js';
import { formatDate, formatFigure } from './format.js';

/** The first day after `isoDate` on which a figure that changes each year from `monthDay` is next expected to. */
export function nextExpectedChange(isoDate: string, monthDay: string): string {
  const year = Number(isoDate.slice(0, 4));
  const thisYear = `${year}-${monthDay}`;
  return thisYear > isoDate ? thisYear : `${year + 1}-${monthDay}`;
}

/**
 * When the date asked is past a figure's next expected change and no newer value is held, the sentence that says
 * so and where to check; otherwise undefined. Every answer or calculator line that states the figure adds it.
 */
export function staleNotice(fact: Fact, asOf: string): string | undefined {
  if (!fact.changes) return undefined;
  const held = figureAsOf(fact, asOf);
  if (!held || held.to !== undefined || nextFigureAfter(fact, held.from)) return undefined;
  if (nextExpectedChange(held.from, fact.changes.yearlyFrom) > asOf) return undefined;
  return `That is the latest ${lowerLabel(fact.label)} held (${formatFigure(held.value, fact.unit)} from ${formatDate(held.from)}): ${fact.changes.expected}, so check ${fact.changes.check} for a newer one.`;
}

function lowerLabel(label: string): string {
  return /^(London|National|UK|Hackney|Apprenticeship)/.test(label)
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}
