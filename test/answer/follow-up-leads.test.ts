import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.js';
import type { Store } from '../../src/store/create-store.js';
import { testAnswerer } from '../helpers/answerer.js';

let answerer: Answerer;
let store: Store;

beforeAll(async () => {
  ({ answerer, store } = await testAnswerer({ today: '2026-12-04' }));
});
afterAll(() => store.close());

const turn = (question: string, answer: string) => [
  { role: 'user' as const, text: question },
  { role: 'assistant' as const, text: answer },
];

describe('a follow-up keeps the earlier subject', () => {
  const transfers = turn(
    'how much levy can a big employer transfer to a supplier',
    'A levy payer can transfer up to 50% of its annual levy funds to other employers. That limit has applied since 1 April 2024.',
  );

  it('answers the transfer limit for another year even when the follow-up quotes a figure another fact has', async () => {
    const answer = await answerer.answer({
      question: 'and in 2020? one of the developers says they only gave 10% back then',
      history: transfers,
    });
    const lead = answer.text.split('\n')[0] ?? '';
    expect(lead).toContain('levy payer can transfer to other employers was 25%, from 1 April 2019');
    expect(lead).not.toContain('Hackney Council said');
  });
});
