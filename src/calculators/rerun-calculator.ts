import type { Answer } from '../answer/answer.js';
import { formatDate } from '../knowledge/format.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { nextTaxYear, previousTaxYear } from '../understand/values/index.js';
import { answerFromValues, askFor, parseRun } from './answer-with-tools.js';
import { type CalculatorDates, type CalculatorKind, calculatorAnswer } from './calculator-answer.js';
import { readCoInvestmentQuestion, readEligibilityQuestion, readLevyQuestion } from './read-question.js';
import { money, share } from './shared/money.js';
import { taxYearContaining, taxYearInWords } from './shared/tax-year.js';

/** The calculation a follow-up refers to: what `Answer.calculation` holds. */
export type PreviousCalculation = { kind: CalculatorKind; inputs: Record<string, unknown> };

const YEAR_BEFORE =
  /\b(?:the )?(?:year|tax year) before\b|\bprevious (?:tax )?year\b|\blast (?:tax )?year\b|\ba year earlier\b/i;
const YEAR_AFTER =
  /\b(?:the )?(?:year|tax year) after\b|\bnext (?:tax )?year\b|\ba year later\b|\bfollowing (?:tax )?year\b/i;

const LABELS: Record<string, string> = {
  payBill: 'pay bill',
  payBillParts: 'pay bills of the connected companies',
  englandShare: 'share of the pay bill for employees living in England',
  isConnected: 'connected companies',
  allowanceShare: 'share of the allowance',
  taxYear: 'tax year',
  apprenticeshipPrice: 'price of one apprenticeship',
  apprenticeAge: 'apprentice’s age',
  price: 'course price',
  age: 'age',
  startDate: 'start date',
  level: 'apprenticeship level',
  priorQualificationLevel: 'highest prior qualification',
  hoursPerWeek: 'hours a week',
  durationMonths: 'planned duration',
  levyPayer: 'pays the levy',
  employeeCount: 'number of employees',
};

function shiftYear(isoDate: unknown, years: number): string | undefined {
  if (typeof isoDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return undefined;
  const shifted = `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
  return shifted.endsWith('-02-29') ? `${shifted.slice(0, 8)}28` : shifted;
}

/** The values a follow-up message changes, read with the same readers as a first question. */
export function readChanges(
  kind: CalculatorKind,
  message: string,
  previous: Record<string, unknown>,
  asOf: string,
): Record<string, unknown> {
  const years = YEAR_BEFORE.test(message) ? -1 : YEAR_AFTER.test(message) ? 1 : 0;
  if (kind === 'levy') {
    const changes: Record<string, unknown> = { ...readLevyQuestion(message) };
    // A new single pay bill replaces a connected group's parts.
    if (changes.payBill !== undefined && changes.payBillParts === undefined) changes.payBillParts = undefined;
    if (years !== 0 && changes.taxYear === undefined) {
      const taxYear = typeof previous.taxYear === 'string' ? previous.taxYear : taxYearContaining(asOf);
      changes.taxYear = years < 0 ? previousTaxYear(taxYear) : nextTaxYear(taxYear);
    }
    return changes;
  }
  const read =
    kind === 'eligibility' ? readEligibilityQuestion(message, asOf) : readCoInvestmentQuestion(message, asOf);
  const changes: Record<string, unknown> = { ...read };
  if (years !== 0 && changes.startDate === undefined) {
    const shifted = shiftYear(previous.startDate ?? asOf, years);
    if (shifted) changes.startDate = shifted;
  }
  if (
    kind === 'co-investment' &&
    /\b(?:if|what if|and if) (?:they|we|it|the employer) (?:paid|pays|paying) the levy\b/i.test(message)
  ) {
    changes.levyPayer = 'yes';
  }
  return changes;
}

function describe(key: string, value: unknown): string {
  if (value === undefined) return 'not given';
  if (key === 'englandShare' || key === 'allowanceShare')
    return typeof value === 'number' ? share(value) : String(value);
  if (key === 'payBill' || key === 'price' || key === 'apprenticeshipPrice') {
    return typeof value === 'number' ? money(value) : String(value);
  }
  if (key === 'payBillParts')
    return Array.isArray(value) ? value.map((part) => money(Number(part))).join(' + ') : 'none';
  if (key === 'taxYear') return typeof value === 'string' ? taxYearInWords(value) : String(value);
  if (key === 'startDate') return typeof value === 'string' ? formatDate(value) : String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * Re-runs the calculation a follow-up refers to ("and if a quarter of them live in Wales?", "what about the year
 * before?") with the changed values, and says first what changed. `changes` is the follow-up message, or values
 * already read from it. When nothing in the message changes an input, the answer asks what should change.
 */
export function rerunCalculator(
  knowledge: Knowledge,
  previous: PreviousCalculation,
  changes: string | Record<string, unknown>,
  dates: CalculatorDates,
): Answer {
  const read = typeof changes === 'string' ? readChanges(previous.kind, changes, previous.inputs, dates.asOf) : changes;
  const merged: Record<string, unknown> = { ...previous.inputs };
  const changed: string[] = [];
  for (const [key, value] of Object.entries(read)) {
    if (JSON.stringify(previous.inputs[key]) === JSON.stringify(value)) continue;
    if (value === undefined && previous.inputs[key] === undefined) continue;
    if (value === undefined) delete merged[key];
    else merged[key] = value;
    if (key === 'payBillParts' || key === 'isConnected') continue;
    changed.push(`${LABELS[key] ?? key}: ${describe(key, previous.inputs[key])} → ${describe(key, value)}`);
  }
  if (changed.length === 0) {
    return askFor(
      previous.kind,
      dates.asOf,
      'I could not tell what to change in the last calculation. Which value is different?',
      ['For example: a different pay bill, a share living outside England, another tax year, age or start date.'],
    );
  }
  const run = parseRun(previous.kind, merged);
  if (!run.ok) return answerFromValues(knowledge, previous.kind, merged, dates);
  const answer = calculatorAnswer(knowledge, run.value, dates);
  const what = `**What changed:** ${changed.join('; ')}.`;
  return {
    ...answer,
    text: `${what}\n\n${answer.text}`,
    ...(answer.working && { working: `${what}\n\n${answer.working}` }),
  };
}
