// The levy calculator and the apprenticeship eligibility checker: deterministic, platform-free, figures from the facts.
export { answerWithTools, type DecidedTool } from './answer-with-tools.js';
export { calculateLevy, type LevyResult } from './calculate-levy.js';
export { eligibilityAnswer, levyAnswer } from './calculator-answer.js';
export {
  checkEligibility,
  type EligibilityResult,
  type EligibilityRule,
  type EligibilityVerdict,
  type RuleStatus,
} from './check-eligibility.js';
export {
  EligibilityInput,
  type EligibilityInputDraft,
  RESIDENCY_STATUSES,
  ResidencyStatus,
  YesNoUnknown,
} from './eligibility-input.js';
export type { Figure, MissingFigure } from './figure-reader.js';
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
export type { FundingSplit } from './funding-split.js';
export { LevyInput, type LevyInputDraft, TaxYear } from './levy-input.js';
export { parseAmount } from './parse-amount.js';
export { isEligibilityCheck, isLevyCalculation, readEligibilityQuestion, readLevyQuestion } from './read-question.js';
export { renderEligibilityText } from './render-eligibility-text.js';
export { renderLevyText } from './render-levy-text.js';
export { runTool, TOOL_NAMES, type ToolDefinition, type ToolName, type ToolRun, toolDefinitions } from './run-tool.js';
export type { CalculationLine, ResultSources } from './tool-result.js';
