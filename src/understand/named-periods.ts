import type { QuestionIntent } from '../answer/question-time.js';
import type { Topic } from './understanding.js';

/**
 * Periods the service's staff name by what happened in them rather than by date ("n in the pilot?"), with the dates
 * the knowledge base gives for them. A message that names one, and no date of its own, is about that period.
 */
const NAMED_PERIODS: { topic: Topic; words: RegExp; start: string; end: string; label: string }[] = [
  { topic: 'hackney-100', words: /\bpilot\b/i, start: '2014-09-01', end: '2015-08-31', label: 'the 2014/15 pilot' },
  {
    topic: 'hackney-100',
    words: /\brelaunch(?:ed)?\b|\bphase (?:2|two)\b/i,
    start: '2017-07-01',
    end: '2018-12-31',
    label: 'the 2017/18 relaunch',
  },
];

/** The named period a message is about, for its topic; undefined when it names none. */
export function namedPeriod(message: string, topic: Topic, own: QuestionIntent): QuestionIntent | undefined {
  if (own.time.kind === 'period' || own.time.explicit) return undefined;
  const period = NAMED_PERIODS.find((named) => named.topic === topic && named.words.test(message));
  if (!period) return undefined;
  return { ...own, time: { kind: 'period', start: period.start, end: period.end, label: period.label } };
}
