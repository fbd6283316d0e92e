import { TENS, UNITS } from '../../knowledge/number-words.js';
import type { Token } from './tokens.js';

const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** Words for shares of a whole, read as percentages ("half the cost" is 50%). */
export const SHARE_WORDS: Record<string, number> = { half: 50, quarter: 25, quarters: 25 };

export type SpelledNumber = { value: number; next: number };

/**
 * Reads a number written in words starting at `tokens[at]` ("fifteen", "twenty-five", "two thousand",
 * "a hundred and fifty"), returning its value and the index after it; a number written in digits followed by a
 * scale word ("3 million") is read too.
 */
export function readNumberAt(tokens: Token[], at: number): SpelledNumber | undefined {
  const first = tokens[at];
  let index = at;
  let total = 0;
  let current = 0;
  let read = false;
  let words = true;
  if (first?.digits !== undefined) {
    current = first.digits;
    read = true;
    words = false;
    index += 1;
  } else if (first?.lower === 'a' && (tokens[at + 1]?.lower ?? '') in SCALES) {
    current = 1;
    read = true;
    index += 1;
  }
  let afterScale = false;
  for (;;) {
    const word = tokens[index]?.lower ?? '';
    const following = tokens[index + 1]?.lower ?? '';
    const low = current % 100;
    if (words && word in UNITS && (low === 0 || (low >= 20 && low % 10 === 0))) {
      current += UNITS[word] as number;
    } else if (words && word in TENS && low === 0) {
      current += TENS[word] as number;
      if (following === '-' && (tokens[index + 2]?.lower ?? '') in UNITS) {
        current += UNITS[tokens[index + 2]?.lower as string] as number;
        index += 2;
      }
    } else if (word in SCALES && read) {
      const scale = SCALES[word] as number;
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
      afterScale = true;
      index += 1;
      continue;
    } else if (word === 'and' && words && afterScale && (following in UNITS || following in TENS)) {
      // "a hundred and fifty": "and" joins the parts of one number.
    } else {
      break;
    }
    afterScale = false;
    read = true;
    index += 1;
  }
  if (!read) return undefined;
  return { value: total + current, next: index };
}

/** Whether a word begins a number written in words. */
export function startsSpelledNumber(tokens: Token[], at: number): boolean {
  const word = tokens[at]?.lower ?? '';
  if (word === 'a') return (tokens[at + 1]?.lower ?? '') in SCALES;
  return word in UNITS || word in TENS;
}
