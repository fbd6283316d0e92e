import { z } from 'zod';
import type { EnquiryQueue } from '../enquiries/enquiry-queue.js';
import { IsoDay } from '../enquiries/enquiry-schema.js';
import { computeOutcomeFigures, type OutcomeFigures } from './outcome-figures.js';
import type { QuestionLog } from './question-log.js';
import { reportCsv, reportJson } from './report-formats.js';
import { reportHtml } from './report-html.js';

export const ReportFormat = z.enum(['csv', 'json', 'html'], { error: 'The format must be csv, json or html.' });
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportRange = z
  .object({ from: IsoDay, to: IsoDay })
  .refine((range) => range.from <= range.to, { error: 'The start date must not be after the end date.' });

export type OutcomeReports = {
  figures(range: { from: string; to: string }): Promise<OutcomeFigures>;
  render(figures: OutcomeFigures, format: ReportFormat): Promise<string>;
};

/** Outcome reports from the enquiry queue and the question log (read only; contact details never loaded). */
export function createOutcomeReports(deps: {
  queue: Pick<EnquiryQueue, 'listWithoutContacts'>;
  questions: Pick<QuestionLog, 'list'>;
  slaHours: number;
}): OutcomeReports {
  return {
    async figures(range) {
      const { from, to } = ReportRange.parse(range);
      const [enquiries, questions] = await Promise.all([
        deps.queue.listWithoutContacts(),
        deps.questions.list({ from, to }),
      ]);
      return computeOutcomeFigures({ from, to, enquiries, questions, slaHours: deps.slaHours });
    },
    async render(figures, format) {
      if (format === 'json') return reportJson(figures);
      if (format === 'csv') return reportCsv(figures);
      return reportHtml(figures);
    },
  };
}
