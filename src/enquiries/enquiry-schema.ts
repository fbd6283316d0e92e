import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ENQUIRY_TOPICS, type FieldIssue } from './enquiry-queue.js';

const optionalTrimmed = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** UK numbers: 0 or +44 / 0044 then 9–10 digits; spaces, dashes, dots, brackets and a "(0)" are allowed. */
export function normalisePhone(phone: string): string | undefined {
  const compact = phone.replace(/\(0\)/g, '').replace(/[\s\-.()]/g, '');
  const match = /^(?:\+44|0044|0)([1-9]\d{8,9})$/.exec(compact);
  return match ? `+44${match[1]}` : undefined;
}

/** Lower case, punctuation and company suffixes stripped, so "The Acme Co. Ltd" and "acme co" match. */
export function normaliseOrganisation(organisation: string): string {
  return organisation
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !['the', 'ltd', 'limited', 'plc', 'llp', 'llc', 'inc', 'uk'].includes(word))
    .join(' ');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A short, stable hash, so index keys never hold an email address or phone number in the clear. */
export function indexHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** What may be submitted as an enquiry: checked at the edge of the queue, whatever the transport. */
export const EnquiryInputSchema = z
  .object({
    organisation: z
      .string({ error: "Enter the organisation's name." })
      .trim()
      .min(1, { error: "Enter the organisation's name." })
      .max(200, { error: 'The organisation name must be 200 characters or fewer.' }),
    contactName: z
      .string({ error: "Enter the contact's name." })
      .trim()
      .min(1, { error: "Enter the contact's name." })
      .max(200, { error: "The contact's name must be 200 characters or fewer." }),
    email: optionalTrimmed.pipe(
      z.email({ error: 'Enter an email address in the right format, like name@example.org.' }).optional(),
    ),
    phone: optionalTrimmed.pipe(
      z
        .string()
        .refine((value) => normalisePhone(value) !== undefined, {
          error: 'Enter a UK phone number, like 020 8356 3000 or 07700 900 982.',
        })
        .optional(),
    ),
    topic: z.enum(ENQUIRY_TOPICS, { error: `Choose a topic: ${ENQUIRY_TOPICS.join(', ')}.` }).optional(),
    description: z
      .string({ error: 'Describe the enquiry.' })
      .trim()
      .min(1, { error: 'Describe the enquiry.' })
      .max(5000, { error: 'The description must be 5,000 characters or fewer.' }),
    arrivedVia: z.enum(['staff', 'bot', 'external'], { error: 'Say how it arrived: staff, bot or external.' }),
    sourceLink: optionalTrimmed.pipe(
      z.url({ protocol: /^https?$/, error: 'The source link must be an http(s) URL.' }).optional(),
    ),
  })
  .superRefine((input, context) => {
    if (input.email === undefined && input.phone === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Give an email address or a UK phone number (at least one).',
      });
    }
  });
export type EnquiryInputSchema = z.infer<typeof EnquiryInputSchema>;

/** zod issues as the queue reports them: one message per field. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : 'enquiry',
    message: issue.message,
  }));
}

export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' })
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(value).toISOString().startsWith(value),
    {
      error: 'expected a real calendar date',
    },
  );
