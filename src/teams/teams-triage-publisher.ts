import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { Enquiry, TriagePost, TriagePublisher } from '../enquiries/enquiry-queue.js';
import { ConfigError } from '../errors.js';
import { formatDate } from '../knowledge/format.js';
import type { Logger } from '../log.js';
import { triageCard } from './enquiry-cards.js';
import { createProactiveSender } from './proactive.js';
import type { TeamsMemory } from './teams-memory.js';
import type { TeamsSettings } from './teams-settings.js';

/** TEAMS_ENQUIRY_CHANNEL: the triage channel's conversation reference, as JSON. */
export const ChannelReference = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional() }),
  channelId: z.string().default('msteams'),
});
export type ChannelReference = z.infer<typeof ChannelReference>;

/** Reads TEAMS_ENQUIRY_CHANNEL; a bad value is a configuration error naming the variable. */
export function parseChannelReference(raw: string): ConversationReference {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError([
      'TEAMS_ENQUIRY_CHANNEL: expected JSON such as {"serviceUrl":"…","conversation":{"id":"19:…"}}',
    ]);
  }
  const parsed = ChannelReference.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `TEAMS_ENQUIRY_CHANNEL: ${issue.path.join('.') || 'value'} ${issue.message}`),
    );
  }
  const { serviceUrl, conversation, channelId } = parsed.data;
  return {
    channelId,
    serviceUrl,
    conversation: {
      id: conversation.id,
      isGroup: true,
      conversationType: 'channel',
      ...(conversation.tenantId !== undefined && { tenantId: conversation.tenantId }),
    },
  } as ConversationReference;
}

/** Who the bot acts as when it starts a turn itself (the playground has no app id: anonymous). */
export { botIdentity } from './proactive.js';

export type TeamsTriagePublisherDeps = {
  adapter: CloudAdapter;
  settings: TeamsSettings;
  memory: TeamsMemory;
  log: Logger;
  staleClaimWorkingDays: number;
};

/** Posts new enquiries to the Teams triage channel as cards and updates them in place; undefined without a channel. */
export function createTeamsTriagePublisher(deps: TeamsTriagePublisherDeps): TriagePublisher | undefined {
  if (!deps.settings.enquiryChannel) return undefined;
  const channel = parseChannelReference(deps.settings.enquiryChannel);
  const proactive = createProactiveSender(deps.adapter, deps.settings);
  const inConversation = (conversationId: string, logic: (context: TurnContext) => Promise<void>) =>
    proactive({ ...channel, conversation: { ...channel.conversation, id: conversationId } }, logic);
  const postOf = (enquiry: Enquiry) => enquiry.posts.find((post) => post.platform === 'teams');
  const threadOf = (post: TriagePost) => `${post.channel.split(';')[0]};messageid=${post.messageId}`;

  return {
    platform: 'teams',
    async publish(enquiry, existing) {
      if (existing) {
        await inConversation(existing.channel, async (context) => {
          await context.updateActivity(
            Activity.fromObject({ type: 'message', id: existing.messageId, attachments: [triageCard(enquiry)] }),
          );
        });
        deps.log.info({ reference: enquiry.reference }, 'teams triage post updated');
        return existing;
      }
      let messageId = '';
      await inConversation(channel.conversation.id, async (context) => {
        const response = await context.sendActivity(
          Activity.fromObject({
            type: 'message',
            summary: `New employer enquiry ${enquiry.reference}`,
            attachments: [triageCard(enquiry)],
          }),
        );
        messageId = response?.id ?? '';
      });
      if (messageId === '') throw new Error('Teams did not return an id for the triage post');
      deps.log.info({ reference: enquiry.reference }, 'teams triage post sent');
      return { platform: 'teams', channel: channel.conversation.id, messageId };
    },
    async remind(enquiry, kind) {
      const post = postOf(enquiry);
      const logged = formatDate(enquiry.createdAt.slice(0, 10));
      if (kind === 'unclaimed') {
        const text = `**${enquiry.reference}** from ${enquiry.organisation} (logged ${logged}) is still waiting for someone to claim it.`;
        await inConversation(post ? threadOf(post) : channel.conversation.id, async (context) => {
          await context.sendActivity(Activity.fromObject({ type: 'message', text, textFormat: 'markdown' }));
        });
        return;
      }
      const text = `You claimed **${enquiry.reference}** (${enquiry.organisation}) and it has had no update for ${deps.staleClaimWorkingDays} working days. Please resolve it or hand it on.`;
      const personal = enquiry.assignee ? await deps.memory.userReference(enquiry.assignee) : undefined;
      if (personal) {
        await proactive(personal, async (context) => {
          await context.sendActivity(Activity.fromObject({ type: 'message', text, textFormat: 'markdown' }));
        });
        return;
      }
      await inConversation(post ? threadOf(post) : channel.conversation.id, async (context) => {
        await context.sendActivity(Activity.fromObject({ type: 'message', text, textFormat: 'markdown' }));
      });
    },
  };
}
