import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../helpers/network.js';
import {
  interactionBody,
  messageTs,
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
});
