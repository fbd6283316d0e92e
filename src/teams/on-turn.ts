import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { WHAT_SKILLS_DESK_DOES } from '../conversation/index.js';
import { errorCode } from '../errors.js';
import { welcomeCard } from './help-card.js';
import { loggableError } from './loggable-error.js';
import { onInvoke } from './on-invoke.js';
import { onMessage } from './on-message.js';
import { messageResponse, SORRY, sendInvokeResponse, type TeamsDeps } from './turn-context.js';

export { SORRY, type TeamsDeps } from './turn-context.js';

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

/** When the app is installed, or added to a team or chat: what Skills Desk does and the suggested questions. */
async function welcome(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const activity = context.activity;
  const botId = activity.recipient?.id;
  const added =
    activity.type === 'installationUpdate'
      ? activity.action === 'add' || activity.action === undefined
      : (activity.membersAdded ?? []).some((member) => member.id === botId);
  if (!added) return;
  // Installing in a personal chat or a team sends both installationUpdate and conversationUpdate: welcome once.
  const conversationId = activity.conversation?.id;
  if (conversationId && !(await isFirstWelcome(deps, conversationId))) return;
  await context.sendActivity(
    Activity.fromObject({ type: 'message', text: WHAT_SKILLS_DESK_DOES, attachments: [welcomeCard()] }),
  );
  deps.log.info({ activityId: activity.id, type: activity.type }, 'teams welcome sent');
}

const WELCOME_NAMESPACE = 'teams-welcome';
/** Long enough to cover the pair of install activities, short enough that a later re-install is welcomed again. */
const WELCOME_WINDOW_MS = 10 * 60_000;

async function isFirstWelcome(deps: TeamsDeps, conversationId: string): Promise<boolean> {
  try {
    return await deps.core.store.insertIfAbsent(WELCOME_NAMESPACE, conversationId, true, { ttlMs: WELCOME_WINDOW_MS });
  } catch (error) {
    // A store that cannot say costs at most a second welcome, never the first.
    deps.log.warn({ err: loggableError(error), code: errorCode(error) }, 'could not record the welcome; sending it');
    return true;
  }
}
