import { z } from 'zod';

// The parts of Slack's interaction payloads this feature reads, checked before use.

const SlackUser = z.object({ id: z.string().min(1), name: z.string().optional(), team_id: z.string().optional() });

/** A button press on a message (triage channel, answer) or on the App Home tab. */
export const ButtonPress = z.object({
  trigger_id: z.string().min(1),
  user: SlackUser,
  team: z.object({ id: z.string() }).nullish(),
  channel: z.object({ id: z.string().min(1) }).nullish(),
  message: z.object({ ts: z.string().min(1), thread_ts: z.string().optional() }).nullish(),
  container: z.object({ type: z.string() }).loose(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type ButtonPress = z.infer<typeof ButtonPress>;

/** The "Log as employer enquiry" message shortcut. */
export const MessageShortcut = z.object({
  trigger_id: z.string().min(1),
  user: SlackUser,
  team: z.object({ id: z.string() }).nullish(),
  channel: z.object({ id: z.string().min(1) }),
  message_ts: z.string().min(1),
  message: z
    .object({
      text: z.string().default(''),
      ts: z.string().min(1),
      user: z.string().optional(),
      user_team: z.string().optional(),
      team: z.string().optional(),
    })
    .loose(),
});
export type MessageShortcut = z.infer<typeof MessageShortcut>;

const InputState = z
  .object({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_user: z.string().nullish(),
    selected_date: z.string().nullish(),
  })
  .loose();

/** A submitted modal: who sent it, its id (used to make retries harmless), its values and metadata. */
export const ViewSubmission = z.object({
  user: SlackUser,
  team: z.object({ id: z.string() }).nullish(),
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), InputState)) }),
  }),
});
export type ViewSubmission = z.infer<typeof ViewSubmission>;

/** Reads one input of a submitted view as text; blank inputs come back undefined. */
export function inputValue(submission: ViewSubmission, blockId: string): string | undefined {
  const state = Object.values(submission.view.state.values[blockId] ?? {})[0];
  const raw =
    state?.selected_option?.value ?? state?.selected_user ?? state?.selected_date ?? state?.value ?? undefined;
  if (raw === undefined || raw === null) return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Slack's view-submission error response: a message per input block. */
export type ViewErrors = { response_action: 'errors'; errors: Record<string, string> };

/** Turns zod issues into Slack field errors, keyed by block id (first issue per field wins). */
export function toViewErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  blockIdOf: (field: string) => string,
): ViewErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const blockId = blockIdOf(String(issue.path[0] ?? ''));
    if (!(blockId in errors)) errors[blockId] = issue.message;
  }
  return { response_action: 'errors', errors };
}

export const AppHomeOpened = z.object({ user: z.string().min(1), tab: z.string().optional() });
