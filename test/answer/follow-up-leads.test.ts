import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.js';
import { leadFor } from '../../src/answer/compose/lead.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import type { Store } from '../../src/store/create-store.js';
import { testAnswerer } from '../helpers/answerer.js';
import { turn } from '../helpers/turn.js';

let answerer: Answerer;
let store: Store;

beforeAll(async () => {
  ({ answerer, store } = await testAnswerer({ today: '2026-12-04' }));
});
afterAll(() => store.close());

/** The answer's first line: the sentence a user reads first. */
const firstLine = (answer: { text: string }): string => answer.text.split('\n')[0] ?? '';
/** The answer to a message asked after one earlier exchange. */
const askAfter = (question: string, earlierQuestion: string, earlierAnswer: string) =>
  answerer.answer({ question, history: turn(earlierQuestion, earlierAnswer) });

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
    const lead = firstLine(answer);
    expect(lead).toContain('levy payer can transfer to other employers was 25%, from 1 April 2019');
    expect(lead).not.toContain('Hackney Council said');
  });

  it("gives the first limit, with today's, when asked what it was when transfers first came in", async () => {
    const answer = await answerer.answer({
      question: 'what was the cap when transfers first came in?',
      history: transfers,
    });
    expect(firstLine(answer)).toBe(
      'When it began on 1 April 2018, the share of annual levy funds a levy payer can transfer to other employers was 10%; it is 50% now, from 1 April 2024. [1]',
    );
  });
});

describe('a follow-up asking for the year before', () => {
  it('gives the earlier figure even when the answer before it was guidance with no figure', async () => {
    const answer = await answerer.answer({
      question: 'what was it the yr before',
      history: [
        ...turn(
          'employer in shoreditch asking what llw is for their cleaners',
          'The London Living Wage is £14.80 an hour (set on 22 October 2025), for all staff aged 18 and over.',
        ),
        ...turn('ta', 'No problem.'),
      ],
    });
    expect(firstLine(answer)).toBe(
      'Before 22 October 2025, the London Living Wage was £13.85 an hour, from 23 October 2024 until 21 October 2025; it is £14.80 an hour now. [1]',
    );
  });
});

describe('a co-investment sum re-run with another apprentice', () => {
  it('keeps the course and employer when only the age and start change, and reads "starting jan"', async () => {
    const answer = await askAfter(
      'ok and if the apprentice was 19 instead, starting jan?',
      'non levy employer, 30 yr old apprentice, course is 12k, what do they pay',
      'They pay 5% co-investment: 5% of £12,000 is £600, and the government pays the other 95%.',
    );
    expect(answer.tool).toBe('co-investment');
    expect(answer.text).toMatch(/^Changed: age 19, start date 1 January 2027\./);
    expect(answer.text).toContain('**The employer pays £0 and the government £12,000**');
    expect(answer.text).toContain('16 to 24');
  });

  it('keeps co-investment when a bare age follows it, though the eligibility check also reads ages', async () => {
    const answer = await askAfter(
      'and for a 17 yr old?',
      'small non levy firm, apprentice is 30, course is £8,000, starts in feb - what do they pay towards it',
      '£400: 5% of £8,000, with the government paying the other 95%.',
    );
    expect(answer.tool).toBe('co-investment');
    expect(answer.text).toMatch(/^Changed: age 17\./);
    expect(answer.text).not.toContain('£400');
  });
});

describe('the first value of a figure', () => {
  it('says it is the earliest held, not when the figure began, for a figure that began before the sources', async () => {
    const answer = await answerer.answer({ question: 'what was the london living wage originally' });
    expect(firstLine(answer)).toBe(
      'The earliest figure I hold for the London Living Wage is £8.30 an hour, from 2 May 2011; it is £14.80 an hour now, from 22 October 2025. [1]',
    );
  });
});

describe('co-investment asked with no course price', () => {
  it('gives the share a levy payer with no funds left pays, with its source, then asks for the price', async () => {
    const answer = await answerer.answer({
      question:
        'levy payer thats used all its funds, 30 yr old apprentice starting in jan, what do they pay towards training',
    });
    expect(answer.tool).toBe('co-investment');
    expect(firstLine(answer)).toBe(
      '**The employer pays 25% of the price** for an apprenticeship starting on 1 January 2027 (a levy payer whose levy funds have run out, apprentice aged 30), and the government 75%. [1][2]',
    );
    expect(answer.citations).toHaveLength(2);
    expect(answer.text).not.toMatch(/(?<![\d.])5%/);
    expect(answer.needs).toEqual(['What is the agreed price of the apprenticeship (training and assessment)?']);
  });

  it('says a non-levy employer pays nothing for a 22 year old starting after August 2026', async () => {
    const answer = await answerer.answer({
      question: 'non levy sme, 22 yr old appr starting march 27, do they pay anything towards the training',
    });
    expect(firstLine(answer)).toMatch(
      /^\*\*The employer pays nothing towards training and assessment\*\* for an apprenticeship starting on 1 March 2027/,
    );
  });

  it('re-runs with the share when a follow-up makes the employer a levy payer with no funds left', async () => {
    const answer = await askAfter(
      'what if its a levy payer thats burned thru all its funds?',
      'non levy sme, 22 yr old appr starting march 27, do they pay anything towards the training',
      'No: a non-levy employer pays nothing towards training for an apprentice aged 16 to 24.',
    );
    expect(answer.text).toMatch(/^Changed: levy payer: yes, levy funds used up: yes\./);
    expect(answer.text).toContain('**The employer pays 25% of the price**');
  });
});

describe('words the question uses that the index once lost', () => {
  it('answers "pay per hr" with the hourly pay for the period a follow-up names', async () => {
    const answer = await askAfter(
      'n in the original pilot?',
      'what did h100 pay per hr in 17/18',
      'In 2017/18 Hackney 100 placements paid £7.50 an hour, for at least 70 hours.',
    );
    expect(firstLine(answer)).toBe(
      'In the 2014/15 pilot the Hackney 100 hourly pay was £8.80 an hour, from 1 September 2014. [1]',
    );
  });

  it('finds Hackney 100 Skills+ by its name, plus sign and all', async () => {
    const answer = await answerer.answer({ question: 'who is h100 skills+ aimed at' });
    expect(answer.citations[0]?.heading ?? '').toMatch(/Skills\+/);
  });
});

describe('a new subject named by a code is never answered with the thread subject', () => {
  it('answers when LP33 was adopted after a National Living Wage answer', async () => {
    const answer = await askAfter(
      'when was lp33 adopted, need it for a committee report',
      'national living wage?',
      'The National Living Wage is £12.71 an hour from 1 April 2026.',
    );
    expect(answer.text).toContain('22 July 2020');
    expect(answer.text).not.toContain('£12.71');
  });

  it('explains off-the-job training after a levy sum instead of re-running the sum', async () => {
    const answer = await askAfter(
      'sorry diff q, what does off the job actually mean? employer thinks its unpaid',
      'whats the levy on an 8 million pay bill',
      'The employer pays £25,000 of levy a year.',
    );
    expect(answer.tool).toBeUndefined();
    expect(answer.text).toContain('paid working hours');
    expect(answer.text).not.toContain('£25,000');
  });
});

describe('pay at the London Living Wage worked on through a thread', () => {
  const lead = async (question: string, history: ReturnType<typeof turn>) =>
    firstLine(await answerer.answer({ question, history }));

  it('keeps the hours the thread gave when only the period changes', async () => {
    expect(
      await lead('n for the yr?', turn('whats llw weekly for 37.5 hrs', '£14.80 × 37.5 = £555 a week.')),
    ).toContain('£14.80 × 37.5 hours × 52 weeks = £28,860 a year.');
    expect(
      await lead(
        'whats that a month',
        turn('annual salary on llw if they do 30 hrs pw?', '£14.80 × 30 × 52 = £23,088 a year.'),
      ),
    ).toContain('£14.80 × 30 hours × 52 weeks ÷ 12 = £1,924 a month.');
  });

  it('reads "pw" as a week', async () => {
    expect(
      await lead(
        'ok whats that pw for someone on 25 hrs',
        turn('llw rate rn?', 'The London Living Wage is £14.80 an hour.'),
      ),
    ).toContain('£14.80 × 25 hours = £370 a week.');
  });

  it("takes the newest hours of a chain of follow-ups, not the first question's", async () => {
    const history = [
      ...turn('llw weekly on 35 hrs', '£14.80 × 35 = £518 a week.'),
      ...turn('and for 25 hrs a wk?', '£14.80 × 25 = £370 a week.'),
    ];
    expect(await lead('whats that a year?', history)).toContain('£14.80 × 25 hours × 52 weeks = £19,240 a year.');
  });
});

describe('the rule in force at the time a follow-up asks about', () => {
  it('gives the off-the-job rule for a September 2023 start, not the one before or after it', async () => {
    const answer = await askAfter(
      'wat about one who started sept 2023',
      'how much otj does an apprentice need to do',
      'For apprenticeships starting from 1 August 2025 the lowest minimum that can be funded is 187 hours.',
    );
    expect(firstLine(answer)).toBe(
      'In September 2023 the baseline off-the-job training for a full-time apprentice was 6 hours a week, from 1 August 2022. [1]',
    );
  });

  it('leaves a single question about a period to the figure it names: only a follow-up takes the one in force', async () => {
    const answer = await answerer.answer({
      question: 'who was the delivery partner on h100 when it relaunched in 2017',
    });
    expect(answer.text).not.toMatch(/changed to 100/);
    expect(answer.text).toContain('Inspire!');
  });
});

describe('when a figure changed', () => {
  it('does not call the same value restated by a later source a change to it', async () => {
    const knowledge = await loadKnowledge('knowledge');
    const placements = knowledge.facts.get('h100.placements');
    if (!placements) throw new Error('h100.placements is missing');
    const lead = leadFor(
      placements,
      { time: { kind: 'day', date: '2026-12-04', explicit: false }, wantsHistory: false, wantsChangeDate: true },
      '2026-12-04',
      'when did hackney 100 placements change to 100',
    );
    expect(lead.text).not.toMatch(/changed to 100 .*\(it was 100\)/);
  });
});

describe('a figure whose sources stop', () => {
  it('is given as the latest held, never as a figure that has ended', async () => {
    const answer = await answerer.answer({ question: 'h100 age range atm? got a 23 yo asking if she can apply' });
    expect(answer.text).toContain(
      'The latest figure I hold for the oldest age for Hackney 100 is 24, for 1 January 2019 to 31 December 2019; a later figure is not in my sources.',
    );
    expect(answer.text).not.toContain('has not applied since');
  });
});

describe('the figure after the one the thread ended on', () => {
  it("gives the rate that followed the last year asked about, with today's", async () => {
    const answer = await askAfter(
      'and the one after that?',
      'what was the llw in 2020 and 2021',
      'The London Living Wage was £10.85 an hour from 9 November 2020, then £11.05 an hour from 15 November 2021.',
    );
    expect(firstLine(answer)).toBe(
      'After £11.05 an hour, the London Living Wage was £11.95 an hour, from 22 September 2022; it is £14.80 an hour now. [1]',
    );
  });
});

describe('a follow-up that asks about now', () => {
  it("gives today's figure, not the year the thread was about", async () => {
    const answer = await askAfter(
      'what is it now then',
      'apprentice min wage in 2024?',
      'From 1 April 2024 the apprentice rate was £6.40 an hour.',
    );
    expect(firstLine(answer)).toBe(
      'The National Minimum Wage apprentice rate is £8.00 an hour, from 1 April 2026 (it was £7.55). [1]',
    );
  });
});
