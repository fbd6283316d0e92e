import {
  readCoInvestmentQuestion,
  readEligibilityQuestion,
  readLevyPayer,
  readLevyQuestion,
} from '../calculators/read-question.js';
import { normalise } from './features.js';
import type { CalculatorInputs, CalculatorKind } from './understanding.js';

/** Fewer staff than this: a small employer. */
const SMALL_EMPLOYER = 50;

const PAY_BILL = /\b(?:pay ?bill|payroll|wage bill|salary bill)\b/;

/** Connected companies' pay bills as calculator inputs carry them: "4000000+3000000" ("" for none left). */
export function joinPayBillParts(parts: readonly number[]): string {
  return parts.join('+');
}

/** The pay bills of connected companies a calculation carries, if it carries any. */
export function payBillPartsOf(inputs: CalculatorInputs): number[] | undefined {
  const parts = inputs.payBillParts;
  return typeof parts === 'string' && parts !== '' ? parts.split('+').map(Number) : undefined;
}

function defined(values: Record<string, unknown>): CalculatorInputs {
  const inputs: CalculatorInputs = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') inputs[key] = value;
    // Connected companies' pay bills, kept as one value so a follow-up can take them apart again.
    else if (Array.isArray(value) && value.every((part) => typeof part === 'number'))
      inputs[key] = joinPayBillParts(value);
  }
  return inputs;
}

/** The values a message gives the calculator it asks for, read by the calculators' own readers. */
export function readCalculatorInputs(kind: CalculatorKind, message: string, asOf: string): CalculatorInputs {
  if (kind === 'eligibility') return defined(readEligibilityQuestion(message, asOf));
  const inputs = defined(readLevyQuestion(message, asOf));
  if (kind === 'co_investment') {
    // The amount in a co-investment question is the course price, unless it is named as the pay bill.
    if (
      inputs.payBill !== undefined &&
      inputs.apprenticeshipPrice === undefined &&
      !PAY_BILL.test(normalise(message))
    ) {
      inputs.apprenticeshipPrice = inputs.payBill;
      delete inputs.payBill;
    }
    // When the apprenticeship starts decides which rules apply ("starting in jan" is 1 January).
    const read = readCoInvestmentQuestion(message, asOf);
    if (read.startDate !== undefined && inputs.startDate === undefined) inputs.startDate = read.startDate;
    if (read.levyFundsUsedUp !== undefined) inputs.levyFundsUsedUp = read.levyFundsUsedUp;
    if (read.bandMaximum !== undefined) inputs.bandMaximum = read.bandMaximum;
    if (read.price !== undefined && inputs.apprenticeshipPrice === undefined) inputs.apprenticeshipPrice = read.price;
    const levyPayer = readLevyPayer(message);
    if (levyPayer !== undefined) inputs.levyPayer = levyPayer;
    // The levy is paid on pay bills over £3m: an employer of under 50 staff, with no pay bill or levy status given,
    // is read as not paying it (the calculator's working shows this as the employer's levy status).
    else if (
      typeof inputs.employeeCount === 'number' &&
      inputs.employeeCount < SMALL_EMPLOYER &&
      inputs.payBill === undefined
    ) {
      inputs.levyPayer = 'no';
    }
  }
  return inputs;
}
