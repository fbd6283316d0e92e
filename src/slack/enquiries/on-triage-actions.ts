import type { App, types as SlackTypes } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { ActionResult, Enquiry, TriagePost } from '../../enquiries/index.js';
import { errorCode } from '../../errors.js';
import { SLACK_IDS } from '../ids.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { publishHome } from './app-home.js';
import { assigneeLabel, escapeMrkdwn, isSlackUserId, mention, renderTriageMessage } from './enquiry-blocks.js';
import { deliverTriageNow, slackActor } from './on-enquiry-capture.js';
import { ButtonPress, inputValue, toViewErrors, ViewSubmission } from './slack-payloads.js';
import { type ReplyTarget, tellUser } from './slack-text.js';

const Reference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^ENQ-\d{4}-\d{1,6}$/, { error: 'Enter a reference like ENQ-2026-0042' });

/** Where the button was pressed, so the right view is refreshed afterwards. */
const Origin = z.union([
  z.object({ kind: z.literal('message'), channel: z.string().min(1), ts: z.string().min(1) }),
  z.object({ kind: z.literal('home') }),
]);
type Origin = z.infer<typeof Origin>;

const ActionMetadata = z.object({ reference: Reference, origin: Origin });
type ActionMetadata = z.infer<typeof ActionMetadata>;

type FormSpec = {
  callbackId: string;
  title: string;
  submit: string;
  blockId: string;
  block(enquiry: Enquiry | undefined): SlackTypes.InputBlock;
};

const NOT_AN_OFFICER =
  'Only employer engagement officers can claim, assign, add notes to, resolve or close enquiries. Ask an officer in the triage channel if this needs doing.';

const SORRY = 'Sorry, that did not work. Nothing was changed: try again in a minute.';

const textBlock = (blockId: string, label: string, placeholder: string, max: number): SlackTypes.InputBlock => ({
  type: 'input',
  block_id: blockId,
  label: { type: 'plain_text', text: label },
  element: {
    type: 'plain_text_input',
    action_id: 'value',
    multiline: max > 200,
    max_length: max,
    placeholder: { type: 'plain_text', text: placeholder },
  },
});

const FORMS = {
  assign: {
    callbackId: SLACK_IDS.views.assignForm,
    title: 'Assign enquiry',
    submit: 'Assign',
    blockId: 'assignee',
    block: (enquiry) => ({
      type: 'input',
      block_id: 'assignee',
      label: { type: 'plain_text', text: 'Assign to' },
      element: {
        type: 'users_select',
        action_id: 'value',
        ...(enquiry?.assignee !== undefined && isSlackUserId(enquiry.assignee) && { initial_user: enquiry.assignee }),
      },
    }),
  },
  note: {
    callbackId: SLACK_IDS.views.noteForm,
    title: 'Add a note',
    submit: 'Add note',
    blockId: 'note',
    block: () =>
      textBlock('note', 'Note (seen only by staff)', 'Called them back; they will send the job description', 2_000),
  },
  resolve: {
    callbackId: SLACK_IDS.views.resolveForm,
    title: 'Resolve enquiry',
    submit: 'Resolve',
    blockId: 'outcome',
    block: () => textBlock('outcome', 'Outcome', 'What was done, and what the employer was told', 2_000),
  },
  duplicate: {
    callbackId: SLACK_IDS.views.duplicateForm,
    title: 'Close as duplicate',
    submit: 'Close enquiry',
    blockId: 'duplicate_of',
    block: () => textBlock('duplicate_of', 'Reference of the enquiry it repeats', 'ENQ-2026-0042', 20),
  },
} satisfies Record<string, FormSpec>;

const FormValue = {
  assign: z
    .string({ error: 'Choose who to assign it to' })
    .regex(/^[UW][A-Z0-9]+$/, { error: 'Choose who to assign it to' }),
  note: z
    .string({ error: 'Enter a note' })
    .trim()
    .min(2, { error: 'Enter a note' })
    .max(2_000, { error: 'Note must be 2,000 characters or fewer' }),
  resolve: z
    .string({ error: 'Enter the outcome' })
    .trim()
    .min(5, { error: 'Enter the outcome in a few words' })
    .max(2_000, { error: 'Outcome must be 2,000 characters or fewer' }),
  duplicate: z.string({ error: 'Enter the reference of the enquiry it repeats' }).pipe(Reference),
} as const;

type FormKind = keyof typeof FORMS;

const BUTTONS: { actionId: string; kind: FormKind | 'claim'; officersOnly: boolean }[] = [
  { actionId: SLACK_IDS.actions.claimEnquiry, kind: 'claim', officersOnly: true },
  { actionId: SLACK_IDS.actions.assignEnquiry, kind: 'assign', officersOnly: true },
  { actionId: SLACK_IDS.actions.noteEnquiry, kind: 'note', officersOnly: true },
  { actionId: SLACK_IDS.actions.resolveEnquiry, kind: 'resolve', officersOnly: true },
  { actionId: SLACK_IDS.actions.closeDuplicate, kind: 'duplicate', officersOnly: true },
];

function buildActionModal(
  kind: FormKind,
  metadata: ActionMetadata,
  enquiry: Enquiry | undefined,
): SlackTypes.ModalView {
  const form: FormSpec = FORMS[kind];
  const summary = enquiry
    ? `*${enquiry.reference}* · ${escapeMrkdwn(enquiry.organisation)}`
    : `*${metadata.reference}*`;
  return {
    type: 'modal',
    callback_id: form.callbackId,
    title: { type: 'plain_text', text: form.title },
    submit: { type: 'plain_text', text: form.submit },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: summary } }, form.block(enquiry)],
  };
}

/** Updates every Slack triage post of an enquiry in place (and the pressed message, if it is one of them). */
export async function refreshTriagePosts(
  client: WebClient,
  enquiry: Enquiry,
  origin: Origin | undefined,
  deps: SlackFeatureDeps,
): Promise<void> {
  const posts: TriagePost[] = enquiry.posts.filter((post) => post.platform === 'slack');
  if (
    origin?.kind === 'message' &&
    !posts.some((post) => post.channel === origin.channel && post.messageId === origin.ts)
  ) {
    posts.push({ platform: 'slack', channel: origin.channel, messageId: origin.ts });
  }
  const message = renderTriageMessage(enquiry);
  for (const post of posts) {
    try {
      await client.chat.update({ channel: post.channel, ts: post.messageId, ...message });
    } catch (error) {
      deps.log.warn({ err: error, reference: enquiry.reference, ts: post.messageId }, 'triage post not updated');
    }
  }
}

function originOf(press: ButtonPress): Origin | undefined {
  if (press.container.type === 'view') return { kind: 'home' };
  if (press.channel && press.message) return { kind: 'message', channel: press.channel.id, ts: press.message.ts };
  return undefined;
}

function replyTargetOf(userId: string, origin: Origin | undefined): ReplyTarget {
  return origin?.kind === 'message' ? { userId, channel: origin.channel } : { userId };
}

function refusalText(result: Extract<ActionResult, { ok: false }>, reference: string): string {
  if (result.reason === 'conflict' && result.enquiry?.assignee && result.enquiry.status === 'claimed') {
    return `${reference} is already claimed by ${assigneeLabel(result.enquiry)}.`;
  }
  if (result.reason === 'not_found') return `There is no enquiry ${reference}.`;
  if (result.reason === 'forbidden') return NOT_AN_OFFICER;
  return escapeMrkdwn(result.message);
}

export function registerTriageActions(app: App, deps: SlackFeatureDeps): void {
  const log = deps.log.child({ module: 'slack-triage' });

  async function afterChange(client: WebClient, enquiry: Enquiry, origin: Origin | undefined, userId: string) {
    // The queue's delivery updates every platform's post and records it; without it, update Slack's posts here.
    if (deps.deliverTriagePosts) await deliverTriageNow(deps);
    else await refreshTriagePosts(client, enquiry, origin, deps);
    if (origin?.kind === 'home') await publishHome(client, deps, userId);
  }

  for (const button of BUTTONS) {
    app.action(button.actionId, async ({ ack, body, client }) => {
      await ack();
      const parsed = ButtonPress.safeParse(body);
      const reference = parsed.success ? Reference.safeParse(parsed.data.actions[0]?.value) : undefined;
      if (!parsed.success || !reference?.success) {
        log.warn({ action: button.actionId }, 'triage button payload not understood');
        return;
      }
      const press = parsed.data;
      const origin = originOf(press);
      const reply = replyTargetOf(press.user.id, origin);
      const actor = await slackActor(deps, press.user);
      if (button.officersOnly && !actor.isOfficer) {
        await tellUser(client, reply, NOT_AN_OFFICER);
        return;
      }
      try {
        if (button.kind === 'claim') {
          const result = await deps.core.enquiries.claim(reference.data, actor);
          if (!result.ok) {
            await tellUser(client, reply, refusalText(result, reference.data));
            return;
          }
          log.info({ reference: reference.data }, 'enquiry claimed');
          await afterChange(client, result.enquiry, origin, press.user.id);
          return;
        }
        const enquiry = await deps.core.enquiries.get(reference.data);
        if (!enquiry) {
          await tellUser(client, reply, `There is no enquiry ${reference.data}.`);
          return;
        }
        const metadata: ActionMetadata = { reference: reference.data, origin: origin ?? { kind: 'home' } };
        await client.views.open({
          trigger_id: press.trigger_id,
          view: buildActionModal(button.kind, metadata, enquiry),
        });
      } catch (error) {
        log.error({ err: error, code: errorCode(error), action: button.actionId }, 'triage action failed');
        await tellUser(client, reply, SORRY);
      }
    });
  }

  for (const kind of Object.keys(FORMS) as FormKind[]) {
    const form: FormSpec = FORMS[kind];
    app.view(form.callbackId, async ({ ack, body, client }) => {
      const parsed = ViewSubmission.safeParse(body);
      let metadata: ActionMetadata | undefined;
      try {
        const candidate = ActionMetadata.safeParse(JSON.parse(parsed.success ? parsed.data.view.private_metadata : ''));
        if (candidate.success) metadata = candidate.data;
      } catch {
        metadata = undefined;
      }
      if (!parsed.success || !metadata) {
        log.warn({ view: form.callbackId }, 'triage form payload not understood');
        await ack({ response_action: 'errors', errors: { [form.blockId]: SORRY } });
        return;
      }
      const submission = parsed.data;
      const value = FormValue[kind].safeParse(inputValue(submission, form.blockId));
      if (!value.success) {
        await ack(
          toViewErrors(
            value.error.issues.map((issue) => ({ ...issue, path: [form.blockId] })),
            String,
          ),
        );
        return;
      }
      if (kind === 'duplicate' && value.data === metadata.reference) {
        await ack({
          response_action: 'errors',
          errors: { [form.blockId]: 'Enter the reference of a different enquiry' },
        });
        return;
      }
      const actor = await slackActor(deps, submission.user);
      if (!actor.isOfficer) {
        await ack({ response_action: 'errors', errors: { [form.blockId]: NOT_AN_OFFICER } });
        return;
      }
      const queue = deps.core.enquiries;
      let result: ActionResult;
      try {
        result =
          kind === 'assign'
            ? await queue.assign(metadata.reference, value.data, actor)
            : kind === 'note'
              ? await queue.addNote(metadata.reference, value.data, actor)
              : kind === 'resolve'
                ? await queue.resolve(metadata.reference, value.data, actor)
                : await queue.close(metadata.reference, 'duplicate', actor, value.data);
      } catch (error) {
        log.error({ err: error, code: errorCode(error), view: form.callbackId }, 'triage form failed');
        await ack({ response_action: 'errors', errors: { [form.blockId]: SORRY } });
        return;
      }
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: { [form.blockId]: refusalText(result, metadata.reference) } });
        return;
      }
      await ack();
      log.info({ reference: metadata.reference, view: form.callbackId }, 'enquiry updated');
      await afterChange(client, result.enquiry, metadata.origin, submission.user.id);
      if (kind === 'assign' && value.data !== submission.user.id) {
        await client.chat.postMessage({
          channel: value.data,
          text: `${mention(submission.user.id)} assigned you *${result.enquiry.reference}* (${escapeMrkdwn(result.enquiry.organisation)}). The details are in the triage channel and in Skills Desk's Home tab.`,
        });
      }
    });
  }
}
