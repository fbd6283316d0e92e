import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  captureReplies,
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

describe('Teams triage card buttons (Action.Execute)', () => {
  it('claims for an officer and answers the invoke with the updated card, posting nothing in the channel', async () => {
    teams = await startTestTeams({
      answerer: declining.answerer,
      env: {
        TEAMS_ENQUIRY_CHANNEL: JSON.stringify({ serviceUrl: SERVICE_URL, conversation: { id: TRIAGE_CHANNEL } }),
        TEAMS_OFFICER_IDS: SENDER_AAD_ID,
      },
    });
    const logged = await teams.core.enquiries.log(
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
    const posted = captureReplies(TRIAGE_CHANNEL);
    await teams.core.enquiries.deliver([teams.transport.publisher!]);
    posted.scope.done();
    const postId = posted.ids[0]!;
    serveKeys(signingKey.keySet);
    const thread = `${TRIAGE_CHANNEL};messageid=${postId}`;
    serveMember(thread);
    const channelReplies = captureReplies(thread);
    const claim = teamsActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversationType: 'channel',
      conversationId: thread,
      replyToId: postId,
      value: {
        action: { type: 'Action.Execute', verb: 'enquiry-claim', data: { reference: logged.enquiry.reference } },
        trigger: 'manual',
      },
    });

    const response = await postActivity(teams.transport.url, claim, signingKey.sign({}));

    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Claimed by Asha Patel');
    expect(JSON.stringify(body.value)).not.toContain('"title":"Claim"');
    expect(channelReplies.sent).toEqual([]);
    expect((await teams.core.enquiries.get(logged.enquiry.reference))?.status).toBe('claimed');
  });
});
