import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../log.js';
import type { SlackSettings } from '../slack-deps.js';

export type OfficerCheckOptions = {
  /** How long the officer group's membership is trusted before asking Slack again. Default one minute. */
  cacheMs?: number;
  now?: () => number;
  log?: Logger;
};

/** Whether a user is an officer: SLACK_OFFICER_IDS, or a member of SLACK_OFFICER_GROUP_ID (membership cached briefly). */
export function createOfficerCheck(
  settings: SlackSettings,
  client: WebClient,
  options: OfficerCheckOptions = {},
): (userId: string) => Promise<boolean> {
  const cacheMs = options.cacheMs ?? 60_000;
  const now = options.now ?? Date.now;
  const groupId = settings.officerGroupId;
  let cached: { members: Set<string>; fetchedAt: number } | undefined;
  let pending: Promise<Set<string>> | undefined;

  async function groupMembers(usergroup: string): Promise<Set<string>> {
    if (cached && now() - cached.fetchedAt < cacheMs) return cached.members;
    pending ??= client.usergroups.users
      .list({ usergroup })
      .then((result) => {
        const members = new Set(result.users ?? []);
        cached = { members, fetchedAt: now() };
        return members;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  return async (userId: string) => {
    if (settings.officerIds.includes(userId)) return true;
    if (!groupId) return false;
    try {
      return (await groupMembers(groupId)).has(userId);
    } catch (error) {
      // Without the group list nobody outside SLACK_OFFICER_IDS is treated as an officer; the next call asks again.
      options.log?.warn({ err: error, usergroup: groupId }, 'could not read the officer user group');
      return false;
    }
  };
}
