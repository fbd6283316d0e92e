/** One token of a text, with where it starts and ends. */
export type Token = {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** The number a digit token stands for ("1,000" → 1000, "4.2m" → 4200000, "16th" → 16). */
  digits?: number;
  /** The letters that follow the digits in the same token ("th", "m", "bn", "k", "p"). */
  suffix?: string;
};

const TOKEN =
  /(\d+(?:[.,]\d+)*)(st|nd|rd|th|bn|m|k|p)?(?![A-Za-z0-9])|[A-Za-z]*\d[A-Za-z0-9@._]*|[A-Za-z]+(?:['’][A-Za-z]+)?|[£%\-–/]|[^\sA-Za-z0-9]/g;

const SCALE: Record<string, number> = { bn: 1e9, m: 1e6, k: 1e3 };

/** Splits a text into words, numbers and signs; words with digits inside ("S106", "hackney100@…") stay words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const token: Token = { text: match[0], lower: match[0].toLowerCase(), start, end: start + match[0].length };
    const digits = match[1];
    if (digits !== undefined && isNumberText(digits)) {
      const suffix = match[2]?.toLowerCase();
      const scale = suffix ? (SCALE[suffix] ?? 1) : 1;
      token.digits = round(Number(digits.replace(/,/g, '')) * scale);
      if (suffix) token.suffix = suffix;
    }
    tokens.push(token);
  }
  return tokens;
}

/** "1,000" and "14.80" are numbers; "1,0" and "1.2.3" (a version or a list) are not. */
function isNumberText(digits: string): boolean {
  return /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(digits);
}

export const round = (value: number): number => Math.round(value * 10_000) / 10_000;
