import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../log.js';
import { slackErrorCode } from './slack-error.js';

/** The workspace a Slack request came through: the one that installed the app, never the asker's own. */
export type InstalledTeam = (body: unknown) => Promise<string | undefined>;

const AuthTest = z.object({ ok: z.boolean(), team_id: z.string().min(1).optional() });

const RequestTeams = z.object({
  authorizations: z.array(z.object({ team_id: z.string().min(1).optional() }).loose()).optional(),
  view: z
    .object({ app_installed_team_id: z.string().min(1).optional() })
    .loose()
    .optional(),
});

/**
 * The installing workspace named in the request itself: `authorizations[0].team_id` (events) or
 * `view.app_installed_team_id` (modals). Slash commands, shortcuts and message buttons name only the asker's own
 * workspace (`team_id`, `team.id`, `user.team_id`), which in Slack Connect is the other organisation's.
 */
export function installedTeamInBody(body: unknown): string | undefined {
  const parsed = RequestTeams.safeParse(body);
  if (!parsed.success) return undefined;
  return parsed.data.authorizations?.[0]?.team_id ?? parsed.data.view?.app_installed_team_id;
}

/**
 * Finds the installing workspace for any request: from the request when it says, otherwise the bot token's own
 * workspace (`auth.test`, asked once and kept; a failed call is asked again next time). `known` skips the call
 * (tests, benchmarks), as Bolt's `botId` does for its own `auth.test`.
 */
export function createInstalledTeam(deps: { client: WebClient; log: Logger; known?: string }): InstalledTeam {
  let tokenTeam: string | undefined = deps.known;
  let asked = deps.known !== undefined;
  let pending: Promise<string | undefined> | undefined;

  const askSlack = async (): Promise<string | undefined> => {
    try {
      const parsed = AuthTest.safeParse(await deps.client.auth.test());
      // An org-wide (Enterprise Grid) install has no single workspace: the per-person lookup decides instead.
      tokenTeam = parsed.success ? parsed.data.team_id : undefined;
      asked = true;
      return tokenTeam;
    } catch (error) {
      deps.log.warn({ err: error, code: slackErrorCode(error) }, 'could not read the installing workspace');
      return undefined;
    }
  };

  return async (body) => {
    const named = installedTeamInBody(body);
    if (named !== undefined) return named;
    if (asked) return tokenTeam;
    pending ??= askSlack().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
