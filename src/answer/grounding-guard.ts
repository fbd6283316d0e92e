import { MONTH_PATTERN, MONTHS as MONTH_TITLES } from '../knowledge/format.js';

const MONTHS = MONTH_TITLES.map((month) => month.toLowerCase());
const MONTH_NAMES = MONTH_PATTERN;

const FIGURE_TOKEN = new RegExp(
  [
    `\\b\\d{1,2}\\s+(?:${MONTH_NAMES})\\s+\\d{4}\\b`,
    `\\b(?:${MONTH_NAMES})\\s+\\d{4}\\b`,
    `\\b\\d{4}-\\d{2}-\\d{2}\\b`,
    '£\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:bn|billion|m|million|k)\\b)?',
    '\\d[\\d,]*(?:\\.\\d+)?\\s?%',
    '\\d[\\d,]*(?:\\.\\d+)?',
  ].join('|'),
  'gi',
);

const pad = (n: number) => String(n).padStart(2, '0');

function amount(text: string): number {
  const match = /(\d[\d,]*(?:\.\d+)?)\s?(bn|billion|m|million|k)?/i.exec(text);
  if (!match) return Number.NaN;
  const value = Number((match[1] as string).replace(/,/g, ''));
  const scale = (match[2] ?? '').toLowerCase();
  const factor = scale.startsWith('b') ? 1e9 : scale.startsWith('m') ? 1e6 : scale === 'k' ? 1e3 : 1;
  return Math.round(value * factor * 100) / 100;
}

/** The canonical forms of one figure token: what it must match in the sources. */
function canonical(token: string): string[] {
  const lower = token.toLowerCase().trim();
  const fullDate = new RegExp(`^(\\d{1,2})\\s+(${MONTH_NAMES})\\s+(\\d{4})$`).exec(lower);
  if (fullDate) {
    const month = pad(MONTHS.indexOf(fullDate[2] as string) + 1);
    return [`date:${fullDate[3]}-${month}-${pad(Number(fullDate[1]))}`];
  }
  const monthYear = new RegExp(`^(${MONTH_NAMES})\\s+(\\d{4})$`).exec(lower);
  if (monthYear) return [`month:${monthYear[2]}-${pad(MONTHS.indexOf(monthYear[1] as string) + 1)}`];
  if (/^\d{4}-\d{2}-\d{2}$/.test(lower)) return [`date:${lower}`];
  if (lower.startsWith('£')) return [`num:${amount(lower)}`];
  if (lower.endsWith('%')) return [`pct:${amount(lower)}`];
  return [`num:${amount(lower)}`];
}

/** What a source text vouches for: each token, plus the month and year of each full date. */
function vouchedFor(text: string): Set<string> {
  const allowed = new Set<string>();
  for (const match of text.matchAll(FIGURE_TOKEN)) {
    for (const form of canonical(match[0])) {
      allowed.add(form);
      if (form.startsWith('date:')) {
        const [year, month, day] = form.slice(5).split('-');
        allowed.add(`month:${year}-${month}`);
        allowed.add(`num:${Number(year)}`);
        allowed.add(`num:${Number(day)}`);
      }
      if (form.startsWith('month:')) allowed.add(`num:${Number(form.slice(6, 10))}`);
      if (form.startsWith('pct:')) allowed.add(`num:${form.slice(4)}`);
    }
  }
  return allowed;
}

export type GuardResult = { ok: true; cited: number[] } | { ok: false; reason: string };

/**
 * Checks a model answer against what it was given: at least one citation, every citation names a given passage,
 * and every number, amount, percentage and date appears in the cited passages, the figures list or the question.
 */
export function checkGrounding(input: {
  text: string;
  passages: Map<number, string>;
  alwaysAllowed: string;
}): GuardResult {
  const cited = [...new Set([...input.text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])))];
  if (cited.length === 0) return { ok: false, reason: 'the answer cites no passage' };
  const unknown = cited.filter((n) => !input.passages.has(n));
  if (unknown.length > 0)
    return { ok: false, reason: `the answer cites passage ${unknown.join(', ')}, which it was not given` };

  const unvouched = firstUnvouchedFigure(input.text, [
    input.alwaysAllowed,
    ...cited.map((n) => input.passages.get(n) ?? ''),
  ]);
  if (unvouched) return { ok: false, reason: `"${unvouched}" is not in the cited passages` };
  return { ok: true, cited };
}

/** The first number, amount, percentage or date in `text` that none of `sources` contains, if any. */
export function firstUnvouchedFigure(text: string, sources: string[]): string | undefined {
  const allowed = vouchedFor(sources.join('\n'));
  const body = text.replace(/\[\d+\]/g, ' ');
  for (const match of body.matchAll(FIGURE_TOKEN)) {
    if (!canonical(match[0]).some((form) => allowed.has(form))) return match[0].trim();
  }
  return undefined;
}
