import { formatMoney, formatPercent } from '../../knowledge/format.js';

/**
 * Money is worked in whole pence so that binary fractions never tip a figure: amounts come in as pounds, are turned
 * into pence once, every product or quotient is rounded to the nearest penny (halves up), and pounds come back out
 * only for display and for the result's `amount` fields.
 */
export type Pence = number & { readonly __unit?: 'pence' };

/** Pounds (possibly with a fraction of a penny from a reader) to whole pence, halves up. */
export function toPence(pounds: number): Pence {
  return roundHalfUp(pounds * 100);
}

export function toPounds(pence: Pence): number {
  return pence / 100;
}

/** `pence × numerator ÷ denominator`, rounded to a whole penny once, at the end. */
export function scalePence(pence: Pence, numerator: number, denominator = 1): Pence {
  return roundHalfUp((pence * numerator) / denominator);
}

/** A percentage of an amount: `percentOf(toPence(5_000_000), 0.5)` is 2,500,000 pence (£25,000). */
export function percentOf(pence: Pence, percent: number): Pence {
  return scalePence(pence, percent, 100);
}

/** Rounds halves away from zero after clearing float noise (1.005 × 100 is 100.49999…, which should be 100.5). */
function roundHalfUp(value: number): number {
  const cleaned = Number(value.toFixed(6));
  return Math.sign(cleaned) * Math.round(Math.abs(cleaned));
}

/** Rounds pounds to the nearest penny (halves up), via whole pence. */
export function roundToPenny(pounds: number): number {
  return toPounds(toPence(pounds));
}

/** "£10,000", "£833.33": pence shown only when there are any. */
export function money(pounds: number): string {
  const rounded = roundToPenny(pounds);
  return formatMoney(rounded, { pence: !Number.isInteger(rounded) });
}

/** The same for an amount held in pence. */
export function moneyFromPence(pence: Pence): string {
  return money(toPounds(pence));
}

/** A share held as a fraction (0.8) written as a percentage ("80%"). */
export function share(fraction: number): string {
  return formatPercent(fraction * 100);
}

/**
 * "a" or "an" before an amount as it is said: "an £8,000,000 pay bill" (eight million), "an £18,000 apprenticeship"
 * (eighteen thousand), but "a £1,800,000 pay bill" (one million…).
 */
export function articleFor(amount: string): 'a' | 'an' {
  const leading = /^£?(\d+)/.exec(amount)?.[1] ?? '';
  return leading.startsWith('8') || leading === '11' || leading === '18' ? 'an' : 'a';
}
