import type { ConversationReference } from '@microsoft/agents-activity';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { createTeamsMemory } from '../../src/teams/teams-memory.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  BOT_ID,
  captureReplies,
  createSigningKey,
  isolateNetwork,
  postActivity,
  recordingAnswerer,
  SENDER_AAD_ID,
  SENDER_ID,
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
const TRIAGE_CHANNEL = '19:triage0channel@thread.tacv2';
const declining = recordingAnswerer(
  (): Answer => ({
    kind: 'decline',
    text: 'I could not find that in the knowledge base.',
    citations: [],
    enquirySuggested: true,
    mode: 'extractive',
    asOf: '2026-11-23',
    figures: [],
  }),
);

let teams: TestTeams | undefined;

beforeEach(isolateNetwork);

afterEach(async () => {
  await teams?.close();
  teams = undefined;
  restoreNetwork();
});

describe('Teams triage card buttons', () => {
  const channelEnv = (officers: string) => ({
    TEAMS_ENQUIRY_CHANNEL: JSON.stringify({ serviceUrl: SERVICE_URL, conversation: { id: TRIAGE_CHANNEL } }),
    TEAMS_OFFICER_IDS: officers,
  });

  /** Logs an enquiry and delivers its triage post to the channel, as the delivery round does. */
  async function logAndPost(current: TestTeams) {
    const logged = await current.core.enquiries.log(
      {
        organisation: 'Hackney Bakery Co',
        contactName: 'Lee Chan',
        email: 'lee@hackney-bakery.example',
        description: 'Asking about paying the London Living Wage to new starters.',
        arrivedVia: 'staff',
      },
      { platform: 'teams', userId: SENDER_AAD_ID, name: 'Asha Patel', isOfficer: false },
    );
    if (!logged.ok) throw new Error(JSON.stringify(logged.issues));
    serveAppToken();
    const post = captureReplies(TRIAGE_CHANNEL);
    await current.core.enquiries.deliver([current.transport.publisher!]);
    post.scope.done();
    return { reference: logged.enquiry.reference, post };
  }

  it('claims for an officer: the card is updated once per change (by the delivery, not also by the handler)', async () => {
    teams = await startTestTeams({ answerer: declining.answerer, env: channelEnv(SENDER_AAD_ID) });
    const { reference, post } = await logAndPost(teams);
    const postId = post.ids[0]!;
    serveKeys(signingKey.keySet);
    serveAppToken();
    const thread = `${TRIAGE_CHANNEL};messageid=${postId}`;
    serveMember(thread);
    const channelReplies = captureReplies(thread);
    // Every in-place update of the triage card, in whichever conversation form it is addressed.
    const updates: { path: string; body: Record<string, unknown> }[] = [];
    nock(SERVICE_URL.replace(/\/teams\/$/, ''))
      .put((uri) => decodeURIComponent(uri).endsWith(`/activities/${postId}`))
      .times(3)
      .reply(200, (uri, body) => {
        updates.push({ path: decodeURIComponent(uri), body: body as Record<string, unknown> });
        return { id: postId };
      });
    const claim = teamsActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversationType: 'channel',
      conversationId: thread,
      replyToId: postId,
      value: {
        action: { type: 'Action.Execute', verb: 'enquiry-claim', data: { reference } },
        trigger: 'manual',
      },
    });

    const response = await postActivity(teams.transport.url, claim, signingKey.sign({}));

    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
    // The delivery round the running app runs on a timer finds nothing left to update.
    expect(await teams.core.enquiries.deliver([teams.transport.publisher!])).toEqual({ sent: 0, failed: 0 });

    // An invoke answered with a card replaces the card too: it counts as an update, as each PUT does.
    const invokeUpdatedCard = body.type === 'application/vnd.microsoft.card.adaptive';
    expect(updates.length + (invokeUpdatedCard ? 1 : 0)).toBe(1);
    // The invoke confirms to the presser.
    expect(body).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: `Claimed **${reference}**.`,
    });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.path).toBe(`/teams/v3/conversations/${TRIAGE_CHANNEL}/activities/${postId}`);
    expect(JSON.stringify(updates[0]?.body)).toContain('Claimed by Asha Patel');
    expect(JSON.stringify(updates[0]?.body)).not.toContain('"title":"Claim"');
    expect(channelReplies.sent).toEqual([]);
    expect((await teams.core.enquiries.get(reference))?.status).toBe('claimed');
  });

  it('refuses a claim from someone who is not an officer, shown only to them, and leaves the enquiry unclaimed', async () => {
    teams = await startTestTeams({ answerer: declining.answerer, env: channelEnv('someone-else') });
    const { reference, post } = await logAndPost(teams);
    const postId = post.ids[0]!;
    const card = JSON.stringify(post.sent[0]);
    expect(card).toContain('"type":"Action.Execute"');
    serveKeys(signingKey.keySet);
    const thread = `${TRIAGE_CHANNEL};messageid=${postId}`;
    serveMember(thread);
    const channelReplies = captureReplies(thread);
    // The Claim button as Teams sends an Action.Execute press (Universal Actions).
    const claim = teamsActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversationType: 'channel',
      conversationId: thread,
      replyToId: postId,
      value: {
        action: { type: 'Action.Execute', id: 'claim', verb: 'enquiry-claim', data: { reference } },
        trigger: 'manual',
      },
    });

    const response = await postActivity(teams.transport.url, claim, signingKey.sign({}));

    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; value: string };
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toContain('Only employer engagement officers');
    expect(channelReplies.sent).toEqual([]);
    expect((await teams.core.enquiries.get(reference))?.status).toBe('new');
  });

  it('sends the refusal from an older Action.Submit triage card to the presser’s personal chat, not the channel', async () => {
    teams = await startTestTeams({ answerer: declining.answerer, env: channelEnv('someone-else') });
    const { reference, post } = await logAndPost(teams);
    const postId = post.ids[0]!;
    const personalId = 'a:1personal-chat-with-asha';
    await createTeamsMemory(teams.core.store).rememberUser(SENDER_AAD_ID, {
      channelId: 'msteams',
      serviceUrl: SERVICE_URL,
      conversation: { id: personalId, conversationType: 'personal', tenantId: TENANT_ID },
      user: { id: SENDER_ID, name: 'Asha Patel' },
      agent: { id: BOT_ID, name: 'Skills Desk' },
      activityId: '1700000000999',
      locale: 'en-GB',
    } as ConversationReference);
    serveKeys(signingKey.keySet);
    serveAppToken();
    const thread = `${TRIAGE_CHANNEL};messageid=${postId}`;
    serveMember(thread);
    const channelReplies = captureReplies(thread);
    const personal = captureReplies(personalId);
    const claim = teamsActivity({
      conversationType: 'channel',
      conversationId: thread,
      replyToId: postId,
      value: { action: 'enquiry-claim', reference },
    });

    await postActivity(teams.transport.url, claim, signingKey.sign({}));

    personal.scope.done();
    expect((personal.sent[0] as { text?: string }).text).toContain('Only employer engagement officers');
    expect(personal.paths).toEqual([`/teams/v3/conversations/${personalId}/activities`]);
    expect(channelReplies.sent).toEqual([]);
    expect((await teams.core.enquiries.get(reference))?.status).toBe('new');
  });
});
