// The calculators: levy, eligibility and co-investment. Deterministic, platform-free, every figure from the facts.

export { parseAmount } from '../understand/values/index.js';
export { answerFromValues, answerWithTools } from './answer-with-tools.js';
export {
  answerFromResult,
  type CalculatorDates,
  type CalculatorKind,
  type CalculatorResult,
  type CalculatorRun,
  calculatorAnswer,
  coInvestmentAnswer,
  eligibilityAnswer,
  levyAnswer,
  renderResult,
  runCalculator,
} from './calculator-answer.js';
export { type CoInvestmentResult, calculateCoInvestment } from './co-investment/calculate-co-investment.js';
export { CoInvestmentInput, type CoInvestmentInputDraft } from './co-investment/co-investment-input.js';
export type { FundingSplit } from './co-investment/funding-split.js';
export { levyPayerForPayBill } from './co-investment/levy-status.js';
export {
  checkEligibility,
  type EligibilityResult,
  type EligibilityRule,
  type EligibilityVerdict,
  type RuleStatus,
} from './eligibility/check-eligibility.js';
export {
  EligibilityInput,
  type EligibilityInputDraft,
  RESIDENCY_STATUSES,
  ResidencyStatus,
  YesNoUnknown,
} from './eligibility/eligibility-input.js';
export {
  renderEligibilitySummary,
  renderEligibilityText,
  renderEligibilityWorking,
} from './eligibility/render-eligibility.js';
export {
  eligibilityFormFields,
  type FormField,
  type FormFieldKind,
  type FormIssue,
  type FormOption,
  type FormResult,
  levyFormFields,
  parseEligibilityForm,
  parseLevyForm,
} from './form-fields.js';
export { calculateLevy, type LevyResult } from './levy/calculate-levy.js';
export { LevyInput, type LevyInputDraft, TaxYear } from './levy/levy-input.js';
export { renderLevySummary, renderLevyText, renderLevyWorking } from './levy/render-levy.js';
export { readLevyPayer } from './read-question.js';
export { type PreviousCalculation, readChanges, rerunCalculator } from './rerun-calculator.js';
export { runTool, TOOL_NAMES, type ToolDefinition, type ToolName, type ToolRun, toolDefinitions } from './run-tool.js';
export type { CalculationLine, ResultSources } from './shared/calculation-line.js';
export type { Figure, MissingFigure } from './shared/figure-reader.js';
export { money, roundToPenny } from './shared/money.js';
export { rulesDateFor, taxYearContaining, taxYearInWords } from './shared/tax-year.js';
