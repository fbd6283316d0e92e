import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRIAGE_POST_EVENT } from '../../src/slack/enquiries/triage-publisher.js';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../helpers/network.js';
import {
  interactionBody,
  messageTs,
  parseSlackCallBody,
  SLACK_API_ORIGIN,
  type SlackCallArgs,
  slackCall,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';

const OFFICER = 'U0OFFICER1';
const TRIAGE = 'C0TRIAGE';

/** A Claim press on the triage post, in the shape of Slack's block_actions payload for a message button. */
function claimPress(reference: string, postTs: string) {
  return interactionBody({
    type: 'block_actions',
    user: { id: OFFICER, username: 'asha', name: 'asha', team_id: TEAM_ID },
    api_app_id: 'A0SKILLS',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: postTs, channel_id: TRIAGE, is_ephemeral: false },
    team: { id: TEAM_ID, domain: 'hackney-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: TRIAGE, name: 'employer-enquiries' },
    message: { type: 'message', user: 'U0SKILLSBOT', ts: postTs, text: 'Employer enquiry', blocks: [] },
    response_url: 'https://hooks.slack.test/actions/T0HACKNEY/1/xyz',
    actions: [
      {
        action_id: SLACK_IDS.actions.claimEnquiry,
        block_id: 'triage',
        text: { type: 'plain_text', text: 'Claim', emoji: true },
        value: reference,
        style: 'primary',
        type: 'button',
        action_ts: messageTs(),
      },
    ],
  });
}

describe('Slack triage post on the production app', () => {
  let slack: TestSlack | undefined;

  beforeEach(allowOnlyLoopback);

  afterEach(async () => {
    vi.useRealTimers();
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
    restoreNetwork();
  });

  it('updates the triage post once per change: the button handler and the delivery round do not both update it', async () => {
    slack = await startTestSlack({ env: { SLACK_ENQUIRY_CHANNEL: TRIAGE, SLACK_OFFICER_IDS: OFFICER } });
    const publisher = slack.slack.publisher;
    if (!publisher) throw new Error('no Slack triage publisher with an enquiry channel set');
    const logged = await slack.core.enquiries.log(
      {
        organisation: 'Hoxton Print Works Ltd',
        contactName: 'Sam Okafor',
        email: 'sam@hoxtonprint.example',
        description: 'Wants to pay the London Living Wage and asks about accreditation.',
        arrivedVia: 'staff',
      },
      { platform: 'slack', userId: 'U0STAFF01', isOfficer: false },
    );
    if (!logged.ok) throw new Error('could not log the test enquiry');
    const postTs = messageTs();
    const posted = slackCall('chat.postMessage', { ok: true, channel: TRIAGE, ts: postTs });
    // The delivery round the running app runs on a timer (src/cli/start-command.ts) with every transport's publisher.
    await slack.core.enquiries.deliver([publisher]);
    await posted;

    const updates: SlackCallArgs[] = [];
    slackCall('chat.update', { ok: true, channel: TRIAGE, ts: postTs }, { times: 2, calls: updates });
    const pressed = await slack.send(claimPress(logged.enquiry.reference, postTs));
    expect(pressed.status).toBe(200);
    await pressed.done;
    // The next delivery round finds nothing left to update.
    await slack.core.enquiries.deliver([publisher]);

    expect((await slack.core.enquiries.get(logged.enquiry.reference))?.status).toBe('claimed');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ channel: TRIAGE, ts: postTs });
  });
  it('finds a post Slack kept although its reply was lost, and updates it instead of posting the enquiry twice', async () => {
    slack = await startTestSlack({ env: { SLACK_ENQUIRY_CHANNEL: TRIAGE, SLACK_OFFICER_IDS: OFFICER } });
    const publisher = slack.slack.publisher;
    if (!publisher) throw new Error('no Slack triage publisher with an enquiry channel set');
    const logged = await slack.core.enquiries.log(
      {
        organisation: 'Dalston Joinery Ltd',
        contactName: 'Ola Bello',
        email: 'ola@dalstonjoinery.example',
        description: 'Wants to take on a level 2 apprentice.',
        arrivedVia: 'staff',
      },
      { platform: 'slack', userId: 'U0STAFF01', isOfficer: false },
    );
    if (!logged.ok) throw new Error('could not log the test enquiry');
    const reference = logged.enquiry.reference;

    // Slack posts the message, but the reply never reaches us.
    const posts: SlackCallArgs[] = [];
    nock(SLACK_API_ORIGIN)
      .post('/api/chat.postMessage')
      .reply((_uri, body) => {
        posts.push(parseSlackCallBody(body));
        return [200, ''];
      })
      .persist();
    expect(await slack.core.enquiries.deliver([publisher])).toMatchObject({ sent: 0, failed: 1 });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.['metadata']).toEqual({
      event_type: TRIAGE_POST_EVENT,
      event_payload: { reference },
    });

    // The next round, past the retry backoff, looks in the channel for it by the metadata the post carried.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 15 * 60_000 });
    const keptTs = messageTs();
    const history = slackCall('conversations.history', {
      ok: true,
      messages: [
        {
          type: 'message',
          ts: messageTs(),
          text: 'Another enquiry',
          metadata: { event_type: TRIAGE_POST_EVENT, event_payload: { reference: 'ENQ-OTHER' } },
        },
        {
          type: 'message',
          ts: keptTs,
          text: 'Employer enquiry',
          metadata: { event_type: TRIAGE_POST_EVENT, event_payload: { reference } },
        },
      ],
      has_more: false,
    });
    const updated = slackCall('chat.update', { ok: true, channel: TRIAGE, ts: keptTs });
    expect(await slack.core.enquiries.deliver([publisher])).toMatchObject({ sent: 1, failed: 0 });
    expect(await history).toMatchObject({ channel: TRIAGE, include_all_metadata: 'true' });
    expect(await updated).toMatchObject({ channel: TRIAGE, ts: keptTs });
    expect(posts).toHaveLength(1);
    expect((await slack.core.enquiries.get(reference))?.posts).toContainEqual(
      expect.objectContaining({ platform: 'slack', messageId: keptTs }),
    );
  });
});
