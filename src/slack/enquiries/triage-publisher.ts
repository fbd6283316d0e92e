import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Enquiry, TriagePost, TriagePublisher } from '../../enquiries/index.js';
import { SkillsDeskError } from '../../errors.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { assigneeLabel, escapeMrkdwn, isSlackUserId, renderTriageMessage, slackDate } from './enquiry-blocks.js';

/** The metadata event each triage post carries, so a post Slack kept but we never recorded can be found again. */
export const TRIAGE_POST_EVENT = 'skills_desk_triage_post';
const TriagePostMetadata = z.object({
  event_type: z.literal(TRIAGE_POST_EVENT),
  event_payload: z.object({ reference: z.string() }),
});
/** How far back in the triage channel a lost post is looked for. */
const FIND_LIMIT = 100;

/** Posts new enquiries to SLACK_ENQUIRY_CHANNEL and updates the post in place; undefined when no channel is set. */
export function createSlackTriagePublisher(
  client: WebClient,
  deps: Pick<SlackFeatureDeps, 'settings' | 'log'>,
): TriagePublisher | undefined {
  const channel = deps.settings.enquiryChannel;
  if (!channel) return undefined;
  const log = deps.log.child({ module: 'slack-triage' });

  return {
    platform: 'slack',

    async publish(enquiry: Enquiry, existing?: TriagePost): Promise<TriagePost> {
      const message = renderTriageMessage(enquiry);
      if (existing) {
        const result = await client.chat.update({ channel: existing.channel, ts: existing.messageId, ...message });
        log.info(
          { reference: enquiry.reference, status: enquiry.status, ts: existing.messageId },
          'triage post updated',
        );
        return {
          platform: 'slack',
          channel: result.channel ?? existing.channel,
          messageId: result.ts ?? existing.messageId,
        };
      }
      const result = await client.chat.postMessage({
        channel,
        unfurl_links: false,
        ...message,
        metadata: { event_type: TRIAGE_POST_EVENT, event_payload: { reference: enquiry.reference } },
      });
      if (!result.ts || !result.channel) {
        throw new SkillsDeskError('not_found', `Slack did not return the triage post for ${enquiry.reference}`);
      }
      log.info({ reference: enquiry.reference, channel: result.channel, ts: result.ts }, 'triage post sent');
      return { platform: 'slack', channel: result.channel, messageId: result.ts };
    },

    /** A post of this enquiry already in the channel (sent, but its reply lost), found by its metadata. */
    async find(enquiry: Enquiry): Promise<TriagePost | undefined> {
      const oldest = String(Math.floor(Date.parse(enquiry.createdAt) / 1000) - 60);
      const history = await client.conversations.history({
        channel,
        oldest,
        limit: FIND_LIMIT,
        include_all_metadata: true,
      });
      const found = history.messages?.find(
        (candidate) =>
          TriagePostMetadata.safeParse(candidate.metadata).data?.event_payload.reference === enquiry.reference,
      );
      if (!found?.ts) return undefined;
      log.info({ reference: enquiry.reference, ts: found.ts }, 'triage post found in the channel');
      return { platform: 'slack', channel, messageId: found.ts };
    },

    async remind(enquiry: Enquiry, kind: 'unclaimed' | 'stale-claim'): Promise<void> {
      const post = enquiry.posts.find((candidate) => candidate.platform === 'slack');
      const what = `*${enquiry.reference}* (${escapeMrkdwn(enquiry.organisation)})`;
      if (kind === 'stale-claim' && enquiry.assignee && isSlackUserId(enquiry.assignee)) {
        // chat.postMessage to a user id opens (or reuses) the app's DM with them.
        await client.chat.postMessage({
          channel: enquiry.assignee,
          text: `Reminder: you claimed ${what} and it has had no update since ${slackDate(enquiry.updatedAt)}. Add a note, resolve it, or assign it to someone else.`,
        });
        log.info({ reference: enquiry.reference, kind }, 'triage reminder sent');
        return;
      }
      const text =
        kind === 'unclaimed'
          ? `:alarm_clock: ${what} has been waiting unclaimed since ${slackDate(enquiry.createdAt)}. Can someone claim it?`
          : `:alarm_clock: ${what} was claimed${enquiry.assignee ? ` by ${assigneeLabel(enquiry)}` : ''} and has had no update since ${slackDate(enquiry.updatedAt)}.`;
      // A reply to the triage post, also shown in the channel, so the history stays with the enquiry.
      await (post
        ? client.chat.postMessage({ channel: post.channel, text, thread_ts: post.messageId, reply_broadcast: true })
        : client.chat.postMessage({ channel, text }));
      log.info({ reference: enquiry.reference, kind }, 'triage reminder sent');
    },
  };
}
