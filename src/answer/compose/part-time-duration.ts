import { figureAsOf } from '../../knowledge/figure-as-of.js';
import { formatDate } from '../../knowledge/format.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import type { Worked } from './arithmetic.js';
import { kindsAsked } from './figure-kind.js';
import { statedFigure } from './lead.js';

/** "37.5 hours a week", "35hrs/wk", "on 24 hrs". */
export function hoursPerWeek(question: string): number | undefined {
  const stated = /(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b(?:\s*(?:a|per|\/|each)\s*(?:week|wk))?/i.exec(question);
  return stated ? Number(stated[1]) : undefined;
}

/**
 * The shortest an apprenticeship can be for someone on part-time hours, worked from the held figures: before 1 August
 * 2025 the minimum was extended pro rata (12 months × 30 ÷ weekly hours); the 8-month minimum since then is not.
 * Asked of the message itself or, for "n if shes on 24 hrs?", of the duration question it follows.
 */
export function workPartTimeDuration(
  knowledge: Knowledge,
  question: string,
  date: string,
  subject?: string,
): Worked | undefined {
  const asksDuration = (text: string | undefined) => text !== undefined && (kindsAsked(text).duration ?? 0) >= 0.7;
  if (!asksDuration(question) && !asksDuration(subject)) return undefined;
  const hours = hoursPerWeek(question) ?? Number.NaN;
  const minimum = knowledge.facts.get('apprenticeship.minimum-duration');
  const fullTime = knowledge.facts.get('apprenticeship.full-time-hours');
  const months = minimum ? figureAsOf(minimum, date) : undefined;
  const basis = fullTime ? figureAsOf(fullTime, date) : undefined;
  if (!minimum || !fullTime || !months || !basis || !(hours > 0)) return undefined;
  const full = Number(basis.value);
  if (hours >= full) return undefined;
  const facts = [minimum, fullTime];
  const figures = [statedFigure(minimum, months), statedFigure(fullTime, basis)];
  const start = formatDate(date);
  // The pro rata extension belongs to the rule that ended on 31 July 2025 (a value with an end date).
  if (months.to !== undefined) {
    const extended = Math.round(((Number(months.value) * full) / hours) * 10) / 10;
    return {
      text: `For an apprenticeship starting on ${start} at ${hours} hours a week the minimum duration is ${extended} months: ${months.value} months × ${full} ÷ ${hours} = ${extended}. The ${months.value}-month minimum (from ${formatDate(months.from)}) was extended pro rata for under ${full} hours a week.`,
      figures,
      facts,
    };
  }
  return {
    text: `For an apprenticeship starting on ${start} the minimum duration is ${months.value} months at any weekly hours, including ${hours} hours a week (rule from ${formatDate(months.from)}): it is no longer extended pro rata, but the training plan must be realistic for the hours worked.`,
    figures: [statedFigure(minimum, months)],
    facts: [minimum],
  };
}
