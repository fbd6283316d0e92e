import type { App } from '@slack/bolt';
import { AppHomeOpenedEvent } from './payload-schemas.js';
import type { SlackAppContext } from './slack-app-context.js';
import { SUGGESTED_PROMPTS, SUGGESTED_PROMPTS_TITLE } from './slack-texts.js';

/** Suggested prompts, one per topic, when someone opens the app's Messages tab (the agent messaging experience). */
export function registerAppHomeMessagesTab(app: App, ctx: SlackAppContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    const parsed = AppHomeOpenedEvent.safeParse(event);
    if (!parsed.success || parsed.data.tab !== 'messages') return;
    await client.assistant.threads.setSuggestedPrompts({
      channel_id: parsed.data.channel,
      title: SUGGESTED_PROMPTS_TITLE,
      prompts: SUGGESTED_PROMPTS,
    });
    ctx.log.debug({ userId: parsed.data.user }, 'suggested prompts shown');
  });
}
