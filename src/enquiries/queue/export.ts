import { z } from 'zod';
import { toCsv } from '../enquiry-csv.js';
import type { EnquiryQueue } from '../enquiry-queue.js';
import { IsoDay } from '../enquiry-schema.js';
import { londonDate } from '../working-hours.js';
import { byCreation, type EventLog } from './event-log.js';
import type { QueueContext } from './queue-context.js';

const ExportRange = z
  .object({ from: IsoDay, to: IsoDay, format: z.enum(['csv', 'json'], { error: 'The format must be csv or json.' }) })
  .refine((range) => range.from <= range.to, { error: 'The start date must not be after the end date.' });

/** CSV or JSON of the enquiries created in a range of London days; officers only. */
export function createExport(context: QueueContext, events: EventLog): EnquiryQueue['exportEnquiries'] {
  return async (range, by) => {
    if (!by.isOfficer) return { ok: false, message: 'Only employer engagement officers can export enquiries.' };
    const parsed = ExportRange.safeParse(range);
    if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(' ') };
    const { from, to, format } = parsed.data;
    const states = (await events.loadMany(await events.allReferences())).filter(({ enquiry }) => {
      const day = londonDate(new Date(enquiry.createdAt));
      return day >= from && day <= to;
    });
    states.sort(byCreation);
    const enquiries = await events.present(states);
    context.log.info({ from, to, format, count: enquiries.length, by: by.userId }, 'enquiries exported');
    return { ok: true, body: format === 'csv' ? toCsv(enquiries) : `${JSON.stringify(enquiries, null, 2)}\n` };
  };
}
