import { formatMoney, formatPercent } from '../knowledge/format.js';

/** Rounds pounds to the nearest penny (halves up), working in pence so binary fractions cannot tip it. */
export function roundToPenny(pounds: number): number {
  const pence = pounds * 100;
  return Math.round(Number(pence.toFixed(6))) / 100;
}

/** "£10,000", "£833.33": pence shown only when there are any. */
export function money(pounds: number): string {
  const rounded = roundToPenny(pounds);
  return formatMoney(rounded, { pence: !Number.isInteger(rounded) });
}

/** A share held as a fraction (0.8) written as a percentage ("80%"). */
export function share(fraction: number): string {
  return formatPercent(fraction * 100);
}
