import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understand/index.js';

const day = '2026-12-01';
const read = (message: string, history: { role: 'user' | 'assistant'; text: string }[] = []) =>
  understand({ message, history, asOf: day, today: day });
const thread = (question: string, answer: string) => [
  { role: 'user' as const, text: question },
  { role: 'assistant' as const, text: answer },
];

describe('understand', () => {
  it('tells questions, calculations, enquiries, declines and greetings apart', () => {
    expect(read('whats the llw rate')).toMatchObject({ intent: 'question', topic: 'llw', followUp: false });
    expect(read('roughly £3.5m paybill, what levy would they pay')).toMatchObject({
      intent: 'calculation',
      calculator: { kind: 'levy', inputs: { payBill: 3_500_000 } },
    });
    expect(
      read('had a call from a scaffolding firm in Homerton, they need two local labourers, can someone ring them back'),
    ).toMatchObject({ intent: 'enquiry', enquiryVoice: 'reported' });
    expect(read('write me a limerick about the levy')).toMatchObject({
      intent: 'out_of_scope',
      outOfScopeReason: 'chit_chat',
    });
    expect(read('hiya')).toMatchObject({ intent: 'greeting' });
  });

  it('reads another borough as another place, and a Hackney neighbourhood as home', () => {
    const islington = read("what's Islington's living wage policy");
    expect(islington).toMatchObject({ intent: 'out_of_scope', outOfScopeReason: 'other_place' });
    expect(islington.placesOutside).toEqual(['islington']);
    expect(read('we run a cafe in Stoke Newington and want to take on an apprentice').placesOutside).toEqual([]);
  });

  it('lets a message with no subject of its own take the previous one', () => {
    const followUp = read('and in 2017?', thread('whats the LLW rate', 'The London Living Wage is £14.80 an hour.'));
    expect(followUp).toMatchObject({ followUp: true, topic: 'llw', inherits: { question: 'whats the LLW rate' } });
    expect(followUp.timeAskedAbout.time).toMatchObject({ kind: 'period', label: '2017' });
  });

  it('never lets a message with a subject of its own borrow the previous one', () => {
    const fresh = read('who pays the apprenticeship levy', thread('what is hackney 100', 'Paid placements.'));
    expect(fresh).toMatchObject({ followUp: false, topic: 'levy' });
    expect(fresh.inherits).toBeUndefined();
  });

  it('re-runs a calculation with the changed input', () => {
    const history = thread('levy on £8m', 'On an £8,000,000 pay bill the levy is £25,000 a year.');
    expect(read('and if a quarter of them live in Wales?', history)).toMatchObject({
      intent: 'calculation',
      followUp: true,
      calculator: { kind: 'levy', inputs: { payBill: 8_000_000, englandShare: 0.75 }, changed: { englandShare: 0.75 } },
    });
  });

  it('reads only the first 4,000 characters, however long the message', () => {
    const result = read('a'.repeat(40_000));
    expect(result.intent).toBeDefined();
  });
});
