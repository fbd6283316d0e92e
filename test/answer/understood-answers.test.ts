import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.js';
import { TRUNCATED_NOTICE } from '../../src/answer/create-answerer.js';
import type { Store } from '../../src/store/create-store.js';
import { testAnswerer } from '../helpers/answerer.js';
import { turn } from '../helpers/turn.js';

let answerer: Answerer;
let store: Store;

beforeAll(async () => {
  ({ answerer, store } = await testAnswerer({ today: '2026-12-01' }));
});
afterAll(() => store.close());

describe('answers follow the understanding step', () => {
  it('re-runs the levy calculator on a follow-up and says what changed', async () => {
    const first = await answerer.answer({ question: 'levy on £8m' });
    expect(first.tool).toBe('levy');
    const answer = await answerer.answer({
      question: 'and if a quarter of them live in Wales?',
      history: turn('levy on £8m', first.text),
    });
    expect(answer.tool).toBe('levy');
    expect(answer.text).toMatch(/^Changed: England share 75%\./);
    expect(answer.understanding?.followUp).toBe(true);
  });

  it('works out co-investment with the start month and care-leaver status the message gives', async () => {
    const january = await answerer.answer({
      question: 'non levy employer, apprentice aged 30, £9,000 course starting in jan - what do they pay',
    });
    expect(january.tool).toBe('co-investment');
    expect(january.text).toContain('starting on 1 January 2027');
    const careLeaver = await answerer.answer({
      question: 'non levy firm, £8k course, apprentice 23, care leaver - cost to them?',
      asOf: '2025-06-01',
    });
    expect(careLeaver.tool).toBe('co-investment');
    // Before August 2026 a care leaver aged 22 to 24 changes the answer: the sources disagree, so it says to check.
    expect(careLeaver.text).toMatch(/^\*\*Needs a check\*\*/);
    expect(careLeaver.text).toContain('EHC plan or care experience');
  });

  it('reads a pay bill given after a course price as whether the employer pays the levy', async () => {
    const question = 'how much is 5% of a £12k apprenticeship';
    const first = await answerer.answer({ question });
    expect(first.text).toContain('(an employer that does not pay the levy)');
    const over = await answerer.answer({ question: 'and with a 5m pay bill?', history: turn(question, first.text) });
    expect(over.tool).toBe('co-investment');
    expect(over.text).toMatch(/^Changed: pay bill £5,000,000\.\n/);
    expect(over.text).toContain('(an employer that pays the levy)');
    const under = await answerer.answer({ question: 'and with a 2m pay bill?', history: turn(question, first.text) });
    expect(under.text).toContain('(an employer that does not pay the levy)');
  });

  it('works out companies that are not connected one by one, each with its own allowance', async () => {
    const question = 'two connected companies, paybills 4m and 3m, levy?';
    const first = await answerer.answer({ question });
    expect(first.text).toMatch(/^\*\*£20,000 levy a year\*\*/);
    const apart = await answerer.answer({
      question: 'what if they werent connected',
      history: turn(question, first.text),
    });
    expect(apart.text).toMatch(/^Changed: connected companies: no\.\n\n\*\*£5,000 levy a year in all\*\*/);
    expect(apart.text).toContain('- £4,000,000 pay bill: £5,000 a year');
    expect(apart.text).toContain('- £3,000,000 pay bill: £0 a year');
    expect(apart.text).not.toContain('£20,000');
  });

  it('says you are welcome to thanks, and hello to a greeting', async () => {
    for (const thanks of ['ta', 'cheers', 'thanks v much']) {
      expect((await answerer.answer({ question: thanks })).text).toMatch(/^You’re welcome\./);
    }
    expect((await answerer.answer({ question: 'hiya' })).text).toMatch(/^Hello\./);
  });

  it('answers a new subject on its own, not with the previous one', async () => {
    const answer = await answerer.answer({
      question: 'who pays the apprenticeship levy?',
      history: turn('what is the minimum wage for an apprentice', 'The apprentice rate is £8.00 an hour.'),
    });
    expect(answer.understanding).toMatchObject({ followUp: false, topic: 'levy' });
    expect(answer.citations[0]?.articleId).toMatch(/^levy-/);
  });

  it('flags an enquiry a member of staff passes on', async () => {
    const answer = await answerer.answer({
      question: 'someone from a games studio emailed, they want two Hackney 100 placements',
    });
    expect(answer.enquirySuggested).toBe(true);
  });

  it('declines HR casework about an apprentice, saying why', async () => {
    const answer = await answerer.answer({ question: 'how do I dismiss an apprentice who keeps turning up late' });
    expect(answer.kind).toBe('decline');
    expect(answer.enquirySuggested).toBe(false);
  });

  it('reads only the first 4,000 characters of a 40,000-character word and says so', async () => {
    const answer = await answerer.answer({ question: 'x'.repeat(40_000) });
    expect(['answer', 'decline']).toContain(answer.kind);
    expect(answer.notice).toContain(TRUNCATED_NOTICE);
    expect(TRUNCATED_NOTICE).toContain('4,000 characters');
  });

  it('gives no notice for a message of ordinary length', async () => {
    expect((await answerer.answer({ question: 'what is the levy rate' })).notice).toBeUndefined();
  });
});

describe('answers to messages staff wrote that once went wrong', () => {
  it('answers a new question flagged "totally diff q" after a levy sum, not the sum again', async () => {
    const answer = await answerer.answer({
      question: 'thx. totally diff q - min wage for a 21 yr old now?',
      history: turn('levy on 6m paybill?', '£15,000 levy a year on a £6,000,000 pay bill.'),
    });
    expect(answer.tool).toBeUndefined();
    expect(answer.text).toContain('£12.71');
    expect(answer.text).not.toContain('£15,000');
  });

  it('answers an apprentice working part of the week in Cardiff with the England work rule', async () => {
    const answer = await answerer.answer({
      question:
        'appr wd be based at our cardiff office 3 days out of 5, the rest in shoreditch. can they still be funded',
    });
    expect(answer.kind).toBe('answer');
    expect(answer.text.split('\n')[0]).toContain('at least 50% of their working hours in England');
  });

  it('works out a levy payer out of funds starting "next oct", with an for an eighteen-thousand price', async () => {
    const answer = await answerer.answer({
      question:
        'levy payer has spent its whole pot, wants to start an appr next oct on a £18,000 standard - their share?',
    });
    expect(answer.text.split('\n')[0]).toContain(
      '**The employer pays £4,500 and the government £13,500** for an £18,000 apprenticeship starting on 1 October 2027',
    );
  });
});

describe('"number of hours" asks for hours, not a count', () => {
  it('leads with the minimum placement hours, not the placements a year', async () => {
    const answer = await answerer.answer({
      question: 'min number of hours for a hackney 100 placement?',
      asOf: '2017-10-10',
    });
    expect(answer.text.split('\n')[0]).toMatch(/^The Hackney 100 minimum placement hours is 70 hours/);
  });
});

describe('an employer enquiry passed on by staff', () => {
  it('says it can be logged first, with one passage of background and no stale pay figures under it', async () => {
    const answer = await answerer.answer({
      question:
        "We're a large levy-paying firm with unspent funds and we'd like to transfer some to a small Hackney employer. Can someone contact me to set this up? Mark, Finance Director",
    });
    expect(answer.enquirySuggested).toBe(true);
    const paragraphs = answer.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^This looks like an employer enquiry\./);
    expect(paragraphs.length).toBeLessThanOrEqual(2);
    expect(answer.citations.length).toBeLessThanOrEqual(1);
    expect(answer.text).not.toMatch(/£7\.50 an hour\.? \[/);
  });
});
