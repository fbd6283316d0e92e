// Value readers: dates, amounts, shares, ages, levels, pay bills and prices in the words people use.
export { AMOUNT_PATTERN, type FoundAmount, findAmounts, parseAmount } from './read-amount.js';
export { type FoundDate, findDates, readDate } from './read-date.js';
export { type PayBills, readBandMaximum, readCoursePrice, readPayBills } from './read-money.js';
export {
  readAge,
  readApprenticeshipLevel,
  readAskedLevel,
  readBareAge,
  readEmployeeCount,
  readPriorQualificationLevel,
  readPriorSameArea,
} from './read-person.js';
export { readYearsInUk } from './read-residence.js';
export { readEnglandShare, readShare } from './read-share.js';
export { readCareLeaver, readEhcPlan, readEhcPlanOrCareLeaver, type YesNo } from './read-support.js';
export {
  nextTaxYear,
  previousTaxYear,
  readTaxYear,
  readYearShift,
  taxYearOf,
  taxYearStarting,
} from './read-tax-year.js';
