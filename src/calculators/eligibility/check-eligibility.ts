import type { Knowledge } from '../../knowledge/knowledge.js';
import { ehcOrCareLeaver, type FundingSplit, splitFunding } from '../co-investment/funding-split.js';
import type { CalculationLine, ResultSources } from '../shared/calculation-line.js';
import { createFigureReader } from '../shared/figure-reader.js';
import { ageRule } from './age-rule.js';
import { durationRule, minimumDuration } from './duration-rule.js';
import type { EligibilityInput } from './eligibility-input.js';
import { type EligibilityRule, sourced } from './eligibility-rule.js';
import { englandRule } from './england-rule.js';
import { foundationRule } from './foundation-rule.js';
import { incentiveLines } from './incentive-lines.js';
import { level7Rule } from './level7-rule.js';
import { otherFundingRule } from './other-funding-rule.js';
import { payLines } from './pay-lines.js';
import { priorQualificationRule } from './prior-qualification-rule.js';
import { residencyRule } from './residency-rule.js';
import { rightToWorkRule } from './right-to-work-rule.js';
import { addTrainingNotes } from './training-notes.js';

export type { EligibilityRule, RuleStatus } from './eligibility-rule.js';

export type EligibilityVerdict = 'eligible' | 'not-eligible' | 'needs-check';

export type EligibilityResult = ResultSources & {
  tool: 'eligibility';
  input: EligibilityInput;
  startDate: string;
  verdict: EligibilityVerdict;
  /** Every rule applied, in the order a manager would check them. */
  rules: EligibilityRule[];
  minimumDuration: CalculationLine;
  pay: CalculationLine[];
  incentives: CalculationLine[];
  funding?: FundingSplit;
  notes: string[];
  /** The questions from every rule that could not be decided. */
  questions: string[];
};

/** Checks whether a person can start a funded apprenticeship on a date, from the rules and figures in the facts. */
export function checkEligibility(
  knowledge: Pick<Knowledge, 'facts'>,
  input: EligibilityInput,
  asOf: string,
): EligibilityResult {
  const reader = createFigureReader(knowledge);
  const startDate = input.startDate ?? asOf;
  const ehcOrCare = ehcOrCareLeaver(input.hasEhcPlan, input.isCareLeaver);
  const rules: EligibilityRule[] = [];
  const notes: string[] = [];

  rules.push(sourced(reader, () => ageRule(reader, input.age, startDate)));
  rules.push(rightToWorkRule(input.rightToWork));
  rules.push(sourced(reader, () => residencyRule(reader, input, startDate)));
  rules.push(sourced(reader, () => englandRule(reader, input.worksMostlyInEngland, startDate, input.englandWorkShare)));
  rules.push(otherFundingRule(input.inOtherFundedEducation));
  rules.push(priorQualificationRule(input));

  const durationMark = reader.mark();
  const duration = minimumDuration(reader, input.hoursPerWeek, startDate, notes);
  duration.line.articleIds = reader.articlesSince(durationMark);
  rules.push({ ...durationRule(input, duration), articleIds: duration.line.articleIds });

  const level7 =
    input.level === 7 ? sourced(reader, () => level7Rule(reader, input.age, ehcOrCare, startDate)) : undefined;
  if (level7) rules.push(level7);
  if (input.isFoundationApprenticeship) {
    rules.push(sourced(reader, () => foundationRule(reader, input.age, ehcOrCare, startDate)));
  }

  let funding: FundingSplit | undefined;
  if (level7?.status === 'failed') {
    notes.push('The employer would have to pay the full cost of a level 7 apprenticeship for this person itself.');
  } else {
    const fundingMark = reader.mark();
    funding = splitFunding(reader, {
      date: startDate,
      levyPayer: input.levyPayer,
      age: input.age,
      hasEhcPlanOrIsCareLeaver: ehcOrCare,
      ...(input.employeeCount !== undefined && { employeeCount: input.employeeCount }),
    });
    const fundingArticles = reader.articlesSince(fundingMark);
    funding = { ...funding, lines: funding.lines.map((line) => ({ ...line, articleIds: fundingArticles })) };
    rules.push({
      articleIds: fundingArticles,
      id: 'funding',
      label: 'Who funds the training',
      status: funding.status === 'decided' ? 'passed' : 'unknown',
      reason: funding.summary,
      ...(funding.question !== undefined && { question: funding.question }),
    });
  }

  const pay = payLines(reader, input.age, startDate);
  const incentiveMark = reader.mark();
  const incentiveList = incentiveLines(reader, input, ehcOrCare, startDate);
  const incentiveArticles = reader.articlesSince(incentiveMark);
  const incentives = incentiveList.map((line) => ({ ...line, articleIds: line.articleIds ?? incentiveArticles }));
  addTrainingNotes(reader, input.age, startDate, notes);
  notes.push(
    'They must be employed for long enough to finish the apprenticeship, including the end-point assessment, and be paid for their off-the-job training time.',
  );

  const verdict: EligibilityVerdict = rules.some((rule) => rule.status === 'failed')
    ? 'not-eligible'
    : rules.some((rule) => rule.status === 'unknown')
      ? 'needs-check'
      : 'eligible';

  return {
    tool: 'eligibility',
    input,
    startDate,
    rulesDate: startDate,
    verdict,
    rules,
    minimumDuration: duration.line,
    pay,
    incentives,
    ...(funding && { funding }),
    notes,
    questions: [
      ...new Set(rules.flatMap((rule) => (rule.status === 'unknown' && rule.question ? [rule.question] : []))),
    ],
    ...reader.sources(),
  };
}
