import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOfficerCheck } from '../../../src/slack/enquiries/index.js';
import type { SlackSettings } from '../../../src/slack/slack-deps.js';
import { allowOnlyLoopback, restoreNetwork } from '../../helpers/network.js';
import {
  ENQUIRY_ENV,
  expectSlackCall,
  OFFICER,
  type SlackCall,
  STAFF,
  TRIAGE_CHANNEL,
  testClock,
} from '../../helpers/slack-payloads.js';
import { SLACK_API_ORIGIN, startTestSlack, type TestSlack } from '../../helpers/slack-test-app.js';

const settings = (overrides: Partial<SlackSettings> = {}): SlackSettings => ({
  mode: 'http',
  botToken: 'xoxb-test',
  signingSecret: 'secret',
  port: 0,
  officerIds: [OFFICER],
  rateLimitPerMinute: 10,
  ...overrides,
});

describe('createOfficerCheck', () => {
  let calls: SlackCall[];
  const client = new WebClient('xoxb-test', { slackApiUrl: `${SLACK_API_ORIGIN}/api/`, retryConfig: { retries: 0 } });

  beforeEach(() => {
    nock.disableNetConnect();
    calls = [];
  });

  afterEach(() => {
    restoreNetwork();
  });

  it('treats the SLACK_OFFICER_IDS people as officers without asking Slack', async () => {
    const isOfficer = createOfficerCheck(settings({ officerGroupId: 'S0OFFICERS' }), client);

    expect(await isOfficer(OFFICER)).toBe(true);
    expect(calls).toEqual([]);
  });

  it('treats members of the officer user group as officers, asking Slack at most once a minute', async () => {
    let now = 1_000_000;
    const isOfficer = createOfficerCheck(settings({ officerGroupId: 'S0OFFICERS' }), client, { now: () => now });
    expectSlackCall(calls, 'usergroups.users.list', () => ({ users: ['U0GROUPMEMBER'] }));

    expect(await isOfficer('U0GROUPMEMBER')).toBe(true);
    expect(await isOfficer(STAFF)).toBe(false);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args.usergroup).toBe('S0OFFICERS');

    now += 61_000;
    expectSlackCall(calls, 'usergroups.users.list', () => ({ users: [STAFF] }));
    expect(await isOfficer(STAFF)).toBe(true);
    expect(await isOfficer('U0GROUPMEMBER')).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('treats nobody outside the id list as an officer when the group cannot be read, and asks again next time', async () => {
    const isOfficer = createOfficerCheck(settings({ officerGroupId: 'S0OFFICERS' }), client);
    nock(SLACK_API_ORIGIN).post('/api/usergroups.users.list').reply(200, { ok: false, error: 'missing_scope' });

    expect(await isOfficer('U0GROUPMEMBER')).toBe(false);

    expectSlackCall(calls, 'usergroups.users.list', () => ({ users: ['U0GROUPMEMBER'] }));
    expect(await isOfficer('U0GROUPMEMBER')).toBe(true);
  });

  it('has no officers beyond the id list when no group is set', async () => {
    const isOfficer = createOfficerCheck(settings(), client);

    expect(await isOfficer(STAFF)).toBe(false);
  });
});

describe('Slack triage publisher', () => {
  let slack: TestSlack;
  let calls: SlackCall[];
  let clock: ReturnType<typeof testClock>;
  /** The delivery round the running app runs on a timer, through Slack's publisher. */
  const deliver = () => slack.core.enquiries.deliver([slack.slack.publisher!]);

  beforeEach(async () => {
    allowOnlyLoopback();
    calls = [];
    clock = testClock();
    slack = await startTestSlack({ env: ENQUIRY_ENV });
  });

  afterEach(async () => {
    vi.useRealTimers();
    restoreNetwork();
    await slack.close();
  });

  async function logAndPost() {
    // Monday 23 November 2026, 10:00 in London.
    clock.set('2026-11-23T10:00:00Z');
    const result = await slack.core.enquiries.log(
      {
        organisation: 'Well Street Cafe',
        contactName: 'Ana Lima',
        phone: '07700 900982',
        description: 'Hackney 100 placement for a 17-year-old',
        arrivedVia: 'staff',
      },
      { platform: 'slack', userId: STAFF, isOfficer: false },
    );
    if (!result.ok) throw new Error('not logged');
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1763892000.000500' }));
    await deliver();
    return result.enquiry;
  }

  it('is off when no enquiry channel is set', async () => {
    const off = await startTestSlack({ env: { SLACK_OFFICER_IDS: ENQUIRY_ENV.SLACK_OFFICER_IDS } });
    expect(off.slack.publisher).toBeUndefined();
    await off.close();
  });

  it('re-announces an enquiry left unclaimed past the SLA in its thread and the channel', async () => {
    const enquiry = await logAndPost();
    calls.length = 0;
    const reminder = expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1.9' }));

    // Tuesday afternoon: more than 8 working hours later.
    clock.set('2026-11-24T15:00:00Z');
    await deliver();

    reminder.done();
    expect(calls[0]?.args).toMatchObject({
      channel: TRIAGE_CHANNEL,
      thread_ts: '1763892000.000500',
      reply_broadcast: 'true',
    });
    expect(calls[0]?.args.text).toContain(`*${enquiry.reference}* (Well Street Cafe) has been waiting unclaimed since`);
  });

  it('reminds the officer privately about a claim left untouched for five working days', async () => {
    const enquiry = await logAndPost();
    expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));
    await slack.core.enquiries.claim(enquiry.reference, { platform: 'slack', userId: OFFICER, isOfficer: true });
    await deliver();
    calls.length = 0;
    const reminder = expectSlackCall(calls, 'chat.postMessage', () => ({ channel: 'D0OFFICER', ts: '2.1' }));

    clock.set('2026-12-01T12:00:00Z');
    await deliver();

    reminder.done();
    expect(calls[0]?.args.channel).toBe(OFFICER);
    expect(calls[0]?.args.text).toContain(`Reminder: you claimed *${enquiry.reference}*`);
  });
});
