import { z } from 'zod';
import { GapDecisionKind } from '../reports/gap-decisions.js';

/** The `action` value every button on the bot's cards carries. */
export const CARD_ACTIONS = {
  openCard: 'open-card',
  submitEnquiry: 'enquiry-submit',
  claimEnquiry: 'enquiry-claim',
  resolveEnquiry: 'enquiry-resolve',
  submitLevy: 'levy-submit',
  submitEligibility: 'eligibility-submit',
  gapDecision: 'gap-decision',
} as const;

const optionalInput = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .optional()
    .transform((value) => (value === '' ? undefined : value));

/** What a card submission (Action.Submit value, or Action.Execute data) may hold, by action. */
export const CardSubmission = z.discriminatedUnion('action', [
  z.object({
    action: z.literal(CARD_ACTIONS.openCard),
    card: z.enum(['levy', 'eligibility', 'enquiry', 'help']),
  }),
  z.object({
    action: z.literal(CARD_ACTIONS.submitEnquiry),
    submissionId: z.string().min(8).max(100),
    arrivedVia: z.enum(['staff', 'bot', 'external']).default('staff'),
    // Generous bounds only: the queue checks each field and says exactly what is wrong with it.
    sourceLink: optionalInput(2_000),
    organisation: optionalInput(1_000),
    contactName: optionalInput(1_000),
    email: optionalInput(1_000),
    phone: optionalInput(1_000),
    topic: optionalInput(100),
    description: optionalInput(10_000),
  }),
  z.object({
    action: z.literal(CARD_ACTIONS.claimEnquiry),
    reference: z.string().trim().min(1).max(40),
  }),
  z.object({
    action: z.literal(CARD_ACTIONS.resolveEnquiry),
    reference: z.string().trim().min(1).max(40),
    outcome: optionalInput(1_000),
  }),
  z
    .object({
      action: z.literal(CARD_ACTIONS.submitLevy),
      submissionId: z.string().min(8).max(100),
    })
    .catchall(z.unknown()),
  z
    .object({
      action: z.literal(CARD_ACTIONS.submitEligibility),
      submissionId: z.string().min(8).max(100),
    })
    .catchall(z.unknown()),
  // A button on a content owner's knowledge digest (src/teams/reports).
  z.object({
    action: z.literal(CARD_ACTIONS.gapDecision),
    gapId: z.string().regex(/^[0-9a-f]{16}$/),
    kind: GapDecisionKind,
    owner: z.string().min(1).max(200),
    since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
]);
export type CardSubmission = z.infer<typeof CardSubmission>;
