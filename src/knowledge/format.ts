import type { FactUnit } from './fact-schema.js';

/** Month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Lower-case month names joined for a regular expression: "january|february|…". */
export const MONTH_PATTERN = MONTHS.map((month) => month.toLowerCase()).join('|');

/** "22 November 2026", the GOV.UK way. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/**
 * en-GB number formats, made the first time a figure needs one (creating them takes longer than the first answer).
 * Only amounts `plainMoney` does not write come here: negative ones, and those too large or small for plain digits.
 */
let wholePounds: Intl.NumberFormat | undefined;
let poundsAndPence: Intl.NumberFormat | undefined;

/**
 * An amount as Intl.NumberFormat writes it in en-GB, from the shortest decimal that names the number (as ICU starts
 * from): whole pounds grouped in threes, or pence rounded half up ("1.005" is 1.01). Undefined where it would differ.
 */
function plainMoney(amount: number, pence: boolean): string | undefined {
  if (!Number.isFinite(amount) || amount < 0 || Object.is(amount, -0)) return undefined;
  const decimal = String(amount);
  if (decimal.includes('e')) return undefined;
  const [whole = '', fraction = ''] = decimal.split('.');
  if (!pence) return groupThousands(whole);
  let digits = whole + `${fraction}00`.slice(0, 2);
  if ((fraction[2] ?? '0') >= '5') digits = addOne(digits);
  return `${groupThousands(digits.slice(0, -2) || '0')}.${digits.slice(-2)}`;
}

/** "1299" → "1300", "999" → "1000": one added to a string of digits. */
function addOne(digits: string): string {
  let at = digits.length - 1;
  while (at >= 0 && digits[at] === '9') at -= 1;
  if (at < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, at) + String(Number(digits[at]) + 1) + '0'.repeat(digits.length - at - 1);
}

/** "12345678" → "12,345,678". */
function groupThousands(whole: string): string {
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let at = grouped.length; at < whole.length; at += 3) grouped += `,${whole.slice(at, at + 3)}`;
  return grouped;
}

/** "£10,000" for whole pounds, "£14.80" otherwise; `pence: true` always shows pence. */
export function formatMoney(pounds: number, options: { pence?: boolean } = {}): string {
  const whole = Number.isInteger(pounds) && !options.pence;
  const plain = plainMoney(pounds, !whole);
  if (plain !== undefined) return `£${plain}`;
  wholePounds ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
  poundsAndPence ??= new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `£${(whole ? wholePounds : poundsAndPence).format(pounds)}`;
}

/** "0.5%", "10%". */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(2)).toString()}%`;
}

const PLURAL_UNITS: Partial<Record<FactUnit, [string, string]>> = {
  months: ['month', 'months'],
  weeks: ['week', 'weeks'],
  days: ['day', 'days'],
  hours: ['hour', 'hours'],
  years: ['year', 'years'],
};

/** A figure as a person reads it: "£14.80 an hour", "£15,000", "0.5%", "12 months", "6 hours a week". */
export function formatFigure(value: number | string, unit: FactUnit): string {
  if (typeof value === 'string') return unit === 'date' ? formatDate(value) : value;
  switch (unit) {
    case 'gbp':
      return formatMoney(value);
    case 'gbp_per_hour':
      return `${formatMoney(value, { pence: true })} an hour`;
    case 'percent':
      return formatPercent(value);
    case 'hours_per_week':
      return `${value} ${value === 1 ? 'hour' : 'hours'} a week`;
    case 'age':
      return `${value}`;
    case 'count':
      return Number.isSafeInteger(value) && value >= 0 ? groupThousands(String(value)) : value.toLocaleString('en-GB');
    default: {
      const words = PLURAL_UNITS[unit];
      return words ? `${value} ${value === 1 ? words[0] : words[1]}` : String(value);
    }
  }
}
