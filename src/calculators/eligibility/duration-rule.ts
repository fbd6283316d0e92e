import { formatDate } from '../../knowledge/format.js';
import type { CalculationLine } from '../shared/calculation-line.js';
import type { FigureReader } from '../shared/figure-reader.js';
import type { EligibilityInput } from './eligibility-input.js';
import type { EligibilityRule } from './eligibility-rule.js';

export type Duration = { line: CalculationLine; months?: number; question?: string };

/**
 * The minimum length at the contracted hours. Until fixed off-the-job hours came in, part-time apprenticeships were
 * lengthened pro rata to the full-time week; from then on they are not, so the facts in force decide which applies.
 */
export function minimumDuration(
  reader: FigureReader,
  hours: number | undefined,
  date: string,
  notes: string[],
): Duration {
  const line = (value: string, arithmetic: string, amount?: number): CalculationLine => ({
    id: 'minimum-duration',
    label: 'Minimum duration',
    value,
    ...(amount !== undefined && { amount }),
    arithmetic,
  });
  const minimum = reader.read('apprenticeship.minimum-duration', date);
  const fullTime = reader.read('apprenticeship.full-time-hours', date);
  if (!minimum || !fullTime) {
    const missing = reader
      .missing()
      .find((item) => ['apprenticeship.minimum-duration', 'apprenticeship.full-time-hours'].includes(item.key));
    return { line: line('not held', missing?.message ?? 'not held') };
  }
  /** The minimum as it stands, with the reason it applies at these hours. */
  const unchanged = (arithmetic: string): Duration => ({
    months: minimum.value,
    line: line(minimum.text, arithmetic, minimum.value),
  });
  const fixedHoursRegime = reader.readIfInForce('apprenticeship.otj-minimum-hours', date);
  if (fixedHoursRegime) {
    if (hours !== undefined && hours < fullTime.value) {
      notes.push(
        `From ${formatDate(fixedHoursRegime.from)} a part-time apprenticeship is not lengthened automatically: the plan must be realistic at ${hours} hours a week.`,
      );
    }
    return unchanged(
      `${minimum.text} for starts from ${formatDate(minimum.from)}; part-time apprenticeships are no longer lengthened automatically`,
    );
  }
  if (hours === undefined) {
    return {
      question: 'How many hours a week will they be contracted to work?',
      line: line(
        `${minimum.text} at ${fullTime.text} or more`,
        `${minimum.text} at ${fullTime.text} or more; for fewer hours, ${minimum.value} × ${fullTime.value} ÷ weekly hours`,
        minimum.value,
      ),
    };
  }
  if (hours >= fullTime.value) {
    return unchanged(`${hours} hours a week is at least ${fullTime.text}, so the minimum is ${minimum.text}`);
  }
  const months = (minimum.value * fullTime.value) / hours;
  const monthsText = `${Number(months.toFixed(1))} months`;
  return {
    months,
    line: line(
      monthsText,
      `${minimum.value} × ${fullTime.value} ÷ ${hours} hours a week = ${monthsText} (extended pro rata below ${fullTime.text})`,
      months,
    ),
  };
}

/** The planned length meets the minimum duration at the contracted hours. */
export function durationRule(input: EligibilityInput, duration: Duration): EligibilityRule {
  const base = { id: 'duration', label: 'Duration' };
  if (duration.months === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: `The minimum duration is ${duration.line.value}.`,
      question: duration.question ?? 'Check the minimum duration with the Employment and Skills team.',
    };
  }
  if (input.durationMonths === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: `It must last at least ${duration.line.value}.`,
      question: `How many months will the apprenticeship last (at least ${duration.line.value})?`,
    };
  }
  return input.durationMonths >= duration.months - 1e-9
    ? {
        ...base,
        status: 'passed',
        reason: `${input.durationMonths} months meets the minimum of ${duration.line.value}.`,
      }
    : {
        ...base,
        status: 'failed',
        reason: `${input.durationMonths} months is shorter than the minimum of ${duration.line.value}.`,
      };
}
