import {
  AMOUNT_PATTERN,
  readAge,
  readAskedLevel,
  readBandMaximum,
  readBareAge,
  readCareLeaver,
  readCoursePrice,
  readDate,
  readEhcPlan,
  readEhcPlanOrCareLeaver,
  readEmployeeCount,
  readEnglandShare,
  readPayBills,
  readPriorQualificationLevel,
  readPriorSameArea,
  readShare,
  readTaxYear,
  readYearsInUk,
} from '../understand/values/index.js';
import type { CoInvestmentInputDraft } from './co-investment/co-investment-input.js';
import type { EligibilityInputDraft, ResidencyStatus } from './eligibility/eligibility-input.js';
import type { LevyInputDraft } from './levy/levy-input.js';

const AMOUNT = AMOUNT_PATTERN;
const PAY_BILL_WORDS = String.raw`(?:pay\s?bill|payroll|pay\s?roll|wage bill|salary bill)s?|total pay`;

const WHO = '(?:we|i|they|it|you|an employer|the employer|the council|a company|our [a-z]+|my [a-z]+)';
const ASKS_LEVY_DUE = [
  new RegExp(
    String.raw`\bhow much (?:apprenticeship )?levy (?:will|would|do|does|should|must|did|shall) ${WHO} (?:pay|owe|have to pay|be paying)\b`,
  ),
  new RegExp(
    String.raw`\bhow much (?:will|would|do|does|should|must|did) ${WHO} (?:pay|owe|have to pay) (?:in|for|as|towards)? ?(?:the )?(?:apprenticeship )?levy\b`,
  ),
  /\b(?:calculate|work out|estimate)\s+(?:our|my|the|their|an employer's|a company's)?\s*(?:apprenticeship )?levy\b/,
];

/**
 * Whether a question asks for a levy calculation: a pay bill to work from, or a plain request to work out what an
 * employer pays. Questions about the levy's rules (its rate, who pays, what counts) are left to the articles.
 */
export function isLevyCalculation(question: string): boolean {
  const text = question.toLowerCase();
  const mentionsLevy = /\blevy\b/.test(text);
  const asksLevyDue = ASKS_LEVY_DUE.some((pattern) => pattern.test(text));
  if (readPayBills(text) === undefined) return asksLevyDue;
  // A lone amount is a pay bill only when the question is plainly about the levy on it ("levy on £5m").
  const namesPayBill = new RegExp(`\\b(?:${PAY_BILL_WORDS})\\b`).test(text);
  const levyOnAmount = new RegExp(`\\blevy\\s+(?:on|for|of)\\s+(?:a\\s+|an\\s+)?${AMOUNT}`).test(text);
  if (namesPayBill) return mentionsLevy || /\b(?:transfer|funds|apprenticeship service)\b/.test(text);
  return mentionsLevy && (levyOnAmount || asksLevyDue);
}

/** "no allowance at all", "the parent takes the allowance", "a sister company that has the allowance". */
const NO_ALLOWANCE =
  /\b(?:no|none of the|without (?:the |an |any )?)\s*(?:levy )?allowance\b|\b(?:parent|sister|other|another|group)\s+(?:company\s+|co\s+|firm\s+|charity\s+)?(?:that\s+|which\s+)?(?:takes|has|gets|uses|claims|keeps|is using)\s+(?:the\s+|all the\s+|all of the\s+)?(?:whole\s+)?(?:levy\s+)?allowance\b/;

/** Values for the levy calculator read from a question; `payBill` is absent when the question gives none. */
export function readLevyQuestion(question: string, asOf?: string): Partial<LevyInputDraft> {
  const text = question.toLowerCase();
  const values: Partial<LevyInputDraft> = {};
  const payBills = readPayBills(text);
  if (payBills !== undefined) {
    values.payBill = payBills.total;
    if (payBills.parts.length > 1) values.payBillParts = payBills.parts;
    if (payBills.isConnected) values.isConnected = true;
  }
  const taxYear = readTaxYear(text, asOf);
  if (taxYear) values.taxYear = taxYear;
  const england = readEnglandShare(text);
  if (england !== undefined) values.englandShare = england;
  if (NOT_CONNECTED.test(text)) values.isConnected = false;
  else if (/\bconnected\b/.test(text)) values.isConnected = true;
  const allowance =
    /(\S+(?:\s\S+)?)\s+of\s+(?:the\s+|our\s+|their\s+)?(?:group'?s?\s+|shared\s+)?(?:£15,000\s+|15k\s+|levy\s+)?allowance/.exec(
      text,
    ) ??
    /\b(half|a third|a quarter|\d+(?:\.\d+)?%)\s+(?:of\s+)?(?:the\s+|our\s+|their\s+)?(?:group'?s?\s+)?allowance/.exec(
      text,
    );
  const allowanceShare = allowance ? readShare(allowance[1] as string) : undefined;
  if (allowanceShare !== undefined) values.allowanceShare = allowanceShare;
  else if (NO_ALLOWANCE.test(text)) values.allowanceShare = 0;
  // Sharing an allowance is only possible within a group of connected companies.
  if (values.allowanceShare !== undefined) values.isConnected = true;
  const price = readCoursePrice(text);
  if (price && price.pounds !== values.payBill) values.apprenticeshipPrice = price.pounds;
  const age = readAge(text);
  if (age !== undefined) values.apprenticeAge = age;
  const employees = readEmployeeCount(text);
  if (employees !== undefined) values.employeeCount = employees;
  const support = readEhcPlanOrCareLeaver(text);
  if (support !== undefined) values.apprenticeHasEhcPlanOrIsCareLeaver = support === 'yes';
  return values;
}

/** A particular person ("this candidate", "my son"), as opposed to people in general ("a refugee", "graduates"). */
const PERSON =
  /\b(?:this|that|my|our) (?:person|candidate|applicant|young person|employee|member of staff|school leaver|graduate|son|daughter|resident|refugee|apprentice|new starter|recruit)\b|\b(?:he|she|him|her)\b/;

/** Whether a question asks about a particular person's eligibility (not the rules in general). */
export function isEligibilityCheck(question: string): boolean {
  const text = question.toLowerCase();
  if (!/\bapprentic/.test(text)) return false;
  const asksEligibility =
    /\b(?:eligible|eligibility|qualify|allowed)\b/.test(text) ||
    /\bcan\b[^?.]{0,60}?\b(?:be|become|do|start|take on|take|get|go on|begin)\b[^?.]{0,20}?\bapprentic/.test(text) ||
    /\bcould\b[^?.]{0,60}?\b(?:be|become|do|start)\b[^?.]{0,20}?\bapprentic/.test(text);
  if (!asksEligibility) return false;
  return readAge(text) !== undefined || PERSON.test(text);
}

function readResidency(text: string): ResidencyStatus | undefined {
  if (/\bpre[- ]?settled\b/.test(text)) return 'pre-settled';
  if (/\bsettled status\b|\bindefinite leave\b/.test(text)) return 'settled';
  if (/\basylum seeker\b|\bseeking asylum\b/.test(text)) return 'asylum-seeker';
  if (/\brefugee\b|\bhumanitarian protection\b/.test(text)) return 'refugee';
  if (/\b(?:student|study|tier 4) visa\b/.test(text)) return 'study-visa';
  if (/\b(?:work|skilled worker|spouse|family|partner|graduate) visa\b/.test(text)) return 'visa-non-study';
  if (/\b(?:british|uk national|uk citizen|british citizen)\b/.test(text)) return 'uk-national';
  return undefined;
}

/** Values for the eligibility checker read from a question; `age` is absent when the question gives none. */
export function readEligibilityQuestion(question: string, asOf?: string): Partial<EligibilityInputDraft> {
  const text = question.toLowerCase();
  const values: Partial<EligibilityInputDraft> = {};
  const age = readAge(text) ?? readBareAge(text);
  if (age !== undefined) values.age = age;
  const startDate = readStartDate(text, asOf);
  if (startDate) values.startDate = startDate;
  const hours =
    /\b(\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\s*(?:a|per|each|every|\/)\s*(?:week|wk)\b/.exec(text) ??
    /\b(\d+(?:\.\d+)?)[- ]hour week\b/.exec(text) ??
    /\b(\d+(?:\.\d+)?)\s*(?:hours|hrs|hr)\b(?!\s*(?:a|per)\s*(?:day|month))/.exec(text);
  if (hours) values.hoursPerWeek = Number(hours[1]);
  const months =
    /\b(?:for|lasting|last|over)\s+(?:only\s+|just\s+)?(\d+(?:\.\d+)?)\s+months?\b/.exec(text) ??
    /\b(\d+)[- ]months?\s+(?:apprenticeship|programme|course|long)\b/.exec(text) ??
    /(?:^|[,;:]\s*)(\d+)\s*months?\s*(?=[,;.?!-]|$)/.exec(text);
  if (months) values.durationMonths = Number(months[1]);
  const level = readAskedLevel(text);
  if (level !== undefined) values.level = level;
  const prior = readPriorQualificationLevel(text);
  if (prior !== undefined) values.priorQualificationLevel = prior;
  if (
    /\b(?:in|from) the same (?:area|field|subject|sector|occupation|occupational area)\b/.test(text) ||
    (prior !== undefined && readPriorSameArea(text) === 'yes')
  ) {
    values.priorQualificationSameArea = 'yes';
  } else if (/\b(?:different|unrelated|another) (?:area|field|subject|sector|occupation)\b/.test(text)) {
    values.priorQualificationSameArea = 'no';
  }
  if (/\bfoundation apprenticeship\b/.test(text)) values.isFoundationApprenticeship = true;
  const residency = readResidency(text);
  if (residency) values.residency = residency;
  const years = readYearsInUk(text);
  if (years !== undefined) values.yearsInUk = years;
  if (
    /\b(?:no|without|hasn'?t got|has not got|doesn'?t have|does not have)\s+(?:the\s+|a\s+)?right to work\b/.test(text)
  ) {
    values.rightToWork = 'no';
  } else if (/\b(?:has|have|with)\s+(?:the\s+|a\s+)?right to work\b/.test(text)) {
    values.rightToWork = 'yes';
  }
  if (/\bwork(?:s|ing)?\s+(?:mostly\s+|mainly\s+)?in\s+(?:hackney|london|england)\b/.test(text)) {
    values.worksMostlyInEngland = 'yes';
  }
  const englandShare = readEnglandShare(text);
  if (englandShare !== undefined && values.worksMostlyInEngland === undefined) values.englandWorkShare = englandShare;
  if (/\bstudent loan\b|\bon another (?:funded )?course\b/.test(text)) values.inOtherFundedEducation = 'yes';
  const levyPayer = readLevyPayer(text);
  if (levyPayer !== undefined) values.levyPayer = levyPayer;
  const employees = readEmployeeCount(text);
  if (employees !== undefined) values.employeeCount = employees;
  const careLeaver = readCareLeaver(text);
  if (careLeaver !== undefined) values.isCareLeaver = careLeaver;
  const ehcPlan = readEhcPlan(text);
  if (ehcPlan !== undefined) values.hasEhcPlan = ehcPlan;
  return values;
}

/**
 * The start date a question names: a day, or the first of a month ("starting March 2027" is 1 March 2027); a year
 * alone after a start word ("starting in 2027") is its first day.
 */
function readStartDate(text: string, asOf: string | undefined): string | undefined {
  const date = readDate(text, asOf ?? new Date().toISOString().slice(0, 10))?.date;
  if (date) return date;
  const year = /\b(?:start(?:s|ing)?|begin(?:s|ning)?|from)\s+(?:in\s+)?((?:19|20)\d{2})\b(?!\s?[-/–])/.exec(text);
  return year ? `${year[1]}-01-01` : undefined;
}

/** Whether the employer pays the levy, as a message says it ("non levy", "an SME", "out of levy funds"). */
export function readLevyPayer(question: string): 'yes' | 'no' | undefined {
  const text = question.toLowerCase();
  if (NON_LEVY.test(text)) return 'no';
  if (LEVY_PAYER.test(text)) return 'yes';
  return undefined;
}

/** A levy payer whose account has no levy funds left ("spent all their levy pot", "ran out of levy funds"). */
const FUNDS_USED_UP =
  /\bused (?:up )?(?:all )?(?:of )?(?:our|their|its|the) levy\b(?! payer)|\b(?:run|ran|running) out of (?:their |our |its |the )?levy\b|\b(?:used up|spent|exhausted|no) (?:all )?(?:of )?(?:their |our |its |the )?levy(?: funds| pot| money)?(?! payer)\b|\blevy (?:funds|pot|money)(?:'s| is| are| has| have)? (?:all )?(?:used up|spent|run out|ran out|gone|exhausted)\b|\bfunds (?:are |have )?(?:used up|run out|ran out)\b|\b(?:run|ran|running) out of (?:their |our |its |the )?(?:levy )?(?:funds|money)\b|\bno (?:levy )?funds left\b|\bout of (?:their |its |the )?(?:levy )?(?:funds|money)\b|\b(?:levy )?(?:funds|money|pot) (?:is |are )?all (?:spent|gone|used(?: up)?)\b|\b(?:used|spent|burn(?:ed|t) (?:through|thru)) (?:up )?(?:all )?(?:of )?(?:its|their|the|our) (?:whole |entire |full )?(?:levy )?(?:funds|pot|money)\b|\b(?:spent|used(?: up)?|burn(?:ed|t)? (?:through|thru)) (?:everything|all of it|the lot|it all)\b|\b(?:nothing|no money|no funds|nowt) left in (?:their|the|its|our) (?:levy )?(?:account|pot)\b|\b(?:account|acct|pot) is (?:empty|used up|spent)\b|\bempty (?:levy )?(?:account|acct|pot)\b|\b(?:pot|account|acct|funds) (?:has |have )?(?:run|ran|gone) dry\b/;

/** Whether a message says a levy payer's account has run out of levy funds. */
export function readLevyFundsUsedUp(question: string): 'yes' | undefined {
  return FUNDS_USED_UP.test(question.toLowerCase()) ? 'yes' : undefined;
}

/** Companies said not to be connected ("what if they weren't connected", "separate companies"). */
const NOT_CONNECTED =
  /\b(?:not|never|aren'?t|arent|weren'?t|werent|isn'?t|isnt|wasn'?t|wasnt)\s+(?:\w+\s+)?connected\b|\bunconnected\b|\b(?:separate|independent|unrelated) (?:companies|firms|employers|businesses|charities)\b/;

const NON_LEVY =
  /\bnon[- ]?levy\b|\b(?:doesn'?t|doesnt|does not|don'?t|do not|dont|didn'?t|didnt|did not|wouldn'?t|wouldnt) pay (?:the |any )?levy\b|\bnot a levy[- ]payer\b|\bsmall (?:local )?(?:employer|business|firm|company|charity|bakery|shop|cafe|café|salon|agency|organisation|studio|restaurant)\b|\bno levy\b(?! (?:funds|money|pot|left))|\bsme\b|\bunder the levy threshold\b/;
const LEVY_PAYER =
  /\blevy[- ]pay(?:er|ing)\b|\b(?:we|they|it|employer|emp|client|company|firm) pays? the levy\b|\b(?:out of|run out of|ran out of|used up (?:all )?(?:their|our|the)?)\s*(?:levy|levy funds)\b|\blevy (?:funds|pot|money) (?:used up|spent|ran out|run out|gone)\b|\bfunds used up\b/;
const ASKS_COST =
  /\bhow much (?:would|will|do|does|should|must|did|is|are)\b|\bco-?invest|\bcontribut|\bwho pays\b|\bwhat (?:would|will|do|does) (?:we|they|it|the employer|an employer) (?:pay|owe|contribute)\b|\b(?:employer'?s?|our|their) (?:share|part|bit)\b|\bcost (?:us|them|the employer)\b/;

/**
 * Whether a question asks what one apprenticeship costs an employer: a course price, and a cost or co-investment
 * question. A question with a pay bill is a levy calculation instead (which shows the same split).
 */
export function isCoInvestmentCalculation(question: string): boolean {
  const text = question.toLowerCase();
  if (readCoursePrice(text) === undefined) return false;
  if (
    readPayBills(
      text.replace(
        new RegExp(String.raw`${AMOUNT}\s+(?:[a-z-]+\s+){0,3}?(?:apprenticeship|course|training)`, 'g'),
        ' ',
      ),
    ) &&
    /\b(?:pay\s?bill|payroll|wage bill)\b/.test(text)
  ) {
    return false;
  }
  return ASKS_COST.test(text) || NON_LEVY.test(text);
}

/** Values for the co-investment calculator read from a question; `price` is absent when the question gives none. */
export function readCoInvestmentQuestion(question: string, asOf?: string): Partial<CoInvestmentInputDraft> {
  const text = question.toLowerCase();
  const values: Partial<CoInvestmentInputDraft> = {};
  const price = readCoursePrice(text);
  if (price) values.price = price.pounds;
  const band = readBandMaximum(text);
  if (band && (!price || band.index !== price.index)) values.bandMaximum = band.pounds;
  const age = readAge(text);
  if (age !== undefined) values.apprenticeAge = age;
  const levyPayer = readLevyPayer(text);
  if (levyPayer !== undefined) values.levyPayer = levyPayer;
  const employees = readEmployeeCount(text);
  if (employees !== undefined) values.employeeCount = employees;
  const support = readEhcPlanOrCareLeaver(text);
  if (support !== undefined) values.hasEhcPlanOrIsCareLeaver = support;
  const usedUp = readLevyFundsUsedUp(text);
  if (usedUp !== undefined && values.levyPayer !== 'no') values.levyFundsUsedUp = usedUp;
  const startDate = readStartDate(text, asOf);
  if (startDate) values.startDate = startDate;
  return values;
}
