import { z } from 'zod';
import { ENQUIRY_STATUSES, ENQUIRY_TOPICS } from '../../enquiries/index.js';

export const UserId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@:-]{1,100}$/, { error: 'expected a user id such as U0123ABCD' });
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });
export const StatusList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.enum(ENQUIRY_STATUSES, { error: `expected statuses from ${ENQUIRY_STATUSES.join(', ')}` })));

export const LogOptions = z.object({
  org: z.string(),
  contact: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  topic: z.enum(ENQUIRY_TOPICS, { error: `expected one of ${ENQUIRY_TOPICS.join(', ')}` }).optional(),
  text: z.string(),
  via: z.enum(['staff', 'bot', 'external'], { error: 'expected staff, bot or external' }).default('staff'),
  sourceLink: z.string().optional(),
  as: UserId.optional(),
  json: z.boolean().default(false),
});
export const ListOptions = z
  .object({
    status: StatusList.optional(),
    mine: z.boolean().default(false),
    as: UserId.optional(),
    json: z.boolean().default(false),
  })
  .refine((options) => !options.mine || options.as !== undefined, {
    error: '--mine needs --as USER_ID',
    path: ['mine'],
  });
export const ShowOptions = z.object({ as: UserId.optional(), json: z.boolean().default(false) });
export const ActOptions = z.object({ as: UserId });
export const AssignOptions = z.object({ as: UserId, to: UserId });
export const NoteOptions = z.object({ as: UserId, text: z.string() });
export const ResolveOptions = z.object({ as: UserId, outcome: z.string() });
export const CloseOptions = z.object({
  as: UserId,
  reason: z.enum(['duplicate', 'spam'], { error: 'expected duplicate or spam' }),
  duplicateOf: z.string().optional(),
});
export const ExportOptions = z.object({
  as: UserId,
  format: z.enum(['csv', 'json'], { error: 'expected csv or json' }),
  from: Day,
  to: Day,
  out: z.string().min(1).optional(),
});
export const EraseOptions = z.object({ as: UserId, contact: z.string() });

// Queue field names as the flags that set them.
export const FLAG_OF_FIELD: Record<string, string> = {
  organisation: '--org',
  contactName: '--contact',
  email: '--email',
  phone: '--phone',
  topic: '--topic',
  description: '--text',
  arrivedVia: '--via',
  sourceLink: '--source-link',
};
