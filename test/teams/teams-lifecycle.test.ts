import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { SUGGESTED_QUESTIONS } from '../../src/conversation/index.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  BOT_ID,
  captureReplies,
  citation,
  createSigningKey,
  isolateNetwork,
  postActivity,
  recordingAnswerer,
  SENDER_AAD_ID,
  SERVICE_URL,
  serveAppToken,
  serveKeys,
  serveMember,
  startTestTeams,
  TENANT_ID,
  type TestTeams,
  teamsActivity,
} from './teams-harness.js';

const signingKey = createSigningKey();
const TEAM_CHANNEL = '19:general0channel@thread.tacv2';

const answer = (): Answer => ({
  kind: 'answer',
  text: 'The London Living Wage is £14.80 an hour [1].',
  citations: [citation(1)],
  enquirySuggested: false,
  mode: 'extractive',
  asOf: '2026-11-23',
  figures: [],
});

type Sent = { text?: string; attachments?: { content: Record<string, unknown> }[] };

/** The bot added to a team, in the shape of Microsoft's `conversationUpdate` (teamMemberAdded) example. */
function botAddedToTeam(): Record<string, unknown> {
  return {
    membersAdded: [{ id: BOT_ID }],
    type: 'conversationUpdate',
    timestamp: '2026-11-23T17:00:00.000Z',
    id: 'f:2e1f0d6a-8b7c-4f1a-9a0b-1c2d3e4f5a6b',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:1user-officer', aadObjectId: SENDER_AAD_ID },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: TEAM_CHANNEL },
    recipient: { id: BOT_ID, name: 'Skills Desk' },
    channelData: {
      team: { aadGroupId: '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Employment & Skills', id: TEAM_CHANNEL },
      eventType: 'teamMemberAdded',
      tenant: { id: TENANT_ID },
    },
  };
}

/** The app installed in the same team, in the shape of Microsoft's `installationUpdate` (add) example. */
function appInstalled(): Record<string, unknown> {
  return {
    type: 'installationUpdate',
    action: 'add',
    timestamp: '2026-11-23T17:00:00.100Z',
    id: 'f:7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:1user-officer', aadObjectId: SENDER_AAD_ID },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: TEAM_CHANNEL },
    recipient: { id: BOT_ID, name: 'Skills Desk' },
    entities: [{ locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London', type: 'clientInfo' }],
    channelData: {
      settings: { selectedChannel: { id: TEAM_CHANNEL } },
      team: { aadGroupId: '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Employment & Skills', id: TEAM_CHANNEL },
      tenant: { id: TENANT_ID },
      source: { name: 'message' },
    },
  };
}

let teams: TestTeams | undefined;

beforeEach(isolateNetwork);

afterEach(async () => {
  await teams?.close();
  teams = undefined;
  restoreNetwork();
});

describe('Teams welcome', () => {
  it('welcomes a team once when the app is installed, saying what it does, with the suggested questions', async () => {
    teams = await startTestTeams({ answerer: recordingAnswerer(answer).answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const replies = captureReplies(TEAM_CHANNEL, { times: 2 });

    // Teams sends both activities for one install.
    const added = await postActivity(teams.transport.url, botAddedToTeam(), signingKey.sign({}));
    const installed = await postActivity(teams.transport.url, appInstalled(), signingKey.sign({}));

    expect(added.status).toBe(200);
    expect(installed.status).toBe(200);
    expect(replies.sent).toHaveLength(1);
    const welcome = replies.sent[0] as Sent;
    expect(welcome.text).toMatch(/^Skills Desk answers questions about apprenticeships/);
    const card = JSON.stringify(welcome.attachments?.[0]?.content);
    for (const prompt of SUGGESTED_QUESTIONS) expect(card).toContain(prompt.message);
  });

  it('says nothing when someone else joins the team', async () => {
    teams = await startTestTeams({ answerer: recordingAnswerer(answer).answerer });
    serveKeys(signingKey.keySet);
    const replies = captureReplies(TEAM_CHANNEL);
    const joined = { ...botAddedToTeam(), membersAdded: [{ id: '29:1someone-new', aadObjectId: 'b0b' }] };

    const response = await postActivity(teams.transport.url, joined, signingKey.sign({}));

    expect(response.status).toBe(200);
    expect(replies.sent).toEqual([]);
  });
});

describe('Teams feedback invoke (message/submitAction)', () => {
  it('answers 200 with no body, and stores it, in the string and object forms, with and without replyToId', async () => {
    teams = await startTestTeams({ answerer: recordingAnswerer(answer).answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const question = teamsActivity({ text: 'What is the London Living Wage?' });
    const conversationId = (question['conversation'] as { id: string }).id;
    const replies = captureReplies(conversationId, { times: 2 });
    serveMember(conversationId);
    await postActivity(teams.transport.url, question, signingKey.sign({}));
    replies.scope.done();
    const answerId = replies.ids[1]!;

    const forms = [
      { replyToId: answerId, feedback: JSON.stringify({ feedbackText: 'Clear, thanks' }), reason: 'Clear, thanks' },
      { replyToId: answerId, feedback: { feedbackText: 'Out of date' }, reason: 'Out of date' },
      { replyToId: undefined, feedback: { feedbackText: 'No reply id' }, reason: 'No reply id' },
    ];
    for (const form of forms) {
      const invoke = teamsActivity({
        type: 'invoke',
        name: 'message/submitAction',
        conversationId,
        ...(form.replyToId !== undefined && { replyToId: form.replyToId }),
        value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: form.feedback } },
      });
      const response = await postActivity(teams.transport.url, invoke, signingKey.sign({}));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      const messageId = form.replyToId ?? String(invoke['id']);
      expect(await teams.core.feedback.get('teams', messageId, SENDER_AAD_ID)).toMatchObject({
        rating: 'down',
        reason: form.reason,
      });
    }
    // The answer's feedback carries the question it was about.
    expect(await teams.core.feedback.get('teams', answerId, SENDER_AAD_ID)).toMatchObject({
      question: 'What is the London Living Wage?',
    });
  });
});
