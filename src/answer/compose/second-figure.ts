import type { Fact } from '../../knowledge/fact-schema.js';
import { type KindsAsked, kindFit } from './figure-kind.js';

/** Questions that ask for both ends of a range ("what age range", "funding bands range from what to what"). */
export const ASKS_FOR_RANGE =
  /\brange\b|\bfrom what to what\b|\bmin(?:imum)? and max(?:imum)?\b|\blowest and highest\b|\byoungest and oldest\b/i;

/**
 * A second figure to state beside the lead: the other end of a range the question asks for (the youngest age beside
 * the oldest), else a figure of another kind from the same article ("who pays the levy": the rate and the threshold).
 */
export function secondFigure(
  lead: Fact,
  facts: readonly Fact[],
  asked: KindsAsked,
  question: string,
  allFacts: readonly Fact[] = facts,
): Fact | undefined {
  const sameArticle = facts.filter((fact) => fact !== lead && fact.article === lead.article);
  if (ASKS_FOR_RANGE.test(question)) {
    const otherEnd = sameArticle.find((fact) => fact.unit === lead.unit);
    if (otherEnd) return otherEnd;
  }
  const pair = allFacts.find(
    (fact) => fact !== lead && fact.article === lead.article && fact.unit === lead.unit && isPairOf(fact, lead),
  );
  if (pair) return pair;
  return sameArticle.find((fact) => fact.unit !== lead.unit && kindFit(fact.unit, asked) >= 0);
}

/**
 * Two figures named alike but for one word ("the first £500 of the incentive" and "the second £500"): the other
 * half of what the lead states.
 */
export function isPairOf(fact: Fact, lead: Fact): boolean {
  const words = (label: string) => new Set(label.toLowerCase().split(/\s+/));
  const a = words(fact.label);
  const b = words(lead.label);
  const differ = [...a].filter((word) => !b.has(word)).length + [...b].filter((word) => !a.has(word)).length;
  return differ <= 2 && a.size >= 4;
}

/**
 * In a period asked about ("in 2021"), the figure that took over when the lead's value ended: another figure of the
 * same article and unit whose value began after the lead's ended and within the period (the £2,000 COVID incentive
 * ended in January 2021; the £3,000 one ran from April to September).
 */
export function successorDuring(
  lead: Fact,
  allFacts: readonly Fact[],
  period: { start: string; end: string },
  fits: (fact: Fact) => boolean = () => true,
): Fact | undefined {
  const ended = lead.values
    .filter((entry) => entry.from <= period.end && entry.to !== undefined && entry.to >= period.start)
    .map((entry) => entry.to as string)
    .sort()
    .pop();
  if (ended === undefined || ended >= period.end) return undefined;
  return allFacts.find(
    (fact) =>
      fact !== lead &&
      fact.article === lead.article &&
      fact.unit === lead.unit &&
      fits(fact) &&
      fact.values.some((entry) => entry.from > ended && entry.from <= period.end),
  );
}
