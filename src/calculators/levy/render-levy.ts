import type { Citation } from '../../answer/answer.js';
import { formatDate } from '../../knowledge/format.js';
import { articleFor, money, share } from '../shared/money.js';
import { citationNumbers, markers, renderLine, renderOtherSources } from '../shared/render-lines.js';
import { taxYearInWords } from '../shared/tax-year.js';
import type { LevyResult } from './calculate-levy.js';

const lineOf = (result: LevyResult, id: string) => result.lines.find((line) => line.id === id);

/** Why the funds are less than the levy when some staff live outside England: HMRC's English percentage. */
function englishPercentage(englandShare: number): string {
  if (englandShare >= 1) return '';
  return `, the levy times the English percentage (${share(englandShare)}, the share of the pay bill for employees living in England)`;
}

/**
 * The levy answer that fits a chat: the levy first, then the key figures it leads to, then what is still to ask.
 * Each figure carries the markers of the sources it comes from.
 */
export function renderLevySummary(result: LevyResult, citations?: Citation[]): string {
  const numbers = citationNumbers(citations);
  const year = `the ${taxYearInWords(result.taxYear)} tax year`;
  const annual = lineOf(result, 'annual-levy');
  const payBill = money(result.input.payBill);
  const connected =
    (result.input.payBillParts?.length ?? 0) > 1 ? ' (the connected companies’ pay bills added up)' : '';
  const parts: string[] = [];
  if (result.annualLevy === undefined) {
    parts.push(
      `**The levy for ${year} cannot be worked out:** ${annual?.arithmetic ?? 'a figure it needs is not held'}.`,
    );
  } else if (result.annualLevy === 0) {
    parts.push(
      `**No levy is due (£0)** on ${articleFor(payBill)} ${payBill} pay bill${connected} in ${year}: ${annual?.arithmetic ?? ''}${markers(annual?.articleIds, numbers)}.`,
    );
  } else {
    parts.push(
      `**${money(result.annualLevy)} levy a year** on ${articleFor(payBill)} ${payBill} pay bill${connected} in ${year}, paid as ${money(result.monthlyLevy ?? 0)} a month through PAYE${markers(annual?.articleIds, numbers)}.`,
    );
  }
  const figures: string[] = [];
  const funds = lineOf(result, 'monthly-funds');
  if (result.monthlyFunds !== undefined && result.annualFunds !== undefined) {
    figures.push(
      `Funds entering the apprenticeship service account: ${money(result.monthlyFunds)} a month (${money(result.annualFunds)} a year)${englishPercentage(result.input.englandShare)}${markers(funds?.articleIds, numbers)}`,
    );
  } else if (funds?.value === 'not held') {
    figures.push(`Funds entering the account: not worked out (${funds.arithmetic})`);
  }
  const expiry = lineOf(result, 'funds-expiry');
  if (expiry && expiry.value !== 'not held') {
    figures.push(`Unspent funds expire after ${expiry.value}${markers(expiry.articleIds, numbers)}`);
  }
  const transfer = lineOf(result, 'transfer-limit');
  if (result.transferLimit !== undefined) {
    figures.push(
      `Can be transferred to other employers: up to ${money(result.transferLimit)} in the year${markers(transfer?.articleIds, numbers)}`,
    );
  }
  if (result.funding) {
    const employerPays = result.funding.employerPays;
    figures.push(
      `One apprenticeship: ${result.funding.summary}${employerPays !== undefined && result.funding.status === 'decided' ? ` The employer pays ${money(employerPays)}.` : ''}`,
    );
  }
  if (figures.length > 0) parts.push('', ...figures.map((figure) => `- ${figure}`));
  const change = result.notes.find((note) => / changes from /.test(note));
  if (change) parts.push('', change);
  if (result.questions.length > 0) parts.push('', '**Still to ask**', ...result.questions.map((q) => `- ${q}`));
  parts.push('', `Rules in force on ${formatDate(result.rulesDate)}; amounts rounded to the nearest penny.`);
  return parts.join('\n');
}

/** The full working: every line with its arithmetic, and every note. */
export function renderLevyWorking(result: LevyResult, citations?: Citation[]): string {
  const numbers = citationNumbers(citations);
  const parts = [
    `**Apprenticeship Levy for the ${taxYearInWords(result.taxYear)} tax year** (rules in force on ${formatDate(result.rulesDate)})`,
    ...result.lines.map((line) => renderLine(line, numbers)),
  ];
  if (result.notes.length > 0) parts.push('', ...result.notes.map((note) => `- ${note}`));
  parts.push('', 'Amounts are rounded to the nearest penny.');
  parts.push(
    ...renderOtherSources(
      citations,
      result.lines.map((line) => line.articleIds),
    ),
  );
  return parts.join('\n');
}

/** @deprecated kept for callers outside the calculators: the full working. */
export const renderLevyText = renderLevyWorking;
