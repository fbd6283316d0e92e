import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import { createLogger } from '../../src/log.js';
import { createStore } from '../../src/store/create-store.js';
import { realKnowledge } from '../helpers/answerer.js';
import { allowOnlyLoopback, restoreNetwork } from '../helpers/network.js';
import { tempSqliteUrl } from '../helpers/store-urls.js';

const TIMEOUT_MS = 1_000;

/**
 * A real model endpoint on loopback (not nock, which holds the response back until its body ends): it sends the
 * stream's headers and first words at once, so the client's own request timeout is already cleared, then stalls.
 */
describe('OPENAI_TIMEOUT_MS bounds the whole answer, not only the wait for the stream to start', () => {
  let server: Server;
  let baseUrl = '';
  const stalled: ServerResponse[] = [];
  beforeAll(async () => {
    allowOnlyLoopback();
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(
        `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'The London Living' }, finish_reason: null }] })}\n\n`,
      );
      stalled.push(response); // never ended: the stream stalls after three words
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    for (const response of stalled) response.destroy();
    await new Promise((resolve) => server.close(resolve));
    restoreNetwork();
  });

  it('gives the extractive answer with a notice when the stream stalls after it started', async () => {
    const store = await createStore(tempSqliteUrl());
    const answerer = await createAnswerer({
      knowledge: await realKnowledge(),
      store,
      log: createLogger({ level: 'silent' }),
      model: { apiKey: 'test-key', model: 'm', baseUrl, timeoutMs: TIMEOUT_MS },
      promptsDir: 'prompts',
      cacheTtlMs: 60_000,
      now: () => new Date('2026-11-23T10:00:00Z'),
    });
    const shown: string[] = [];
    try {
      const answer = await answerer.answer({
        question: 'What is the London Living Wage?',
        onText: (delta) => shown.push(delta),
      });
      expect(stalled).toHaveLength(1);
      expect(answer.mode).toBe('extractive');
      expect(answer.notice).toMatch(/did not answer in time/);
      expect(shown).toEqual([]);
    } finally {
      await store.close();
    }
  }, 15_000);
});
