import { formatDate } from '../../knowledge/format.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { type FundingSplit, splitFunding } from '../co-investment/funding-split.js';
import { type CalculationLine, figureLine, type ResultSources } from '../shared/calculation-line.js';
import { createFigureReader, type Figure, type FigureReader } from '../shared/figure-reader.js';
import { money, moneyFromPence, percentOf, scalePence, share, toPence, toPounds } from '../shared/money.js';
import { rulesDateFor, taxYearContaining, taxYearDates, taxYearInWords } from '../shared/tax-year.js';
import type { LevyInput } from './levy-input.js';

export type LevyResult = ResultSources & {
  tool: 'levy';
  input: LevyInput;
  taxYear: string;
  /** Pounds, unrounded; undefined when a figure needed for them is not held. */
  annualLevy?: number;
  monthlyLevy?: number;
  monthlyFunds?: number;
  annualFunds?: number;
  fundsExpireMonths?: number;
  transferLimit?: number;
  /** Who pays for one apprenticeship, when a price was given. */
  funding?: FundingSplit;
  lines: CalculationLine[];
  /** Things worth knowing beside the numbers (changes during the year, what the figures leave out). */
  notes: string[];
  /** Questions still to answer before part of the result can be given. */
  questions: string[];
};

/** Works out the levy, the funds reaching the apprenticeship service account and what they allow, from the facts. */
export function calculateLevy(knowledge: Pick<Knowledge, 'facts'>, input: LevyInput, asOf: string): LevyResult {
  const reader = createFigureReader(knowledge);
  const taxYear = input.taxYear ?? taxYearContaining(asOf);
  const rulesDate = rulesDateFor(taxYear, asOf);
  const lines: CalculationLine[] = [];
  const notes: string[] = [];
  const questions: string[] = [];
  const amounts: Partial<Pick<LevyResult, 'annualLevy' | 'monthlyLevy' | 'monthlyFunds' | 'annualFunds'>> & {
    fundsExpireMonths?: number;
    transferLimit?: number;
  } = {};

  let mark = reader.mark();
  /** Adds a line, noting the articles behind the figures read since the previous line. */
  const add = (line: CalculationLine) => {
    lines.push({ ...line, articleIds: reader.articlesSince(mark) });
    mark = reader.mark();
  };
  const notHeld = (id: string, label: string, key: string) => {
    const missing = reader.missing().find((item) => item.key === key);
    add({ id, label, value: 'not held', arithmetic: missing?.message ?? `${label}: no figure is held` });
  };

  const rate = reader.read('levy.rate', rulesDate);
  const allowance = reader.read('levy.allowance', rulesDate);
  if (!rate || !allowance) {
    notHeld('annual-levy', 'Levy due a year', rate ? 'levy.allowance' : 'levy.rate');
    return finish();
  }

  // Whole pence throughout: each figure is worked from the annual levy and rounded once.
  const grossPence = percentOf(toPence(input.payBill), rate.value);
  const allowancePence = scalePence(toPence(allowance.value), input.allowanceShare);
  const annualLevyPence = Math.max(0, grossPence - allowancePence);
  const annualLevy = toPounds(annualLevyPence);
  const gross = toPounds(grossPence);
  const allowanceUsed = toPounds(allowancePence);
  amounts.annualLevy = annualLevy;
  const allowanceText =
    input.allowanceShare === 1
      ? `the ${allowance.text} allowance`
      : `${share(input.allowanceShare)} of the ${allowance.text} allowance (${money(allowanceUsed)})`;
  const parts = input.payBillParts ?? [];
  const payBillText =
    parts.length > 1
      ? `(${parts.map((part) => money(part)).join(' + ')} = ${money(input.payBill)})`
      : money(input.payBill);
  const grossText = `${rate.text} × ${payBillText} = ${money(gross)}`;
  if (annualLevy > 0) {
    add({
      id: 'annual-levy',
      label: 'Levy due a year',
      value: money(annualLevy),
      amount: annualLevy,
      arithmetic: `${grossText}; minus ${allowanceText} = ${money(annualLevy)}`,
    });
  } else {
    const threshold =
      input.allowanceShare === 1 ? reader.readIfInForce('levy.pay-bill-threshold', rulesDate) : undefined;
    add({
      id: 'annual-levy',
      label: 'Levy due a year',
      value: money(0),
      amount: 0,
      arithmetic: `${grossText}; ${allowanceText} covers it, so no levy is due${threshold ? ` (no levy is paid on a pay bill of ${threshold.text} or less)` : ''}`,
    });
  }
  if (input.isConnected && input.allowanceShare === 1) {
    notes.push(
      parts.length > 1
        ? `Connected companies or charities share one ${allowance.text} allowance, so their pay bills are added up and the allowance is taken off once.`
        : `Connected companies or charities share one ${allowance.text} allowance. These figures give this employer all of it; if it is split, give this employer's share.`,
    );
  }

  if (annualLevy > 0) {
    const monthlyLevyPence = scalePence(annualLevyPence, 1, 12);
    const monthlyLevy = toPounds(monthlyLevyPence);
    amounts.monthlyLevy = monthlyLevy;
    add({
      id: 'monthly-levy',
      label: 'Levy paid each month through PAYE',
      value: money(monthlyLevy),
      amount: monthlyLevy,
      arithmetic: `${money(annualLevy)} ÷ 12 = ${money(monthlyLevy)}`,
    });

    const topUp = reader.read('levy.government-top-up', rulesDate);
    if (topUp) {
      const inEnglandPence = scalePence(annualLevyPence, input.englandShare);
      const annualFundsPence = scalePence(inEnglandPence, 100 + topUp.value, 100);
      const monthlyFunds = toPounds(scalePence(annualFundsPence, 1, 12));
      const annualFunds = toPounds(annualFundsPence);
      amounts.monthlyFunds = monthlyFunds;
      const inEnglandMonthly = toPounds(scalePence(inEnglandPence, 1, 12));
      const topUpText =
        topUp.value > 0
          ? `plus the ${topUp.text} government top-up = ${money(monthlyFunds)}`
          : `no government top-up (${topUp.text} from ${formatDate(topUp.from)})`;
      add({
        id: 'monthly-funds',
        label: 'Funds entering the apprenticeship service account each month',
        value: money(monthlyFunds),
        amount: monthlyFunds,
        arithmetic: `${money(monthlyLevy)} × ${share(input.englandShare)} of the pay bill for employees living in England = ${money(inEnglandMonthly)}; ${topUpText}`,
      });
      amounts.annualFunds = annualFunds;
      add({
        id: 'annual-funds',
        label: 'Funds available over a year',
        value: money(annualFunds),
        amount: annualFunds,
        arithmetic: `${moneyFromPence(inEnglandPence)} of levy for employees living in England${topUp.value > 0 ? ` plus the ${topUp.text} top-up` : ''} = ${money(annualFunds)}`,
      });
      noteChangeDuringYear(reader, topUp, taxYear, notes);
    } else {
      notHeld(
        'monthly-funds',
        'Funds entering the apprenticeship service account each month',
        'levy.government-top-up',
      );
    }

    const expiry = reader.read('levy.funds-expiry', rulesDate);
    if (expiry) {
      amounts.fundsExpireMonths = expiry.value;
      add(
        figureLine(
          'funds-expiry',
          'Funds expire if not spent within',
          expiry,
          `each month's funds expire ${expiry.text} after they enter the account, oldest first, unless spent`,
        ),
      );
      noteChangeDuringYear(reader, expiry, taxYear, notes);
    } else {
      notHeld('funds-expiry', 'Funds expire if not spent within', 'levy.funds-expiry');
    }

    const transfer = reader.read('levy.transfer-limit', rulesDate);
    if (transfer && amounts.annualFunds !== undefined) {
      const transferLimit = toPounds(percentOf(toPence(amounts.annualFunds), transfer.value));
      amounts.transferLimit = transferLimit;
      add({
        id: 'transfer-limit',
        label: 'Can be transferred to other employers in the year',
        value: money(transferLimit),
        amount: transferLimit,
        arithmetic: `${transfer.text} × ${money(amounts.annualFunds)} = ${money(transferLimit)}`,
      });
      noteChangeDuringYear(reader, transfer, taxYear, notes);
    } else if (!transfer) {
      notHeld('transfer-limit', 'Can be transferred to other employers in the year', 'levy.transfer-limit');
    }
  } else {
    notes.push(
      'No levy is due, so no levy funds reach an apprenticeship service account; the government co-invests in the training instead.',
    );
  }

  if (input.apprenticeshipPrice !== undefined) {
    const fundingMark = reader.mark();
    const funding = splitFunding(reader, {
      date: rulesDate,
      levyPayer: annualLevy > 0 ? 'yes' : 'no',
      hasEhcPlanOrIsCareLeaver:
        input.apprenticeHasEhcPlanOrIsCareLeaver === undefined
          ? 'unknown'
          : input.apprenticeHasEhcPlanOrIsCareLeaver
            ? 'yes'
            : 'no',
      price: input.apprenticeshipPrice,
      ...(input.bandMaximum !== undefined && { bandMaximum: input.bandMaximum }),
      ...(input.apprenticeAge !== undefined && { age: input.apprenticeAge }),
      ...(input.employeeCount !== undefined && { employeeCount: input.employeeCount }),
    });
    const fundingArticles = reader.articlesSince(fundingMark);
    lines.push(...funding.lines.map((line) => ({ ...line, articleIds: fundingArticles })));
    notes.push(funding.summary);
    if (funding.question) questions.push(funding.question);
    return finish(funding);
  }
  return finish();

  function finish(funding?: FundingSplit): LevyResult {
    return {
      tool: 'levy',
      input,
      taxYear,
      rulesDate,
      ...amounts,
      ...(funding && { funding }),
      lines,
      notes,
      questions,
      ...reader.sources(),
    };
  }
}

/** Says when a figure used for the year changes before the year ends, so the reader knows the year is split. */
function noteChangeDuringYear(reader: FigureReader, used: Figure, taxYear: string, notes: string[]): void {
  const { end } = taxYearDates(taxYear);
  const next = reader.next(used.key, used.from);
  if (next && next.from <= end && next.from > taxYearDates(taxYear).start) {
    notes.push(
      `${used.label} changes from ${used.text} to ${next.text} on ${formatDate(next.from)}, during the ${taxYearInWords(taxYear)} tax year; these figures use ${used.text}.`,
    );
  }
}
