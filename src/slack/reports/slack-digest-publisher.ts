import type { WebClient } from '@slack/web-api';
import type { DigestPublisher } from '../../reports/digest-publisher.js';
import { renderDigestMessage } from './digest-blocks.js';

/** Posts content owners' digests to a Slack channel or, given a user id, to that person's DM with the bot. */
export function createSlackDigestPublisher(client: WebClient): DigestPublisher {
  return {
    platform: 'slack',
    async postDigest(digest, post) {
      await client.chat.postMessage({
        channel: post.target,
        unfurl_links: false,
        ...renderDigestMessage(digest, post),
      });
    },
  };
}
