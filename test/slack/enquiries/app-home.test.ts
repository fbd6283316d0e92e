import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SLACK_IDS } from '../../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../../helpers/network.js';
import {
  buttonIds,
  buttonOnHome,
  ENQUIRY_ENV,
  expectSlackCall,
  OFFICER,
  type SlackCall,
  STAFF,
  TRIAGE_CHANNEL,
  testClock,
  visibleText,
} from '../../helpers/slack-payloads.js';
import { startTestSlack, type TestSlack } from '../../helpers/slack-test-app.js';

const homeOpened = (user: string) => ({
  type: 'app_home_opened',
  user,
  channel: 'D0HOME',
  tab: 'home',
  event_ts: '1763893000.000100',
});

describe('Slack App Home', () => {
  let slack: TestSlack;
  let calls: SlackCall[];
  let clock: ReturnType<typeof testClock>;

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

  async function logEnquiry(organisation: string, at: string) {
    clock.set(at);
    const result = await slack.core.enquiries.log(
      {
        organisation,
        contactName: 'Jo Patel',
        email: `jo@${organisation.toLowerCase().replace(/\W/g, '')}.example`,
        description: `Apprenticeship question from ${organisation}`,
        arrivedVia: 'staff',
      },
      { platform: 'slack', userId: STAFF, isOfficer: false },
    );
    if (!result.ok) throw new Error('not logged');
    return result.enquiry;
  }

  async function openHome(user: string) {
    const publish = expectSlackCall(calls, 'views.publish', () => ({ view: { id: 'V0HOME' } }));
    const response = await slack.event(homeOpened(user));
    expect(response.status).toBe(200);
    publish.done();
    const call = calls.at(-1)!;
    expect(call.args.user_id).toBe(user);
    return call.args.view as { type: string; blocks: unknown[] };
  }

  it('shows officers the unclaimed queue oldest first, with contact details and the triage buttons', async () => {
    const newer = await logEnquiry('Shoreditch Builders', '2026-11-20T10:00:00Z');
    const older = await logEnquiry('Clapton Care Homes', '2026-11-18T10:00:00Z');
    clock.set('2026-11-23T10:00:00Z');

    const view = await openHome(OFFICER);

    const seen = visibleText(view.blocks);
    expect(seen).toContain('*2* unclaimed · *0* claimed by you');
    expect(seen.indexOf(older.reference)).toBeLessThan(seen.indexOf(newer.reference));
    expect(seen).toContain('jo@claptoncarehomes.example');
    expect(buttonIds(view.blocks)).toContain(SLACK_IDS.actions.claimEnquiry);
  });

  it('shows everyone else an explanation and a button to log an enquiry, and no one’s contact details', async () => {
    await logEnquiry('Shoreditch Builders', '2026-11-20T10:00:00Z');

    const view = await openHome(STAFF);

    const seen = visibleText(view.blocks);
    expect(seen).toContain('log it as an enquiry');
    expect(seen).not.toContain('Shoreditch');
    expect(seen).not.toContain('@');
    expect(buttonIds(view.blocks)).toEqual([SLACK_IDS.actions.openEnquiryForm]);
  });

  it('stays within Slack’s 100-block limit with a long queue and says how many are not shown', async () => {
    for (let day = 1; day <= 30; day++) {
      await logEnquiry(`Employer ${day}`, `2026-10-${String(day).padStart(2, '0')}T10:00:00Z`);
    }
    clock.set('2026-11-23T10:00:00Z');

    const view = await openHome(OFFICER);

    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(visibleText(view.blocks)).toContain('Showing 10 of 30');
  });

  it('lists what the officer has claimed and what was resolved this week', async () => {
    const mine = await logEnquiry('Dalston Bakery', '2026-11-19T10:00:00Z');
    const done = await logEnquiry('Homerton Garage', '2026-11-19T11:00:00Z');
    const officer = { platform: 'slack' as const, userId: OFFICER, isOfficer: true };
    clock.set('2026-11-20T09:00:00Z');
    await slack.core.enquiries.claim(mine.reference, officer);
    await slack.core.enquiries.resolve(done.reference, 'Sent the funding bands', officer);
    clock.set('2026-11-23T10:00:00Z');

    const view = await openHome(OFFICER);

    const seen = visibleText(view.blocks);
    expect(seen).toContain('*0* unclaimed · *1* claimed by you · *1* resolved or closed in the last 7 days');
    expect(seen).toContain(mine.reference);
    expect(seen).toContain(done.reference);
  });

  it('claims from App Home, updates the triage post and refreshes the tab', async () => {
    const enquiry = await logEnquiry('Shoreditch Builders', '2026-11-20T10:00:00Z');
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1763893100.000100' }));
    // The delivery round the running app runs on a timer.
    await slack.core.enquiries.deliver([slack.slack.publisher!]);
    calls.length = 0;
    const update = expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));
    const publish = expectSlackCall(calls, 'views.publish', () => ({ view: { id: 'V0HOME' } }));

    await slack.interact(
      buttonOnHome({ userId: OFFICER, actionId: SLACK_IDS.actions.claimEnquiry, value: enquiry.reference }),
    );

    update.done();
    publish.done();
    expect(calls[0]?.args).toMatchObject({ channel: TRIAGE_CHANNEL, ts: '1763893100.000100' });
    expect(visibleText((calls[1]!.args.view as { blocks: unknown[] }).blocks)).toContain('*1* claimed by you');
  });

  it('opens the enquiry form from the Log an enquiry button', async () => {
    const open = expectSlackCall(calls, 'views.open', () => ({ view: { id: 'V0FORM' } }));

    await slack.interact(buttonOnHome({ userId: STAFF, actionId: SLACK_IDS.actions.openEnquiryForm }));

    open.done();
    expect((calls[0]!.args.view as { callback_id: string }).callback_id).toBe(SLACK_IDS.views.enquiryForm);
  });
});
