import type { Citation } from '../../answer/answer.js';
import { formatDate } from '../../knowledge/format.js';
import { citationNumbers, markers, renderLine, renderOtherSources } from '../shared/render-lines.js';
import type { EligibilityResult, EligibilityVerdict } from './check-eligibility.js';
import type { RuleStatus } from './eligibility-rule.js';

const VERDICTS: Record<EligibilityVerdict, string> = {
  eligible: 'eligible',
  'not-eligible': 'not eligible',
  'needs-check': 'needs a check',
};

const STATUSES: Record<RuleStatus, string> = { passed: 'Met', failed: 'Not met', unknown: 'To check' };

function heading(result: EligibilityResult): string {
  const standard = result.input.standardName ? `, ${result.input.standardName}` : '';
  const level = result.input.level === undefined ? '' : ` at level ${result.input.level}${standard}`;
  return `**Apprenticeship eligibility${level}: ${VERDICTS[result.verdict]}** (start on ${formatDate(result.startDate)}, aged ${result.input.age})`;
}

/**
 * The eligibility answer that fits a chat: the verdict, the rules that decided it, one list of questions still to
 * ask, and the key figures (minimum pay, duration, who pays). Every rule in full is in the working.
 */
export function renderEligibilitySummary(result: EligibilityResult, citations?: Citation[]): string {
  const numbers = citationNumbers(citations);
  const parts = [heading(result)];
  const failed = result.rules.filter((rule) => rule.status === 'failed');
  const met = result.rules.filter((rule) => rule.status === 'passed');
  if (failed.length > 0) {
    parts.push(
      ...failed.map((rule) => `- **Not met** ${rule.label}: ${rule.reason}${markers(rule.articleIds, numbers)}`),
    );
  } else {
    // The rules that settle it: age, and any rule whose reason carries a figure or a limit.
    const deciding = met.filter((rule) => ['age', 'level-7', 'foundation', 'funding'].includes(rule.id));
    parts.push(
      ...deciding.map((rule) => `- **Met** ${rule.label}: ${rule.reason}${markers(rule.articleIds, numbers)}`),
    );
    const others = met.filter((rule) => !deciding.includes(rule)).map((rule) => rule.label.toLowerCase());
    if (others.length > 0) parts.push(`- Also met: ${others.join(', ')}.`);
  }
  if (result.verdict !== 'not-eligible' && result.questions.length > 0) {
    parts.push('', '**Questions to ask**', ...result.questions.map((question) => `- ${question}`));
  }
  const figures: string[] = [];
  const pay = result.pay.find((line) => line.id === 'apprentice-rate');
  if (pay && pay.value !== 'not held') figures.push(`${pay.label}: ${pay.value}${markers(pay.articleIds, numbers)}`);
  if (result.minimumDuration.value !== 'not held') {
    figures.push(
      `Minimum duration: ${result.minimumDuration.value}${markers(result.minimumDuration.articleIds, numbers)}`,
    );
  }
  for (const incentive of result.incentives) {
    figures.push(`${incentive.label}: ${incentive.value}${markers(incentive.articleIds, numbers)}`);
  }
  if (figures.length > 0) parts.push('', '**Key figures**', ...figures.map((figure) => `- ${figure}`));
  return parts.join('\n');
}

/** The full working: every rule with its reason, the pay, payments and funding lines, and the notes. */
export function renderEligibilityWorking(result: EligibilityResult, citations?: Citation[]): string {
  const numbers = citationNumbers(citations);
  const line = (item: Parameters<typeof renderLine>[0]) => renderLine(item, numbers);
  const parts = [
    heading(result),
    ...result.rules.map(
      (rule) => `- **${STATUSES[rule.status]}** ${rule.label}: ${rule.reason}${markers(rule.articleIds, numbers)}`,
    ),
    '',
    line(result.minimumDuration),
    '',
    '**Pay**',
    ...result.pay.map(line),
  ];
  if (result.incentives.length > 0) parts.push('', '**Payments**', ...result.incentives.map(line));
  if (result.funding && result.funding.lines.length > 0) {
    parts.push('', '**Who pays for the training**', ...result.funding.lines.map(line));
  }
  if (result.notes.length > 0) parts.push('', '**Also**', ...result.notes.map((note) => `- ${note}`));
  parts.push(
    ...renderOtherSources(citations, [
      ...result.rules.map((rule) => rule.articleIds),
      result.minimumDuration.articleIds,
      ...result.pay.map((item) => item.articleIds),
      ...result.incentives.map((item) => item.articleIds),
      ...(result.funding?.lines ?? []).map((item) => item.articleIds),
    ]),
  );
  return parts.join('\n');
}

/** @deprecated kept for callers outside the calculators: the full working. */
export const renderEligibilityText = renderEligibilityWorking;
