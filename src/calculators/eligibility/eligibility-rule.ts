import type { FigureReader } from '../shared/figure-reader.js';
import type { YesNoUnknown } from './eligibility-input.js';

export type RuleStatus = 'passed' | 'failed' | 'unknown';

/** One rule the checker applied: whether it was met, why, and what to ask when it cannot be told. */
export type EligibilityRule = {
  id: string;
  label: string;
  status: RuleStatus;
  reason: string;
  /** The question to ask (or the check to make) when the status is `unknown`. */
  question?: string;
  /** Articles behind the figures the rule used, for its citation markers. */
  articleIds?: string[];
};

/** Runs `build` and notes the articles behind the figures it read, for citation markers. */
export function sourced<T extends object>(reader: FigureReader, build: () => T): T & { articleIds: string[] } {
  const mark = reader.mark();
  const value = build();
  return { ...value, articleIds: reader.articlesSince(mark) };
}

export function notHeldRule(reader: FigureReader, id: string, label: string, key: string): EligibilityRule {
  const missing = reader.missing().find((item) => item.key === key);
  return {
    id,
    label,
    status: 'unknown',
    reason: missing?.message ?? `${label}: the figure is not held`,
    question: 'Check this rule with the Employment and Skills team: the figure it needs is not held.',
  };
}

export function yesNoRule(
  answer: YesNoUnknown,
  text: { id: string; label: string; yes: string; no: string; question: string },
): EligibilityRule {
  if (answer === 'yes') return { id: text.id, label: text.label, status: 'passed', reason: text.yes };
  if (answer === 'no') return { id: text.id, label: text.label, status: 'failed', reason: text.no };
  return { id: text.id, label: text.label, status: 'unknown', reason: 'Not known yet.', question: text.question };
}
