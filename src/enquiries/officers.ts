import { z } from 'zod';

const IdList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9:_@.-]+$/, { error: 'expected comma-separated user ids' })));

const OfficerEnvironment = z.object({ SLACK_OFFICER_IDS: IdList, TEAMS_OFFICER_IDS: IdList });

/**
 * Employer engagement officers named in SLACK_OFFICER_IDS and TEAMS_OFFICER_IDS, read even when Slack or Teams
 * itself is not configured (the command line acts as either). Throws on a malformed list.
 */
export function officerIdsFromEnv(env: Record<string, string | undefined>): string[] {
  const parsed = OfficerEnvironment.parse({
    SLACK_OFFICER_IDS: env.SLACK_OFFICER_IDS,
    TEAMS_OFFICER_IDS: env.TEAMS_OFFICER_IDS,
  });
  return [...new Set([...parsed.SLACK_OFFICER_IDS, ...parsed.TEAMS_OFFICER_IDS])];
}
