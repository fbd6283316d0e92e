import type { Answer } from '../../answer/answer.js';
import { citeArticles } from '../../answer/cite.js';
import { formatPercent } from '../../knowledge/format.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import { YesNoUnknown } from '../eligibility/eligibility-input.js';
import { createFigureReader } from '../shared/figure-reader.js';
import { citationNumbers, markers } from '../shared/render-lines.js';
import { type FundingCase, splitFunding } from './funding-split.js';
import { apprenticeshipCase } from './render-co-investment.js';

const isYesNo = (value: unknown): value is YesNoUnknown => YesNoUnknown.safeParse(value).success;

/**
 * Who pays what share of an apprenticeship's training when the question gives the employer and the apprentice but no
 * price ("levy payer out of funds, 30 yr old starting in jan, what do they pay"): the share, the rule behind it and
 * its source, then the price to ask for. Undefined when the question does not say whether the employer pays the levy.
 */
export function shareWithoutPrice(
  knowledge: Knowledge,
  values: Record<string, unknown>,
  dates: { asOf: string; today: string },
  priceQuestion: string,
): Answer | undefined {
  const levyPayer = values.levyPayer;
  if (levyPayer !== 'yes' && levyPayer !== 'no') return undefined;
  const date = typeof values.startDate === 'string' ? values.startDate : dates.asOf;
  const age = typeof values.apprenticeAge === 'number' ? values.apprenticeAge : undefined;
  const fundingCase: FundingCase = {
    date,
    levyPayer,
    hasEhcPlanOrIsCareLeaver: isYesNo(values.hasEhcPlanOrIsCareLeaver) ? values.hasEhcPlanOrIsCareLeaver : 'unknown',
    levyFundsUsedUp: isYesNo(values.levyFundsUsedUp) ? values.levyFundsUsedUp : 'unknown',
    ...(age !== undefined && { age }),
    ...(typeof values.employeeCount === 'number' && { employeeCount: values.employeeCount }),
  };
  const reader = createFigureReader(knowledge);
  const split = splitFunding(reader, fundingCase);
  // Nothing settled at all (a non-levy employer's share hangs on the apprentice's age): the articles answer better.
  if (split.employerSharePercent === undefined) return undefined;
  const { figures, articleIds } = reader.sources();
  const citations = citeArticles(knowledge, articleIds, date, dates.today);
  const sources = markers(articleIds, citationNumbers(citations));
  const who = apprenticeshipCase('an apprenticeship', date, { ...fundingCase, apprenticeAge: age });
  const share = split.employerSharePercent;
  const lead =
    split.status !== 'decided'
      ? `**Who pays needs a check** for ${who}.${sources}`
      : share === 0
        ? `**The employer pays nothing towards training and assessment** for ${who}.${sources}`
        : `**The employer pays ${formatPercent(share)} of the price** for ${who}, and the government ${formatPercent(100 - share)}.${sources}`;
  const check = split.question ? ['', '**Still to check**', `- ${split.question}`] : [];
  return {
    kind: 'answer',
    text: [
      lead,
      '',
      split.summary,
      ...check,
      '',
      'To work out the amounts, I need to know:',
      `- ${priceQuestion}`,
    ].join('\n'),
    citations,
    enquirySuggested: false,
    mode: 'extractive',
    asOf: date,
    figures,
    tool: 'co-investment',
    needs: [...(split.question ? [split.question] : []), priceQuestion],
  };
}
