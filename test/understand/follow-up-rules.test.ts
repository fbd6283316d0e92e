import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understand/index.js';

const day = '2026-12-01';
const read = (message: string, history: { role: 'user' | 'assistant'; text: string }[] = []) =>
  understand({ message, history, asOf: day, today: day });
const thread = (question: string, answer: string) => [
  { role: 'user' as const, text: question },
  { role: 'assistant' as const, text: answer },
];
const levyOn5m = thread('levy on 5m', 'On a £5,000,000 pay bill the levy is £10,000 a year.');

describe('follow-ups', () => {
  it('never lets a thanks, a help request or a command borrow the thread', () => {
    for (const message of ['cheers', 'thanks, that is brilliant', 'what else can you do', '/quit']) {
      const reading = read(message, levyOn5m);
      expect(reading.followUp, message).toBe(false);
      expect(reading.calculator, message).toBeUndefined();
    }
  });

  it('declines a question about another council service after a calculation instead of recalculating', () => {
    expect(read('how do I renew my parking permit', levyOn5m)).toMatchObject({
      intent: 'out_of_scope',
      followUp: false,
    });
  });

  it('reads a follow-up to a question that gives no calculator value as more of that question', () => {
    const llw = thread('whats the llw', 'The London Living Wage is £14.80 an hour, from 22 October 2025.');
    const s106 = thread('s106 local labour target', 'The employment and skills plan sets the local labour target.');
    for (const [message, history, topic] of [
      ['and for 16 and 17 year olds?', llw, 'llw'],
      ['and what if they miss them', s106, 's106'],
    ] as const) {
      const reading = read(message, history);
      expect(reading, message).toMatchObject({ intent: 'question', followUp: true, topic });
      expect(reading.calculator, message).toBeUndefined();
    }
  });

  it('re-runs the calculation with a corrected pay bill and says what changed', () => {
    const reading = read("it's 5.2m actually", levyOn5m);
    expect(reading).toMatchObject({
      intent: 'calculation',
      followUp: true,
      calculator: { kind: 'levy', inputs: { payBill: 5_200_000 }, changed: { payBill: 5_200_000 } },
    });
  });

  it('moves the tax year for "the year before"', () => {
    const reading = read(
      'what about the year before?',
      thread('levy 2021-22 on 6m', 'For 2021 to 2022 the levy on a £6,000,000 pay bill is £15,000.'),
    );
    expect(reading.calculator).toMatchObject({
      kind: 'levy',
      inputs: { payBill: 6_000_000, taxYear: '2020-21' },
      changed: { taxYear: '2020-21' },
    });
  });

  it('adds a connected company named in a follow-up to the pay bill before', () => {
    const reading = read(
      'plus a sister company with 1.5m',
      thread('levy on 3m', 'On a £3,000,000 pay bill the levy is £0 a year.'),
    );
    expect(reading.calculator?.inputs).toMatchObject({ payBill: 4_500_000, isConnected: true });
  });
});
