import type { Fact, FactValue } from '../../knowledge/fact-schema.js';
import { figureAsOf, figureHistory, figuresDuring, lastDayOf } from '../../knowledge/figure-as-of.js';
import { formatDate, formatFigure } from '../../knowledge/format.js';
import { isReported } from '../../knowledge/reported-figure.js';
import { readYearShift } from '../../understand/values/index.js';
import type { AnswerBlock, StatedFigure } from '../answer.js';
import { describeReported } from '../describe-reported.js';
import type { QuestionIntent } from '../question-time.js';
import { changeNamed } from './quoted-values.js';

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export type Lead = { text: string; figures: StatedFigure[]; list?: AnswerBlock };

export function statedFigure(fact: Fact, entry: FactValue): StatedFigure {
  const to = entry.to ?? lastDayOf(fact, entry);
  return {
    key: fact.key,
    label: fact.label,
    value: formatFigure(entry.value, fact.unit),
    from: entry.from,
    ...(to !== undefined && { to }),
  };
}

/** "the London Living Wage", "the minimum duration of an apprenticeship". */
export function nameOf(fact: Fact): string {
  const label = fact.label;
  const proper =
    /^(London|National|UK|Hackney|Apprenticeship Levy|Living Wage|Section|S106|Employment and Skills)/.test(label);
  // An acronym keeps its capitals ("the COVID-era incentive").
  const acronym = /^[A-Z]{2}/.test(label);
  return `the ${proper || acronym ? label : label.charAt(0).toLowerCase() + label.slice(1)}`;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const figure = (fact: Fact, entry: FactValue) => formatFigure(entry.value, fact.unit);

/** A note shown to readers only when an editor marked it for them. */
function readerNote(entry: FactValue): string {
  return entry.note && entry.noteForReaders ? ` ${upperFirst(entry.note.replace(/\.?$/, '.'))}` : '';
}

/** Before anything is held for a date: when the rule began, or that nothing earlier is held and who to ask. */
function beforeHeld(fact: Fact, first: FactValue, when: string): Lead {
  const text = fact.began
    ? `${upperFirst(nameOf(fact))} began on ${formatDate(first.from)} (at ${figure(fact, first)}), so there was none ${when}.`
    : `The earliest ${nameOf(fact).slice(4)} I hold is ${figure(fact, first)}, from ${formatDate(first.from)}; for ${when.replace(/^(on|in) /, '')} ask the Employment & Skills team.`;
  return { text, figures: [statedFigure(fact, first)] };
}

function historyLead(fact: Fact): Lead {
  const history = figureHistory(fact);
  const items = history.map((entry) => {
    const end = entry.to ?? lastDayOf(fact, entry);
    const range = end ? `${formatDate(entry.from)} to ${formatDate(end)}` : `from ${formatDate(entry.from)}`;
    return `${figure(fact, entry)}: ${range}`;
  });
  return {
    text: `${upperFirst(nameOf(fact))} over time:`,
    figures: history.map((entry) => statedFigure(fact, entry)),
    list: { kind: 'list', ordered: false, items },
  };
}

function periodLead(fact: Fact, time: { start: string; end: string; label: string }, asOf: string): Lead {
  const name = nameOf(fact);
  const history = figureHistory(fact);
  const first = history[0];
  if (first && first.from > time.end) return beforeHeld(fact, first, `in ${time.label}`);
  if (time.start > asOf) {
    const latest = figureAsOf(fact, asOf);
    // A rule with no end date and no expected yearly change still applies then, as far as the sources say.
    if (latest && latest.to === undefined && fact.changes === undefined) {
      return {
        text: `For ${time.label} ${name} is ${figure(fact, latest)}, the rule from ${formatDate(latest.from)}; no later change is in the sources.`,
        figures: [statedFigure(fact, latest)],
      };
    }
    return latest
      ? {
          text: `${upperFirst(name)} for ${time.label} is not held yet; the latest is ${figure(fact, latest)}, from ${formatDate(latest.from)}.`,
          figures: [statedFigure(fact, latest)],
        }
      : { text: `${upperFirst(name)} for ${time.label} is not held yet.`, figures: [] };
  }
  const isOngoing = time.end > asOf;
  const during = figuresDuring(fact, time.start, isOngoing ? asOf : time.end);
  if (during.length === 0) {
    const last = [...history].reverse().find((entry) => entry.from <= time.start);
    const end = last ? lastDayOf(fact, last) : undefined;
    return last && end
      ? {
          text: `${upperFirst(name)} ended on ${formatDate(end)}, before ${time.label}; it was ${figure(fact, last)}.`,
          figures: [statedFigure(fact, last)],
        }
      : { text: `I hold no ${name.slice(4)} for ${time.label}; the Employment & Skills team may know.`, figures: [] };
  }
  if (during.length === 1) {
    const only = during[0] as FactValue;
    // A value that stopped during the period says when ("until 31 January 2021"), so a later figure can follow it.
    const until = only.to !== undefined && only.to < time.end ? ` until ${formatDate(only.to)}` : '';
    return {
      text: `In ${time.label} ${name} ${isOngoing && !until ? 'is' : 'was'} ${figure(fact, only)}, from ${formatDate(only.from)}${until}.${readerNote(only)}`,
      figures: [statedFigure(fact, only)],
    };
  }
  const parts = during.map((entry, n) =>
    n === 0 ? `${figure(fact, entry)}` : `${figure(fact, entry)} from ${formatDate(entry.from)}`,
  );
  return {
    text: `In ${time.label} ${name} changed: it was ${parts.join(', then ')}.`,
    figures: during.map((entry) => statedFigure(fact, entry)),
  };
}

/** The figure that applied before the one in force on `date` (a restated value is not a change). */
/**
 * The value before (`step` -1) or after (+1) the one in force on `date`, with that one: a value restated by a later
 * source is not a change, so it is passed over.
 */
function neighbourValue(fact: Fact, date: string, step: -1 | 1): { pivot: FactValue; other: FactValue } | undefined {
  const pivot = figureAsOf(fact, date);
  if (!pivot) return undefined;
  const history = figureHistory(fact);
  for (let at = history.indexOf(pivot) + step; at >= 0 && at < history.length; at += step) {
    const other = history[at] as FactValue;
    if (String(other.value) !== String(pivot.value)) return { pivot, other };
  }
  return undefined;
}

function valueBefore(fact: Fact, date: string): Lead | undefined {
  const found = neighbourValue(fact, date, -1);
  if (!found) return undefined;
  const { pivot: current, other: previous } = found;
  const until = previous.to ?? lastDayOf(fact, previous);
  return {
    text: `Before ${formatDate(current.from)}, ${nameOf(fact)} was ${figure(fact, previous)}, from ${formatDate(previous.from)}${until ? ` until ${formatDate(until)}` : ''}; it is ${figure(fact, current)} now.`,
    figures: [statedFigure(fact, previous), statedFigure(fact, current)],
  };
}

/** "and the one after that?", "what was the next one" after a figure: the value that followed it. */
const ASKS_NEXT =
  /\b(?:the )?(?:one|rate|figure) after (?:that|it)\b|\bthe next (?:one|rate|figure)\b|\band after that\b/i;

/** The figure that followed the one in force on `date` (a restated value is not a change), with today's. */
function valueAfter(fact: Fact, date: string, asOf: string): Lead | undefined {
  const found = neighbourValue(fact, date, 1);
  if (!found) return undefined;
  const { pivot, other: next } = found;
  const current = figureAsOf(fact, asOf);
  const now = current && current !== next ? `; it is ${figure(fact, current)} now` : '';
  return {
    text: `After ${figure(fact, pivot)}, ${nameOf(fact)} was ${figure(fact, next)}, from ${formatDate(next.from)}${now}.`,
    figures: [statedFigure(fact, next), ...(current && current !== next ? [statedFigure(fact, current)] : [])],
  };
}

/** "what was the cap when transfers first came in", "what was it originally": the figure's first value. */
const ASKS_FIRST =
  /\bfirst (?:came in|introduced|brought in|started|began|launched|set(?: up)?)\b|\boriginal(?:ly)?\b|\bto (?:start|begin) with\b|\bat the (?:start|outset|beginning)\b|\bwhen (?:it|they|\w+) (?:first )?(?:began|launched)\b/i;

/** The first value a figure had, with the one in force now. */
function firstValue(fact: Fact, date: string): Lead | undefined {
  const history = figureHistory(fact);
  const first = history[0];
  const current = figureAsOf(fact, date);
  if (!first || !current || history.length < 2 || String(first.value) === String(current.value)) return undefined;
  return {
    text: `${fact.began ? `When it began on ${formatDate(first.from)}, ${nameOf(fact)} was` : `The earliest figure I hold for ${nameOf(fact)} is`} ${figure(fact, first)}${fact.began ? '' : `, from ${formatDate(first.from)}`}; it is ${figure(fact, current)} now, from ${formatDate(current.from)}.`,
    figures: [statedFigure(fact, first), statedFigure(fact, current)],
  };
}

/** "when did the NLW age go down to 23": the change to the value the question names, with its date. */
function changeLead(fact: Fact, question: string): Lead | undefined {
  const change = changeNamed(fact, question);
  if (!change) return undefined;
  return {
    text: `${upperFirst(nameOf(fact))} changed to ${figure(fact, change.to)} on ${formatDate(change.to.from)} (it was ${figure(fact, change.from)}).`,
    figures: [statedFigure(fact, change.to), statedFigure(fact, change.from)],
  };
}

/**
 * The first sentence of a figure answer: the figure in force on the date asked, the date it applies from, and
 * what it was before ("The London Living Wage is £14.80 an hour, from 22 October 2025 (it was £13.85).").
 */
export function leadFor(fact: Fact, intent: QuestionIntent, asOf: string, question = ''): Lead {
  // "What was it the year before?" after a figure: the value before the one in force, with its dates.
  if (intent.time.kind === 'day' && !intent.time.explicit && readYearShift(question) === -1) {
    const before = valueBefore(fact, intent.time.date);
    if (before) return before;
  }
  if (ASKS_NEXT.test(question)) {
    const after = valueAfter(fact, intent.time.kind === 'day' ? intent.time.date : intent.time.end, asOf);
    if (after) return after;
  }
  if (intent.time.kind === 'day' && !intent.time.explicit && ASKS_FIRST.test(question)) {
    const first = firstValue(fact, intent.time.date);
    if (first) return first;
  }
  const changed =
    (intent.wantsChangeDate || /\bwhen\b/i.test(question)) && !isReported(fact)
      ? changeLead(fact, question)
      : undefined;
  if (changed) return changed;
  if (isReported(fact)) {
    // A reported count is stated with the month of its report; its editor's note is not for readers.
    const reported = describeReported(fact, nameOf(fact).slice(4), intent, asOf, '');
    const text = reported.text.replace(/ Note: [\s\S]*$/, '').replace(/\s+([.,;:])/g, '$1');
    return { text, figures: reported.figures };
  }
  if (intent.wantsHistory) return historyLead(fact);
  const { time } = intent;
  if (time.kind === 'period') return periodLead(fact, time, asOf);
  const date = time.date;
  const name = nameOf(fact);
  const history = figureHistory(fact);
  const current = figureAsOf(fact, date);
  if (!current) {
    const first = history[0];
    if (first && first.from > date) return beforeHeld(fact, first, `on ${formatDate(date)}`);
    const last = [...history].reverse().find((entry) => entry.from <= date);
    if (!last) return { text: `I hold no figure for ${name} on ${formatDate(date)}.`, figures: [] };
    const end = lastDayOf(fact, last) as string;
    if (fact.sourcesEnd && last === history.at(-1)) {
      return {
        text: `The latest figure I hold for ${name} is ${figure(fact, last)}, for ${formatDate(last.from)} to ${formatDate(end)}; a later figure is not in my sources.`,
        figures: [statedFigure(fact, last)],
      };
    }
    // A value with its own end date is a figure that stopped applying, not one whose next value is missing.
    const after =
      last.to !== undefined
        ? `it has not applied since ${formatDate(dayAfter(last.to))}`
        : 'I hold no figure after that';
    return {
      text: `${upperFirst(name)} was ${figure(fact, last)} from ${formatDate(last.from)} until ${formatDate(end)}; ${after}.`,
      figures: [statedFigure(fact, last)],
    };
  }
  const position = history.indexOf(current);
  // A value restated by a later source ("100 a year" in 2014 and again in 2017) applies from its first date.
  let start = position;
  const same = (entry: FactValue | undefined) => entry !== undefined && String(entry.value) === String(current.value);
  const runsOn = (entry: FactValue, after: FactValue) => entry.to === undefined || dayAfter(entry.to) >= after.from;
  while (start > 0 && same(history[start - 1]) && runsOn(history[start - 1] as FactValue, history[start] as FactValue))
    start -= 1;
  const since = history[start] as FactValue;
  // "(it was 100)" says nothing when it was the same before a gap.
  const previous = start > 0 && !same(history[start - 1]) ? history[start - 1] : undefined;
  // The next value that differs: a later source restating the same figure is not a change.
  const next = history.slice(position + 1).find((entry) => !same(entry));
  const past = time.explicit && date < asOf;
  const on = past ? `On ${formatDate(date)} ${name} was` : `${upperFirst(name)} is`;
  const was = previous ? figure(fact, previous).replace(/ an hour$/, '') : '';
  const before = previous ? (past ? ` (before that ${was})` : ` (it was ${was})`) : '';
  let text = `${on} ${figure(fact, current)}, from ${formatDate(since.from)}${before}.`;
  if (next && next.from > date) {
    text += ` It ${next.from > asOf ? 'changes' : 'changed'} to ${figure(fact, next)} from ${formatDate(next.from)}.`;
  }
  text += readerNote(current);
  const figures = [statedFigure(fact, current)];
  if (previous) figures.push(statedFigure(fact, previous));
  if (next && next.from > date) figures.push(statedFigure(fact, next));
  return { text, figures };
}
