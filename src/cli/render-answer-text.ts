import type { Answer } from '../answer/answer.js';
import { formatDate } from '../knowledge/format.js';

/** An answer as plain terminal text: the answer, any notice, then numbered sources with their review dates. */
export function renderAnswerText(answer: Answer): string {
  const lines = [answer.text.replace(/\*\*(.+?)\*\*/g, '$1')];
  if (answer.needs && answer.needs.length > 0) {
    lines.push('', 'To work this out I need:', ...answer.needs.map((need) => `- ${need}`));
  }
  if (answer.notice) lines.push('', `Note: ${answer.notice}`);
  if (answer.citations.length > 0) {
    lines.push('', 'Sources:');
    for (const citation of answer.citations) {
      const due = citation.isDueForReview ? ' — due for review' : '';
      lines.push(
        `[${citation.n}] ${citation.title} — ${citation.heading} (last reviewed ${formatDate(citation.reviewed)}${due})`,
        `    ${citation.sourceTitle}${citation.url ? `: ${citation.url}` : ''}`,
      );
    }
  }
  return lines.join('\n');
}
