import type { Fact, FactValue } from '../knowledge/fact-schema.js';
import { figureHistory } from '../knowledge/figure-as-of.js';
import { formatDate } from '../knowledge/format.js';
import { figureText, formatMonth, reportedIn } from '../knowledge/reported-figure.js';
import type { StatedFigure } from './answer.js';
import type { QuestionIntent } from './question-time.js';

type Described = { text: string; figures: StatedFigure[] };

/** A reported count is stated with the date of its report only: no range is claimed for it. */
function stated(fact: Fact, entry: FactValue): StatedFigure {
  return { key: fact.key, label: fact.label, value: figureText(fact, entry), from: entry.from };
}

const said = (fact: Fact, entry: FactValue) => `${figureText(fact, entry)} (${reportedIn(entry)})`;

/**
 * Sentences for a fact whose values are counts reported on dates: the report that stood on the day or during the
 * period asked about, named with its month, and the next report when there is one. Nothing is said to "apply until".
 */
export function describeReported(
  fact: Fact,
  name: string,
  intent: QuestionIntent,
  asOf: string,
  marker: string,
): Described {
  const history = figureHistory(fact);
  const { time } = intent;

  if (intent.wantsHistory) {
    const lines = history.map((entry) => `- ${figureText(fact, entry)}: ${reportedIn(entry)}`);
    return {
      text: `Each figure I hold for the ${name}, with when it was reported ${marker}:\n${lines.join('\n')}`,
      figures: history.map((entry) => stated(fact, entry)),
    };
  }

  const start = time.kind === 'day' ? time.date : time.start;
  const end = time.kind === 'day' ? time.date : time.end < asOf ? time.end : asOf;
  const standing = [...history]
    .reverse()
    .find((entry) => entry.from < start || (time.kind === 'day' && entry.from <= start));
  const during = time.kind === 'period' ? history.filter((entry) => entry.from >= start && entry.from <= end) : [];
  const reports = [...(standing && !during.includes(standing) ? [standing] : []), ...during];
  const last = reports[reports.length - 1];
  const next = last ? history.find((entry) => entry.from > end) : history[0];

  if (!last) {
    const first = next as FactValue;
    return {
      text: `The earliest figure I hold for the ${name} is ${said(fact, first)} ${marker}, so I hold none for ${time.kind === 'day' ? formatDate(time.date) : time.label}.`,
      figures: [stated(fact, first)],
    };
  }

  let text: string;
  if (time.kind === 'period') {
    const made = during.map((entry) => said(fact, entry));
    const before =
      standing && !during.includes(standing) ? `the latest figure before it was ${said(fact, standing)}` : '';
    text =
      during.length === 0
        ? `I hold no figure for the ${name} reported during ${time.label}; ${before} ${marker}.`
        : `Figures for the ${name} reported during ${time.label}: ${made.join(', then ')}${before ? `; ${before}` : ''} ${marker}.`;
  } else {
    const isToday = time.date === asOf && !time.explicit;
    text = isToday
      ? `The latest figure I hold for the ${name} is ${said(fact, last)} ${marker}.`
      : `On ${formatDate(time.date)}, the latest figure I hold for the ${name} was ${said(fact, last)} ${marker}.`;
    const position = history.indexOf(last);
    const previous = position > 0 ? history[position - 1] : undefined;
    if (previous && isToday)
      text += ` The report before that, in ${formatMonth(previous.from)}, gave ${figureText(fact, previous)}.`;
  }
  if (next) text += ` The next report, in ${formatMonth(next.from)}, gave ${figureText(fact, next)}.`;
  else if (time.kind === 'day' && time.date === asOf) text += ' No later report is in my sources.';
  if (last.note) text += ` Note: ${last.note}`;
  const figures = reports.map((entry) => stated(fact, entry));
  if (next) figures.push(stated(fact, next));
  return { text, figures };
}
