import { TENS, UNITS } from '../../knowledge/number-words.js';

/** An amount of money found in a message: its value in pounds, where it was and how it was written. */
export type FoundAmount = {
  pounds: number;
  /** The words that gave it, as written ("about £3m", "4,500,000"). */
  text: string;
  index: number;
  /** A £ sign, a multiplier word (m, million, k) or thousands separators: it reads as money, not a count. */
  looksLikeMoney: boolean;
};

const MULTIPLIERS: Record<string, number> = {
  k: 1_000,
  grand: 1_000,
  thousand: 1_000,
  m: 1_000_000,
  mn: 1_000_000,
  mil: 1_000_000,
  mill: 1_000_000,
  million: 1_000_000,
  millions: 1_000_000,
  b: 1_000_000_000,
  bn: 1_000_000_000,
  billion: 1_000_000_000,
};

const MULTIPLIER = String.raw`k|grand|thousand|mn|mill?|millions?|m|bn|b|billion`;
const HEDGE = String.raw`(?:about|around|roughly|approximately|approx\.?|circa|c\.|~|just (?:over|under)|nearly|almost|over|under|some|at least|up to)`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
/** The amount pattern every reader shares: an optional hedge word, £, the number and a multiplier. */
export const AMOUNT_PATTERN = String.raw`(?:${HEDGE}\s+)?(?:£|gbp\s?)?\s?(?:${NUMBER})\s?(?:(?:${MULTIPLIER})\b)?`;

const WHOLE = new RegExp(String.raw`^(?:${HEDGE}\s+)?(?:£|gbp\s?)?\s?(${NUMBER})\s?(?:(${MULTIPLIER})\b)?\.?$`, 'i');
const ANYWHERE = new RegExp(
  String.raw`(?<![\w.£])(${HEDGE}\s+)?(£|gbp\s?)?\s?(${NUMBER})(?:\s?(${MULTIPLIER})\b)?(?![\d%]|\s?%|\s?per\s?cent)`,
  'gi',
);

function toPounds(number: string, multiplier: string | undefined): number | undefined {
  const value = Number(number.replace(/,/g, '')) * (multiplier ? (MULTIPLIERS[multiplier.toLowerCase()] ?? 1) : 1);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

/** Counts of millions or thousands written in words: "a", "one" to "ninety", "hundred". */
const NUMBER_WORDS: Record<string, number> = { a: 1, ...UNITS, ...TENS, hundred: 100 };
const NUMBER_WORD = Object.keys(NUMBER_WORDS)
  .filter((word) => word !== 'a')
  .join('|');
const TENS_WORD = Object.keys(TENS).join('|');
const UNIT_WORD = Object.keys(UNITS)
  .filter((word) => UNITS[word] !== undefined && (UNITS[word] as number) < 10 && word !== 'zero')
  .join('|');
/** "three and a half million", "twenty two and a half million", "four million quid", "half a million". */
const WORDED = new RegExp(
  String.raw`(?<![\w£])(?:(?:(${TENS_WORD})[\s-]+(${UNIT_WORD})|(${NUMBER_WORD}|a))(\s+and\s+a\s+(?:half|quarter))?|(half)\s+a)\s+(million|thousand|grand|billion)\b(?:\s+(?:pounds|quid))?`,
  'gi',
);

function wordedAmounts(text: string): FoundAmount[] {
  const found: FoundAmount[] = [];
  for (const match of text.matchAll(WORDED)) {
    const [whole, tens, unit, count, fraction, half, multiplier] = match;
    const word = (name: string | undefined) => NUMBER_WORDS[(name ?? '').toLowerCase()] ?? 0;
    const base = half ? 0.5 : tens ? word(tens) + word(unit) : word(count);
    const extra = fraction ? (/half/i.test(fraction) ? 0.5 : 0.25) : 0;
    const pounds = toPounds(String(base + extra), multiplier);
    if (pounds === undefined || pounds === 0) continue;
    found.push({ pounds, text: whole.trim(), index: match.index, looksLikeMoney: true });
  }
  return found;
}

/**
 * Reads an amount of money written the way people write it ("£4.5m", "4,500,000", "about £3m", "2.5 mil",
 * "£3.5 million", "3.5M", "£120k"); undefined when the whole text is not one amount.
 */
export function parseAmount(text: string): number | undefined {
  const match = WHOLE.exec(text.trim());
  if (!match) return undefined;
  return toPounds(match[1] as string, match[2]);
}

/** An amount that names a payment, not a pay bill or a price ("the £1,000 incentive", "a £3k bursary"). */
const NAMES_A_PAYMENT =
  /^\s*(?:employer\s+|apprentice\s+)?(?:incentives?|bursar(?:y|ies)|payments?|grants?|bonus(?:es)?|fines?|penalt(?:y|ies))\b/i;

/** Every amount in a message, in order; percentages and amounts that name a payment are left out. */
export function findAmounts(text: string): FoundAmount[] {
  const found: FoundAmount[] = [];
  for (const match of text.matchAll(ANYWHERE)) {
    const [whole, , pound, number, multiplier] = match;
    const pounds = toPounds(number as string, multiplier);
    if (pounds === undefined) continue;
    if (NAMES_A_PAYMENT.test(text.slice(match.index + whole.length))) continue;
    const lowerMultiplier = multiplier?.toLowerCase();
    // "3 m" in "3 m tall" is rare in this service; "m" after a digit is read as million.
    const looksLikeMoney = pound !== undefined || lowerMultiplier !== undefined || /,\d{3}/.test(number as string);
    found.push({ pounds, text: whole.trim(), index: match.index, looksLikeMoney });
  }
  // Amounts in words ("three and a half million") where no figure was written at that place.
  for (const worded of wordedAmounts(text)) {
    const end = worded.index + worded.text.length;
    if (!found.some((amount) => amount.index < end && worded.index < amount.index + amount.text.length)) {
      found.push(worded);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
