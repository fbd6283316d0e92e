import { z } from 'zod';

/** The value carried by the buttons under an answer ("Ask the team", "Log employer enquiry"). */
export const AnswerActionValue = z.object({
  /** The start of the question; the whole question is kept server-side in the answer record (`answerId`). */
  question: z.string().max(1_500),
  channel: z.string().min(1),
  /** The thread the answer is in (or the message ts for a top-level answer). */
  threadTs: z.string().min(1),
  /** Set when the asker is outside the workspace (Slack Connect). */
  isExternal: z.boolean().default(false),
  /** The stored answer record, which holds the question as asked. */
  answerId: z.string().max(64).optional(),
});
export type AnswerActionValue = z.infer<typeof AnswerActionValue>;

/** Slack refuses a button value over 2,000 characters; the value is kept well under it after JSON escaping. */
const VALUE_LIMIT = 1_900;

export function encodeAnswerActionValue(value: z.input<typeof AnswerActionValue>): string {
  let question = value.question.slice(0, 1_500);
  let encoded = JSON.stringify({ ...value, question });
  // Quotes, newlines and control characters grow under JSON escaping: shorten until the whole value fits.
  while (encoded.length > VALUE_LIMIT && question.length > 0) {
    question = question.slice(0, Math.max(0, question.length - (encoded.length - VALUE_LIMIT) - 1));
    encoded = JSON.stringify({ ...value, question });
  }
  return encoded;
}

export function decodeAnswerActionValue(raw: string | undefined): AnswerActionValue | undefined {
  if (!raw) return undefined;
  try {
    const parsed = AnswerActionValue.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
