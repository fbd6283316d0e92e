import { MONTH_PATTERN, MONTHS as MONTH_TITLES } from '../knowledge/format.js';
import type { EligibilityInputDraft, ResidencyStatus } from './eligibility-input.js';
import type { LevyInputDraft } from './levy-input.js';
import { parseAmount } from './parse-amount.js';

const MONTHS = MONTH_TITLES.map((month) => month.toLowerCase());
const MONTH_NAMES = MONTH_PATTERN;
const AMOUNT = String.raw`£?\s?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?:k|thousand|mn|m|million|bn|billion)\b)?`;
const PAY_BILL_WORDS = String.raw`pay\s?bill|payroll|pay\s?roll|wage bill|salary bill|total pay`;

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
  if (readPayBill(text) === undefined) return asksLevyDue;
  // A lone amount is a pay bill only when the question is plainly about the levy on it ("levy on £5m").
  const namesPayBill = new RegExp(`\\b(?:${PAY_BILL_WORDS})\\b`).test(text);
  const levyOnAmount = new RegExp(`\\blevy\\s+(?:on|for|of)\\s+(?:a\\s+|an\\s+)?${AMOUNT}`).test(text);
  if (namesPayBill) return mentionsLevy || /\b(?:transfer|funds|apprenticeship service)\b/.test(text);
  return mentionsLevy && (levyOnAmount || asksLevyDue);
}

/** The pay bill named in a question: the amount next to "pay bill" or "payroll", else the only amount given. */
function readPayBill(text: string): number | undefined {
  const after = new RegExp(
    `\\b(?:${PAY_BILL_WORDS})\\b(?:\\s+(?:is|of|was|about|around|roughly|approximately|at|=|:))*\\s*(${AMOUNT})`,
  ).exec(text);
  const before = new RegExp(`(${AMOUNT})\\s+(?:annual\\s+|yearly\\s+)?(?:${PAY_BILL_WORDS})\\b`).exec(text);
  const found = after?.[1] ?? before?.[1];
  if (found) return parseAmount(found);
  const amounts = [
    ...text.matchAll(
      new RegExp(
        `(?:^|[\\s(])(${AMOUNT})(?![\\d%])(?!\\s*(?:staff|employees|people|workers|hours|years|months|year|%))`,
        'g',
      ),
    ),
  ]
    .map((match) => match[1] as string)
    .filter((amount) => /£|k\b|m\b|million|bn|billion|thousand|,/.test(amount));
  return amounts.length === 1 ? parseAmount(amounts[0] as string) : undefined;
}

function readEmployeeCount(text: string): number | undefined {
  const match = /\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:staff|employees|people|workers|members of staff)\b/.exec(text);
  return match ? Number((match[1] as string).replace(/,/g, '')) : undefined;
}

function readAge(text: string): number | undefined {
  const match =
    /\b(\d{1,3})[- ]?(?:years?|yrs?)[- ]?old\b/.exec(text) ??
    /\baged? (\d{1,3})\b/.exec(text) ??
    /\b(\d{1,3})[- ]?yo\b/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Values for the levy calculator read from a question; `payBill` is absent when the question gives none. */
export function readLevyQuestion(question: string): Partial<LevyInputDraft> {
  const text = question.toLowerCase();
  const values: Partial<LevyInputDraft> = {};
  const payBill = readPayBill(text);
  if (payBill !== undefined) values.payBill = payBill;
  const taxYear = /\b(20\d{2})\s?[-/–]\s?(?:20)?(\d{2})\b/.exec(text);
  if (taxYear) values.taxYear = `${taxYear[1]}-${taxYear[2]}`;
  const england =
    /(\d+(?:\.\d+)?)\s?%[^.?!]{0,40}?\b(?:in|from) england\b/.exec(text) ??
    /\bengland[^.?!]{0,20}?(\d+(?:\.\d+)?)\s?%/.exec(text);
  if (england) values.englandShare = Number(england[1]) / 100;
  if (/\bconnected\b/.test(text)) values.isConnected = true;
  const allowance = /(\d+(?:\.\d+)?)\s?%\s+of\s+(?:the\s+|our\s+)?(?:£15,000\s+|levy\s+)?allowance/.exec(text);
  if (allowance) values.allowanceShare = Number(allowance[1]) / 100;
  const price =
    new RegExp(`apprenticeship\\s+(?:costing|priced at|that costs|which costs|worth|costs|of)\\s+(${AMOUNT})`).exec(
      text,
    ) ?? new RegExp(`(${AMOUNT})\\s+apprenticeship`).exec(text);
  if (price) {
    const amount = parseAmount(price[1] as string);
    if (amount !== undefined && amount !== values.payBill) values.apprenticeshipPrice = amount;
  }
  const age = readAge(text);
  if (age !== undefined) values.apprenticeAge = age;
  const employees = readEmployeeCount(text);
  if (employees !== undefined) values.employeeCount = employees;
  if (/\b(?:care leaver|been in care|care[- ]experienced|ehc ?p?\b|education,? health and care plan)/.test(text)) {
    values.apprenticeHasEhcPlanOrIsCareLeaver = true;
  }
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

function readPriorLevel(text: string): number | undefined {
  const explicit =
    /\b(?:has|have|holds?|with|got|already has)\s+(?:a|an)?\s*level (\d)\s+(?:qualification|diploma|certificate|nvq|btec|award)/.exec(
      text,
    );
  if (explicit) return Number(explicit[1]);
  if (/\bno (?:formal )?qualifications?\b/.test(text)) return 0;
  if (/\b(?:phd|doctorate)\b/.test(text)) return 8;
  if (/\b(?:master'?s|msc|ma|mba)\b(?! apprenticeship)/.test(text)) return 7;
  if (/\b(?:degree|graduate|bachelor'?s|ba|bsc)\b/.test(text) && !/\bdegree apprenticeship\b/.test(text)) return 6;
  if (/\bfoundation degree\b|\bhnd\b/.test(text)) return 5;
  if (/\bhnc\b/.test(text)) return 4;
  if (/\ba[- ]levels?\b/.test(text)) return 3;
  if (/\bgcses?\b/.test(text)) return 2;
  return undefined;
}

function readApprenticeshipLevel(text: string): number | undefined {
  const match =
    /\blevel ([2-7])\s+(?:[a-z]+\s+)?apprenticeship/.exec(text) ??
    /\b(?:for|on|do|start|doing|starting|take)\s+(?:a|an)\s+level ([2-7])\b/.exec(text) ??
    /\bapprenticeship\s+(?:at|on)\s+level ([2-7])\b/.exec(text);
  if (match) return Number(match[1]);
  if (/\bdegree apprenticeship\b/.test(text)) return 6;
  return undefined;
}

function readStartDate(text: string): string | undefined {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) return iso[1];
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\s+(\\d{4})\\b`).exec(text);
  if (dayMonth) {
    const month = MONTHS.indexOf(dayMonth[2] as string) + 1;
    return `${dayMonth[3]}-${String(month).padStart(2, '0')}-${String(dayMonth[1]).padStart(2, '0')}`;
  }
  const monthOnly = new RegExp(`\\b(?:in|from|starting|start|starts|on)\\s+(${MONTH_NAMES})\\s+(\\d{4})\\b`).exec(text);
  if (monthOnly) {
    const month = MONTHS.indexOf(monthOnly[1] as string) + 1;
    return `${monthOnly[2]}-${String(month).padStart(2, '0')}-01`;
  }
  return undefined;
}

function readResidency(text: string): ResidencyStatus | undefined {
  if (/\bpre-?settled\b/.test(text)) return 'pre-settled';
  if (/\bsettled status\b|\bindefinite leave\b/.test(text)) return 'settled';
  if (/\basylum seeker\b|\bseeking asylum\b/.test(text)) return 'asylum-seeker';
  if (/\brefugee\b|\bhumanitarian protection\b/.test(text)) return 'refugee';
  if (/\b(?:student|study|tier 4) visa\b/.test(text)) return 'study-visa';
  if (/\b(?:work|skilled worker|spouse|family|partner|graduate) visa\b/.test(text)) return 'visa-non-study';
  if (/\b(?:british|uk national|uk citizen|british citizen)\b/.test(text)) return 'uk-national';
  return undefined;
}

/** Values for the eligibility checker read from a question; `age` is absent when the question gives none. */
export function readEligibilityQuestion(question: string): Partial<EligibilityInputDraft> {
  const text = question.toLowerCase();
  const values: Partial<EligibilityInputDraft> = {};
  const age = readAge(text);
  if (age !== undefined) values.age = age;
  const startDate = readStartDate(text);
  if (startDate) values.startDate = startDate;
  const hours =
    /\b(\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\s*(?:a|per|each|every)\s*week\b/.exec(text) ??
    /\b(\d+(?:\.\d+)?)[- ]hour week\b/.exec(text);
  if (hours) values.hoursPerWeek = Number(hours[1]);
  const months =
    /\b(?:for|lasting|last|over)\s+(\d+(?:\.\d+)?)\s+months?\b/.exec(text) ??
    /\b(\d+)[- ]month\s+apprenticeship\b/.exec(text);
  if (months) values.durationMonths = Number(months[1]);
  const level = readApprenticeshipLevel(text);
  if (level !== undefined) values.level = level;
  const prior = readPriorLevel(text);
  if (prior !== undefined) values.priorQualificationLevel = prior;
  if (/\b(?:in|from) the same (?:area|field|subject|sector|occupation|occupational area)\b/.test(text)) {
    values.priorQualificationSameArea = 'yes';
  } else if (/\b(?:different|unrelated|another) (?:area|field|subject|sector|occupation)\b/.test(text)) {
    values.priorQualificationSameArea = 'no';
  }
  if (/\bfoundation apprenticeship\b/.test(text)) values.isFoundationApprenticeship = true;
  const residency = readResidency(text);
  if (residency) values.residency = residency;
  const years =
    /\b(?:lived|living|been|resident)\s+in\s+(?:the\s+)?uk\s+(?:for\s+)?(\d+(?:\.\d+)?)\s+years?\b/.exec(text) ??
    /\b(\d+(?:\.\d+)?)\s+years?\s+in\s+(?:the\s+)?uk\b/.exec(text);
  if (years) values.yearsInUk = Number(years[1]);
  if (
    /\b(?:no|without|hasn'?t got|has not got|doesn'?t have|does not have)\s+(?:the\s+|a\s+)?right to work\b/.test(text)
  ) {
    values.rightToWork = 'no';
  } else if (/\b(?:has|have|with)\s+(?:the\s+|a\s+)?right to work\b/.test(text)) {
    values.rightToWork = 'yes';
  }
  if (/\bstudent loan\b|\bon another (?:funded )?course\b/.test(text)) values.inOtherFundedEducation = 'yes';
  if (/\bnon-?levy\b|\b(?:doesn'?t|does not|don'?t|do not) pay the levy\b|\bnot a levy payer\b/.test(text)) {
    values.levyPayer = 'no';
  } else if (/\blevy[- ]pay(?:er|ing)\b|\bpays? the levy\b/.test(text)) {
    values.levyPayer = 'yes';
  }
  const employees = readEmployeeCount(text);
  if (employees !== undefined) values.employeeCount = employees;
  if (/\bcare leaver\b|\bbeen in care\b|\bcare[- ]experienced\b/.test(text)) values.isCareLeaver = 'yes';
  if (/\behc ?p?\b|\beducation,? health and care plan\b/.test(text)) values.hasEhcPlan = 'yes';
  return values;
}
