import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../helpers/network.js';
import {
  actionIds,
  eventBody,
  interactionBody,
  messageTs,
  slackCall,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

const PARTNER_TEAM = 'T0PARTNER';

/**
 * A view_submission of the enquiry form in the shape Slack sends in Slack Connect: `team` and `view.team_id` are the
 * submitter's own workspace; `view.app_installed_team_id` is the workspace that installed the app.
 */
function enquirySubmission(options: { userId: string; userTeam: string; viewId: string; contactName: string }) {
  const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
  return interactionBody({
    type: 'view_submission',
    team: { id: options.userTeam, domain: 'team' },
    user: { id: options.userId, username: 'kim', name: 'kim', team_id: options.userTeam },
    api_app_id: 'A0SKILLS',
    token: 'legacy-verification-token',
    is_enterprise_install: false,
    enterprise: null,
    view: {
      id: options.viewId,
      team_id: options.userTeam,
      type: 'modal',
      callback_id: SLACK_IDS.views.enquiryForm,
      private_metadata: JSON.stringify({ arrivedVia: 'staff' }),
      blocks: [],
      state: {
        values: {
          organisation: text('Lea Bridge Logistics'),
          contact_name: text(options.contactName),
          email: text('kim@leabridge.example'),
          description: text('We want to offer a Hackney 100 placement this summer.'),
        },
      },
      hash: '1763892000.abcdef',
      root_view_id: options.viewId,
      app_id: 'A0SKILLS',
      app_installed_team_id: TEAM_ID,
      bot_id: 'B0SKILLSBOT',
    },
    response_urls: [],
  });
}

describe('Slack Connect forms on the production app', () => {
  let slack: TestSlack | undefined;

  beforeEach(allowOnlyLoopback);

  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
    restoreNetwork();
  });

  it('logs an enquiry form submitted by a partner organisation’s user as external, and ours as staff', async () => {
    slack = await startTestSlack();
    const cases = [
      {
        userId: 'U0PARTNER',
        userTeam: PARTNER_TEAM,
        viewId: 'V0PARTNER',
        contactName: 'Kim Hart',
        expected: 'external',
      },
      { userId: 'U0STAFF01', userTeam: TEAM_ID, viewId: 'V0STAFF', contactName: 'Ola Reid', expected: 'staff' },
    ];
    for (const { expected, ...submission } of cases) {
      const confirmation = slackCall('chat.postMessage', { ok: true, channel: submission.userId, ts: messageTs() });
      const response = await slack.send(enquirySubmission(submission));
      expect(response.status).toBe(200);
      expect(await confirmation).toMatchObject({ channel: submission.userId });
      const logged = (await slack.core.enquiries.list()).find(
        (enquiry) => enquiry.contactName === submission.contactName,
      );
      expect(logged?.arrivedVia).toBe(expected);
    }
  });
});

describe('Slack button values on the production app', () => {
  let slack: TestSlack | undefined;

  beforeEach(allowOnlyLoopback);

  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
    restoreNetwork();
  });

  it('keeps every button value under 2,000 characters when a long question full of quotes is pasted', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources({ enquirySuggested: true }));
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    slackCall('users.info', {
      ok: true,
      user: { id: 'U0STAFF01', team_id: TEAM_ID, is_restricted: false, is_ultra_restricted: false },
    });
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    // A pasted email thread: quotes, newlines and backslashes all grow under JSON escaping.
    const question = `Can they pay "LLW"?\n${'> "quoted \\ line" & <more>\n'.repeat(200)}`;
    const ts = messageTs();
    await (
      await slack.send(
        eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: 'U0STAFF01', text: question, ts }),
      )
    ).done;
    const message = await posted;

    const values = buttonValues(message.blocks);
    expect(values.length).toBeGreaterThanOrEqual(2);
    for (const value of values) expect(value.length).toBeLessThanOrEqual(2_000);
    expect(actionIds(message.blocks)).toEqual(
      expect.arrayContaining([SLACK_IDS.actions.askTheTeam, SLACK_IDS.actions.logEnquiryFromAnswer]),
    );
    // The whole question was answered, not its start.
    expect(answerer.requests[0]?.question.length).toBeGreaterThan(2_000);
  });
});

function buttonValues(blocks: unknown): string[] {
  const values: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (typeof record.action_id === 'string' && typeof record.value === 'string') values.push(record.value);
      for (const value of Object.values(record)) visit(value);
    }
  };
  visit(blocks);
  return values;
}
