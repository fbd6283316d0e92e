import type { ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import { loggableError } from './loggable-error.js';
import type { TeamsSettings } from './teams-settings.js';

/** The identity `continueConversation` takes (a JWT payload), named from the SDK's own signature. */
export type BotIdentity = Exclude<Parameters<CloudAdapter['continueConversation']>[0], string>;

/** Who the bot is when it starts a conversation turn itself (a triage post, a reminder, a report). */
export function botIdentity(settings: TeamsSettings): BotIdentity {
  return settings.mode === 'authenticated' && settings.appId ? { aud: settings.appId } : { name: 'anonymous' };
}

/**
 * Runs `logic` in a turn the bot starts in a conversation. The adapter hands a failed turn to its error handler; a
 * proactive message must fail loudly instead, so the caller can retry it. The SDK makes up an id for the turn and
 * would send every message as a reply to it: a message the bot starts goes to the conversation (or thread) itself.
 * `what` names the message in the error ("the report", "the message").
 */
export function createProactiveSender(adapter: CloudAdapter, settings: TeamsSettings) {
  const identity = botIdentity(settings);
  const agent = { id: settings.appId ? `28:${settings.appId}` : 'skills-desk', name: 'Skills Desk' };
  return async (
    reference: ConversationReference,
    logic: (context: TurnContext) => Promise<void>,
    what = 'the message',
  ): Promise<void> => {
    let failure: unknown;
    try {
      await adapter.continueConversation(identity, { agent, ...reference }, async (context) => {
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        try {
          await logic(context);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure !== undefined) {
      // The SDK's error holds the request (its token, and a card with contact details): pass on only a summary.
      const summary = loggableError(failure);
      throw new Error(
        `Teams could not deliver ${what} (${summary.type}${summary.status ? ` ${summary.status}` : ''}): ${summary.message}`,
      );
    }
  };
}
