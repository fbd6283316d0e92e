import type { types as SlackTypes } from '@slack/bolt';
import { z } from 'zod';
import type { Enquiry } from '../../enquiries/index.js';
import { SLACK_IDS } from '../ids.js';
import { modalView } from '../modal-view.js';
import { escapeMrkdwn, isSlackUserId } from './enquiry-blocks.js';
import { type ActionMetadata, Reference } from './triage-press.js';

// The modals behind the triage buttons (assign, note, resolve, close as duplicate) and what each accepts.

export type FormSpec = {
  callbackId: string;
  title: string;
  submit: string;
  blockId: string;
  block(enquiry: Enquiry | undefined): SlackTypes.InputBlock;
};

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

export const FORMS = {
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

export const FormValue = {
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

export type FormKind = keyof typeof FORMS;

/** The modal for one triage form, carrying the enquiry and where the button was pressed. */
export function buildActionModal(
  kind: FormKind,
  metadata: ActionMetadata,
  enquiry: Enquiry | undefined,
): SlackTypes.ModalView {
  const form: FormSpec = FORMS[kind];
  const summary = enquiry
    ? `*${enquiry.reference}* · ${escapeMrkdwn(enquiry.organisation)}`
    : `*${metadata.reference}*`;
  return modalView({
    callbackId: form.callbackId,
    title: form.title,
    submit: form.submit,
    metadata,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: summary } }, form.block(enquiry)],
  });
}
