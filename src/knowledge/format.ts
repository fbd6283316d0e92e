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

const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const POUNDS_AND_PENCE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "£10,000" for whole pounds, "£14.80" otherwise; `pence: true` always shows pence. */
export function formatMoney(pounds: number, options: { pence?: boolean } = {}): string {
  const whole = Number.isInteger(pounds) && !options.pence;
  return `£${(whole ? WHOLE_POUNDS : POUNDS_AND_PENCE).format(pounds)}`;
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
      return value.toLocaleString('en-GB');
    default: {
      const words = PLURAL_UNITS[unit];
      return words ? `${value} ${value === 1 ? words[0] : words[1]}` : String(value);
    }
  }
}
