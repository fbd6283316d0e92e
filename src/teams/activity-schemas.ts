import { z } from 'zod';

/** The parts of an incoming Teams activity the bot reads; everything else is ignored. */
export const TeamsSender = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
  tenantId: z.string().optional(),
});
export type TeamsSender = z.infer<typeof TeamsSender>;

export const TeamsConversation = z.object({
  id: z.string().min(1),
  conversationType: z.enum(['personal', 'groupChat', 'channel']).optional(),
  tenantId: z.string().optional(),
  isGroup: z.boolean().optional(),
});
export type TeamsConversation = z.infer<typeof TeamsConversation>;

export const TeamsChannelData = z
  .object({
    tenant: z.object({ id: z.string() }).optional(),
    team: z.object({ id: z.string() }).optional(),
    channel: z.object({ id: z.string() }).optional(),
  })
  .optional();
export type TeamsChannelData = z.infer<typeof TeamsChannelData>;

/** The feedback invoke Teams sends from the thumbs under a message (`message/submitAction`). */
export const FeedbackInvokeValue = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    /** A JSON string such as `{"feedbackText":"…"}`, or (in some clients and SDKs) that object itself. */
    feedback: z.union([z.string().max(4_000), z.record(z.string(), z.unknown())]).optional(),
  }),
});
export type FeedbackInvokeValue = z.infer<typeof FeedbackInvokeValue>;

/** The text a person typed into Teams' feedback form, if any. */
export function feedbackTextOf(value: FeedbackInvokeValue): string | undefined {
  const raw = value.actionValue.feedback;
  if (!raw) return undefined;
  if (typeof raw === 'object') return textOfFeedback(raw);
  try {
    return textOfFeedback(JSON.parse(raw));
  } catch {
    // Teams sends plain text in some clients; keep it as it is.
    return raw.trim() === '' ? undefined : raw.trim().slice(0, 2_000);
  }
}

function textOfFeedback(value: unknown): string | undefined {
  const parsed = z.object({ feedbackText: z.string().trim().max(2_000) }).safeParse(value);
  return parsed.success && parsed.data.feedbackText !== '' ? parsed.data.feedbackText : undefined;
}

/** An Action.Execute invoke (`adaptiveCard/action`): the verb and the card's data. */
export const ExecuteInvokeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

/** What Teams says about a conversation member (GET /v3/conversations/{id}/members/{userId}). */
export const TeamsMember = z.object({
  /** `user`, `guest` or `anonymous`. */
  userRole: z.string().optional(),
  tenantId: z.string().optional(),
});
