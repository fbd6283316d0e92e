/** Tax years as people write them: "2019-20", "2019/20", "2019–20", "2019-2020", "2019 to 2020", "tax year 2019". */
const RANGE = /\b((?:19|20)\d{2})\s?(?:[-/–—]|to)\s?((?:19|20)?\d{2})\b/g;
const NAMED_START =
  /\b(?:tax|financial|levy)\s+year\s+(?:of\s+|starting\s+(?:in\s+)?(?:april\s+)?)?((?:19|20)\d{2})\b(?!\s?[-/–—])/;
const IN_YEAR =
  /\b(?:in|for|during|back in)\s+((?:19|20)\d{2})\b(?!\s?(?:[-/–—]|to\b|staff|employees|people|hours|apprentices))/;

/** "this tax year", "next tax year", "last financial year": read against the as-of date. */
const RELATIVE = /\b(this|current|next|coming|last|previous)\s+(?:tax|financial|levy)\s+year\b/;

/** The tax year (6 April to 5 April) a YYYY-MM-DD date falls in. */
export function taxYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  return taxYearStarting(isoDate.slice(5) >= '04-06' ? year : year - 1);
}

/** +1 for "the year after" / "next year", -1 for "the year before" / "the previous year", else 0. */
export function readYearShift(text: string): number {
  const lower = text.toLowerCase();
  if (
    /\b(?:the )?(?:tax )?(?:year|yr) (?:before|earlier)\b|\bprevious (?:tax )?(?:year|yr)\b|\blast (?:tax )?(?:year|yr)\b|\ba (?:year|yr) earlier\b/.test(
      lower,
    )
  )
    return -1;
  if (
    /\b(?:the )?(?:tax )?(?:year|yr) after\b|\bnext (?:tax )?(?:year|yr)\b|\ba (?:year|yr) later\b|\bfollowing (?:tax )?(?:year|yr)\b/.test(
      lower,
    )
  )
    return 1;
  return 0;
}

/** "2019-20" for the tax year starting in `startYear`. */
export function taxYearStarting(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The tax year a message names, written "2019-20"; a calendar year on its own ("in 2019") is read as the tax year
 * that starts in it. Undefined when none is named or the two years are not consecutive.
 */
export function readTaxYear(text: string, asOf?: string): string | undefined {
  // A date such as 2019-04-06 is not a tax year.
  const lower = text.toLowerCase().replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ');
  if (asOf !== undefined) {
    const relative = RELATIVE.exec(lower);
    if (relative) {
      const current = taxYearOf(asOf);
      const word = relative[1] as string;
      if (word === 'next' || word === 'coming') return nextTaxYear(current);
      if (word === 'last' || word === 'previous') return previousTaxYear(current);
      return current;
    }
  }
  for (const match of lower.matchAll(RANGE)) {
    const start = Number(match[1]);
    const end = match[2] as string;
    const endYear = end.length === 2 ? Math.floor(start / 100) * 100 + Number(end) : Number(end);
    const wraps = end.length === 2 && endYear < start ? endYear + 100 : endYear;
    if (wraps === start + 1) return taxYearStarting(start);
  }
  const named = NAMED_START.exec(lower) ?? IN_YEAR.exec(lower);
  return named ? taxYearStarting(Number(named[1])) : undefined;
}

/** The tax year before: "2019-20" → "2018-19". */
export function previousTaxYear(taxYear: string): string {
  return taxYearStarting(Number(taxYear.slice(0, 4)) - 1);
}

/** The tax year after: "2019-20" → "2020-21". */
export function nextTaxYear(taxYear: string): string {
  return taxYearStarting(Number(taxYear.slice(0, 4)) + 1);
}
