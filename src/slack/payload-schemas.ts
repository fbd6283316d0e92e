import { z } from 'zod';

// Only the fields the app reads are checked; Slack adds fields over time, so unknown ones pass through untouched.

/** A message or app_mention event that may carry a question. */
export const MessageEvent = z.object({
  type: z.enum(['message', 'app_mention']),
  channel: z.string().min(1),
  ts: z.string().min(1),
  user: z.string().min(1).optional(),
  text: z.string().optional(),
  thread_ts: z.string().min(1).optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  app_id: z.string().optional(),
  user_team: z.string().optional(),
  team: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEvent>;

export const AppHomeOpenedEvent = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  channel: z.string().min(1),
  tab: z.string().optional(),
});
export type AppHomeOpenedEvent = z.infer<typeof AppHomeOpenedEvent>;

export const SlashCommand = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  /** The workspace the person invoking the command belongs to: in Slack Connect, possibly another organisation's. */
  team_id: z.string().optional(),
  enterprise_id: z.string().optional(),
  /** Form-encoded: "true" for an org-wide (Enterprise Grid) install. */
  is_enterprise_install: z.string().optional(),
  api_app_id: z.string().optional(),
  trigger_id: z.string().min(1),
  response_url: z.url(),
});
export type SlashCommand = z.infer<typeof SlashCommand>;

/** A block action on a message (feedback, share, feedback reason). */
export const MessageBlockAction = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  trigger_id: z.string().optional(),
  response_url: z.url().optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z
    .object({
      message_ts: z.string().optional(),
      channel_id: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type MessageBlockAction = z.infer<typeof MessageBlockAction>;

/** The value of a feedback button: `up:<answer id>` or `down:<answer id>`. */
export const FeedbackButtonValue = z
  .string()
  .regex(/^(up|down):[\w-]{1,64}$/)
  .transform((value) => {
    const [rating, answerId] = value.split(':') as ['up' | 'down', string];
    return { rating, answerId };
  });

/** What the feedback-reason modal carries between opening and submission. */
export const FeedbackReasonMetadata = z.object({ messageId: z.string().min(1), answerId: z.string().min(1) });
export type FeedbackReasonMetadata = z.infer<typeof FeedbackReasonMetadata>;

export const FeedbackReasonSubmission = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string(),
    private_metadata: z.string(),
    state: z.object({
      values: z.object({
        reason: z.object({ reason: z.object({ value: z.string().nullable().optional() }) }),
      }),
    }),
  }),
});

export const FeedbackReason = z
  .string({ error: 'Tell us what was wrong with the answer.' })
  .trim()
  .min(3, { error: 'Tell us a little more (at least 3 characters).' })
  .max(1_000, { error: 'Keep it under 1,000 characters.' });

export const UserInfo = z.object({
  ok: z.boolean(),
  user: z
    .object({
      team_id: z.string().optional(),
      is_bot: z.boolean().optional(),
      is_stranger: z.boolean().optional(),
      is_restricted: z.boolean().optional(),
      is_ultra_restricted: z.boolean().optional(),
    })
    .optional(),
});

export const ThreadReplies = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        text: z.string().optional(),
        user: z.string().optional(),
        bot_id: z.string().optional(),
        subtype: z.string().optional(),
      }),
    )
    .default([]),
});
