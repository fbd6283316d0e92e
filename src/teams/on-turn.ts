import { randomUUID } from 'node:crypto';
import { Activity, type Attachment } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Answer } from '../answer/answer.js';
import { buildAnswerView, type Conversation, WHAT_SKILLS_DESK_DOES } from '../conversation/index.js';
import type { Core } from '../core.js';
import type { ActionResult, EnquiryTopic } from '../enquiries/enquiry-queue.js';
import { ENQUIRY_TOPICS } from '../enquiries/enquiry-queue.js';
import { errorCode } from '../errors.js';
import type { Logger } from '../log.js';
import { rateAskedQuestion } from '../reports/record-question.js';
import { ExecuteInvokeValue, FeedbackInvokeValue, feedbackTextOf } from './activity-schemas.js';
import type { TeamsCalculators } from './calculator-cards.js';
import { CARD_ACTIONS, CardSubmission } from './card-actions.js';
import { enquiryFormCard, triageCard } from './enquiry-cards.js';
import { helpCard, welcomeCard } from './help-card.js';
import { type Incoming, questionText, readIncoming, teamsMessageLink } from './incoming.js';
import { loggableError } from './loggable-error.js';
import type { MemberLookup } from './member-role.js';
import { escapeTeams, INPUT_PREFIX_SEPARATOR, renderTeamsAnswer } from './render-answer.js';
import { decideGapInTeams } from './reports/on-gap-decision.js';
import { commandOf, type TeamsCommand } from './teams-commands.js';
import type { TeamsMemory } from './teams-memory.js';
import type { TeamsSettings } from './teams-settings.js';

export const SORRY = 'Sorry, something went wrong on my side and I could not finish that. Please try again shortly.';
const OUTSIDER_ENQUIRY =
  'Enquiries can only be logged by council staff. Please contact the Employment & Skills team directly.';
const SEARCHING = 'Checking the Skills Desk knowledge base…';

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
};

/** A worked answer (from a calculator card) to send like any other answer. */
type WorkedAnswer = { answer: Answer; question: string };

/** What a card submission produced: a message to send, and for a card button the card's new content. */
type SubmissionOutcome = {
  reply?: string | Attachment | WorkedAnswer;
  updatedCard?: Attachment;
  /** A refused action, shown only to the person who tried it. */
  refusal?: string;
};

/** The one entry point for every activity Teams sends; faults are logged and answered with a fixed message. */
export function createTurnHandler(deps: TeamsDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    try {
      if (activity.type === 'message') await onMessage(context, deps);
      else if (activity.type === 'invoke') await onInvoke(context, deps);
      else if (activity.type === 'conversationUpdate' || activity.type === 'installationUpdate') {
        await welcome(context, deps);
      }
    } catch (error) {
      deps.log.error(
        {
          err: loggableError(error),
          code: errorCode(error),
          activityId: activity.id,
          type: activity.type,
          name: activity.name,
        },
        'teams turn failed',
      );
      try {
        if (activity.type === 'invoke') await sendInvokeResponse(context, 200, messageResponse(SORRY));
        else await context.sendActivity(SORRY);
      } catch (sendError) {
        deps.log.error(
          { err: loggableError(sendError), code: errorCode(sendError), activityId: activity.id },
          'teams apology not sent',
        );
      }
    }
  };
}

async function onMessage(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const activity = context.activity;
  const incoming = await readSender(context, deps);
  if (!incoming) {
    deps.log.warn({ activityId: activity.id }, 'teams message without a readable sender or conversation');
    return;
  }
  if (incoming.isPersonal && !incoming.isOutsider) {
    await remember(deps, 'conversation reference', () =>
      deps.memory.rememberUser(incoming.actor.userId, activity.getConversationReference()),
    );
  }
  // Action.Submit on a card arrives as a message whose value holds the card's data and inputs.
  if (activity.value !== undefined && activity.value !== null && !activity.text) {
    const outcome = await onSubmission(context, deps, incoming, activity.value);
    if (outcome.updatedCard && activity.replyToId) {
      await context.updateActivity(
        Activity.fromObject({ type: 'message', id: activity.replyToId, attachments: [outcome.updatedCard] }),
      );
    }
    if (outcome.reply !== undefined) await sendReply(context, deps, incoming, outcome.reply);
    return;
  }

  const question = questionText(activity);
  if (question === '') {
    await context.sendActivity(Activity.fromObject({ type: 'message', attachments: [helpCard()] }));
    return;
  }
  const command = incoming.isPersonal ? commandOf(question) : undefined;
  if (command) {
    await sendReply(context, deps, incoming, commandCard(command, deps, incoming, activity));
    return;
  }
  await answerQuestion(context, deps, incoming, question);
}

/** The sender, checked; people from our own tenant are also checked against Teams' member record for guests. */
async function readSender(context: TurnContext, deps: TeamsDeps): Promise<Incoming | undefined> {
  const first = readIncoming(context.activity, deps.settings);
  if (!first || first.isOutsider || deps.settings.mode !== 'authenticated' || !deps.settings.tenantId) return first;
  return readIncoming(context.activity, deps.settings, await deps.memberOf(context));
}

async function answerQuestion(context: TurnContext, deps: TeamsDeps, incoming: Incoming, question: string) {
  const activity = context.activity;
  // In a channel, reply in the thread of the message that mentioned the bot.
  const conversation = activity.conversation;
  if (
    conversation &&
    incoming.conversation.conversationType === 'channel' &&
    !conversation.id.includes(';messageid=')
  ) {
    conversation.id = `${conversation.id};messageid=${activity.id}`;
  }
  const threadId = conversation?.id ?? incoming.conversation.id;
  const isStreaming = incoming.isPersonal && deps.core.config.model !== 'off';
  const stream = isStreaming ? context.streamingResponse : undefined;
  if (stream) stream.queueInformativeUpdate(SEARCHING);
  else await context.sendActivity(Activity.fromObject({ type: 'typing' }));

  const outcome = await deps.conversation.handle({
    platform: 'teams',
    eventId: activity.id,
    question,
    asker: async () => ({
      id: incoming.actor.userId,
      audience: incoming.isOutsider ? 'public' : 'staff',
      isExternal: incoming.isOutsider,
      isOfficer: incoming.actor.isOfficer,
    }),
    where: { channel: threadId },
    history: () => deps.memory.history(threadId),
    ...(stream && { onText: (delta: string) => stream.queueTextChunk(escapeTeams(delta)) }),
  });
  if (outcome.kind === 'repeat') return;
  if (outcome.kind !== 'answered') {
    const text = outcome.kind === 'failed' ? SORRY : outcome.text;
    if (stream) {
      // Close the open stream with the message rather than leaving half an answer on screen.
      stream.setFinalMessage(Activity.fromObject({ type: 'message', text }));
      await stream.endStream();
    } else {
      await context.sendActivity(Activity.fromObject({ type: 'message', text }));
    }
    return;
  }
  const { view, answer } = outcome;
  const sourceLink = teamsMessageLink(activity, incoming);
  const reply = renderTeamsAnswer(view, { ...(sourceLink !== undefined && { sourceLink }) });

  let messageId: string | undefined;
  if (stream) {
    stream.setFeedbackLoop(true);
    // The SDK replaces the final message's attachments with the stream's own: set them there, so the card stays.
    if (reply.attachments) stream.setAttachments(reply.attachments);
    stream.setFinalMessage(reply);
    await stream.endStream();
    messageId = stream.streamId;
  } else {
    messageId = (await context.sendActivity(reply))?.id;
  }
  deps.log.info(
    { activityId: activity.id, kind: answer.kind, mode: answer.mode, citations: view.citations.length },
    'teams answer sent',
  );
  if (messageId) await remember(deps, 'sent answer', () => deps.memory.rememberAnswer(messageId, question, answer));
  await remember(deps, 'thread history', () =>
    deps.memory.addTurns(threadId, [
      { role: 'user', text: question },
      { role: 'assistant', text: answer.text },
    ]),
  );
}

/**
 * Writes what the bot remembers (history, sent answers, where to reach a person). A store that cannot take the write
 * costs only that memory: the person still gets their answer, never an apology after it.
 */
async function remember(deps: TeamsDeps, what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    deps.log.error({ err: loggableError(error), code: errorCode(error), what }, 'teams memory not written');
  }
}

async function onInvoke(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const activity = context.activity;
  const incoming = await readSender(context, deps);
  if (!incoming) {
    await sendInvokeResponse(context, 400, undefined);
    return;
  }
  if (activity.name === 'message/submitAction') {
    const value = FeedbackInvokeValue.safeParse(activity.value);
    if (!value.success) {
      // Teams shows "Unable to reach app" for anything but a bare 200, so even an unreadable one is acknowledged.
      deps.log.warn({ activityId: activity.id }, 'teams feedback invoke not understood');
      await sendInvokeResponse(context, 200, undefined);
      return;
    }
    const messageId = activity.replyToId ?? activity.id ?? 'unknown';
    const sent = activity.replyToId ? await deps.memory.sentAnswer(activity.replyToId) : undefined;
    const reason = feedbackTextOf(value.data);
    await deps.core.feedback.record({
      platform: 'teams',
      messageId,
      userId: incoming.actor.userId,
      rating: value.data.actionValue.reaction === 'like' ? 'up' : 'down',
      ...(reason !== undefined && { reason }),
      question: sent?.question ?? '',
      answerText: sent?.answerText ?? '',
      sources: sent?.sources ?? [],
      at: deps.core.now().toISOString(),
    });
    const rating = value.data.actionValue.reaction === 'like' ? 'up' : 'down';
    await rateAskedQuestion(
      deps.core,
      { platform: 'teams', userId: incoming.actor.userId, question: sent?.question },
      rating,
      reason,
    );
    deps.log.info({ messageId, rating: value.data.actionValue.reaction }, 'teams feedback stored');
    await sendInvokeResponse(context, 200, undefined);
    return;
  }
  if (activity.name === 'adaptiveCard/action') {
    const value = ExecuteInvokeValue.safeParse(activity.value);
    if (!value.success) {
      await sendInvokeResponse(context, 200, messageResponse('That card action was not understood.'));
      return;
    }
    const outcome = await onSubmission(context, deps, incoming, {
      ...value.data.action.data,
      action: value.data.action.verb,
    });
    if (outcome.refusal !== undefined) {
      // A refusal (not an officer, already claimed) is the invoke's own answer: only the person who pressed sees it.
      await sendInvokeResponse(context, 200, messageResponse(outcome.refusal));
      return;
    }
    if (outcome.updatedCard) {
      await sendInvokeResponse(context, 200, {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: outcome.updatedCard.content,
      });
      if (outcome.reply !== undefined) await sendReply(context, deps, incoming, outcome.reply);
      return;
    }
    if (typeof outcome.reply === 'string' || outcome.reply === undefined) {
      await sendInvokeResponse(context, 200, messageResponse(outcome.reply ?? 'Done.'));
      return;
    }
    if ('answer' in outcome.reply) {
      await sendReply(context, deps, incoming, outcome.reply);
      await sendInvokeResponse(context, 200, messageResponse('Worked out below.'));
      return;
    }
    await sendInvokeResponse(context, 200, {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: outcome.reply.content,
    });
  }
}

async function onSubmission(
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
      return triageOutcome(await deps.core.enquiries.claim(data.reference, incoming.actor));
    case CARD_ACTIONS.resolveEnquiry:
      if (!data.outcome) return { reply: `Add an outcome to resolve ${data.reference}.` };
      return triageOutcome(await deps.core.enquiries.resolve(data.reference, data.outcome, incoming.actor));
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

function triageOutcome(result: ActionResult): SubmissionOutcome {
  if (!result.ok) {
    return {
      reply: result.message,
      refusal: result.message,
      ...(result.enquiry !== undefined && { updatedCard: triageCard(result.enquiry) }),
    };
  }
  return { updatedCard: triageCard(result.enquiry) };
}

function commandCard(command: TeamsCommand, deps: TeamsDeps, incoming: Incoming, activity: Activity): Attachment {
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

async function sendReply(
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

function messageResponse(text: string) {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

async function sendInvokeResponse(context: TurnContext, status: number, body: unknown): Promise<void> {
  await context.sendActivity(Activity.fromObject({ type: 'invokeResponse', value: { status, body } }));
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

/** When the app is installed, or added to a team or chat: what Skills Desk does and the suggested questions. */
async function welcome(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const activity = context.activity;
  const botId = activity.recipient?.id;
  const added =
    activity.type === 'installationUpdate'
      ? activity.action === 'add' || activity.action === undefined
      : (activity.membersAdded ?? []).some((member) => member.id === botId);
  if (!added) return;
  await context.sendActivity(
    Activity.fromObject({ type: 'message', text: WHAT_SKILLS_DESK_DOES, attachments: [welcomeCard()] }),
  );
  deps.log.info({ activityId: activity.id, type: activity.type }, 'teams welcome sent');
}
