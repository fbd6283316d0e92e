import type { DecidedDigest } from './owner-digests.js';

/** Where and for which period a digest is posted. */
export type DigestPost = { target: string; since: string; today: string };

/** Posts a content owner's weekly digest; Slack and Teams implement it in src/slack/reports and src/teams/reports. */
export type DigestPublisher = {
  platform: 'slack' | 'teams';
  postDigest(digest: DecidedDigest, post: DigestPost): Promise<void>;
};
