import type { Activity } from '@microsoft/agents-activity';
import type { Actor } from '../enquiries/enquiry-queue.js';
import {
  TeamsChannelData,
  type TeamsChannelData as TeamsChannelDataType,
  TeamsConversation,
  TeamsSender,
} from './activity-schemas.js';
import { isOutsider } from './audience.js';
import type { TeamsSettings } from './teams-settings.js';

/** An incoming activity's sender and conversation, checked, with who they are to the product. */
export type Incoming = {
  from: TeamsSender;
  conversation: TeamsConversation;
  channelData: TeamsChannelDataType;
  actor: Actor;
  isOutsider: boolean;
  isPersonal: boolean;
};

/** Reads the parts of an activity the bot relies on; undefined when they are missing or malformed. */
export function readIncoming(
  activity: Activity,
  settings: TeamsSettings,
  member?: { userRole?: string; tenantId?: string },
): Incoming | undefined {
  const from = TeamsSender.safeParse(activity.from);
  const conversation = TeamsConversation.safeParse(activity.conversation);
  const channelData = TeamsChannelData.safeParse(activity.channelData ?? undefined);
  if (!from.success || !conversation.success) return undefined;
  const data = channelData.success ? channelData.data : undefined;
  const userId = from.data.aadObjectId ?? from.data.id;
  const outsider = isOutsider(
    settings,
    { from: from.data, conversation: conversation.data, channelData: data },
    member,
  );
  return {
    from: from.data,
    conversation: conversation.data,
    channelData: data,
    actor: {
      platform: 'teams',
      userId,
      ...(from.data.name !== undefined && { name: from.data.name }),
      isOfficer: !outsider && settings.officerIds.includes(userId),
    },
    isOutsider: outsider,
    isPersonal: (conversation.data.conversationType ?? 'personal') === 'personal',
  };
}

/** The question with the bot's @mention (and any other `<at>` tags) removed. */
export function questionText(activity: Activity): string {
  if (activity.recipient?.id) activity.removeRecipientMention();
  return (activity.text ?? '')
    .replace(/<at>(.*?)<\/at>/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A deep link back to the Teams message, for enquiries logged from it. */
export function teamsMessageLink(activity: Activity, incoming: Incoming): string | undefined {
  if (!activity.id) return undefined;
  const where = incoming.channelData?.channel?.id ?? incoming.conversation.id.split(';')[0];
  if (!where) return undefined;
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(where)}/${encodeURIComponent(activity.id)}`;
}
