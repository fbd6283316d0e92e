import { AMOUNT_PATTERN, type FoundAmount, findAmounts, parseAmount } from './read-amount.js';

const PAY_BILL_WORDS = String.raw`pay\s?bills?|pay\s?rolls?|wage bills?|salary bills?|total pay|wages bill|paybills?|payrolls?`;
const COURSE_WORDS = String.raw`apprenticeships?|course|training|programme|standard|qualification`;
const PRICE_WORDS = String.raw`costs?|costing|priced at|price(?:d)?|worth|of|at|is|for|=`;
const GROUP =
  /\b(?:connected|linked compan|group of|part of a group|in the group|(?:same|our|their) group|group compan|sister compan|sister co\b|subsidiar|parent compan|parent co\b|(?:the )?same (?:parent|owner|holding)|(?:common|same) ownership|owned by (?:the )?same|under common control|both compan|each compan|(?:two|three|four|five|2|3|4|5) (?:connected |related |linked |separate )?(?:compan|cos\b|firms|businesses|charities|entities|employers|paye schemes))/;

const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, both: 2 };
const EACH =
  /\b(two|three|four|five|six|both|\d{1,2})\s+(?:[a-z]+\s+){0,2}?(?:compan(?:y|ies)|cos|firms|businesses|charities|entities|employers|subsidiaries)\b(?:[^.?!]|\.(?=\d)){0,40}?\beach\b/;

export type PayBills = {
  /** The pay bills named, in order; more than one when connected companies are described. */
  parts: number[];
  /** Their sum: connected companies pay the levy on their combined pay bill, with one allowance between them. */
  total: number;
  /** The message describes connected companies or charities. */
  isConnected: boolean;
};

/** The funding band maximum a message gives for its standard: "the band max is £12,000", "12k funding band". */
export function readBandMaximum(text: string): FoundAmount | undefined {
  const lower = text.toLowerCase();
  const match =
    new RegExp(
      String.raw`\b(?:funding )?band(?:'s)?(?:\s+(?:max(?:imum)?|cap|limit|top))?(?:\s+for\s+(?:the|this|that|its|their)\s+(?:standard|course|apprenticeship))?\s+(?:is\s+|of\s+|at\s+|=\s*|:\s*)?(?:only\s+|just\s+)?(${AMOUNT_PATTERN})`,
    ).exec(lower) ??
    new RegExp(String.raw`(${AMOUNT_PATTERN})\s+(?:funding\s+)?band(?:\s+(?:max(?:imum)?|cap|limit))?\b`).exec(lower);
  if (!match) return undefined;
  const amountText = (match[1] as string).trim();
  const pounds = parseAmount(amountText);
  if (pounds === undefined || pounds <= 0 || !/£|k\b|grand|,\d{3}|\d{4,}/.test(amountText)) return undefined;
  return {
    pounds,
    text: amountText,
    index: (match.index ?? 0) + match[0].indexOf(match[1] as string),
    looksLikeMoney: true,
  };
}

/** A price a provider asks: "provider wants £14,000", "college is quoting 9k", "they're charging £11k". */
const PROVIDER_PRICE = new RegExp(
  String.raw`\b(?:provider|college|trainer|training company|they|it)(?:'s|s| is| are)?\s+(?:now\s+)?(?:wants?|want(?:ing)?|charg(?:es|ing|e)|quot(?:es|ing|ed|e)|asking(?: for)?|asks(?: for)?|priced? it at)\s+(?:about\s+|around\s+|roughly\s+)?(${AMOUNT_PATTERN})`,
);

/** The price of one apprenticeship or course: "course costs £9,000", "a £12k apprenticeship", "priced at 8.5k". */
export function readCoursePrice(text: string): FoundAmount | undefined {
  const lower = text.toLowerCase();
  const band = readBandMaximum(lower);
  const after = new RegExp(
    String.raw`\b(?:${COURSE_WORDS})(?:\s+(?:price|cost|fee))?\s+(?:${PRICE_WORDS})(?:\s+(?:of|at|is|about|around|roughly))*\s+(${AMOUNT_PATTERN})`,
  ).exec(lower);
  const before = new RegExp(String.raw`(${AMOUNT_PATTERN})\s+(?:[a-z-]+\s+){0,3}?(?:${COURSE_WORDS})\b`).exec(lower);
  const priceOf = new RegExp(String.raw`\b(?:price|cost|fee)\s+(?:of|is|at|=|:)?\s*(${AMOUNT_PATTERN})`).exec(lower);
  const provider = PROVIDER_PRICE.exec(lower);
  const candidates = [after, before, priceOf, provider].filter((match): match is RegExpExecArray => match !== null);
  for (const match of candidates) {
    const amountText = (match[1] as string).trim();
    const pounds = parseAmount(amountText);
    if (pounds === undefined || pounds <= 0) continue;
    // "a £5m pay bill and a level 3 apprenticeship": an amount next to pay-bill words is not a price.
    const index = (match.index ?? 0) + match[0].indexOf(match[1] as string);
    const followedBy = lower.slice(index + (match[1] as string).length, index + (match[1] as string).length + 12);
    if (new RegExp(String.raw`^\s*(?:${PAY_BILL_WORDS})`).test(followedBy)) continue;
    if (!/£|k\b|grand|,\d{3}|\d{3,}/.test(amountText)) continue;
    // "the band max is £12,000": the band is not the price.
    if (band && band.index === index) continue;
    return { pounds, text: amountText, index, looksLikeMoney: true };
  }
  return undefined;
}

/** Whether an amount is written right beside pay-bill words ("£5m pay bill", "payroll of about £3m"). */
function isBesidePayBillWords(lower: string, amount: FoundAmount): boolean {
  const before = lower.slice(Math.max(0, amount.index - 40), amount.index);
  const after = lower.slice(amount.index + amount.text.length, amount.index + amount.text.length + 40);
  return (
    new RegExp(String.raw`\b(?:${PAY_BILL_WORDS})\b[^.?!£\d]{0,30}$`).test(before) ||
    // "650k a month through payroll", "£2m on the pay bill".
    new RegExp(
      String.raw`^\s*(?:(?:a|per|each) month\s+|monthly\s+)?(?:(?:through|on|in|of|into)\s+(?:the\s+|their\s+|its\s+|our\s+)?)?(?:annual\s+|yearly\s+|combined\s+)?(?:${PAY_BILL_WORDS})\b`,
    ).test(after)
  );
}

/** Amounts that are not pay bills: the allowance, a price, a share of the levy, hourly pay. */
function isOtherAmount(lower: string, amount: FoundAmount, price: FoundAmount | undefined): boolean {
  if (price && amount.index === price.index) return true;
  // "the band max is £12,000": the standard's funding band, not a pay bill.
  if (readBandMaximum(lower)?.index === amount.index) return true;
  const after = lower.slice(amount.index + amount.text.length, amount.index + amount.text.length + 20);
  const before = lower.slice(Math.max(0, amount.index - 25), amount.index);
  if (/^\s*(?:an?\s+|per\s+)?(?:hour|hr|week|month|allowance|levy|top[- ]?up|bonus|transfer)/.test(after)) return true;
  if (/\b(?:levy of|allowance of|transfer|transferring|pledge|paid|pay)\s*$/.test(before)) return true;
  return !amount.looksLikeMoney;
}

/**
 * The pay bill a message gives. One amount beside pay-bill words, or the only amount that reads as money; when the
 * message describes connected companies, every pay bill named is added up (they share one allowance).
 */
export function readPayBills(text: string): PayBills | undefined {
  const lower = text.toLowerCase();
  const isConnected = GROUP.test(lower);
  const price = readCoursePrice(text);
  const found = findAmounts(lower);
  // A limit is left out only beside a pay bill of its own: "just under £3m" alone is the pay bill.
  const hasOtherAmounts = found.some((amount) => !isThresholdOrSplit(lower, amount) && amount.pounds >= 1000);
  const amounts = found.filter(
    (amount) =>
      !isCorrectedAway(lower, amount) &&
      !pointsBack(lower, amount, found) &&
      !(hasOtherAmounts && isThresholdOrSplit(lower, amount)) &&
      (isBesidePayBillWords(lower, amount) || !isOtherAmount(lower, amount, price)),
  );
  const beside = amounts.filter((amount) => isBesidePayBillWords(lower, amount));
  // "two linked charities each with about £1.6m in wages": one amount said for each of a counted group.
  const each = EACH.exec(lower);
  if (isConnected && amounts.length === 1 && each) {
    const count = COUNTS[each[1] as string] ?? Number(each[1]);
    const part = (amounts[0] as FoundAmount).pounds;
    if (count >= 2 && count <= 20)
      return { parts: new Array(count).fill(part), total: sum(new Array(count).fill(part)), isConnected };
  }
  if (isConnected && amounts.length > 1) {
    const parts = amounts.map((amount) => amount.pounds);
    // "a combined pay bill of £6m (£4m and £2m)": a stated total wins over adding its parts again.
    const combined = beside.find((amount) =>
      /combined|total|together|group/.test(
        lower.slice(Math.max(0, amount.index - 30), amount.index + amount.text.length + 20),
      ),
    );
    if (combined && parts.length > 2) return { parts: [combined.pounds], total: combined.pounds, isConnected };
    return { parts, total: sum(parts), isConnected };
  }
  const chosen = beside[0] ?? (amounts.length === 1 ? amounts[0] : undefined);
  if (!chosen) return undefined;
  // The levy is worked on a year's pay bill: "£950k a month" is twelve months of it.
  const pounds = isMonthly(lower, chosen) ? Math.round(chosen.pounds * 12 * 100) / 100 : chosen.pounds;
  return { parts: [pounds], total: pounds, isConnected };
}

/**
 * "both under 3m", "over the £3m threshold": a limit the message compares with, not a pay bill; "split 50/50": a
 * share, not an amount.
 */
function isThresholdOrSplit(lower: string, amount: FoundAmount): boolean {
  const before = lower.slice(Math.max(0, amount.index - 24), amount.index);
  const after = lower.slice(amount.index + amount.text.length, amount.index + amount.text.length + 3);
  return (
    /^(?:under|below|over|above|less than|more than)\b/.test(amount.text) ||
    /\b(?:under|below|over|above|less than|more than|threshold(?: of)?)\s+(?:the\s+)?$/.test(before) ||
    /\/\s*$/.test(before) ||
    /^\s*\/\s*\d/.test(after)
  );
}

/** "the £4m one", "that 1.5m company": an amount named again to point back at it, not another pay bill. */
function pointsBack(lower: string, amount: FoundAmount, all: readonly FoundAmount[]): boolean {
  const before = lower.slice(Math.max(0, amount.index - 8), amount.index);
  return (
    /\b(?:the|that|this)\s+$/.test(before) &&
    all.some((earlier) => earlier.index < amount.index && earlier.pounds === amount.pounds)
  );
}

/** Whether an amount is said to be monthly ("£950k a month", "800k per month", "£1m monthly", "£900k pcm"). */
function isMonthly(text: string, amount: FoundAmount): boolean {
  // "our monthly payroll is roughly £600k", "payroll per month of 450k".
  const before = text.slice(Math.max(0, amount.index - 45), amount.index);
  if (
    new RegExp(
      String.raw`\b(?:monthly\s+(?:${PAY_BILL_WORDS})|(?:${PAY_BILL_WORDS})\s+(?:a|per|each|every)\s+month)\b[^.?!£\d]{0,30}$`,
    ).test(before)
  )
    return true;
  const after = text.slice(amount.index + amount.text.length, amount.index + amount.text.length + 24);
  return /^\s*(?:(?:a|per|each|every)\s+(?:calendar\s+)?month\b|monthly\b|pcm\b|\/\s?(?:month|mth)\b)/.test(after);
}

/** An amount a correction sets aside: "it's 5.2m not 5m", "5.2m rather than 5m", "not 5m but 5.2m". */
function isCorrectedAway(text: string, amount: FoundAmount): boolean {
  return /\b(?:not|rather than|instead of)\s+(?:about\s+|around\s+)?$/.test(
    text.slice(Math.max(0, amount.index - 20), amount.index),
  );
}

function sum(values: number[]): number {
  // Whole pence, so £2.1m + £1.2m is £3,300,000 exactly.
  return values.reduce((total, value) => total + Math.round(value * 100), 0) / 100;
}
