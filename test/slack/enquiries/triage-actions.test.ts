import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enquiry } from '../../../src/enquiries/index.js';
import { SLACK_IDS } from '../../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../../helpers/network.js';
import {
  buttonIds,
  buttonOnMessage,
  ENQUIRY_ENV,
  expectSlackCall,
  OFFICER,
  OTHER_OFFICER,
  type SlackCall,
  STAFF,
  submitView,
  TRIAGE_CHANNEL,
  visibleText,
} from '../../helpers/slack-payloads.js';
import { startTestSlack, type TestSlack } from '../../helpers/slack-test-app.js';

const POST_TS = '1763892500.000100';

describe('Slack triage actions', () => {
  let slack: TestSlack;
  let calls: SlackCall[];
  let enquiry: Enquiry;

  /** The production app with two officers; `withoutChannel` runs it with no triage channel (so no delivery). */
  async function start(options: { withoutChannel?: boolean } = {}) {
    const env = options.withoutChannel ? { SLACK_OFFICER_IDS: ENQUIRY_ENV.SLACK_OFFICER_IDS } : ENQUIRY_ENV;
    slack = await startTestSlack({ env });
    const logged = await slack.core.enquiries.log(
      {
        organisation: 'Hoxton Print Works Ltd',
        contactName: 'Sam Okafor',
        email: 'sam@hoxtonprint.example',
        description: 'Wants to pay the London Living Wage and asks about accreditation.',
        arrivedVia: 'staff',
      },
      { platform: 'slack', userId: STAFF, isOfficer: false },
    );
    if (!logged.ok) throw new Error('could not log the test enquiry');
    enquiry = logged.enquiry;
    const publisher = slack.slack.publisher;
    if (options.withoutChannel) {
      expect(publisher).toBeUndefined();
      return;
    }
    // The triage post, as the delivery round sends it.
    const posted = expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: POST_TS }));
    await slack.core.enquiries.deliver([publisher!]);
    posted.done();
    calls.length = 0;
  }

  const press = (userId: string, actionId: string) =>
    slack.interact(
      buttonOnMessage({ userId, actionId, value: enquiry.reference, channel: TRIAGE_CHANNEL, messageTs: POST_TS }),
    );

  beforeEach(() => {
    allowOnlyLoopback();
    calls = [];
  });

  afterEach(async () => {
    restoreNetwork();
    await slack.close();
  });

  it('refuses Claim from someone who is not an officer, privately, and changes nothing', async () => {
    await start();
    const refusal = expectSlackCall(calls, 'chat.postEphemeral', () => ({ message_ts: '1.1' }));

    await press(STAFF, SLACK_IDS.actions.claimEnquiry);

    refusal.done();
    expect(calls[0]?.args).toMatchObject({ channel: TRIAGE_CHANNEL, user: STAFF });
    expect(calls[0]?.args.text).toMatch(/^Only employer engagement officers can claim/);
    expect((await slack.core.enquiries.get(enquiry.reference))?.status).toBe('new');
    expect(calls.map((call) => call.method)).toEqual(['chat.postEphemeral']);
  });

  it('claims for an officer and updates the triage post in place', async () => {
    await start();
    const update = expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));

    await press(OFFICER, SLACK_IDS.actions.claimEnquiry);

    update.done();
    const { args } = calls[0]!;
    expect(args).toMatchObject({ channel: TRIAGE_CHANNEL, ts: POST_TS });
    expect(visibleText(args.blocks)).toContain(`Claimed by <@${OFFICER}>`);
    expect(buttonIds(args.blocks)).not.toContain(SLACK_IDS.actions.claimEnquiry);
    expect(buttonIds(args.blocks)).toContain(SLACK_IDS.actions.resolveEnquiry);
    expect(await slack.core.enquiries.get(enquiry.reference)).toMatchObject({ status: 'claimed', assignee: OFFICER });
  });

  it('tells the officer who loses a race to claim who has it', async () => {
    await start();
    expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));
    expectSlackCall(calls, 'chat.postEphemeral', () => ({ message_ts: '1.2' }));

    await Promise.all([
      press(OFFICER, SLACK_IDS.actions.claimEnquiry),
      press(OTHER_OFFICER, SLACK_IDS.actions.claimEnquiry),
    ]);

    const stored = await slack.core.enquiries.get(enquiry.reference);
    const winner = stored?.assignee;
    const loser = winner === OFFICER ? OTHER_OFFICER : OFFICER;
    expect([OFFICER, OTHER_OFFICER]).toContain(winner);
    const ephemeral = calls.find((call) => call.method === 'chat.postEphemeral');
    expect(ephemeral?.args.user).toBe(loser);
    expect(ephemeral?.args.text).toBe(`${enquiry.reference} is already claimed by <@${winner}>.`);
    expect(calls.filter((call) => call.method === 'chat.update')).toHaveLength(1);
  });

  it('resolves through the outcome form and shows the outcome on the post', async () => {
    await start();
    expectSlackCall(calls, 'views.open', () => ({ view: { id: 'V0RESOLVE' } }));
    await press(OFFICER, SLACK_IDS.actions.resolveEnquiry);
    const form = calls[0]!.args.view as Record<string, unknown>;
    expect(form.callback_id).toBe(SLACK_IDS.views.resolveForm);
    expect(visibleText(form.blocks)).toContain(enquiry.reference);

    const empty = await slack.interact(submitView(form, { outcome: '' }, { userId: OFFICER, viewId: 'V0RESOLVE' }));
    expect(JSON.parse(empty.body)).toEqual({ response_action: 'errors', errors: { outcome: 'Enter the outcome' } });

    expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));
    const done = await slack.interact(
      submitView(
        form,
        { outcome: 'Sent the LLW accreditation guide and booked a call.' },
        { userId: OFFICER, viewId: 'V0RESOLVE' },
      ),
    );

    expect(done.body).toBe('');
    const update = calls.find((call) => call.method === 'chat.update')!;
    const seen = visibleText(update.args.blocks);
    expect(seen).toContain('Resolved');
    expect(seen).toContain('Sent the LLW accreditation guide and booked a call.');
    expect(buttonIds(update.args.blocks)).toEqual([SLACK_IDS.actions.noteEnquiry]);
  });

  it('closes as a duplicate only of an enquiry that exists', async () => {
    await start();
    const other = await slack.core.enquiries.log(
      {
        organisation: 'Hoxton Print Works',
        contactName: 'Sam Okafor',
        email: 'sam@hoxtonprint.example',
        description: 'LLW question',
        arrivedVia: 'staff',
      },
      { platform: 'slack', userId: STAFF, isOfficer: false },
    );
    expectSlackCall(calls, 'views.open', () => ({ view: { id: 'V0DUP' } }));
    await press(OFFICER, SLACK_IDS.actions.closeDuplicate);
    const form = calls[0]!.args.view as Record<string, unknown>;

    const unknown = await slack.interact(
      submitView(form, { duplicate_of: 'ENQ-2026-9999' }, { userId: OFFICER, viewId: 'V0DUP' }),
    );
    expect(JSON.parse(unknown.body).errors.duplicate_of).toMatch(/no enquiry ENQ-2026-9999/);
    const itself = await slack.interact(
      submitView(form, { duplicate_of: enquiry.reference.toLowerCase() }, { userId: OFFICER, viewId: 'V0DUP' }),
    );
    expect(JSON.parse(itself.body).errors.duplicate_of).toBe('Enter the reference of a different enquiry');
    expect((await slack.core.enquiries.get(enquiry.reference))?.status).toBe('new');

    expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));
    // Delivery also sends the other enquiry's first triage post.
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1763892600.000100' }));
    const reference = other.ok ? other.enquiry.reference : '';
    await slack.interact(submitView(form, { duplicate_of: reference }, { userId: OFFICER, viewId: 'V0DUP' }));

    expect(await slack.core.enquiries.get(enquiry.reference)).toMatchObject({
      status: 'closed',
      duplicateOf: reference,
    });
    const update = calls.find((call) => call.method === 'chat.update' && call.args.ts === POST_TS);
    expect(visibleText(update?.args.blocks)).toContain(`as a duplicate of ${reference}`);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('assigns to the chosen person, updates the post and tells them', async () => {
    await start();
    expectSlackCall(calls, 'views.open', () => ({ view: { id: 'V0ASSIGN' } }));
    await press(OFFICER, SLACK_IDS.actions.assignEnquiry);
    const form = calls[0]!.args.view as Record<string, unknown>;
    expect(form.callback_id).toBe(SLACK_IDS.views.assignForm);
    expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: 'D0OTHER', ts: '1.3' }));

    await slack.interact(submitView(form, { assignee: OTHER_OFFICER }, { userId: OFFICER, viewId: 'V0ASSIGN' }));

    expect((await slack.core.enquiries.get(enquiry.reference))?.assignee).toBe(OTHER_OFFICER);
    expect(visibleText(calls.find((call) => call.method === 'chat.update')?.args.blocks)).toContain(
      `<@${OTHER_OFFICER}>`,
    );
    const dm = calls.find((call) => call.method === 'chat.postMessage');
    expect(dm?.args.channel).toBe(OTHER_OFFICER);
    expect(dm?.args.text).toContain(`<@${OFFICER}> assigned you *${enquiry.reference}*`);
  });

  it('adds an officer note to the post and refuses notes from others', async () => {
    await start();
    expectSlackCall(calls, 'chat.postEphemeral', () => ({ message_ts: '1.4' }));
    await press(STAFF, SLACK_IDS.actions.noteEnquiry);
    expect(calls[0]?.args.text).toMatch(/^Only employer engagement officers/);

    expectSlackCall(calls, 'views.open', () => ({ view: { id: 'V0NOTE' } }));
    await press(OFFICER, SLACK_IDS.actions.noteEnquiry);
    const form = calls[1]!.args.view as Record<string, unknown>;
    expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));

    await slack.interact(
      submitView(form, { note: 'Left a voicemail; trying again Friday.' }, { userId: OFFICER, viewId: 'V0NOTE' }),
    );

    expect(visibleText(calls.at(-1)?.args.blocks)).toContain('Left a voicemail; trying again Friday.');
  });

  it('updates the pressed post itself when no triage channel is set (so no delivery updates it)', async () => {
    // A triage post from before the channel setting was removed.
    await start({ withoutChannel: true });
    const update = expectSlackCall(calls, 'chat.update', (args) => ({ channel: args.channel, ts: args.ts }));

    await press(OFFICER, SLACK_IDS.actions.claimEnquiry);

    update.done();
    expect(calls[0]?.args).toMatchObject({ channel: TRIAGE_CHANNEL, ts: POST_TS });
    expect(visibleText(calls[0]?.args.blocks)).toContain(`Claimed by <@${OFFICER}>`);
  });
});
