import { TOWNS_OUTSIDE_ENGLAND } from '../places.js';

const FRACTIONS: Record<string, number> = {
  all: 1,
  none: 0,
  half: 0.5,
  'a half': 0.5,
  'one half': 0.5,
  'a third': 1 / 3,
  'one third': 1 / 3,
  'two thirds': 2 / 3,
  'a quarter': 0.25,
  'one quarter': 0.25,
  'three quarters': 0.75,
  'a fifth': 0.2,
  'one fifth': 0.2,
  'two fifths': 0.4,
  'three fifths': 0.6,
  'four fifths': 0.8,
  'a tenth': 0.1,
  'one tenth': 0.1,
  'nine tenths': 0.9,
};

const FRACTION_WORDS = Object.keys(FRACTIONS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const COUNT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const COUNT = String.raw`[1-7]|one|two|three|four|five|six|seven`;
/** "80%", "a quarter", or days of a working week: "3 days out of 5", "two days in five". */
const SHARE = String.raw`(\d+(?:\.\d+)?)\s?(?:%|per\s?cent|pc\b)|(${FRACTION_WORDS})|\b(${COUNT})\s+(?:days?\s+)?(?:out\s+of|of|in)\s+(?:the\s+)?(${COUNT})\b(?:\s+days)?`;
const ENGLAND = String.raw`england|english`;
const ELSEWHERE = String.raw`wales|welsh|scotland|scottish|northern ireland|ni\b|outside england|abroad|overseas|not in england|${TOWNS_OUTSIDE_ENGLAND.join('|')}`;
const GAP = String.raw`[^.?!;]{0,50}?`;

const countOf = (text: string) => COUNT_WORDS[text] ?? Number(text);

function shareValue(match: RegExpExecArray): number | undefined {
  const [, percent, words, days, ofDays] = match;
  if (days !== undefined && ofDays !== undefined) {
    const share = countOf(days) / countOf(ofDays);
    return share <= 1 ? Math.round(share * 1e6) / 1e6 : undefined;
  }
  if (percent !== undefined) {
    const value = Number(percent) / 100;
    return value >= 0 && value <= 1 ? value : undefined;
  }
  return words === undefined ? undefined : FRACTIONS[words];
}

/**
 * The share of a pay bill paid to people living in England, from how people say it: "80% in England", "a quarter
 * of them live in Wales" (0.75), "half the staff are in Scotland" (0.5). Undefined when the message gives none.
 */
export function readEnglandShare(text: string): number | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const inEngland =
    new RegExp(String.raw`(?:${SHARE})${GAP}\b(?:${ENGLAND})\b`).exec(lower) ??
    new RegExp(String.raw`\b(?:${ENGLAND})\b${GAP}(?:${SHARE})`).exec(lower);
  const elsewhere =
    new RegExp(String.raw`(?:${SHARE})${GAP}\b(?:${ELSEWHERE})`).exec(lower) ??
    new RegExp(String.raw`\b(?:${ELSEWHERE})${GAP}(?:${SHARE})`).exec(lower);
  // "a quarter in Wales, the rest in England": a share whose words name another nation belongs to that nation.
  const namesElsewhere = (match: RegExpExecArray) => new RegExp(String.raw`\b(?:${ELSEWHERE})`).test(match[0]);
  // "the rest are all in England" is what is left after the share named for elsewhere, not all of the pay bill.
  const isTheRest = (match: RegExpExecArray) => /\brest\b[^.?!;]{0,12}$/.test(lower.slice(0, match.index));
  if (inEngland && !namesElsewhere(inEngland) && !(elsewhere && isTheRest(inEngland))) {
    const value = shareValue(inEngland);
    if (value !== undefined) return value;
  }
  if (elsewhere) {
    const value = shareValue(elsewhere);
    if (value !== undefined) return Math.round((1 - value) * 1e6) / 1e6;
  }
  return undefined;
}

/** A share of something written as a percentage or a fraction word ("50%", "half"), as a fraction of 1. */
export function readShare(text: string): number | undefined {
  const match = new RegExp(SHARE).exec(text.toLowerCase());
  return match ? shareValue(match) : undefined;
}
