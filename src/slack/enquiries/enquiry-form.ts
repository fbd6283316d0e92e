import type { types as SlackTypes } from '@slack/bolt';
import { z } from 'zod';
import { ENQUIRY_TOPICS, EnquiryInputSchema, type EnquiryTopic } from '../../enquiries/index.js';
import { SLACK_IDS } from '../ids.js';
import { modalView } from '../modal-view.js';
import { inputValue, toViewErrors, type ViewErrors, type ViewSubmission } from './slack-payloads.js';
import { TOPIC_LABELS } from './topic-labels.js';

export type EnquiryPrefill = {
  organisation?: string;
  contactName?: string;
  email?: string;
  phone?: string;
  description?: string;
  sourceLink?: string;
  arrivedVia?: 'staff' | 'bot' | 'external';
  topic?: EnquiryTopic;
};

/** Block ids of the form's inputs, keyed by the enquiry field each one fills. */
export const ENQUIRY_FORM_BLOCKS = {
  organisation: 'organisation',
  contactName: 'contact_name',
  email: 'email',
  phone: 'phone',
  topic: 'topic',
  description: 'description',
} as const;

const INPUT_ACTION = 'value';

/** What travels with the modal, unseen by the person filling it in. */
export const EnquiryFormMetadata = z.object({
  arrivedVia: z.enum(['staff', 'bot', 'external']).default('staff'),
  sourceLink: z.url().optional(),
});
export type EnquiryFormMetadata = z.infer<typeof EnquiryFormMetadata>;

/** The form as the queue will take it: checked with the queue's own rules, so the form never accepts what it rejects. */
export type EnquiryForm = EnquiryInputSchema;

/** Reads and checks a submitted enquiry form: the values with their metadata, or Slack field errors. */
export function readEnquiryForm(
  submission: ViewSubmission,
): { ok: true; form: EnquiryForm; metadata: EnquiryFormMetadata } | { ok: false; errors: ViewErrors } {
  const metadata = readMetadata(submission.view.private_metadata);
  const raw = Object.fromEntries(
    Object.entries(ENQUIRY_FORM_BLOCKS).map(([field, blockId]) => [field, inputValue(submission, blockId)]),
  );
  const parsed = EnquiryInputSchema.safeParse({ ...raw, ...metadata });
  if (!parsed.success) return { ok: false, errors: toViewErrors(parsed.error.issues, enquiryBlockId) };
  return { ok: true, form: parsed.data, metadata };
}

/** The block that shows a field's error: queue issues name fields the way the form does. */
export function enquiryBlockId(field: string): string {
  return (ENQUIRY_FORM_BLOCKS as Record<string, string>)[field] ?? ENQUIRY_FORM_BLOCKS.description;
}

function readMetadata(raw: string): EnquiryFormMetadata {
  try {
    const parsed = EnquiryFormMetadata.safeParse(JSON.parse(raw || '{}'));
    if (parsed.success) return parsed.data;
  } catch {
    // Metadata we did not write (or none): the enquiry is still logged, as one from staff.
  }
  return { arrivedVia: 'staff' };
}

const topicOption = (topic: EnquiryTopic): SlackTypes.PlainTextOption => ({
  text: { type: 'plain_text', text: TOPIC_LABELS[topic] },
  value: topic,
});

function textInput(
  blockId: string,
  label: string,
  options: { initial?: string | undefined; optional?: boolean; multiline?: boolean; hint?: string; max?: number },
): SlackTypes.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    optional: options.optional ?? false,
    ...(options.hint !== undefined && { hint: { type: 'plain_text', text: options.hint } }),
    element: {
      type: 'plain_text_input',
      action_id: INPUT_ACTION,
      multiline: options.multiline ?? false,
      ...(options.max !== undefined && { max_length: options.max }),
      ...(options.initial !== undefined && options.initial !== '' && { initial_value: options.initial }),
    },
  };
}

/** The enquiry form, pre-filled where known. */
export function buildEnquiryModal(
  prefill: EnquiryPrefill,
  suggestedTopic: EnquiryTopic | undefined,
): SlackTypes.ModalView {
  const metadata: EnquiryFormMetadata = {
    arrivedVia: prefill.arrivedVia ?? 'staff',
    ...(prefill.sourceLink !== undefined && { sourceLink: prefill.sourceLink }),
  };
  const topic = prefill.topic ?? suggestedTopic;
  const blocks: SlackTypes.KnownBlock[] = [];
  if (prefill.sourceLink) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Logged from <${prefill.sourceLink}|this message>. Check the details before you log it.`,
        },
      ],
    });
  }
  if (metadata.arrivedVia === 'external') {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'This came from someone outside the organisation.' }],
    });
  }
  blocks.push(
    textInput(ENQUIRY_FORM_BLOCKS.organisation, 'Organisation', { initial: prefill.organisation, max: 200 }),
    textInput(ENQUIRY_FORM_BLOCKS.contactName, 'Contact name', { initial: prefill.contactName, max: 120 }),
    textInput(ENQUIRY_FORM_BLOCKS.email, 'Email', {
      initial: prefill.email,
      optional: true,
      hint: 'Give an email address, a phone number, or both.',
    }),
    textInput(ENQUIRY_FORM_BLOCKS.phone, 'Phone', { initial: prefill.phone, optional: true, max: 20 }),
    {
      type: 'input',
      block_id: ENQUIRY_FORM_BLOCKS.topic,
      label: { type: 'plain_text', text: 'Topic' },
      // With nothing to suggest it from yet, the topic may be left for the queue to suggest from the description.
      optional: topic === undefined,
      ...(topic === undefined && {
        hint: { type: 'plain_text', text: 'Leave it blank to have it worked out from the description.' },
      }),
      element: {
        type: 'static_select',
        action_id: INPUT_ACTION,
        options: ENQUIRY_TOPICS.map(topicOption),
        ...(topic !== undefined && { initial_option: topicOption(topic) }),
      },
    },
    textInput(ENQUIRY_FORM_BLOCKS.description, 'What do they need?', {
      initial: prefill.description?.slice(0, 3_000),
      multiline: true,
      max: 3_000,
    }),
  );
  return modalView({
    callbackId: SLACK_IDS.views.enquiryForm,
    title: 'Log employer enquiry',
    submit: 'Log enquiry',
    metadata,
    blocks,
  });
}
