import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  captureReplies,
  citation,
  createSigningKey,
  isolateNetwork,
  postActivity,
  recordingAnswerer,
  serveAppToken,
  serveKeys,
  serveMember,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from './teams-harness.js';

const signingKey = createSigningKey();

type Sent = {
  text?: string;
  entities?: Record<string, unknown>[];
  attachments?: { contentType: string; content: Record<string, unknown> }[];
};

function answerOf(overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    text: 'The London Living Wage is £14.80 an hour [1].',
    citations: [citation(1)],
    enquirySuggested: false,
    mode: 'extractive',
    asOf: '2026-11-23',
    figures: [],
    ...overrides,
  };
}

function citationsOf(sent: Sent): { position: number }[] {
  const entity = sent.entities?.find((candidate) => candidate['type'] === 'https://schema.org/Message');
  return (entity?.['citation'] ?? []) as { position: number }[];
}

/** Every `id` of an `Input.*` element anywhere in the card, show-cards included. */
function inputIds(node: unknown, ids: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) inputIds(item, ids);
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (typeof record['type'] === 'string' && record['type'].startsWith('Input.') && typeof record['id'] === 'string') {
      ids.push(record['id']);
    }
    for (const value of Object.values(record)) inputIds(value, ids);
  }
  return ids;
}

/** Asks one question in a personal chat and returns what the bot sent (typing indicator first, then the answer). */
async function ask(teams: TestTeams, count = 2) {
  const activity = teamsActivity({ text: 'What do apprentices get paid?' });
  const conversationId = (activity['conversation'] as { id: string }).id;
  const replies = captureReplies(conversationId, { times: count });
  serveMember(conversationId);
  const response = await postActivity(teams.transport.url, activity, signingKey.sign({}));
  expect(response.status).toBe(200);
  replies.scope.done();
  return replies;
}

let teams: TestTeams | undefined;

beforeEach(() => {
  isolateNetwork();
  serveKeys(signingKey.keySet);
  serveAppToken();
});

afterEach(async () => {
  await teams?.close();
  teams = undefined;
  restoreNetwork();
});

describe('Teams answer card and limits', () => {
  it('sends at most 10 citation entities, and no marker for a citation it left out', async () => {
    const citations = Array.from({ length: 13 }, (_unused, index) => citation(index + 1));
    const text = citations.map((item) => `Rule ${item.n} applies [${item.n}].`).join(' ');
    teams = await startTestTeams({ answerer: recordingAnswerer(() => answerOf({ text, citations })).answerer });

    const replies = await ask(teams);

    const sent = replies.sent[1] as Sent;
    expect(citationsOf(sent).map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sent.text).toContain('[10]');
    expect(sent.text).not.toMatch(/\[1[1-3]\]/);
  });

  it('keeps input ids unique in a card with both enquiry forms', async () => {
    teams = await startTestTeams({
      answerer: recordingAnswerer(() => answerOf({ kind: 'decline', enquirySuggested: true, citations: [] })).answerer,
    });

    const replies = await ask(teams);

    const ids = inputIds((replies.sent[1] as Sent).attachments?.[0]?.content);
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('clips a long answer in multi-byte characters to fit under 28 KB, saying so', async () => {
    const text = `Pay checks ${'✓✓✓✓ '.repeat(2_300)}done [1].`;
    teams = await startTestTeams({ answerer: recordingAnswerer(() => answerOf({ text })).answerer });

    const replies = await ask(teams);

    const sent = replies.sent[1] as Sent;
    expect(Buffer.byteLength(JSON.stringify(sent))).toBeLessThan(28 * 1024);
    expect(sent.text).toMatch(/cut short to fit/);
    expect(sent.text?.startsWith('Pay checks ✓✓✓✓')).toBe(true);
  });

  it('keeps the card on a streamed answer: its actions, the model-unavailable notice and the review warning', async () => {
    const notice = 'The AI model is unavailable, so this answer is taken straight from the articles.';
    const activity = teamsActivity({ text: 'What is the LLW?' });
    const conversationId = (activity['conversation'] as { id: string }).id;
    const replies = captureReplies(conversationId, { times: 3 });
    serveMember(conversationId);
    const answer = recordingAnswerer(() => answerOf());
    answer.answerer.answer = async (request) => {
      await replies.received(1);
      request.onText?.('The London Living Wage ');
      await replies.received(2);
      return answerOf({
        notice,
        enquirySuggested: true,
        citations: [citation(1, { isDueForReview: true, reviewBy: '2026-01-10' })],
      });
    };
    teams = await startTestTeams({ answerer: answer.answerer, env: { OPENAI_API_KEY: 'sk-test-not-used' } });

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    const final = replies.sent[2] as Sent;
    expect(final.entities?.find((entity) => entity['type'] === 'streaminfo')?.['streamType']).toBe('final');
    const card = JSON.stringify(final.attachments?.[0]?.content ?? {});
    expect(card).toContain('"title":"Ask the team"');
    expect(card).toContain('"title":"Log employer enquiry"');
    expect(card).toContain(notice);
    expect(card).toMatch(/Source due for review: \[1\]/);
  });
  it('escapes streamed text, so a model cannot mention everyone or add markup through the stream', async () => {
    const activity = teamsActivity({ text: 'What is the LLW?' });
    const conversationId = (activity['conversation'] as { id: string }).id;
    const replies = captureReplies(conversationId, { times: 3 });
    serveMember(conversationId);
    const answer = recordingAnswerer(() => answerOf());
    answer.answerer.answer = async (request) => {
      await replies.received(1);
      request.onText?.('Ask <at>Everyone</at> & <b>all</b> ');
      await replies.received(2);
      return answerOf();
    };
    teams = await startTestTeams({ answerer: answer.answerer, env: { OPENAI_API_KEY: 'sk-test-not-used' } });

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    const streamed = (replies.sent[1] as Sent).text ?? '';
    expect(streamed).toContain('Ask &lt;at&gt;Everyone&lt;/at&gt; &amp; &lt;b&gt;all&lt;/b&gt;');
    expect(streamed).not.toMatch(/<at>|<b>/);
  });
});
