import type { TurnContext } from '@microsoft/agents-hosting';
import { rateAskedQuestion } from '../reports/record-question.js';
import { ExecuteInvokeValue, FeedbackInvokeValue, feedbackTextOf } from './activity-schemas.js';
import { onSubmission } from './on-submission.js';
import {
  deliverTriageNow,
  messageResponse,
  readSender,
  sendInvokeResponse,
  sendReply,
  type TeamsDeps,
} from './turn-context.js';

/** Invokes: Teams' own feedback buttons, and Action.Execute card buttons answered in place. */
export async function onInvoke(context: TurnContext, deps: TeamsDeps): Promise<void> {
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
    if (outcome.triageChanged) {
      // The card is updated once, by the delivery (which records what it shows); the invoke only confirms.
      await deliverTriageNow(deps);
      await sendInvokeResponse(
        context,
        200,
        messageResponse(typeof outcome.reply === 'string' ? outcome.reply : 'Done.'),
      );
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
