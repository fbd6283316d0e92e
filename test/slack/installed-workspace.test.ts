import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createInstalledTeam } from '../../src/slack/installed-workspace.js';
import { allowOnlyLoopback, restoreNetwork } from '../helpers/network.js';
import { SLACK_API_ORIGIN, type SlackCallArgs, slackCall, TEAM_ID } from '../helpers/slack-test-app.js';

function installedTeam() {
  const client = new WebClient('xoxb-test', { slackApiUrl: `${SLACK_API_ORIGIN}/api/`, retryConfig: { retries: 0 } });
  return createInstalledTeam({ client, log: createLogger({ level: 'silent' }) });
}

/** A slash command as Bolt hands it over: only the invoker's own workspace. */
const partnerCommand = {
  command: '/skills',
  team_id: 'T0PARTNER',
  user_id: 'U0PARTNER1',
  is_enterprise_install: 'false',
};

describe('the installing workspace', () => {
  beforeEach(allowOnlyLoopback);
  afterEach(restoreNetwork);

  it('is read from an event’s authorizations or a modal’s app_installed_team_id, without asking Slack', async () => {
    const find = installedTeam();
    const asked: SlackCallArgs[] = [];
    slackCall('auth.test', { ok: true, team_id: 'T0WRONG' }, { calls: asked });
    expect(await find({ team_id: 'T0PARTNER', authorizations: [{ team_id: TEAM_ID }] })).toBe(TEAM_ID);
    expect(await find({ team: { id: 'T0PARTNER' }, view: { app_installed_team_id: TEAM_ID } })).toBe(TEAM_ID);
    expect(asked).toEqual([]);
  });

  it('is the bot token’s workspace for a command, asked once; a failed call is asked again next time', async () => {
    const find = installedTeam();
    const asked: SlackCallArgs[] = [];
    nock(SLACK_API_ORIGIN).post('/api/auth.test').reply(500, 'unavailable');
    expect(await find(partnerCommand)).toBeUndefined();

    slackCall('auth.test', { ok: true, team_id: TEAM_ID, user_id: 'U0SKILLSBOT' }, { times: 2, calls: asked });
    expect(await find(partnerCommand)).toBe(TEAM_ID);
    expect(await find(partnerCommand)).toBe(TEAM_ID);
    expect(asked).toHaveLength(1);
  });
});
