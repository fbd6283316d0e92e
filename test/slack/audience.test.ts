import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createAudienceCheck } from '../../src/slack/audience.js';
import { allowOnlyLoopback } from '../helpers/network.js';
import { SLACK_API_ORIGIN, slackCall, TEAM_ID } from '../helpers/slack-test-app.js';

function check(now = () => new Date('2026-11-23T10:00:00Z')) {
  const client = new WebClient('xoxb-test', { slackApiUrl: `${SLACK_API_ORIGIN}/api/`, retryConfig: { retries: 0 } });
  return createAudienceCheck({ client, log: createLogger({ level: 'silent' }), now });
}

describe('audience check', () => {
  beforeEach(() => {
    allowOnlyLoopback();
  });

  afterEach(() => {
    nock.cleanAll();
  });

  it('gives staff of the workspace every article, and looks each person up once', async () => {
    const audienceOf = check();
    const scope = nock(SLACK_API_ORIGIN)
      .post('/api/users.info')
      .once()
      .reply(200, { ok: true, user: { id: 'U1', team_id: TEAM_ID, is_restricted: false } });
    expect(await audienceOf({ userId: 'U1', appTeamId: TEAM_ID })).toEqual({ audience: 'staff', isExternal: false });
    expect(await audienceOf({ userId: 'U1', appTeamId: TEAM_ID })).toEqual({ audience: 'staff', isExternal: false });
    scope.done();
  });

  it.each([
    ['a multi-channel guest', { is_restricted: true }],
    ['a single-channel guest', { is_ultra_restricted: true }],
    ['a stranger', { is_stranger: true }],
    ['someone from another workspace', { team_id: 'T0OTHER' }],
  ])('limits %s to public articles', async (_who, flags) => {
    slackCall('users.info', { ok: true, user: { id: 'U2', team_id: TEAM_ID, ...flags } });
    expect(await check()({ userId: 'U2', appTeamId: TEAM_ID })).toEqual({ audience: 'public', isExternal: true });
  });

  it('treats a Slack Connect user as outside without asking Slack', async () => {
    const unmatched: unknown[] = [];
    const onNoMatch = (request: unknown) => unmatched.push(request);
    nock.emitter.on('no match', onNoMatch);
    try {
      expect(await check()({ userId: 'U3', appTeamId: TEAM_ID, userTeamId: 'T0PARTNER' })).toEqual({
        audience: 'public',
        isExternal: true,
      });
    } finally {
      nock.emitter.off('no match', onNoMatch);
    }
    expect(unmatched).toEqual([]);
  });

  it('treats someone it cannot look up as outside', async () => {
    slackCall('users.info', { ok: false, error: 'user_not_found' });
    expect(await check()({ userId: 'U4', appTeamId: TEAM_ID })).toEqual({ audience: 'public', isExternal: true });
  });
});
