import type { Intent } from '../understand/understanding.js';
import type { EvalOutcome, EvalQuestion } from './eval-questions.js';

/** What the eval scores an intent as: the item's own `intent` when it gives one, else the broad class. */
type EvalIntent = Intent | 'in_scope';

export type IntentScore = { precision: number; recall: number; support: number };
export type IntentReport = {
  /** expected → understood → count. */
  confusion: Record<string, Record<string, number>>;
  perIntent: Record<string, IntentScore>;
};

function broad(intent: Intent | undefined): EvalIntent {
  return intent === 'out_of_scope' || intent === 'enquiry' ? intent : 'in_scope';
}

function expectedIntent(item: EvalQuestion): EvalIntent {
  if (item.intent !== undefined) return item.intent;
  return item.expect === 'decline' ? 'out_of_scope' : item.expect === 'enquiry' ? 'enquiry' : 'in_scope';
}

/** The intent confusion matrix and per-intent precision and recall over an eval run. */
export function intentReport(outcomes: readonly EvalOutcome[]): IntentReport {
  const pairs = outcomes.map((outcome) => {
    const expected = expectedIntent(outcome.item);
    const understood = outcome.answer.understanding?.intent;
    const got = outcome.item.intent !== undefined ? (understood ?? 'in_scope') : broad(understood);
    return { expected, got };
  });
  const labels = [...new Set(pairs.flatMap((pair) => [pair.expected, pair.got]))].sort();
  const confusion: IntentReport['confusion'] = {};
  for (const label of labels) confusion[label] = Object.fromEntries(labels.map((other) => [other, 0]));
  for (const { expected, got } of pairs) {
    const row = confusion[expected] as Record<string, number>;
    row[got] = (row[got] ?? 0) + 1;
  }
  const perIntent: IntentReport['perIntent'] = {};
  for (const label of labels) {
    const hits = confusion[label]?.[label] ?? 0;
    const support = pairs.filter((pair) => pair.expected === label).length;
    const predicted = pairs.filter((pair) => pair.got === label).length;
    perIntent[label] = {
      precision: predicted === 0 ? 0 : hits / predicted,
      recall: support === 0 ? 0 : hits / support,
      support,
    };
  }
  return { confusion, perIntent };
}

const pct = (value: number) => `${(100 * value).toFixed(1)}%`;

/** The report as lines of text for the terminal. */
export function renderIntentReport(report: IntentReport): string[] {
  const labels = Object.keys(report.confusion);
  return [
    'intent confusion (rows expected, columns understood):',
    `  ${''.padEnd(13)}${labels.map((label) => label.slice(0, 9).padStart(10)).join('')}`,
    ...labels.map(
      (expected) =>
        `  ${expected.padEnd(13)}${labels.map((got) => String(report.confusion[expected]?.[got] ?? 0).padStart(10)).join('')}`,
    ),
    ...labels.map((label) => {
      const score = report.perIntent[label] as IntentScore;
      return `  ${label.padEnd(13)} precision ${pct(score.precision)}, recall ${pct(score.recall)} (n=${score.support})`;
    }),
  ];
}
