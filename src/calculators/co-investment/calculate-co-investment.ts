import type { Knowledge } from '../../knowledge/knowledge.js';
import type { CalculationLine, ResultSources } from '../shared/calculation-line.js';
import { createFigureReader } from '../shared/figure-reader.js';
import type { CoInvestmentInput } from './co-investment-input.js';
import { type FundingSplit, splitFunding } from './funding-split.js';

export type CoInvestmentResult = ResultSources & {
  tool: 'co-investment';
  input: CoInvestmentInput;
  startDate: string;
  /** `decided` when the rules in force settle the split; `needs-check` when a fact or the sources leave it open. */
  verdict: 'decided' | 'needs-check';
  split: FundingSplit;
  /** Pounds; undefined when the split is not known. */
  employerPays?: number;
  governmentPays?: number;
  lines: CalculationLine[];
  notes: string[];
  questions: string[];
};

/** Who pays for one apprenticeship's training and assessment, by the co-investment rules in force on the start date. */
export function calculateCoInvestment(
  knowledge: Pick<Knowledge, 'facts'>,
  input: CoInvestmentInput,
  asOf: string,
): CoInvestmentResult {
  const reader = createFigureReader(knowledge);
  const startDate = input.startDate ?? asOf;
  const mark = reader.mark();
  const split = splitFunding(reader, {
    date: startDate,
    levyPayer: input.levyPayer,
    hasEhcPlanOrIsCareLeaver: input.hasEhcPlanOrIsCareLeaver,
    levyFundsUsedUp: input.levyFundsUsedUp,
    price: input.price,
    ...(input.bandMaximum !== undefined && { bandMaximum: input.bandMaximum }),
    ...(input.apprenticeAge !== undefined && { age: input.apprenticeAge }),
    ...(input.employeeCount !== undefined && { employeeCount: input.employeeCount }),
  });
  const articleIds = reader.articlesSince(mark);
  const notes: string[] = [];
  if (input.levyPayer === 'yes') {
    notes.push('Levy funds pay only for training and assessment, not wages, travel or equipment.');
  }
  return {
    tool: 'co-investment',
    input,
    startDate,
    rulesDate: startDate,
    verdict: split.status === 'decided' ? 'decided' : 'needs-check',
    split,
    ...(split.employerPays !== undefined && { employerPays: split.employerPays }),
    ...(split.governmentPays !== undefined && { governmentPays: split.governmentPays }),
    lines: split.lines.map((line) => ({ ...line, articleIds })),
    notes,
    questions: split.question ? [split.question] : [],
    ...reader.sources(),
  };
}
