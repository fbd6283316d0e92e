import type { Attachment } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { ActionResult, EnquiryTopic } from '../enquiries/enquiry-queue.js';
import { ENQUIRY_TOPICS } from '../enquiries/enquiry-queue.js';
import { CARD_ACTIONS, CardSubmission } from './card-actions.js';
import { enquiryFormCard } from './enquiry-cards.js';
import { type Incoming, teamsMessageLink } from './incoming.js';
import { INPUT_PREFIX_SEPARATOR } from './render-answer.js';
import { decideGapInTeams } from './reports/on-gap-decision.js';
import { commandCard, type TeamsDeps, type WorkedAnswer } from './turn-context.js';

const OUTSIDER_ENQUIRY =
  'Enquiries can only be logged by council staff. Please contact the Employment & Skills team directly.';

/** What a card submission produced: a message to send, and for a card button the card's new content. */
export type SubmissionOutcome = {
  reply?: string | Attachment | WorkedAnswer;
  updatedCard?: Attachment;
  /** A refused action, shown only to the person who tried it. */
  refusal?: string;
  /** A triage button changed the enquiry: its card is updated by the queue's delivery, not by the handler. */
  triageChanged?: true;
};

/** What a card's data asks for (a form sent, a triage button, a calculator), done for the person who sent it. */
export async function onSubmission(
  context: TurnContext,
  deps: TeamsDeps,
  incoming: Incoming,
  raw: unknown,
): Promise<SubmissionOutcome> {
  const parsed = CardSubmission.safeParse(withoutInputPrefixes(raw));
  if (!parsed.success) {
    deps.log.warn({ activityId: context.activity.id }, 'teams card submission not understood');
    return { reply: 'That card could not be read. Please open it again and resubmit.' };
  }
  const data = parsed.data;
  switch (data.action) {
    case CARD_ACTIONS.openCard:
      return { reply: commandCard(data.card, deps, incoming, context.activity) };
    case CARD_ACTIONS.submitEnquiry: {
      if (incoming.isOutsider) return { reply: OUTSIDER_ENQUIRY };
      const { action: _action, submissionId, ...fields } = data;
      const sourceLink = fields.sourceLink ?? teamsMessageLink(context.activity, incoming);
      const input = { ...definedOnly(fields), ...(sourceLink !== undefined && { sourceLink }) };
      const result = await deps.core.enquiries.log(input, incoming.actor, { idempotencyKey: `teams:${submissionId}` });
      if (!result.ok) {
        const topic = ENQUIRY_TOPICS.find((candidate) => candidate === fields.topic) as EnquiryTopic | undefined;
        return {
          reply: enquiryFormCard(
            { ...definedOnly({ ...fields, topic }), arrivedVia: fields.arrivedVia, submissionId },
            result.issues,
          ),
        };
      }
      deps.log.info({ reference: result.enquiry.reference, created: result.created }, 'teams enquiry logged');
      const duplicates =
        result.possibleDuplicates.length > 0
          ? ` It may be the same as ${result.possibleDuplicates.map((duplicate) => duplicate.reference).join(', ')}.`
          : '';
      return {
        reply: result.created
          ? `Thanks, the enquiry from ${result.enquiry.organisation} is logged as **${result.enquiry.reference}**. The employer engagement team will pick it up.${duplicates}`
          : `That enquiry is already logged as **${result.enquiry.reference}**.`,
      };
    }
    case CARD_ACTIONS.claimEnquiry:
      return triageOutcome(await deps.core.enquiries.claim(data.reference, incoming.actor), 'Claimed');
    case CARD_ACTIONS.resolveEnquiry:
      if (!data.outcome) return { reply: `Add an outcome to resolve ${data.reference}.` };
      return triageOutcome(await deps.core.enquiries.resolve(data.reference, data.outcome, incoming.actor), 'Resolved');
    case CARD_ACTIONS.submitLevy:
    case CARD_ACTIONS.submitEligibility: {
      const outcome = deps.calculators.submit(data.action === CARD_ACTIONS.submitLevy ? 'levy' : 'eligibility', data);
      return { reply: outcome.ok ? { answer: outcome.answer, question: outcome.question } : outcome.card };
    }
    case CARD_ACTIONS.gapDecision: {
      const { refusal, updatedCard } = await decideGapInTeams(deps.core, data, incoming.actor.userId);
      return refusal !== undefined ? { reply: refusal, refusal } : updatedCard ? { updatedCard } : { reply: 'Done.' };
    }
  }
}

/** A triage button's result: a refusal for the presser only, or a short confirmation (the card follows by delivery). */
function triageOutcome(result: ActionResult, done: 'Claimed' | 'Resolved'): SubmissionOutcome {
  if (!result.ok) return { reply: result.message, refusal: result.message };
  return { reply: `${done} **${result.enquiry.reference}**.`, triageChanged: true };
}

function definedOnly<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** Undoes the per-form input id prefixes the answer card adds (`ask.organisation` → `organisation`). */
function withoutInputPrefixes(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => {
      const at = key.indexOf(INPUT_PREFIX_SEPARATOR);
      return [at > 0 ? key.slice(at + 1) : key, value];
    }),
  );
}
