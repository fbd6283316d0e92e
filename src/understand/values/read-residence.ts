import { UNITS } from '../../knowledge/number-words.js';

/** Where a person has lived: "here" and "in the UK" name the same place in these messages. */
const HERE = String.raw`(?:in\s+(?:the\s+)?uk|in\s+england|here|in\s+the\s+country)`;
const NUMBER = String.raw`(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six)`;
const WORDS: Record<string, number> = { a: 1, an: 1, ...UNITS };

const toNumber = (word: string) => WORDS[word] ?? Number(word);
const years = (count: string, unit: string) =>
  /^month/.test(unit) ? Math.round((toNumber(count) / 12) * 100) / 100 : toNumber(count);

const STAYED = [
  new RegExp(
    String.raw`\b(?:lived|living|been|resident|based)\s+${HERE}\s+(?:for\s+)?${NUMBER}\s+(years?|yrs?|months?)\b`,
  ),
  new RegExp(String.raw`\b${NUMBER}\s+(years?|yrs?|months?)\s+${HERE}\b`),
  new RegExp(String.raw`\bvisa\s+(?:for\s+)?(?:the\s+last\s+)?${NUMBER}\s+(years?|yrs?|months?)\b`),
  new RegExp(String.raw`\b${HERE}\s+(?:for\s+)?${NUMBER}\s+(years?|yrs?|months?)\b`),
  new RegExp(String.raw`\b(?:arrived|came|moved)\b[^.?!,]{0,25}?\b${NUMBER}\s+(years?|yrs?|months?)\s+ago\b`),
];
const ARRIVED = /\b(?:arrived|came(?: over)?|moved(?: here| to the uk)?)\b[^.?!,]{0,25}?\b(last|this) year\b/;

/**
 * How many years a person has lived in the UK, as a message says it: "been here 18 months" is 1.5, "arrived 2
 * years ago" 2, "arrived last year" 1, "came this year" 0. Undefined when it says nothing of it.
 */
export function readYearsInUk(text: string): number | undefined {
  const lower = text.toLowerCase();
  for (const pattern of STAYED) {
    const found = pattern.exec(lower);
    if (found) return years(found[1] as string, found[2] as string);
  }
  const arrived = ARRIVED.exec(lower);
  if (arrived) return arrived[1] === 'last' ? 1 : 0;
  return undefined;
}
