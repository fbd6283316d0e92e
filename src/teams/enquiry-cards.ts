import type { Attachment } from '@microsoft/agents-activity';
import { TOPIC_LABELS } from '../conversation/index.js';
import { ENQUIRY_TOPICS, type Enquiry, type EnquiryTopic, type FieldIssue } from '../enquiries/enquiry-queue.js';
import { formatDate } from '../knowledge/format.js';
import {
  adaptiveCard,
  type CardElement,
  executeAction,
  facts,
  heading,
  paragraph,
  submitAction,
} from './adaptive-card.js';
import { CARD_ACTIONS } from './card-actions.js';

const FIELD_LABELS: Record<string, string> = {
  organisation: 'Organisation',
  contactName: 'Contact name',
  email: 'Email',
  phone: 'Phone',
  topic: 'Topic',
  description: 'What do they need?',
};

export type EnquiryFormPrefill = {
  organisation?: string;
  contactName?: string;
  email?: string;
  phone?: string;
  topic?: EnquiryTopic;
  description?: string;
  sourceLink?: string;
  arrivedVia: 'staff' | 'bot' | 'external';
  /** Unique per rendered form: a retried or double-clicked submission logs the enquiry once. */
  submissionId: string;
};

/** The form's inputs and submit button, for a card of its own or inside an answer's "Log employer enquiry". */
export function enquiryFormElements(prefill: EnquiryFormPrefill): { body: CardElement[]; actions: CardElement[] } {
  const text = (id: string, label: string, value: string | undefined, extra: Record<string, unknown> = {}) => ({
    type: 'Input.Text',
    id,
    label,
    ...(value !== undefined && { value }),
    ...extra,
  });
  return {
    body: [
      text('organisation', 'Organisation', prefill.organisation, {
        isRequired: true,
        maxLength: 200,
        errorMessage: 'Enter the employer’s name',
      }),
      text('contactName', 'Contact name', prefill.contactName, {
        isRequired: true,
        maxLength: 200,
        errorMessage: 'Enter who to contact',
      }),
      text('email', 'Email', prefill.email, { style: 'Email', maxLength: 254 }),
      text('phone', 'Phone', prefill.phone, { style: 'Tel', maxLength: 40 }),
      {
        type: 'Input.ChoiceSet',
        id: 'topic',
        label: 'Topic (suggested from the description when left blank)',
        style: 'compact',
        ...(prefill.topic !== undefined && { value: prefill.topic }),
        choices: ENQUIRY_TOPICS.map((topic) => ({ title: TOPIC_LABELS[topic], value: topic })),
      },
      text('description', 'What do they need?', prefill.description, {
        isMultiline: true,
        isRequired: true,
        maxLength: 3_000,
        errorMessage: 'Describe the enquiry',
      }),
    ],
    actions: [
      submitAction(
        'Log enquiry',
        {
          action: CARD_ACTIONS.submitEnquiry,
          submissionId: prefill.submissionId,
          arrivedVia: prefill.arrivedVia,
          ...(prefill.sourceLink !== undefined && { sourceLink: prefill.sourceLink }),
        },
        'positive',
      ),
    ],
  };
}

/** The enquiry form as a card of its own, with any problems from an earlier attempt listed at the top. */
export function enquiryFormCard(prefill: EnquiryFormPrefill, issues: FieldIssue[] = []): Attachment {
  const form = enquiryFormElements(prefill);
  const problems = issues.map((issue) => `- ${FIELD_LABELS[issue.field] ?? issue.field}: ${issue.message}`).join('\n');
  return adaptiveCard(
    [
      heading('Log an employer enquiry'),
      paragraph('It goes to the employer engagement team’s queue; you will get a reference.', { subtle: true }),
      ...(issues.length > 0
        ? [{ type: 'TextBlock', text: `Please check:\n${problems}`, wrap: true, color: 'Attention' }]
        : []),
      ...form.body,
    ],
    form.actions,
  );
}

/**
 * The triage post for an enquiry: its details, and Claim / Resolve while it is open. The buttons are Action.Execute,
 * so a refusal (not an officer, already claimed) is the invoke's answer, shown only to the person who pressed.
 */
export function triageCard(enquiry: Enquiry): Attachment {
  const isOpen = enquiry.status === 'new' || enquiry.status === 'claimed';
  const actions: CardElement[] = [];
  if (enquiry.status === 'new') {
    actions.push(executeAction('Claim', CARD_ACTIONS.claimEnquiry, { reference: enquiry.reference }));
  }
  if (isOpen) {
    actions.push({
      type: 'Action.ShowCard',
      title: 'Resolve',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'outcome',
            label: 'Outcome',
            isMultiline: true,
            isRequired: true,
            maxLength: 1_000,
            errorMessage: 'Say how it was resolved',
          },
        ],
        actions: [executeAction('Resolve', CARD_ACTIONS.resolveEnquiry, { reference: enquiry.reference }, 'positive')],
      },
    });
  }
  return adaptiveCard(
    [
      heading(`Employer enquiry ${enquiry.reference}`),
      facts([
        ['Status', statusText(enquiry)],
        ['Organisation', enquiry.organisation],
        ['Contact', enquiry.contactName],
        ['Email', enquiry.email],
        ['Phone', enquiry.phone],
        ['Topic', TOPIC_LABELS[enquiry.topic]],
        ['Logged', formatDate(enquiry.createdAt.slice(0, 10))],
        ['Outcome', enquiry.outcome],
      ]),
      paragraph(enquiry.description),
      ...(enquiry.sourceLink ? [paragraph(`[Where it came from](${enquiry.sourceLink})`, { subtle: true })] : []),
    ],
    actions,
  );
}

function statusText(enquiry: Enquiry): string {
  switch (enquiry.status) {
    case 'new':
      return 'New, unclaimed';
    case 'claimed':
      return `Claimed by ${assigneeName(enquiry)}`;
    case 'resolved':
      return `Resolved${enquiry.resolvedAt ? ` on ${formatDate(enquiry.resolvedAt.slice(0, 10))}` : ''}`;
    case 'closed':
      return enquiry.closedReason === 'duplicate'
        ? `Closed as a duplicate of ${enquiry.duplicateOf ?? 'another'}`
        : 'Closed';
  }
}

function assigneeName(enquiry: Enquiry): string {
  return enquiry.assigneeName ?? enquiry.assignee ?? 'an officer';
}
