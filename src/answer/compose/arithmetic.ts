import type { Fact, FactValue } from '../../knowledge/fact-schema.js';
import { figureAsOf } from '../../knowledge/figure-as-of.js';
import { formatDate, formatMoney, formatPercent } from '../../knowledge/format.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import type { StatedFigure } from '../answer.js';
import { nameOf, statedFigure } from './lead.js';
import { hoursPerWeek, workPartTimeDuration } from './part-time-duration.js';

export type Worked = { text: string; figures: StatedFigure[]; facts: Fact[] };

/** Hourly figures as staff name them, longest first so "london living wage" wins over "living wage". */
const HOURLY_NAMES: [RegExp, string][] = [
  [/\b(london living wage|llw)\b/i, 'llw.rate'],
  [/\b(uk|real) living wage\b|\brlw\b/i, 'llw.uk-rate'],
  [/\b(national living wage|nlw|minimum wage|nmw)\b/i, 'wage.nlw'],
  [/\bapprentice (?:minimum wage|rate|wage)\b/i, 'wage.apprentice'],
];

const money = (pounds: number) => formatMoney(Math.round(pounds * 100) / 100, { pence: !Number.isInteger(pounds) });
/** An hourly rate always shows its pence, as the rates are written elsewhere ("£8.00 an hour"). */
const hourly = (pounds: number) => formatMoney(Math.round(pounds * 100) / 100, { pence: true });

/** The hourly figures a question names, in the order it names them. */
function hourlyFactsNamed(knowledge: Knowledge, question: string): Fact[] {
  const found: { at: number; fact: Fact }[] = [];
  let rest = question;
  for (const [pattern, key] of HOURLY_NAMES) {
    const match = pattern.exec(rest);
    const fact = knowledge.facts.get(key);
    if (!match || !fact) continue;
    found.push({ at: match.index, fact });
    rest = `${rest.slice(0, match.index)}${' '.repeat(match[0].length)}${rest.slice(match.index + match[0].length)}`;
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.fact);
}

const asksDifference =
  /\b(how much (?:more|less|higher|lower)|difference|gap|more than|less than|compared? (?:to|with)|vs\.?|versus)\b/i;
const asksYearly =
  /\b(a|per|each) (?:year|yr)\b|\b(?:for|over) (?:the|a) (?:whole |full )?(?:year|yr)\b|\bannual(?:ly)?\b|\byearly\b|\bsalary\b|\bper annum\b|\bp\.?a\.?\b/i;
const asksWeekly = /\b(a|per|each) (?:week|wk)\b|\bweekly\b|\bp\/?w\b/i;
const asksMonthly = /\b(a|per|each) (?:month|mth)\b|\bmonthly\b|\bpcm\b/i;

function held(fact: Fact, date: string): FactValue | undefined {
  return figureAsOf(fact, date);
}

/** Differences between two hourly rates, and weekly, monthly or yearly pay at an hourly rate, with the working. */
export function workArithmetic(
  knowledge: Knowledge,
  question: string,
  date: string,
  subject?: string,
): Worked | undefined {
  const partTime = workPartTimeDuration(knowledge, question, date, subject);
  if (partTime) return partTime;
  // A follow-up ("and what's that a year?") works on the rate its thread was about when it names none itself.
  const own = hourlyFactsNamed(knowledge, question);
  const earlier = subject === undefined ? [] : hourlyFactsNamed(knowledge, subject);
  const named =
    own.length > 0
      ? [...earlier.filter((fact) => own.length === 1 && !own.includes(fact)).slice(0, 1), ...own]
      : earlier;
  if (named.length >= 2 && asksDifference.test(question)) {
    const [first, second] = named as [Fact, Fact];
    const a = held(first, date);
    const b = held(second, date);
    if (!a || !b) return undefined;
    const gap = Number(a.value) - Number(b.value);
    const more = gap >= 0 ? 'more' : 'less';
    const text = `${upperFirst(nameOf(first))} is ${hourly(Math.abs(gap))} an hour ${more} than ${nameOf(second)}: ${hourly(Number(a.value))} (from ${formatDate(a.from)}) − ${hourly(Number(b.value))} (from ${formatDate(b.from)}) = ${hourly(Math.abs(gap))}.`;
    const hours = hoursPerWeek(question);
    const yearly =
      hours !== undefined
        ? ` At ${hours} hours a week that is ${money(Math.abs(gap) * hours * 52)} a year (${hourly(Math.abs(gap))} × ${hours} × 52).`
        : '';
    return { text: text + yearly, figures: [statedFigure(first, a), statedFigure(second, b)], facts: [first, second] };
  }
  // "and on 30hrs pls" after a yearly figure: the thread's period with this message's hours.
  const period =
    periodAsked(question) ??
    (subject !== undefined && hoursPerWeek(question) !== undefined ? periodAsked(subject) : undefined);
  const fact = named[0];
  if (!fact || !period) return undefined;
  // "whats that a month" after a yearly figure on 30 hours: the thread's hours, unless this message gives its own.
  return periodPay(fact, period, question, date, subject === undefined ? undefined : hoursPerWeek(subject));
}

type Period = 'year' | 'month' | 'week';

function periodAsked(question: string): Period | undefined {
  if (asksYearly.test(question)) return 'year';
  if (asksMonthly.test(question)) return 'month';
  return asksWeekly.test(question) ? 'week' : undefined;
}

/**
 * The figure a lead fact gives worked into what was asked: a share of an amount ("50% of £120,000"), or a yearly,
 * monthly or weekly figure at an hourly rate ("whats that a yr on 35 hrs" after the 18 to 20 rate).
 */
export function workOnLead(fact: Fact, question: string, ownWords: string, date: string): Worked | undefined {
  const share = workShare(fact, question, date);
  if (share) return share;
  const period = periodAsked(ownWords);
  return fact.unit === 'gbp_per_hour' && period ? periodPay(fact, period, ownWords, date) : undefined;
}

/** Weekly, monthly or yearly pay at an hourly rate, with the working. */
function periodPay(
  fact: Fact,
  period: Period,
  question: string,
  date: string,
  threadHours?: number,
): Worked | undefined {
  const entry = held(fact, date);
  if (!entry) return undefined;
  const rate = Number(entry.value);
  const given = hoursPerWeek(question) ?? threadHours;
  const hours = given ?? 37.5;
  const weekly = rate * hours;
  const working =
    period === 'week'
      ? `${hourly(rate)} × ${hours} hours = ${money(weekly)} a week`
      : period === 'year'
        ? `${hourly(rate)} × ${hours} hours × 52 weeks = ${money(weekly * 52)} a year`
        : `${hourly(rate)} × ${hours} hours × 52 weeks ÷ 12 = ${money((weekly * 52) / 12)} a month`;
  const assumed = given === undefined ? ' (a full-time week of 37.5 hours; give the hours for another figure)' : '';
  return {
    text: `At ${upperFirst(nameOf(fact)).replace(/^The /, 'the ')} of ${hourly(rate)} an hour, from ${formatDate(entry.from)}: ${working}${assumed}.`,
    figures: [statedFigure(fact, entry)],
    facts: [fact],
  };
}

/** "50% of £120,000": a percentage figure applied to an amount the question gives. */
export function workShare(fact: Fact, question: string, date: string): Worked | undefined {
  if (fact.unit !== 'percent') return undefined;
  const amount = /£\s?(\d[\d,]*(?:\.\d+)?)\s*(k|m|million|thousand)?\b/i.exec(question);
  const entry = held(fact, date);
  if (!amount || !entry) return undefined;
  const scale = /^(k|thousand)$/i.test(amount[2] ?? '')
    ? 1_000
    : /^(m|million)$/i.test(amount[2] ?? '')
      ? 1_000_000
      : 1;
  const pounds = Number((amount[1] as string).replace(/,/g, '')) * scale;
  const share = (pounds * Number(entry.value)) / 100;
  return {
    text: `${formatPercent(Number(entry.value))} of ${money(pounds)} is ${money(share)} (${money(pounds)} × ${formatPercent(Number(entry.value))}); ${nameOf(fact)} is ${formatPercent(Number(entry.value))}, from ${formatDate(entry.from)}.`,
    figures: [statedFigure(fact, entry)],
    facts: [fact],
  };
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
