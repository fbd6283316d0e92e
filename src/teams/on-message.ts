import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { helpCard } from './help-card.js';
import { type Incoming, questionText, teamsMessageLink } from './incoming.js';
import { onSubmission } from './on-submission.js';
import { escapeTeams, renderTeamsAnswer } from './render-answer.js';
import { commandOf } from './teams-commands.js';
import {
  commandCard,
  deliverTriageNow,
  readSender,
  remember,
  SORRY,
  sendReply,
  type TeamsDeps,
  tellPrivately,
} from './turn-context.js';

const SEARCHING = 'Checking the Skills Desk knowledge base…';

/** A message: a card's Action.Submit, a command, or a question answered through the shared conversation flow. */
export async function onMessage(context: TurnContext, deps: TeamsDeps): Promise<void> {
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
    if (outcome.triageChanged) {
      // An older Action.Submit triage card: the delivery updates it in place, once, as for Action.Execute.
      await deliverTriageNow(deps);
      return;
    }
    if (outcome.updatedCard && activity.replyToId) {
      await context.updateActivity(
        Activity.fromObject({ type: 'message', id: activity.replyToId, attachments: [outcome.updatedCard] }),
      );
    }
    // A refusal from a card in a channel or group (an Action.Submit card posted before the triage buttons became
    // Action.Execute) is for the person who pressed only.
    if (outcome.refusal !== undefined && !incoming.isPersonal)
      await tellPrivately(context, deps, incoming, outcome.refusal);
    else if (outcome.reply !== undefined) await sendReply(context, deps, incoming, outcome.reply);
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
