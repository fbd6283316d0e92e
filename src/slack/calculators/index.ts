// Slack forms for the levy calculator and eligibility checker: a modal from the calculator's fields, checked on
// submission, and the result sent to the person as a direct message with its arithmetic and sources.
export { openEligibilityModal, openLevyModal, registerCalculatorHandlers } from './calculator-forms.js';
