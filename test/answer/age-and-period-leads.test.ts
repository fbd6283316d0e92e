import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.js';
import { ageFit } from '../../src/answer/compose/age-fit.js';
import type { Store } from '../../src/store/create-store.js';
import { testAnswerer } from '../helpers/answerer.js';

let answerer: Answerer;
let store: Store;
beforeAll(async () => {
  ({ answerer, store } = await testAnswerer());
});
afterAll(async () => store.close());

describe('whether a figure named for an age group covers a person', () => {
  it.each([
    ['COVID-era incentive for hiring a new apprentice aged 16 to 24', 20, 'covers'],
    ['COVID-era incentive for hiring a new apprentice aged 25 or over', 20, 'excludes'],
    ['COVID-era incentive for hiring a new apprentice of any age', 40, 'covers'],
    [
      'Employer incentive payment for a young apprentice (16 to 18, or 19 to 24 with an EHC plan or care experience)',
      20,
      'only-with-support',
    ],
    [
      'Employer incentive payment for a young apprentice (16 to 18, or 19 to 24 with an EHC plan or care experience)',
      17,
      'covers',
    ],
    [
      'Employer incentive payment for a young apprentice (16 to 18, or 19 to 24 with an EHC plan or care experience)',
      30,
      'excludes',
    ],
  ] as const)('"%s" for someone aged %d: %s', (label, age, fit) => {
    expect(ageFit(label, age)).toBe(fit);
  });

  it('reads no age group in a name without one, or in levels', () => {
    expect(ageFit('Highest apprenticeship funding band', 20)).toBeUndefined();
    expect(ageFit('Share of apprentices at levels 2 to 4', 20)).toBeUndefined();
  });
});

describe('leads that fit the person and the period asked about', () => {
  const firstParagraph = async (question: string, asOf = '2026-12-03') =>
    (await answerer.answer({ question, asOf })).text.split('\n')[0] ?? '';

  it('gives a 20 year old new hire in 2020 the COVID incentive for 16 to 24s, not the payment for under-19s', async () => {
    const lead = await firstParagraph(
      'what incentive did employers get for a new 20 year old apprentice in autumn 2020',
    );
    expect(lead).toContain('£2,000');
    expect(lead).not.toMatch(/^[^.]*£1,000/);
  });

  it('gives both COVID incentives of 2021 in one sentence: the one that ended, then the one that followed', async () => {
    const lead = await firstParagraph('what was the covid apprenticeship incentive in 2021');
    expect(lead).toMatch(/£2,000, from 1 August 2020 until 31 January 2021; then .* £3,000, from 1 April 2021/);
  });

  it('says whether a small employer paid for a 17 year old in 2019, not only the age limit', async () => {
    const lead = await firstParagraph('did small employers pay for 17 year old apprentices', '2019-06-01');
    expect(lead).toContain('is 18');
    expect(lead).toContain('So for an apprentice aged 17 the employer pays nothing towards training and assessment.');
  });

  it('tells a non-levy employer that an apprentice older than the rule covers means its co-investment share', async () => {
    const lead = await firstParagraph("non levy firm, does it pay for a 30 yr old appr's training");
    expect(lead).toContain('An apprentice aged 30 is older than that, so the employer pays its co-investment share.');
  });

  it('answers "what % do they pay" for an older apprentice with the share, not the age limit', async () => {
    const lead = await firstParagraph(
      "small charity, doesn't pay levy, wants an apprentice aged 30 - what % of training do they pay",
      '2018-06-01',
    );
    expect(lead).toMatch(/^The employer's share of training costs .* is 10%/);
  });

  it('opens with the sentence that answers, when no figure leads', async () => {
    const lead = await firstParagraph('does hackney works open late at all?');
    expect(lead).toContain('5pm to 8pm');
  });
});

describe('what changes in a period, and figures named for the rest of an area', () => {
  it('answers "what is changing in August 2026" with what changes then, not a rule from January', async () => {
    const answer = await answerer.answer({ question: "what's changing for apprenticeships in august 2026" });
    const lead = answer.text.split('\n')[0] ?? '';
    expect(lead).toMatch(/^From 1 August 2026/);
    expect(lead).toContain('12 months');
    expect(lead).not.toContain('level 7');
  });

  it('opens with the sentence about self-referral, not with what Hackney Works is', async () => {
    const answer = await answerer.answer({ question: 'since when can residents self refer to hackney works' });
    expect(answer.text.split('\n')[0]).toMatch(/^Residents could self-refer from 1 September 2017\./);
  });

  it('keeps the order of a paragraph whose later sentence leans on the first', async () => {
    const answer = await answerer.answer({
      question: 'what are the terms of the affordable workspace at principal place',
    });
    expect(answer.text.split('\n')[0]).toMatch(/^In August 2020 the council announced/);
  });

  it('gives who the Hackney 100 pilot was for as its ages', async () => {
    const answer = await answerer.answer({ question: 'who was the hackney 100 pilot for in 2014' });
    expect(answer.text.split('\n')[0]).toMatch(/\b17\b/);
  });
});

describe('a period named by what happened in it', () => {
  it('answers "n in the pilot?" after a question about Hackney 100 pay with the pilot rate', async () => {
    const answer = await answerer.answer({
      question: 'n in the pilot?',
      history: [
        { role: 'user', text: 'what did h100 placements pay in 17/18' },
        { role: 'assistant', text: '£7.50 an hour, for at least 70 hours.' },
      ],
    });
    expect(answer.text.split('\n')[0]).toMatch(/^In the 2014\/15 pilot the Hackney 100 hourly pay was £8\.80 an hour/);
  });

  it('reads "the pilot" only for Hackney 100, and never over a date the message gives', async () => {
    const { namedPeriod } = await import('../../src/understand/named-periods.js');
    const { readQuestionTime } = await import('../../src/answer/question-time.js');
    const now = readQuestionTime('and in the pilot?', '2026-12-03');
    expect(namedPeriod('and in the pilot?', 'hackney-100', now)?.time).toMatchObject({ start: '2014-09-01' });
    expect(namedPeriod('and in the pilot?', 'levy', now)).toBeUndefined();
    const dated = readQuestionTime('the pilot in 2019?', '2026-12-03');
    expect(namedPeriod('the pilot in 2019?', 'hackney-100', dated)).toBeUndefined();
  });
});

describe('the shortest apprenticeship on part-time hours', () => {
  const thread = (question: string, answer: string) => [
    { role: 'user' as const, text: question },
    { role: 'assistant' as const, text: answer },
  ];

  it('extends the 12-month minimum pro rata for a start before August 2025 (12 × 30 ÷ 24 = 15)', async () => {
    const answer = await answerer.answer({
      question: 'n if shes on 24 hrs?',
      history: thread(
        'apprentice on 20 hrs a wk started march 2025, whats the min duration',
        'For starts before 1 August 2025: 12 × 30 ÷ 20 = 18 months.',
      ),
    });
    const lead = answer.text.split('\n')[0] ?? '';
    expect(lead).toContain('the minimum duration is 15 months: 12 months × 30 ÷ 24 = 15');
    expect(lead).not.toContain('18 months');
  });

  it('keeps 8 months at any hours for a start from August 2025', async () => {
    const answer = await answerer.answer({
      question: 'what about 16 hrs a week',
      history: thread('appr starting jan 2027 on 30 hrs a week, whats the shortest it can be', 'At least 8 months.'),
    });
    expect(answer.text.split('\n')[0]).toMatch(/minimum duration is 8 months at any weekly hours, including 16 hours/);
  });

  it('works nothing out for full-time hours', async () => {
    const answer = await answerer.answer({ question: 'shortest an apprenticeship can be on 37.5 hrs a week' });
    expect(answer.text).not.toContain('pro rata for under');
  });
});

describe('a short follow-up that names another case', () => {
  it('answers "n for a foundation apprentice" after the young-apprentice incentive with the foundation incentive', async () => {
    const answer = await answerer.answer({
      question: 'n for a foundation apprentice',
      history: [
        { role: 'user', text: 'incentive for taking on a 17 yr old appr?' },
        { role: 'assistant', text: 'The employer gets £1,000 for an apprentice aged 16 to 18 at the start.' },
      ],
    });
    expect(answer.text.split('\n')[0]).toMatch(/^The employer incentive for a foundation apprentice is £2,000/);
  });
});

describe('a season and a year', () => {
  it('reads "back in summer 2018" as June to August 2018 and gives the rate then', async () => {
    const { readQuestionTime } = await import('../../src/answer/question-time.js');
    expect(readQuestionTime('back in summer 2018', '2026-12-03').time).toEqual({
      kind: 'period',
      start: '2018-06-01',
      end: '2018-08-31',
      label: 'summer 2018',
    });
    expect(readQuestionTime('winter 2019', '2026-12-03').time).toMatchObject({ end: '2020-02-29' });
    const answer = await answerer.answer({
      question: 'my manager wants to know wot the llw was back in summer 2018, for an old contract were reviewing',
    });
    expect(answer.enquirySuggested).toBe(false);
    expect(answer.text.split('\n')[0]).toMatch(/^In summer 2018 the London Living Wage was £10\.20 an hour/);
  });
});
