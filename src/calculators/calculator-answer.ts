import type { Answer } from '../answer/answer.js';
import { citeArticles } from '../answer/cite.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { type CoInvestmentResult, calculateCoInvestment } from './co-investment/calculate-co-investment.js';
import type { CoInvestmentInput } from './co-investment/co-investment-input.js';
import { renderCoInvestmentSummary, renderCoInvestmentWorking } from './co-investment/render-co-investment.js';
import { checkEligibility, type EligibilityResult } from './eligibility/check-eligibility.js';
import type { EligibilityInput } from './eligibility/eligibility-input.js';
import { renderEligibilitySummary, renderEligibilityWorking } from './eligibility/render-eligibility.js';
import { calculateLevy, type LevyResult } from './levy/calculate-levy.js';
import type { LevyInput } from './levy/levy-input.js';
import { renderLevySummary, renderLevyWorking } from './levy/render-levy.js';

/** A calculator and valid inputs for it. */
export type CalculatorRun =
  | { kind: 'levy'; inputs: LevyInput }
  | { kind: 'eligibility'; inputs: EligibilityInput }
  | { kind: 'co-investment'; inputs: CoInvestmentInput };
export type CalculatorKind = CalculatorRun['kind'];

export type CalculatorResult = LevyResult | EligibilityResult | CoInvestmentResult;

/** The dates a calculation speaks for: `asOf` is the date asked about, `today` decides which sources are due a review. */
export type CalculatorDates = { asOf: string; today: string };

/** Runs a calculator on valid inputs. */
export function runCalculator(knowledge: Pick<Knowledge, 'facts'>, run: CalculatorRun, asOf: string): CalculatorResult {
  switch (run.kind) {
    case 'levy':
      return calculateLevy(knowledge, run.inputs, asOf);
    case 'eligibility':
      return checkEligibility(knowledge, run.inputs, asOf);
    case 'co-investment':
      return calculateCoInvestment(knowledge, run.inputs, asOf);
  }
}

/** A result's short answer and full working, with citation markers numbered as `citations` (none when left out). */
export function renderResult(
  result: CalculatorResult,
  citations?: Answer['citations'],
): { text: string; working: string } {
  switch (result.tool) {
    case 'levy':
      return { text: renderLevySummary(result, citations), working: renderLevyWorking(result, citations) };
    case 'eligibility':
      return {
        text: renderEligibilitySummary(result, citations),
        working: renderEligibilityWorking(result, citations),
      };
    case 'co-investment':
      return {
        text: renderCoInvestmentSummary(result, citations),
        working: renderCoInvestmentWorking(result, citations),
      };
  }
}

/** The inputs as they were used, with the tax year the levy was worked for, so a follow-up can change one of them. */
function usedInputs(run: CalculatorRun, result: CalculatorResult): Record<string, unknown> {
  if (result.tool === 'levy') return { ...run.inputs, taxYear: result.taxYear };
  if (result.tool === 'eligibility') return { ...run.inputs, startDate: result.startDate };
  return { ...run.inputs, startDate: result.startDate };
}

/**
 * The one way a calculator result becomes an answer, for every surface (chat, Slack and Teams forms, the CLI, the
 * model's tools): calculate, cite the articles behind the figures, write the short answer and the full working.
 */
export function calculatorAnswer(knowledge: Knowledge, run: CalculatorRun, dates: CalculatorDates): Answer {
  return answerFromResult(knowledge, run, runCalculator(knowledge, run, dates.asOf), dates.today);
}

/** The answer for a result already worked out (for callers that also keep the result itself). */
export function answerFromResult(
  knowledge: Knowledge,
  run: CalculatorRun,
  result: CalculatorResult,
  today: string,
): Answer {
  const citations = citeArticles(knowledge, result.articleIds, result.rulesDate, today);
  const { text, working } = renderResult(result, citations);
  return {
    kind: 'answer',
    text,
    working,
    citations,
    enquirySuggested: false,
    mode: 'extractive',
    asOf: result.rulesDate,
    figures: result.figures,
    tool: result.tool,
    calculation: { kind: run.kind, inputs: usedInputs(run, result) },
  };
}

/** The levy calculation for valid input, as an answer with its working and sources. */
export function levyAnswer(knowledge: Knowledge, input: LevyInput, asOf: string, today: string): Answer {
  return calculatorAnswer(knowledge, { kind: 'levy', inputs: input }, { asOf, today });
}

/** The eligibility check for valid input, as an answer with every rule and its sources. */
export function eligibilityAnswer(knowledge: Knowledge, input: EligibilityInput, asOf: string, today: string): Answer {
  return calculatorAnswer(knowledge, { kind: 'eligibility', inputs: input }, { asOf, today });
}

/** The co-investment split for valid input, as an answer with its working and sources. */
export function coInvestmentAnswer(
  knowledge: Knowledge,
  input: CoInvestmentInput,
  asOf: string,
  today: string,
): Answer {
  return calculatorAnswer(knowledge, { kind: 'co-investment', inputs: input }, { asOf, today });
}
