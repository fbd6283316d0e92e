import { MONTHS as MONTH_TITLES } from '../knowledge/format.js';
import { findDates } from '../understand/values/index.js';

const MONTHS = MONTH_TITLES.map((month) => month.toLowerCase());
const MONTH_PATTERN = `(${MONTHS.join('|')}|${MONTHS.map((month) => month.slice(0, 3)).join('|')})`;

/** The time a question asks about: today (or the asked "as of" date), a single day, or a period. */
export type QuestionTime =
  | { kind: 'day'; date: string; explicit: boolean }
  | { kind: 'period'; start: string; end: string; label: string };

export type QuestionIntent = {
  time: QuestionTime;
  /** "how has it changed", "by year", "what was it before". */
  wantsHistory: boolean;
  /** "when did it change / start / go up". */
  wantsChangeDate: boolean;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last month (0 for January) of each season, the way people in the UK use them. */
const SEASON_MONTHS: Record<string, [number, number]> = {
  spring: [2, 4],
  summer: [5, 7],
  autumn: [8, 10],
  fall: [8, 10],
  winter: [11, 1],
};

function monthIndex(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3)));
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** "what is it now then", "atm", "these days": the question is about today, whatever the thread was about. */
const ASKS_NOW = /\b(?:now|nowadays|currently|these days|at the moment|atm|rn|right now|today|this year)\b/i;

/** Whether a message asks about today in words ("now", "atm"), not by a date. */
export function asksAboutNow(text: string): boolean {
  return ASKS_NOW.test(text);
}

/** Reads the date, month, year or tax year a question is about, and whether it asks for history. */
export function readQuestionTime(question: string, asOf: string): QuestionIntent {
  const text = question.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1');
  const currentYear = Number(asOf.slice(0, 4));
  const wantsHistory =
    /\b(history|histor(?:y|ic|ical)|by year|each year|every year|year by year|over (?:the )?(?:years|time)|previous(?:ly)?|used to|past rates?|all (?:the )?rates|how (?:has|have) .* changed|changes? (?:to|in|over))\b/.test(
      text,
    );
  const wantsChangeDate =
    /\bwhen\b.*\b(chang\w*|start\w*|introduc\w*|go(?:es)? up|went up|rise|rose|increas\w*|beg[ai]n\w*|c[oa]me in|take effect|took effect|apply|applied|announc\w*|last (?:change|go up|rise))\b/.test(
      text,
    ) || /\bsince when\b/.test(text);
  const withTime = (time: QuestionTime): QuestionIntent => ({ time, wantsHistory, wantsChangeDate });

  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return withTime({ kind: 'day', date: iso[0], explicit: true });

  // A full date in any common form ("1st May 2020", "1/5/2020"), read the British way by the shared date reader.
  const day = findDates(text, asOf).find((found) => found.precision === 'day' && /\d{4}/.test(found.text));
  if (day) return withTime({ kind: 'day', date: day.date, explicit: true });

  const monthYear = new RegExp(`\\b${MONTH_PATTERN}\\w*\\s+(\\d{4})\\b`).exec(text);
  if (monthYear) {
    const month = monthIndex(monthYear[1] as string);
    const year = Number(monthYear[2]);
    // "from August 2026" asks about the rule that starts then: the first day of that month.
    if (/\b(from|after|since|starting)\s+$/.test(text.slice(0, monthYear.index))) {
      return withTime({ kind: 'day', date: `${year}-${pad(month + 1)}-01`, explicit: true });
    }
    // "before April 2019" asks about the rule in force the day before that month began.
    if (/\b(before|until|till|up to|prior to)\s+$/.test(text.slice(0, monthYear.index))) {
      const dayBefore = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
      return withTime({ kind: 'day', date: dayBefore, explicit: true });
    }
    return withTime({
      kind: 'period',
      start: `${year}-${pad(month + 1)}-01`,
      end: `${year}-${pad(month + 1)}-${pad(lastDayOfMonth(year, month))}`,
      label: `${MONTHS[month]?.replace(/^./, (c) => c.toUpperCase())} ${year}`,
    });
  }

  // "back in summer 2018": the season's months (winter runs from December into the next year).
  const season = /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d{2})\b/.exec(text);
  if (season) {
    const year = Number(season[2]);
    const [first, last] = SEASON_MONTHS[season[1] as string] as [number, number];
    const endYear = last < first ? year + 1 : year;
    return withTime({
      kind: 'period',
      start: `${year}-${pad(first + 1)}-01`,
      end: `${endYear}-${pad(last + 1)}-${pad(lastDayOfMonth(endYear, last))}`,
      label: `${season[1] === 'fall' ? 'autumn' : season[1]} ${year}`,
    });
  }

  const taxYear = /\b(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})\b/.exec(text);
  if (taxYear) {
    const start = Number(taxYear[1]);
    const endShort = Number(String(taxYear[2]).slice(-2));
    if ((start + 1) % 100 === endShort) {
      return withTime({
        kind: 'period',
        start: `${start}-04-06`,
        end: `${start + 1}-04-05`,
        label: `${start} to ${start + 1}`,
      });
    }
  }

  // "in 2020 and 2021", "between 2019 and 2022", "2018 to 2020": the years from the first to the last.
  const years = /\b((?:19|20)\d{2})\s*(?:and|to|through|until|till|-|–)\s*((?:19|20)\d{2})\b/.exec(text);
  if (years && Number(years[2]) > Number(years[1]) && Number(years[2]) <= currentYear + 2) {
    return withTime({
      kind: 'period',
      start: `${years[1]}-01-01`,
      end: `${years[2]}-12-31`,
      // Two years side by side are "2020 and 2021": "2020 to 2021" reads as a tax year.
      label: Number(years[2]) === Number(years[1]) + 1 ? `${years[1]} and ${years[2]}` : `${years[1]} to ${years[2]}`,
    });
  }

  const lastYear = /\blast year\b/.test(text) ? currentYear - 1 : undefined;
  // "in 2018, doing a look back": a comma after the year ends the clause; "2,018" or "2018,000" is an amount.
  const yearMatch = /(?<![£\d,.])\b((?:19|20)\d{2})\b(?!\d|,\d|\s*(?:hours|staff|employees|people|apprentices))/.exec(
    text,
  );
  const year = lastYear ?? (yearMatch ? Number(yearMatch[1]) : undefined);
  if (year !== undefined && year >= 2000 && year <= currentYear + 2) {
    if (year === currentYear && !/\b(in|during|for)\s+\d{4}\b/.test(text)) {
      return withTime({ kind: 'day', date: asOf, explicit: false });
    }
    return withTime({ kind: 'period', start: `${year}-01-01`, end: `${year}-12-31`, label: String(year) });
  }

  return withTime({ kind: 'day', date: asOf, explicit: false });
}
