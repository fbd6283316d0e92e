import { z } from 'zod';

/** The value carried by the buttons under an answer ("Ask the team", "Log employer enquiry", "Share"). */
export const AnswerActionValue = z.object({
  question: z.string().max(1_500),
  channel: z.string().min(1),
  /** The thread the answer is in (or the message ts for a top-level answer). */
  threadTs: z.string().min(1),
  /** Set when the asker is outside the workspace (Slack Connect). */
  isExternal: z.boolean().default(false),
});
export type AnswerActionValue = z.infer<typeof AnswerActionValue>;

/** Button values are capped by Slack at 2,000 characters; the question is trimmed to fit. */
export function encodeAnswerActionValue(value: z.input<typeof AnswerActionValue>): string {
  return JSON.stringify({ ...value, question: value.question.slice(0, 1_500) });
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
