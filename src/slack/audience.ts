import type { WebClient } from '@slack/web-api';
import type { Audience } from '../knowledge/article-schema.js';
import type { Logger } from '../log.js';
import { UserInfo } from './payload-schemas.js';

export type AskerFacts = {
  userId: string;
  /** The workspace the app is installed in (see installedTeamOf), never the envelope's team_id. */
  appTeamId?: string | undefined;
  /** The asker's own workspace when Slack reports it (event.user_team / user.team_id). */
  userTeamId?: string | undefined;
};

export type AskerAudience = { audience: Audience; isExternal: boolean };

export type AudienceCheck = (facts: AskerFacts) => Promise<AskerAudience>;

const CACHE_MS = 10 * 60_000;

/**
 * Staff see every article; people outside the workspace (Slack Connect users from another organisation, guests)
 * see only public ones. Unknown people are treated as outside: a failed lookup never widens what is shown.
 */
export function createAudienceCheck(deps: { client: WebClient; log: Logger; now: () => Date }): AudienceCheck {
  const cache = new Map<string, { isExternal: boolean; until: number }>();
  return async ({ userId, appTeamId, userTeamId }) => {
    if (appTeamId && userTeamId && appTeamId !== userTeamId) return { audience: 'public', isExternal: true };
    const nowMs = deps.now().getTime();
    const cached = cache.get(userId);
    if (cached && cached.until > nowMs) return toAudience(cached.isExternal);

    let isExternal: boolean;
    try {
      const parsed = UserInfo.safeParse(await deps.client.users.info({ user: userId }));
      const user = parsed.success ? parsed.data.user : undefined;
      isExternal =
        user === undefined ||
        user.is_stranger === true ||
        user.is_restricted === true ||
        user.is_ultra_restricted === true ||
        (appTeamId !== undefined && user.team_id !== undefined && user.team_id !== appTeamId);
    } catch (error) {
      deps.log.warn({ err: error, userId }, 'could not look up the asker; answering with public articles only');
      return toAudience(true);
    }
    cache.set(userId, { isExternal, until: nowMs + CACHE_MS });
    return toAudience(isExternal);
  };
}

function toAudience(isExternal: boolean): AskerAudience {
  return { audience: isExternal ? 'public' : 'staff', isExternal };
}

/**
 * The workspace that installed the app, from a Slack request body. In Slack Connect the envelope's `team_id` can be
 * the other organisation's, so events use `authorizations[0].team_id` and views `view.app_installed_team_id`; the
 * envelope's team is only a last resort (an app installed in one workspace, no authorizations sent).
 */
export function installedTeamOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as {
    authorizations?: { team_id?: unknown }[];
    view?: { app_installed_team_id?: unknown };
    team_id?: unknown;
    team?: { id?: unknown } | null;
  };
  const candidates = [
    record.authorizations?.[0]?.team_id,
    record.view?.app_installed_team_id,
    record.team_id,
    record.team?.id,
  ];
  return candidates.find((candidate): candidate is string => typeof candidate === 'string' && candidate !== '');
}
