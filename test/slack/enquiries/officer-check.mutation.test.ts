import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createOfficerCheck } from '../../../src/slack/enquiries/officer-check.js';
import type { SlackSettings } from '../../../src/slack/slack-deps.js';
import { captureLogLines } from '../../helpers/capture-log.js';

const API = 'https://slack.test';

function settings(env: Record<string, string>): SlackSettings {
  const config = loadConfig({
    NODE_ENV: 'test',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: `${API}/api/`,
    ...env,
  });
  if (config.slack === 'off') throw new Error('Slack is off in the test config');
  return config.slack;
}

const client = () => new WebClient('xoxb-test', { slackApiUrl: `${API}/api/`, retryConfig: { retries: 0 } });

/** Slack's usergroups.users.list, answered once with these members. */
const groupList = (users: string[] | undefined) =>
  nock(API)
    .post('/api/usergroups.users.list', (body: Record<string, string>) => body.usergroup === 'S0OFFICERS')
    .reply(200, users === undefined ? { ok: true } : { ok: true, users });

describe('Slack officer check', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    vi.useRealTimers();
  });

  it('treats the people in SLACK_OFFICER_IDS as officers without asking Slack', async () => {
    const isOfficer = createOfficerCheck(
      settings({ SLACK_OFFICER_IDS: 'U0ANA,U0BEN', SLACK_OFFICER_GROUP_ID: 'S0OFFICERS' }),
      client(),
    );
    expect(await isOfficer('U0BEN')).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('treats nobody else as an officer when no officer group is set', async () => {
    const unmatched: string[] = [];
    const onNoMatch = (request: { path: string }) => unmatched.push(request.path);
    nock.emitter.on('no match', onNoMatch);
    const isOfficer = createOfficerCheck(settings({ SLACK_OFFICER_IDS: 'U0ANA' }), client());
    expect(await isOfficer('U0STAFF')).toBe(false);
    expect(await isOfficer('U0AN')).toBe(false);
    nock.emitter.off('no match', onNoMatch);
    // Slack was never asked for a group.
    expect(unmatched).toEqual([]);
  });

  it('treats members of the officer user group as officers, and others not', async () => {
    const scope = groupList(['U0CARA', 'U0DEV']);
    const isOfficer = createOfficerCheck(settings({ SLACK_OFFICER_GROUP_ID: 'S0OFFICERS' }), client());
    expect(await isOfficer('U0DEV')).toBe(true);
    expect(await isOfficer('U0STAFF')).toBe(false);
    scope.done();
  });

  it('treats nobody as a group officer when Slack lists no members', async () => {
    const scope = groupList(undefined);
    const isOfficer = createOfficerCheck(settings({ SLACK_OFFICER_GROUP_ID: 'S0OFFICERS' }), client());
    expect(await isOfficer('U0CARA')).toBe(false);
    scope.done();
  });

  it('asks Slack once for several checks at the same moment', async () => {
    const scope = groupList(['U0CARA']);
    const isOfficer = createOfficerCheck(settings({ SLACK_OFFICER_GROUP_ID: 'S0OFFICERS' }), client());
    expect(await Promise.all([isOfficer('U0CARA'), isOfficer('U0STAFF'), isOfficer('U0CARA')])).toEqual([
      true,
      false,
      true,
    ]);
    scope.done();
  });

  it('trusts the membership it read for one minute by default, then reads it again (someone removed meanwhile)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
    const first = groupList(['U0CARA']);
    const isOfficer = createOfficerCheck(settings({ SLACK_OFFICER_GROUP_ID: 'S0OFFICERS' }), client());
    expect(await isOfficer('U0CARA')).toBe(true);
    first.done();
    vi.setSystemTime(new Date('2026-11-23T10:00:59.999Z'));
    expect(await isOfficer('U0CARA')).toBe(true);
    const second = groupList(['U0DEV']);
    vi.setSystemTime(new Date('2026-11-23T10:01:00.000Z'));
    expect(await isOfficer('U0CARA')).toBe(false);
    second.done();
  });

  it('uses the cache time and clock it is given', async () => {
    let nowMs = 1_000;
    const first = groupList(['U0CARA']);
    const isOfficer = createOfficerCheck(settings({ SLACK_OFFICER_GROUP_ID: 'S0OFFICERS' }), client(), {
      cacheMs: 10,
      now: () => nowMs,
    });
    expect(await isOfficer('U0CARA')).toBe(true);
    first.done();
    nowMs = 1_009;
    expect(await isOfficer('U0CARA')).toBe(true);
    const second = groupList([]);
    nowMs = 1_010;
    expect(await isOfficer('U0CARA')).toBe(false);
    second.done();
  });

  it('treats a group member as not an officer when Slack cannot be read, even with no log to warn on', async () => {
    const failed = nock(API).post('/api/usergroups.users.list').reply(200, { ok: false, error: 'missing_scope' });
    const isOfficer = createOfficerCheck(settings({ SLACK_OFFICER_GROUP_ID: 'S0OFFICERS' }), client());
    expect(await isOfficer('U0CARA')).toBe(false);
    failed.done();
  });

  it('treats a group member as not an officer when Slack cannot be read, warns, and asks again next time', async () => {
    const failed = nock(API).post('/api/usergroups.users.list').reply(200, { ok: false, error: 'missing_scope' });
    const captured = captureLogLines();
    const isOfficer = createOfficerCheck(settings({ SLACK_OFFICER_GROUP_ID: 'S0OFFICERS' }), client(), {
      log: captured.log,
    });
    expect(await isOfficer('U0CARA')).toBe(false);
    failed.done();
    expect(captured.lines).toMatchObject([
      { level: 40, msg: 'could not read the officer user group', usergroup: 'S0OFFICERS' },
    ]);
    const recovered = groupList(['U0CARA']);
    expect(await isOfficer('U0CARA')).toBe(true);
    recovered.done();
  });
});
