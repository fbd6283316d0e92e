import { formatDate } from '../../knowledge/format.js';
import type { Citation } from '../answer.js';
import type { EligibilityResult, EligibilityVerdict, RuleStatus } from './check-eligibility.js';
import { renderLine, renderSourceMarkers } from './render-text.js';

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
  const parts = [
    `**Apprenticeship eligibility${level}: ${VERDICTS[result.verdict]}** (start on ${formatDate(result.startDate)}, aged ${result.input.age})`,
    ...result.rules.map((rule) => {
      const ask = rule.status === 'unknown' && rule.question ? ` Ask: ${rule.question}` : '';
      return `- **${STATUSES[rule.status]}** ${rule.label}: ${rule.reason}${ask}`;
    }),
    '',
    renderLine(result.minimumDuration),
    '',
    '**Pay**',
    ...result.pay.map(renderLine),
  ];
  if (result.incentives.length > 0) parts.push('', '**Payments**', ...result.incentives.map(renderLine));
  if (result.funding && result.funding.lines.length > 0) {
    parts.push('', '**Who pays for the training**', ...result.funding.lines.map(renderLine));
  }
  if (result.notes.length > 0) parts.push('', '**Also**', ...result.notes.map((note) => `- ${note}`));
  if (result.questions.length > 0) {
    parts.push('', '**Questions to ask**', ...result.questions.map((question) => `- ${question}`));
  }
  parts.push(...renderSourceMarkers(citations));
  return parts.join('\n');
}
