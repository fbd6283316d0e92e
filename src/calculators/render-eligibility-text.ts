import type { Citation } from '../answer/answer.js';
import { formatDate } from '../knowledge/format.js';
import type { EligibilityResult, EligibilityVerdict, RuleStatus } from './check-eligibility.js';
import { citationNumbers, markers, renderLine, renderOtherSources } from './render-text.js';

const VERDICTS: Record<EligibilityVerdict, string> = {
  eligible: 'eligible',
  'not-eligible': 'not eligible',
  'needs-check': 'needs a check',
};

const STATUSES: Record<RuleStatus, string> = { passed: 'Met', failed: 'Not met', unknown: 'To check' };

/** The eligibility result as plain text with light markdown: the verdict, every rule, and what applies. */
export function renderEligibilityText(result: EligibilityResult, citations?: Citation[]): string {
  const standard = result.input.standardName ? `, ${result.input.standardName}` : '';
  const level = result.input.level === undefined ? '' : ` at level ${result.input.level}${standard}`;
  const numbers = citationNumbers(citations);
  const line = (item: Parameters<typeof renderLine>[0]) => renderLine(item, numbers);
  const parts = [
    `**Apprenticeship eligibility${level}: ${VERDICTS[result.verdict]}** (start on ${formatDate(result.startDate)}, aged ${result.input.age})`,
    ...result.rules.map((rule) => {
      const ask = rule.status === 'unknown' && rule.question ? ` Ask: ${rule.question}` : '';
      return `- **${STATUSES[rule.status]}** ${rule.label}: ${rule.reason}${markers(rule.articleIds, numbers)}${ask}`;
    }),
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
  if (result.questions.length > 0) {
    parts.push('', '**Questions to ask**', ...result.questions.map((question) => `- ${question}`));
  }
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
