import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import { CloudAdapter } from '@microsoft/agents-hosting';
import type { Core } from '../../core.js';
import { SkillsDeskError } from '../../errors.js';
import type { DigestPublisher } from '../../reports/digest-publisher.js';
import type { ReportPublisher } from '../../reports/report-publisher.js';
import { createProactiveSender } from '../proactive.js';
import { createTeamsMemory } from '../teams-memory.js';
import { type TeamsSettings, teamsAuthConfiguration } from '../teams-settings.js';
import { ChannelReference, parseChannelReference } from '../teams-triage-publisher.js';
import { digestCard } from './digest-card.js';

export type TeamsReportPublishers = { summary?: ReportPublisher; digest: DigestPublisher };

/**
 * Teams' side of the reports: the scheduled summary to the officers' channel (TEAMS_ENQUIRY_CHANNEL) with the
 * charts as inline PNG images, and content owners' digests as cards. An owner's Teams target in
 * CONTENT_OWNER_CHANNELS is a conversation reference as JSON, the user id of someone who has chatted with the bot
 * (their personal chat), or a conversation id on the triage channel's service URL.
 */
export function createTeamsReportPublishers(
  core: Core,
  settings: TeamsSettings,
  options: { adapter?: CloudAdapter } = {},
): TeamsReportPublishers {
  const adapter = options.adapter ?? new CloudAdapter(teamsAuthConfiguration(settings));
  const memory = createTeamsMemory(core.store);
  const channel = settings.enquiryChannel ? parseChannelReference(settings.enquiryChannel) : undefined;
  const proactive = createProactiveSender(adapter, settings);
  const send = (reference: ConversationReference, activity: Activity) =>
    proactive(reference, async (context) => void (await context.sendActivity(activity)), 'the report');

  const referenceOf = async (target: string): Promise<ConversationReference> => {
    if (target.trim().startsWith('{')) {
      const parsed = ChannelReference.safeParse(readJson(target));
      if (!parsed.success)
        throw new SkillsDeskError('config_invalid', 'CONTENT_OWNER_CHANNELS: a Teams reference is not valid');
      const { serviceUrl, conversation, channelId } = parsed.data;
      return { channelId, serviceUrl, conversation: { id: conversation.id, isGroup: true } } as ConversationReference;
    }
    const personal = await memory.userReference(target);
    if (personal) return personal;
    if (channel) return { ...channel, conversation: { ...channel.conversation, id: target } } as ConversationReference;
    throw new SkillsDeskError(
      'config_invalid',
      'CONTENT_OWNER_CHANNELS: a Teams target needs a conversation reference, a known user, or TEAMS_ENQUIRY_CHANNEL',
    );
  };

  return {
    ...(channel !== undefined && {
      summary: {
        platform: 'teams',
        async postSummary(summary) {
          const text = [`**${summary.title}**`, '', ...summary.lines.map((line) => `- ${line}`)].join('\n');
          await send(
            channel,
            Activity.fromObject({
              type: 'message',
              text,
              textFormat: 'markdown',
              attachments: summary.charts.map((chart) => ({
                contentType: 'image/png',
                contentUrl: `data:image/png;base64,${chart.png.toString('base64')}`,
                name: `${chart.id}.png`,
              })),
            }),
          );
        },
      } satisfies ReportPublisher,
    }),
    digest: {
      platform: 'teams',
      async postDigest(digest, post) {
        await send(
          await referenceOf(post.target),
          Activity.fromObject({
            type: 'message',
            summary: `Knowledge digest for ${digest.owner}`,
            attachments: [digestCard(digest, post.since)],
          }),
        );
      },
    },
  };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
