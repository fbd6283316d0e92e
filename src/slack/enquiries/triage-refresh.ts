import type { WebClient } from '@slack/web-api';
import type { Enquiry, TriagePost } from '../../enquiries/index.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { publishHome } from './app-home.js';
import { renderTriageMessage } from './enquiry-blocks.js';
import { deliverTriageNow } from './on-enquiry-capture.js';
import type { Origin } from './triage-press.js';

/** Updates every Slack triage post of an enquiry in place (and the pressed message, if it is one of them). */
export async function refreshTriagePosts(
  client: WebClient,
  enquiry: Enquiry,
  origin: Origin | undefined,
  deps: SlackFeatureDeps,
): Promise<void> {
  const posts: TriagePost[] = enquiry.posts.filter((post) => post.platform === 'slack');
  if (
    origin?.kind === 'message' &&
    !posts.some((post) => post.channel === origin.channel && post.messageId === origin.ts)
  ) {
    posts.push({ platform: 'slack', channel: origin.channel, messageId: origin.ts });
  }
  const message = renderTriageMessage(enquiry);
  for (const post of posts) {
    try {
      await client.chat.update({ channel: post.channel, ts: post.messageId, ...message });
    } catch (error) {
      deps.log.warn({ err: error, reference: enquiry.reference, ts: post.messageId }, 'triage post not updated');
    }
  }
}

/**
 * Shows a triage change once: the queue's delivery updates every platform's post and records it; without an enquiry
 * channel (no delivery), Slack's posts are updated here. A press on the Home tab also refreshes that tab.
 */
export async function showTriageChange(
  client: WebClient,
  deps: SlackFeatureDeps,
  change: { enquiry: Enquiry; origin: Origin | undefined; userId: string },
): Promise<void> {
  if (deps.deliverTriagePosts) await deliverTriageNow(deps);
  else await refreshTriagePosts(client, change.enquiry, change.origin, deps);
  if (change.origin?.kind === 'home') await publishHome(client, deps, change.userId);
}
