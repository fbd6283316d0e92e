import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../helpers/network.js';
import {
  BOT_USER_ID,
  commandBody,
  interactionBody,
  messageTs,
  RESPONSE_URL_ORIGIN,
  type SlackCallArgs,
  slackCall,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
  uniqueId,
} from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

// Slack Connect: a channel shared between the council's workspace (TEAM_ID, which installed the app) and a partner
// organisation's. A slash command and a shortcut name only the invoker's own workspace.
const PARTNER_TEAM = 'T0PARTNER';
const PARTNER_USER = 'U0PARTNER1';
const PARTNER_COLLEAGUE = 'U0PARTNER2';
const STAFF = 'U0STAFF01';
const SHARED_CHANNEL = 'C0SHARED';

/** users.info as Slack answers it for a person from another organisation: their own workspace, not a guest. */
const partnerInfo = { ok: true, user: { id: PARTNER_USER, team_id: PARTNER_TEAM, is_restricted: false } };
const staffInfo = { ok: true, user: { id: STAFF, team_id: TEAM_ID, is_restricted: false } };

/** A slash command in the shared channel, with the fields Slack sends for a workspace (not org-wide) install. */
function sharedChannelCommand(options: { text: string; userId: string; teamId: string; path: string }) {
  return commandBody({
    text: options.text,
    userId: options.userId,
    channelId: SHARED_CHANNEL,
    responsePath: options.path,
    teamId: options.teamId,
    extra: { is_enterprise_install: 'false', api_app_id: 'A0SKILLS' },
  });
}

/** A reply posted to a command's response_url. */
function responseUrlReply(path: string): Promise<SlackCallArgs> {
  return new Promise((resolve) => {
    nock(RESPONSE_URL_ORIGIN)
      .post(path)
      .reply(200, (_uri, body) => {
        resolve(typeof body === 'string' ? (JSON.parse(body) as SlackCallArgs) : (body as SlackCallArgs));
        return { ok: true };
      });
  });
}

/** The "Log as employer enquiry" message shortcut, shaped like Slack's message_action payload in Slack Connect. */
function messageShortcut(options: { presser: string; presserTeam: string; author: string; authorTeam: string }) {
  const ts = messageTs();
  return interactionBody({
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: messageTs(),
    team: { id: options.presserTeam, domain: 'team' },
    user: { id: options.presser, username: 'kim', name: 'kim', team_id: options.presserTeam },
    channel: { id: SHARED_CHANNEL, name: 'hackney-partners' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: SLACK_IDS.shortcuts.logEnquiryFromMessage,
    response_url: `${RESPONSE_URL_ORIGIN}/actions/${uniqueId('R')}`,
    message_ts: ts,
    message: {
      type: 'message',
      user: options.author,
      user_team: options.authorTeam,
      team: options.authorTeam,
      ts,
      text: 'Could one of your officers call us about taking on two apprentices? Kim, 020 7946 0000',
    },
  });
}

function metadataOf(opened: SlackCallArgs): Record<string, unknown> {
  const view = opened.view as { private_metadata: string };
  return JSON.parse(view.private_metadata) as Record<string, unknown>;
}

describe('Slack Connect: /skills and the message shortcut judge the asker by the installing workspace', () => {
  let slack: TestSlack | undefined;

  beforeEach(allowOnlyLoopback);

  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
    restoreNetwork();
  });

  it('answers a partner organisation’s user with public articles only and our own staff with every article', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }), askForInstalledTeam: true });
    // The app learns its installing workspace from the bot token, once.
    const authTests: SlackCallArgs[] = [];
    slackCall(
      'auth.test',
      { ok: true, team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: 'B0SKILLSBOT' },
      { times: 2, calls: authTests },
    );
    // The partner's own workspace on the command already tells them apart: only our member is looked up.
    slackCall('users.info', staffInfo);

    const partnerReply = responseUrlReply('/commands/partner');
    const partner = await slack.send(
      sharedChannelCommand({
        text: 'What is the LLW?',
        userId: PARTNER_USER,
        teamId: PARTNER_TEAM,
        path: '/commands/partner',
      }),
    );
    expect(partner.status).toBe(200);
    await partner.done;
    expect((await partnerReply).response_type).toBe('ephemeral');

    // A member of the council's workspace asking in the same shared channel.
    const staffReply = responseUrlReply('/commands/staff');
    const staff = await slack.send(
      sharedChannelCommand({ text: 'What is the LLW?', userId: STAFF, teamId: TEAM_ID, path: '/commands/staff' }),
    );
    await staff.done;
    expect((await staffReply).response_type).toBe('ephemeral');

    expect(answerer.requests.map((request) => request.audience)).toEqual(['public', 'staff']);
    expect(authTests).toHaveLength(1);
  });

  it('treats a partner user as external even when Slack names our workspace on the command, by their profile', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    slackCall('users.info', partnerInfo);
    const reply = responseUrlReply('/commands/profile');
    const sent = await slack.send(
      sharedChannelCommand({
        text: 'What is the LLW?',
        userId: PARTNER_USER,
        teamId: TEAM_ID,
        path: '/commands/profile',
      }),
    );
    await sent.done;
    await reply;
    expect(answerer.requests.map((request) => request.audience)).toEqual(['public']);
  });

  it('opens `/skills enquiry` from a partner organisation’s user as an external enquiry', async () => {
    slack = await startTestSlack();
    const opened = slackCall('views.open', { ok: true, view: { id: 'V0FORM' } });
    const sent = await slack.send(
      sharedChannelCommand({ text: 'enquiry', userId: PARTNER_USER, teamId: PARTNER_TEAM, path: '/commands/enq' }),
    );
    await sent.done;
    expect(metadataOf(await opened)).toMatchObject({ arrivedVia: 'external' });

    const ours = slackCall('views.open', { ok: true, view: { id: 'V0FORM2' } });
    await (
      await slack.send(
        sharedChannelCommand({ text: 'enquiry', userId: STAFF, teamId: TEAM_ID, path: '/commands/enq2' }),
      )
    ).done;
    expect(metadataOf(await ours)).toMatchObject({ arrivedVia: 'staff' });
  });

  it('opens the shortcut on a partner’s message, pressed by their own colleague, as an external enquiry', async () => {
    slack = await startTestSlack();
    const cases = [
      // Both from the partner organisation: the presser's `team` matches the author's, yet neither is ours.
      {
        presser: PARTNER_USER,
        presserTeam: PARTNER_TEAM,
        author: PARTNER_COLLEAGUE,
        authorTeam: PARTNER_TEAM,
        expected: 'external',
      },
      // A partner's message logged by a member of staff.
      { presser: STAFF, presserTeam: TEAM_ID, author: PARTNER_USER, authorTeam: PARTNER_TEAM, expected: 'external' },
      // Staff on staff, in the shared channel.
      { presser: STAFF, presserTeam: TEAM_ID, author: 'U0STAFF02', authorTeam: TEAM_ID, expected: 'staff' },
    ];
    for (const { expected, ...shortcut } of cases) {
      slackCall('chat.getPermalink', { ok: true, permalink: 'https://hackney.slack.test/archives/C0SHARED/p1' });
      const opened = slackCall('views.open', { ok: true, view: { id: uniqueId('V') } });
      const response = await slack.send(messageShortcut(shortcut));
      expect(response.status).toBe(200);
      await response.done;
      expect(metadataOf(await opened), JSON.stringify(shortcut)).toMatchObject({ arrivedVia: expected });
    }
  });
});
