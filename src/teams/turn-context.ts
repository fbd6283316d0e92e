import { randomUUID } from 'node:crypto';
import { Activity, type Attachment } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Answer } from '../answer/answer.js';
import { buildAnswerView, type Conversation } from '../conversation/index.js';
import type { Core } from '../core.js';
import { errorCode } from '../errors.js';
import type { Logger } from '../log.js';
import type { TeamsCalculators } from './calculator-cards.js';
import { enquiryFormCard } from './enquiry-cards.js';
import { helpCard } from './help-card.js';
import { type Incoming, readIncoming, teamsMessageLink } from './incoming.js';
import { loggableError } from './loggable-error.js';
import type { MemberLookup } from './member-role.js';
import { renderTeamsAnswer } from './render-answer.js';
import type { TeamsCommand } from './teams-commands.js';
import type { TeamsMemory } from './teams-memory.js';
import type { TeamsSettings } from './teams-settings.js';
import { botIdentity } from './teams-triage-publisher.js';

// What every Teams turn handler shares: its dependencies, the sender check, replies and remembering.

export const SORRY = 'Sorry, something went wrong on my side and I could not finish that. Please try again shortly.';

export type TeamsDeps = {
  core: Core;
  settings: TeamsSettings;
  memory: TeamsMemory;
  calculators: TeamsCalculators;
  /** Asks Teams for the sender's role (guest or not); only used when a tenant is configured. */
  memberOf: MemberLookup;
  /** The per-question flow shared with Slack. */
  conversation: Conversation;
  log: Logger;
  /**
   * Sends pending triage cards and in-place updates now through the Teams publisher (set when a triage channel is
   * configured). A triage button never updates the card itself: the queue's delivery does, once per change, and
   * records what the card shows so the next delivery round does not update it again.
   */
  deliverTriagePosts?(): Promise<void>;
};

/** Shows a triage change on the card now rather than on the next delivery round; a failure waits for that round. */
export async function deliverTriageNow(deps: TeamsDeps): Promise<void> {
  if (!deps.deliverTriagePosts) return;
  try {
    await deps.deliverTriagePosts();
  } catch (error) {
    deps.log.warn({ err: loggableError(error), code: errorCode(error) }, 'teams triage card not updated yet');
  }
}

/** A worked answer (from a calculator card) to send like any other answer. */
export type WorkedAnswer = { answer: Answer; question: string };

/** The sender, checked; people from our own tenant are also checked against Teams' member record for guests. */
export async function readSender(context: TurnContext, deps: TeamsDeps): Promise<Incoming | undefined> {
  const first = readIncoming(context.activity, deps.settings);
  if (!first || first.isOutsider || deps.settings.mode !== 'authenticated' || !deps.settings.tenantId) return first;
  return readIncoming(context.activity, deps.settings, await deps.memberOf(context));
}

/**
 * Writes what the bot remembers (history, sent answers, where to reach a person). A store that cannot take the write
 * costs only that memory: the person still gets their answer, never an apology after it.
 */
export async function remember(deps: TeamsDeps, what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    deps.log.error({ err: loggableError(error), code: errorCode(error), what }, 'teams memory not written');
  }
}

export function commandCard(
  command: TeamsCommand,
  deps: TeamsDeps,
  incoming: Incoming,
  activity: Activity,
): Attachment {
  switch (command) {
    case 'levy':
    case 'eligibility':
      return deps.calculators.card(command);
    case 'enquiry': {
      const sourceLink = teamsMessageLink(activity, incoming);
      return enquiryFormCard({
        arrivedVia: 'staff',
        submissionId: randomUUID(),
        ...(sourceLink !== undefined && { sourceLink }),
      });
    }
    case 'help':
      return helpCard();
  }
}

export async function sendReply(
  context: TurnContext,
  deps: TeamsDeps,
  incoming: Incoming,
  reply: string | Attachment | WorkedAnswer,
): Promise<void> {
  if (typeof reply === 'object' && 'answer' in reply) {
    const sourceLink = teamsMessageLink(context.activity, incoming);
    const view = buildAnswerView(reply.answer, {
      answerId: randomUUID(),
      question: reply.question,
      isExternal: incoming.isOutsider,
    });
    const activity = renderTeamsAnswer(view, { ...(sourceLink !== undefined && { sourceLink }) });
    const sent = await context.sendActivity(activity);
    const sentId = sent?.id;
    if (sentId)
      await remember(deps, 'sent answer', () => deps.memory.rememberAnswer(sentId, reply.question, reply.answer));
    return;
  }
  if (typeof reply === 'string')
    await context.sendActivity(Activity.fromObject({ type: 'message', text: reply, textFormat: 'markdown' }));
  else await context.sendActivity(Activity.fromObject({ type: 'message', attachments: [reply] }));
}

/**
 * A message for one person only (a refused card action in a shared conversation): sent in their personal chat with
 * the bot, never to the channel or group. Without a personal chat to use, it is logged and not shown.
 */
export async function tellPrivately(context: TurnContext, deps: TeamsDeps, incoming: Incoming, text: string) {
  const reference = await deps.memory.userReference(incoming.actor.userId).catch(() => undefined);
  if (!reference) {
    deps.log.info({ activityId: context.activity.id }, 'teams refusal not shown: no personal chat with the person');
    return;
  }
  try {
    await context.adapter.continueConversation(botIdentity(deps.settings), reference, async (personal) => {
      // A new message in the personal chat, not a reply to the message the reference was taken from.
      personal.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      await personal.sendActivity(Activity.fromObject({ type: 'message', text, textFormat: 'markdown' }));
    });
  } catch (error) {
    // Never fall back to the shared conversation: the refusal is for this person only.
    deps.log.warn({ err: loggableError(error), code: errorCode(error) }, 'teams refusal not sent to the personal chat');
  }
}

export function messageResponse(text: string) {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

export async function sendInvokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
  await context.sendActivity(Activity.fromObject({ type: 'invokeResponse', value: { status, body } }));
}
