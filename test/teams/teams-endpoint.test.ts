import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { teamsText } from '../../src/teams/render-answer.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  BOT_ID,
  captureReplies,
  citation,
  createSigningKey,
  isolateNetwork,
  OTHER_TENANT_ID,
  postActivity,
  recordingAnswerer,
  SENDER_AAD_ID,
  serveAppToken,
  serveKeys,
  serveMember,
  startTestTeams,
  TENANT_ID,
  type TestTeams,
  TOKEN_HOST,
  teamsActivity,
} from './teams-harness.js';

const signingKey = createSigningKey();

function extractiveAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    text: 'The London Living Wage is **£14.80 an hour** [1]. Accredited employers pay it to all staff [2].',
    citations: [citation(1, { title: 'London Living Wage rates', heading: 'Current rate' }), citation(2)],
    enquirySuggested: false,
    mode: 'extractive',
    asOf: '2026-11-23',
    figures: [],
    ...overrides,
  };
}

type Sent = Record<string, unknown> & {
  type?: string;
  text?: string;
  entities?: Record<string, unknown>[];
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  channelData?: Record<string, unknown>;
};

function conversationIdOf(activity: Record<string, unknown>): string {
  return (activity['conversation'] as { id: string }).id;
}

function messageEntity(sent: Sent) {
  return sent.entities?.find((entity) => entity['type'] === 'https://schema.org/Message') as
    | {
        citation: { position: number; appearance: { name: string; abstract: string; url: string } }[];
        additionalType?: string[];
      }
    | undefined;
}

let teams: TestTeams | undefined;

beforeEach(isolateNetwork);

afterEach(async () => {
  await teams?.close();
  teams = undefined;
  restoreNetwork();
});

describe('Teams endpoint authentication', () => {
  const answer = recordingAnswerer(() => extractiveAnswer());

  beforeEach(async () => {
    answer.requests.length = 0;
    teams = await startTestTeams({ answerer: answer.answerer });
  });

  it('refuses a request without a token with 401 and does not answer it', async () => {
    const response = await postActivity(teams!.transport.url, teamsActivity({ text: 'What is the LLW?' }));
    expect(response.status).toBe(401);
    expect(answer.requests).toHaveLength(0);
  });

  it('refuses a token signed with a key the Bot Framework did not publish', async () => {
    const keys = serveKeys(signingKey.keySet);
    const forger = createSigningKey(signingKey.kid);
    const response = await postActivity(teams!.transport.url, teamsActivity({ text: 'Hi' }), forger.sign({}));
    expect(response.status).toBe(401);
    keys.done();
    expect(answer.requests).toHaveLength(0);
  });

  it('refuses an expired token', async () => {
    serveKeys(signingKey.keySet);
    const expired = signingKey.sign({}, { expiresInSeconds: -3_600 });
    const response = await postActivity(teams!.transport.url, teamsActivity({ text: 'Hi' }), expired);
    expect(response.status).toBe(401);
    expect(answer.requests).toHaveLength(0);
  });

  it('refuses a token issued for another app', async () => {
    const response = await postActivity(
      teams!.transport.url,
      teamsActivity({ text: 'Hi' }),
      signingKey.sign({ aud: 'a-different-app-id' }),
    );
    expect(response.status).toBe(401);
    expect(answer.requests).toHaveLength(0);
  });

  it('refuses a correctly signed token from an issuer it does not trust', async () => {
    // Entra ID signing keys are shared between tenants: the issuer check is what keeps other tenants out.
    const keys = nock(TOKEN_HOST).get(`/${TENANT_ID}/discovery/v2.0/keys`).reply(200, signingKey.keySet);
    const token = signingKey.sign({ iss: `https://sts.windows.net/${OTHER_TENANT_ID}/`, tid: OTHER_TENANT_ID });
    const response = await postActivity(teams!.transport.url, teamsActivity({ text: 'Hi' }), token);
    expect(response.status).toBe(401);
    keys.done();
    expect(answer.requests).toHaveLength(0);
  });

  it('refuses an activity whose service URL is not the one the token was issued for', async () => {
    serveKeys(signingKey.keySet);
    const token = signingKey.sign({ serviceurl: 'https://smba.example.net/teams/' });
    const response = await postActivity(teams!.transport.url, teamsActivity({ text: 'Hi' }), token);
    expect(response.status).toBe(400);
    expect(answer.requests).toHaveLength(0);
  });
});

describe('Teams answers', () => {
  it('answers a personal chat with the engine’s text, numbered citations and the feedback loop', async () => {
    const answer = recordingAnswerer(() => extractiveAnswer());
    teams = await startTestTeams({ answerer: answer.answerer });
    const keys = serveKeys(signingKey.keySet);
    const token = serveAppToken();
    const activity = teamsActivity({ text: 'What is the London Living Wage?' });
    const replies = captureReplies(conversationIdOf(activity), { times: 2 });
    const member = serveMember(conversationIdOf(activity));

    const response = await postActivity(teams.transport.url, activity, signingKey.sign({}));

    expect(response.status).toBe(200);
    keys.done();
    token.done();
    member.done();
    replies.scope.done();
    const expected = extractiveAnswer();
    const [typing, message] = replies.sent as Sent[];
    expect(typing?.type).toBe('typing');
    expect(message?.text).toBe(teamsText(expected.text));
    expect(message?.channelData).toMatchObject({ feedbackLoopEnabled: true });
    const entity = messageEntity(message!);
    expect(entity?.citation.map((claim) => claim.position)).toEqual([1, 2]);
    expect(entity?.citation[0]?.appearance).toMatchObject({
      name: 'London Living Wage rates: Current rate',
      abstract: expected.citations[0]?.snippet,
      url: expected.citations[0]?.url,
    });
    expect(entity?.additionalType).toBeUndefined();
    expect(replies.auth).toEqual(['Bearer outgoing-token', 'Bearer outgoing-token']);
    expect(answer.requests[0]).toMatchObject({ question: 'What is the London Living Wage?', audience: 'staff' });
  });

  it('labels a model answer as AI generated and offers the enquiry form when an enquiry is suggested', async () => {
    const answer = recordingAnswerer(() => extractiveAnswer({ mode: 'model', enquirySuggested: true }));
    teams = await startTestTeams({ answerer: answer.answerer, env: { OPENAI_API_KEY: 'sk-test-not-used' } });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({ text: 'Acme Ltd want to hire two apprentices', conversationType: 'groupChat' });
    const replies = captureReplies(conversationIdOf(activity), { times: 2 });
    serveMember(conversationIdOf(activity));

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    const message = replies.sent[1] as Sent;
    expect(messageEntity(message)?.additionalType).toEqual(['AIGeneratedContent']);
    const actions = (message.attachments?.[0]?.content['actions'] ?? []) as { title: string }[];
    expect(actions.map((action) => action.title)).toEqual(['Ask the team', 'Log employer enquiry']);
  });

  it('streams a model answer in a personal chat and ends the stream with the cited, labelled answer', async () => {
    const activity = teamsActivity({ text: 'What is the LLW?' });
    const replies = captureReplies(conversationIdOf(activity), { times: 3 });
    serveMember(conversationIdOf(activity));
    // The engine produces text only once Teams has shown the "checking" update, then finishes after the first chunk.
    const answer = recordingAnswerer(() => extractiveAnswer());
    answer.answerer.answer = async (request) => {
      await replies.received(1);
      request.onText?.('The London Living Wage ');
      await replies.received(2);
      request.onText?.('is £14.80 an hour [1].');
      return extractiveAnswer({ mode: 'model', text: 'The London Living Wage is £14.80 an hour [1].' });
    };
    teams = await startTestTeams({ answerer: answer.answerer, env: { OPENAI_API_KEY: 'sk-test-not-used' } });
    serveKeys(signingKey.keySet);
    serveAppToken();

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    const streamTypes = (replies.sent as Sent[]).map(
      (sent) => sent.entities?.find((entity) => entity['type'] === 'streaminfo')?.['streamType'],
    );
    expect(streamTypes).toEqual(['informative', 'streaming', 'final']);
    const final = replies.sent[2] as Sent;
    expect(final.type).toBe('message');
    expect(final.text).toBe('The London Living Wage is £14.80 an hour [1].');
    expect(final.channelData).toMatchObject({ feedbackLoopEnabled: true });
    expect(messageEntity(final)?.additionalType).toEqual(['AIGeneratedContent']);
  });

  it('ends a stream with an apology, not half an answer, when the engine fails part-way', async () => {
    const activity = teamsActivity({ text: 'What is the LLW?' });
    const replies = captureReplies(conversationIdOf(activity), { times: 3 });
    serveMember(conversationIdOf(activity));
    const answer = recordingAnswerer(() => extractiveAnswer());
    answer.answerer.answer = async (request) => {
      await replies.received(1);
      request.onText?.('The London Living Wage is');
      await replies.received(2);
      throw new Error('the model connection dropped');
    };
    teams = await startTestTeams({ answerer: answer.answerer, env: { OPENAI_API_KEY: 'sk-test-not-used' } });
    serveKeys(signingKey.keySet);
    serveAppToken();

    const response = await postActivity(teams.transport.url, activity, signingKey.sign({}));

    expect(response.status).toBe(200);
    replies.scope.done();
    const final = replies.sent[2] as Sent;
    expect(final.type).toBe('message');
    expect(final.text).toMatch(/^Sorry, something went wrong/);
    expect(final.entities?.find((entity) => entity['type'] === 'streaminfo')?.['streamType']).toBe('final');
  });

  it('answers a channel @mention in its thread, without the mention in the question', async () => {
    const answer = recordingAnswerer(() => extractiveAnswer());
    teams = await startTestTeams({ answerer: answer.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({
      conversationType: 'channel',
      conversationId: '19:general0channel@thread.tacv2',
      text: '<at>Skills Desk</at> what is the LLW?',
      entities: [{ type: 'mention', text: '<at>Skills Desk</at>', mentioned: { id: BOT_ID, name: 'Skills Desk' } }],
    });
    const thread = `19:general0channel@thread.tacv2;messageid=${activity['id']}`;
    const replies = captureReplies(thread, { times: 2 });
    serveMember(thread);

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    expect(answer.requests[0]?.question).toBe('what is the LLW?');
    expect((replies.sent[1] as Sent).text).toBe(teamsText(extractiveAnswer().text));
  });

  it('gives guests from another organisation public answers only', async () => {
    const answer = recordingAnswerer(() => extractiveAnswer());
    teams = await startTestTeams({ answerer: answer.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({ text: 'What is Hackney 100?', tenantId: OTHER_TENANT_ID });
    const replies = captureReplies(conversationIdOf(activity), { times: 2 });

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    expect(answer.requests[0]?.audience).toBe('public');
    // No "Ask the team" or enquiry form for people outside the council.
    expect((replies.sent[1] as Sent).attachments).toBeUndefined();
  });

  it('treats a guest account in our own tenant as public', async () => {
    const answer = recordingAnswerer(() => extractiveAnswer());
    teams = await startTestTeams({ answerer: answer.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({ text: 'What is S106?' });
    captureReplies(conversationIdOf(activity), { times: 2 });
    serveMember(conversationIdOf(activity), { userRole: 'guest' });

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    expect(answer.requests[0]?.audience).toBe('public');
  });

  it('stores Teams feedback on an answer with its question and sources', async () => {
    const answer = recordingAnswerer(() => extractiveAnswer());
    teams = await startTestTeams({ answerer: answer.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({ text: 'What is the London Living Wage?' });
    const conversationId = conversationIdOf(activity);
    const replies = captureReplies(conversationId, { times: 2 });
    serveMember(conversationId);
    await postActivity(teams.transport.url, activity, signingKey.sign({}));
    replies.scope.done();
    // The first reply is the typing indicator, the second the answer.
    const feedbackOn = replies.ids[1]!;

    const invoke = teamsActivity({
      type: 'invoke',
      name: 'message/submitAction',
      conversationId,
      replyToId: feedbackOn,
      value: {
        actionName: 'feedback',
        actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'The rate is out of date' }) },
      },
    });
    const response = await postActivity(teams.transport.url, invoke, signingKey.sign({}));

    expect(response.status).toBe(200);
    const stored = await teams.core.feedback.get('teams', feedbackOn, SENDER_AAD_ID);
    expect(stored).toMatchObject({
      platform: 'teams',
      rating: 'down',
      reason: 'The rate is out of date',
      question: 'What is the London Living Wage?',
      answerText: extractiveAnswer().text,
    });
    expect(stored?.sources.map((source) => source.articleId)).toEqual(['article-1', 'article-2']);
  });

  it('acknowledges a feedback invoke it cannot read with a bare 200 and stores nothing', async () => {
    teams = await startTestTeams({ answerer: recordingAnswerer(() => extractiveAnswer()).answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const invoke = teamsActivity({
      type: 'invoke',
      name: 'message/submitAction',
      replyToId: 'some-answer',
      value: { actionName: 'feedback', actionValue: { reaction: 'meh' } },
    });
    const response = await postActivity(teams.transport.url, invoke, signingKey.sign({}));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(await teams.core.feedback.get('teams', 'some-answer', SENDER_AAD_ID)).toBeUndefined();
  });
});
