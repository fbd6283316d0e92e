import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isInvisible, normalisePhone, phoneProblem, sourceLinkProblem } from './contact-validation.js';
import { ENQUIRY_TOPICS, type FieldIssue } from './enquiry-queue.js';

export { normalisePhone };

const optionalTrimmed = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

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
      .max(200, { error: 'The organisation name must be 200 characters or fewer.' })
      .refine((value) => value === '' || !isInvisible(value), {
        error: "Enter the organisation's name in letters: this one is made only of invisible characters.",
      }),
    contactName: z
      .string({ error: "Enter the contact's name." })
      .trim()
      .min(1, { error: "Enter the contact's name." })
      .max(200, { error: "The contact's name must be 200 characters or fewer." })
      .refine((value) => value === '' || !isInvisible(value), {
        error: "Enter the contact's name in letters: this one is made only of invisible characters.",
      }),
    email: optionalTrimmed.pipe(
      z.email({ error: 'Enter an email address in the right format, like name@example.org.' }).optional(),
    ),
    // Checked before trimming, so a line break at either end is refused rather than cut off.
    phone: z
      .string()
      .superRefine((value, context) => {
        if (value.trim() === '') return;
        const problem = phoneProblem(value.replace(/^ +| +$/g, ''));
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .transform((value) => (value.trim() === '' ? undefined : value.trim()))
      .optional(),
    topic: z.enum(ENQUIRY_TOPICS, { error: `Choose a topic: ${ENQUIRY_TOPICS.join(', ')}.` }).optional(),
    description: z
      .string({ error: 'Describe the enquiry.' })
      .trim()
      .min(1, { error: 'Describe the enquiry.' })
      .max(5000, { error: 'The description must be 5,000 characters or fewer.' }),
    arrivedVia: z.enum(['staff', 'bot', 'external'], { error: 'Say how it arrived: staff, bot or external.' }),
    sourceLink: optionalTrimmed.pipe(
      z
        .string()
        .max(2000, { error: 'The source link must be 2,000 characters or fewer.' })
        .superRefine((value, context) => {
          const problem = sourceLinkProblem(value);
          if (problem) context.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
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
