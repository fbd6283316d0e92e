import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testAnswerer } from '../helpers/answerer.js';
import { allowOnlyLoopback } from '../helpers/network.js';
import { chatStreamBody, chatToolCallBody, SSE_HEADERS } from '../helpers/openai-stream.js';

const API = 'https://models.example.test';
const model = { apiKey: 'test-key', model: 'test-model', baseUrl: `${API}/v1`, timeoutMs: 2_000 };

type ChatRequest = {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
  tools: { function: { name: string } }[];
};

/** One intercepted Chat Completions request, keeping what was sent. */
function chatRequest(body: string) {
  const sent: ChatRequest[] = [];
  const scope = nock(API)
    .post('/v1/chat/completions', (request: ChatRequest) => {
      sent.push(request);
      return true;
    })
    .reply(200, body, SSE_HEADERS);
  return { scope, sent };
}

/** The model was asked once, streaming, with the configured model and the question in the user message. */
function expectAsked(sent: ChatRequest[], question: string) {
  expect(sent).toHaveLength(1);
  expect(sent[0]?.model).toBe('test-model');
  expect(sent[0]?.stream).toBe(true);
  expect(sent[0]?.messages.map((message) => message.role)).toEqual(['system', 'user']);
  expect(sent[0]?.messages[1]?.content).toContain(`Question: ${question}`);
}

describe('answerer with a model', () => {
  beforeAll(() => {
    allowOnlyLoopback();
  });
  afterEach(() => {
    vi.useRealTimers();
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());

  it('streams a grounded answer built from the retrieved passages, with the prompts from prompts/', async () => {
    const { answerer, store } = await testAnswerer({ model });
    let request: ChatRequest | undefined;
    const scope = nock(API)
      .post('/v1/chat/completions', (body: ChatRequest) => {
        request = body;
        return true;
      })
      .reply(
        200,
        chatStreamBody(['The London Living Wage is ', '£14.80 an hour [1]. ', 'It applies from 22 October 2025 [1].']),
        SSE_HEADERS,
      );
    const streamed: string[] = [];
    const answer = await answerer.answer({
      question: 'What is the London Living Wage?',
      onText: (delta) => streamed.push(delta),
    });
    scope.done();
    expect(answer.mode).toBe('model');
    expect(answer.text).toBe('The London Living Wage is £14.80 an hour [1]. It applies from 22 October 2025 [1].');
    expect(answer.citations.map((citation) => citation.n)).toEqual([1]);
    expect(streamed.join('')).toBe(answer.text);
    expectAsked(request ? [request] : [], 'What is the London Living Wage?');
    expect(request?.messages[0]?.content).toContain('Answer only from the numbered passages');
    expect(request?.messages[1]?.content).toContain('[1] ');
    expect(request?.messages[1]?.content).toContain('£14.80');
    expect(request?.tools.map((tool) => tool.function.name)).toEqual([
      'calculate_levy',
      'check_apprenticeship_eligibility',
      'calculate_co_investment',
    ]);
    await store.close();
  });

  it('replaces an answer with a made-up figure by the extractive answer, without showing the bad sentence', async () => {
    const { answerer, store } = await testAnswerer({ model });
    const { scope, sent } = chatRequest(chatStreamBody(['The London Living Wage is £15.90 an hour [1].']));
    const streamed: string[] = [];
    const answer = await answerer.answer({
      question: 'What is the London Living Wage?',
      onText: (delta) => streamed.push(delta),
    });
    scope.done();
    expectAsked(sent, 'What is the London Living Wage?');
    expect(answer.mode).toBe('extractive');
    expect(answer.text).toContain('£14.80 an hour');
    expect(answer.text).not.toContain('£15.90');
    expect(streamed.join('')).not.toContain('£15.90');
    await store.close();
  });

  it('rejects an answer citing a passage it was not given', async () => {
    const { answerer, store } = await testAnswerer({ model });
    const { scope, sent } = chatRequest(chatStreamBody(['The London Living Wage is £14.80 an hour [9].']));
    const answer = await answerer.answer({ question: 'What is the London Living Wage?' });
    scope.done();
    expectAsked(sent, 'What is the London Living Wage?');
    expect(answer.mode).toBe('extractive');
    expect(answer.citations.every((citation) => citation.n <= answer.citations.length)).toBe(true);
    await store.close();
  });

  it.each([
    [429, /rate limited/],
    [500, /unavailable/],
    [503, /unavailable/],
  ])('answers extractively and says so when the model returns %i', async (status, notice) => {
    const { answerer, store } = await testAnswerer({ model });
    const sent: ChatRequest[] = [];
    const scope = nock(API)
      .post('/v1/chat/completions', (request: ChatRequest) => {
        sent.push(request);
        return true;
      })
      .reply(status, { error: { message: 'nope' } });
    const answer = await answerer.answer({ question: 'What is the London Living Wage?' });
    scope.done();
    expectAsked(sent, 'What is the London Living Wage?');
    expect(answer.mode).toBe('extractive');
    expect(answer.text).toContain('£14.80 an hour');
    expect(answer.notice).toMatch(notice);
    await store.close();
  });

  it('answers extractively and says so when the model does not answer in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { answerer, store } = await testAnswerer({ model: { ...model, timeoutMs: 1_000 } });
    let asked!: () => void;
    const wasAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const sent: ChatRequest[] = [];
    const scope = nock(API)
      .post('/v1/chat/completions', (request: ChatRequest) => {
        sent.push(request);
        asked();
        return true;
      })
      .delay(3_000)
      .reply(200, chatStreamBody(['late']), SSE_HEADERS);
    const pending = answerer.answer({ question: 'What is the London Living Wage?' });
    await wasAsked;
    await vi.advanceTimersByTimeAsync(1_000);
    const answer = await pending;
    vi.useRealTimers();
    scope.done();
    expectAsked(sent, 'What is the London Living Wage?');
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toMatch(/did not answer in time/);
    await store.close();
  });

  it('runs the levy calculator when the model calls it, with figures from the facts table', async () => {
    const { answerer, store } = await testAnswerer({ model });
    const { scope, sent } = chatRequest(chatToolCallBody('calculate_levy', { payBill: 5_000_000, taxYear: '2024-25' }));
    const answer = await answerer.answer({
      question: 'How does the levy work for an employer with a big wage bill?',
    });
    scope.done();
    expectAsked(sent, 'How does the levy work for an employer with a big wage bill?');
    expect(answer.tool).toBe('levy');
    expect(answer.text).toContain('£10,000');
    expect(answer.citations.length).toBeGreaterThan(0);
    await store.close();
  });

  it('works a calculation the question states itself with the calculator, without asking the model', async () => {
    const { answerer, store } = await testAnswerer({ model });
    // Nothing is mocked and the network is closed: every request the answerer tries is recorded here.
    const tried: string[] = [];
    const record = (request: { path?: string }) => tried.push(request.path ?? '');
    nock.emitter.on('no match', record);
    try {
      const answer = await answerer.answer({
        question: 'Roughly what would an employer with five million in wages owe in levy?',
      });
      expect(tried).toEqual([]);
      expect(answer.tool).toBe('levy');
      expect(answer.text).toContain('£10,000');
    } finally {
      nock.emitter.removeListener('no match', record);
      await store.close();
    }
  });

  it('falls back to the extractive answer when the model calls a calculator with invalid input', async () => {
    const { answerer, store } = await testAnswerer({ model });
    const { scope, sent } = chatRequest(chatToolCallBody('calculate_levy', { payBill: -5 }));
    const answer = await answerer.answer({ question: 'How does the levy work for big employers?' });
    scope.done();
    expectAsked(sent, 'How does the levy work for big employers?');
    expect(answer.tool).toBeUndefined();
    expect(answer.mode).toBe('extractive');
    await store.close();
  });

  it('serves a repeated question from the answer cache without calling the model again', async () => {
    const { answerer, store } = await testAnswerer({ model });
    const { scope, sent } = chatRequest(chatStreamBody(['The London Living Wage is £14.80 an hour [1].']));
    const first = await answerer.answer({ question: 'What is the London Living Wage?' });
    const second = await answerer.answer({ question: 'What is the London Living Wage?' });
    scope.done();
    expectAsked(sent, 'What is the London Living Wage?');
    expect(first.mode).toBe('model');
    expect(second).toEqual(first);
    await store.close();
  });
});

describe('hybrid ranking with embeddings', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('brings in a passage the keywords missed, and embeds each section only once', async () => {
    const { answerer, store } = await testAnswerer({ model: { ...model, embeddingModel: 'test-embedding' } });
    const embedded: string[] = [];
    nock(API)
      .post('/v1/embeddings')
      .times(20)
      .reply(200, (_uri, body) => {
        const input = (body as { input: string[] }).input;
        embedded.push(...input);
        // The question and the Hackney Works sections point the same way; everything else points elsewhere.
        const vector = (text: string) => (/hackney works|London Living Wage\?/i.test(text) ? [1, 0] : [0, 1]);
        return {
          object: 'list',
          model: 'test-embedding',
          data: input.map((text, index) => ({ object: 'embedding', index, embedding: vector(text) })),
        };
      });
    const requests: ChatRequest[] = [];
    const chats = nock(API)
      .post('/v1/chat/completions', (body: ChatRequest) => {
        requests.push(body);
        return true;
      })
      .times(2)
      .reply(200, chatStreamBody(['The London Living Wage is £14.80 an hour [1].']), SSE_HEADERS);

    await answerer.answer({ question: 'What is the London Living Wage?' });
    const sectionsEmbedded = embedded.length;
    await answerer.answer({ question: 'Is the London Living Wage the law?' });

    chats.done();
    expect(embedded.length).toBeGreaterThan(0);
    expect(requests.map((request) => [request.model, request.stream])).toEqual([
      ['test-model', true],
      ['test-model', true],
    ]);
    expect(requests[0]?.messages[1]?.content).toMatch(/Hackney Works/);
    expect(embedded.length - sectionsEmbedded).toBe(1);
    await store.close();
  });
});
