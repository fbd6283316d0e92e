/** The tax year ("2025-26") that contains a date: tax years start on 6 April. */
export function taxYearContaining(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = isoDate >= `${year}-04-06` ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** First and last day of a tax year written "2019-20". */
export function taxYearDates(taxYear: string): { start: string; end: string } {
  const startYear = Number(taxYear.slice(0, 4));
  return { start: `${startYear}-04-06`, end: `${startYear + 1}-04-05` };
}

/**
 * The date whose rules apply to a tax year: the date asked about when it falls in that year, otherwise 6 April,
 * the first day of the year.
 */
export function rulesDateFor(taxYear: string, asOf: string): string {
  const { start, end } = taxYearDates(taxYear);
  return asOf >= start && asOf <= end ? asOf : start;
}

/** "2025-26" → "2025 to 2026", the GOV.UK way of writing a tax year in a sentence. */
export function taxYearInWords(taxYear: string): string {
  const start = Number(taxYear.slice(0, 4));
  return Number.isNaN(start) ? taxYear : `${start} to ${start + 1}`;
}
