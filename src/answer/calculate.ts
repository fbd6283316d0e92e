import {
  answerFromValues,
  type CalculatorKind,
  CoInvestmentInput,
  EligibilityInput,
  LevyInput,
  levyPayerForPayBill,
} from '../calculators/index.js';
import { formatDate, formatMoney } from '../knowledge/format.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { type CalculatorInputs, type CalculatorRequest, payBillPartsOf } from '../understand/index.js';
import type { Answer } from './answer.js';
import { separateEmployersAnswer } from './separate-employers.js';

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

/** One changed calculator input, in words: "England share 75%". */
function describeInput(key: string, value: string | number | boolean): string {
  const yesNo = (label: string) =>
    `${label}: ${value === true || value === 'yes' ? 'yes' : value === false || value === 'no' ? 'no' : String(value)}`;
  switch (key) {
    case 'payBill':
      return `pay bill ${formatMoney(Number(value))}`;
    case 'payBillParts':
      return `the group's pay bills ${(payBillPartsOf({ payBillParts: value }) ?? []).map((part) => formatMoney(part)).join(' + ')}`;
    case 'englandShare':
      return `England share ${percent(Number(value))}`;
    case 'allowanceShare':
      return `allowance share ${percent(Number(value))}`;
    case 'isConnected':
      return yesNo('connected companies');
    case 'taxYear': {
      const start = Number(String(value).slice(0, 4));
      return `tax year ${start} to ${start + 1}`;
    }
    case 'apprenticeshipPrice':
      return `apprenticeship price ${formatMoney(Number(value))}`;
    case 'bandMaximum':
      return `band maximum ${formatMoney(Number(value))}`;
    case 'apprenticeAge':
    case 'age':
      return `age ${value}`;
    case 'employeeCount':
      return `employees ${value}`;
    case 'startDate':
      return `start date ${formatDate(String(value))}`;
    case 'level':
      return `level ${value}`;
    case 'hoursPerWeek':
      return `${value} hours a week`;
    case 'durationMonths':
      return `${value} months`;
    default:
      return `${key.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${String(value)}`;
  }
}

export function describeChanges(changed: CalculatorInputs): string {
  return Object.entries(changed)
    .filter(([key, value]) => !(key === 'payBillParts' && value === ''))
    .map(([key, value]) => describeInput(key, value))
    .join(', ');
}

/**
 * Runs the calculator the understanding step chose, with the values it read; a follow-up's answer opens with what
 * changed from the calculation before it. `asOf` is the date asked about: the calculators read a tax year or start
 * date themselves, so the chat applies the same rule date to a tax year as the CLI and the forms.
 */
export function calculate(knowledge: Knowledge, request: CalculatorRequest, asOf: string, today: string): Answer {
  const kind: CalculatorKind = request.kind === 'co_investment' ? 'co-investment' : request.kind;
  const inputs: Record<string, unknown> = { ...request.inputs };
  if (kind === 'co-investment' && inputs.price === undefined && inputs.apprenticeshipPrice !== undefined) {
    // The labelled examples name a course price as the levy calculator does.
    inputs.price = inputs.apprenticeshipPrice;
  }
  if (
    kind === 'co-investment' &&
    inputs.hasEhcPlanOrIsCareLeaver === undefined &&
    typeof inputs.apprenticeHasEhcPlanOrIsCareLeaver === 'boolean'
  ) {
    inputs.hasEhcPlanOrIsCareLeaver = inputs.apprenticeHasEhcPlanOrIsCareLeaver ? 'yes' : 'no';
  }
  if (kind === 'co-investment' && inputs.levyPayer === undefined && typeof inputs.payBill === 'number') {
    // A pay bill decides whether the employer pays the levy ("and with a 5m pay bill?" after a course price).
    const date = typeof inputs.startDate === 'string' ? inputs.startDate : asOf;
    const levyPayer = levyPayerForPayBill(knowledge, inputs.payBill, date);
    if (levyPayer !== undefined) inputs.levyPayer = levyPayer;
  }
  // Connected companies' pay bills travel as "4000000+3000000" (the understanding step keeps plain values).
  const parts = payBillPartsOf(request.inputs);
  // Parts that no longer add up to the pay bill (a follow-up changed it) no longer describe the group.
  const partsHold =
    parts !== undefined && Math.abs(parts.reduce((sum, part) => sum + part, 0) - Number(inputs.payBill)) < 0.01;
  if (partsHold) inputs.payBillParts = parts;
  else delete inputs.payBillParts;
  if (kind === 'levy' && inputs.isConnected === false && partsHold && parts !== undefined && parts.length > 1) {
    const separate = separateEmployersAnswer(
      knowledge,
      parts,
      {
        ...(typeof inputs.taxYear === 'string' && { taxYear: inputs.taxYear }),
        ...(typeof inputs.englandShare === 'number' && { englandShare: inputs.englandShare }),
      },
      { asOf, today },
    );
    if (separate) return withChanges(separate, request.changed);
  }
  const schema = kind === 'eligibility' ? EligibilityInput : kind === 'levy' ? LevyInput : CoInvestmentInput;
  // Only the fields the chosen calculator takes (a co-investment question also says whether they pay the levy).
  const fields = new Set(Object.keys(schema.shape));
  const values = Object.fromEntries(Object.entries(inputs).filter(([key]) => fields.has(key)));
  return withChanges(answerFromValues(knowledge, kind, values, { asOf, today }), request.changed);
}

/** A follow-up's answer opens with what changed from the calculation before it. */
function withChanges(answer: Answer, changed: CalculatorInputs | undefined): Answer {
  if (changed === undefined) return answer;
  const changes = describeChanges(changed);
  return { ...answer, text: `${changes ? `Changed: ${changes}.` : 'Nothing I could read changed.'}\n\n${answer.text}` };
}
