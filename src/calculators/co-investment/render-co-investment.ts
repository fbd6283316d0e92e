import type { Citation } from '../../answer/answer.js';
import { formatDate } from '../../knowledge/format.js';
import type { YesNoUnknown } from '../eligibility/eligibility-input.js';
import { articleFor, money } from '../shared/money.js';
import { citationNumbers, markers, renderLine, renderOtherSources } from '../shared/render-lines.js';
import type { CoInvestmentResult } from './calculate-co-investment.js';

/** "an apprenticeship starting on 1 January 2027 (a levy payer whose levy funds have run out, apprentice aged 30)". */
export function apprenticeshipCase(
  what: string,
  startDate: string,
  input: { levyPayer: YesNoUnknown; levyFundsUsedUp?: YesNoUnknown; apprenticeAge?: number | undefined },
): string {
  const employer =
    input.levyPayer === 'yes'
      ? input.levyFundsUsedUp === 'yes'
        ? 'a levy payer whose levy funds have run out'
        : 'an employer that pays the levy'
      : input.levyPayer === 'no'
        ? 'an employer that does not pay the levy'
        : 'an employer';
  const age = input.apprenticeAge === undefined ? '' : `, apprentice aged ${input.apprenticeAge}`;
  return `${what} starting on ${formatDate(startDate)} (${employer}${age})`;
}

function whoAndWhen(result: CoInvestmentResult): string {
  const price = money(result.input.price);
  return apprenticeshipCase(`${articleFor(price)} ${price} apprenticeship`, result.startDate, result.input);
}

/** The co-investment answer that fits a chat: who pays what first, the rule that decides it, then what to ask. */
export function renderCoInvestmentSummary(result: CoInvestmentResult, citations?: Citation[]): string {
  const numbers = citationNumbers(citations);
  const sources = markers(result.articleIds, numbers);
  const { split } = result;
  const parts: string[] = [];
  if (result.verdict === 'decided' && result.input.levyPayer === 'yes' && result.input.levyFundsUsedUp !== 'yes') {
    parts.push(
      `**Levy funds pay for ${whoAndWhen(result)}**; the employer pays ${money(result.employerPays ?? 0)} on top.${sources}`,
    );
  } else if (result.verdict === 'decided' && result.employerPays !== undefined) {
    const government = result.governmentPays === undefined ? '' : ` and the government ${money(result.governmentPays)}`;
    parts.push(`**The employer pays ${money(result.employerPays)}${government}** for ${whoAndWhen(result)}.${sources}`);
  } else {
    const estimate =
      result.employerPays !== undefined
        ? ` ${result.split.estimateIf ?? 'On the published rate'}, the employer would pay ${money(result.employerPays)}${result.governmentPays === undefined ? '' : ` and the government ${money(result.governmentPays)}`}.`
        : '';
    parts.push(`**Needs a check** for ${whoAndWhen(result)}.${estimate}${sources}`);
  }
  parts.push('', split.summary);
  if (result.questions.length > 0) parts.push('', '**Still to ask**', ...result.questions.map((q) => `- ${q}`));
  return parts.join('\n');
}

/** The full working: each line with its arithmetic. */
export function renderCoInvestmentWorking(result: CoInvestmentResult, citations?: Citation[]): string {
  const numbers = citationNumbers(citations);
  const parts = [
    `**Co-investment for ${whoAndWhen(result)}** (rules in force on ${formatDate(result.rulesDate)})`,
    ...result.lines.map((line) => renderLine(line, numbers)),
    '',
    `- ${result.split.summary}`,
    ...result.notes.map((note) => `- ${note}`),
  ];
  parts.push(
    ...renderOtherSources(
      citations,
      result.lines.map((line) => line.articleIds),
    ),
  );
  return parts.join('\n');
}
