import { z } from 'zod';
import type { ActionResult } from '../../enquiries/index.js';
import { assigneeLabel, escapeMrkdwn } from './enquiry-blocks.js';
import type { ButtonPress } from './slack-payloads.js';
import type { ReplyTarget } from './slack-text.js';

// What a triage action is about (an enquiry reference, the post or Home tab it came from) and how it answers.

export const Reference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^ENQ-\d{4}-\d{1,6}$/, { error: 'Enter a reference like ENQ-2026-0042' });

/** Where the button was pressed, so the right view is refreshed afterwards. */
export const Origin = z.union([
  z.object({ kind: z.literal('message'), channel: z.string().min(1), ts: z.string().min(1) }),
  z.object({ kind: z.literal('home') }),
]);
export type Origin = z.infer<typeof Origin>;

export const ActionMetadata = z.object({ reference: Reference, origin: Origin });
export type ActionMetadata = z.infer<typeof ActionMetadata>;

export const NOT_AN_OFFICER =
  'Only employer engagement officers can claim, assign, add notes to, resolve or close enquiries. Ask an officer in the triage channel if this needs doing.';

export const SORRY = 'Sorry, that did not work. Nothing was changed: try again in a minute.';

export function originOf(press: ButtonPress): Origin | undefined {
  if (press.container.type === 'view') return { kind: 'home' };
  if (press.channel && press.message) return { kind: 'message', channel: press.channel.id, ts: press.message.ts };
  return undefined;
}

export function replyTargetOf(userId: string, origin: Origin | undefined): ReplyTarget {
  return origin?.kind === 'message' ? { userId, channel: origin.channel } : { userId };
}

export function refusalText(result: Extract<ActionResult, { ok: false }>, reference: string): string {
  if (result.reason === 'conflict' && result.enquiry?.assignee && result.enquiry.status === 'claimed') {
    return `${reference} is already claimed by ${assigneeLabel(result.enquiry)}.`;
  }
  if (result.reason === 'not_found') return `There is no enquiry ${reference}.`;
  if (result.reason === 'forbidden') return NOT_AN_OFFICER;
  return escapeMrkdwn(result.message);
}
