import { beforeAll, describe, expect, it } from 'vitest';
import { sectionText } from '../../src/answer/cite.js';
import { checkGrounding } from '../../src/answer/grounding-guard.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { realKnowledge } from '../helpers/answerer.js';

// Passages exactly as the model is given them: the section heading, then its text as of the day asked about.
const SECTIONS = {
  llwNow: 'llw-rates-by-year#the-london-living-wage-now',
  councilLlw: 'llw-hackney-council-position#hackney-council-pays-the-london-living-wage',
  contractors: 'llw-hackney-council-position#council-contractors-and-the-london-living-wage',
  youngIncentive: 'apprenticeship-incentive-payments#1-000-payment-for-young-apprentices',
  durationNow: 'apprenticeship-minimum-duration#minimum-duration-of-an-apprenticeship-now',
  durationBefore: 'apprenticeship-minimum-duration#minimum-duration-before-august-2025',
  coInvestment: 'levy-co-investment#co-investment-for-employers-that-do-not-pay-the-levy',
  noCoInvestment: 'levy-co-investment#apprentices-with-no-co-investment',
  levyRate: 'levy-who-pays-and-how-much#apprenticeship-levy-rate',
  levyAllowance: 'levy-who-pays-and-how-much#levy-allowance-and-who-pays',
  levyExample: 'levy-who-pays-and-how-much#worked-example-of-the-levy',
  skillsPlus: 'hackney-100-skills-plus#what-hackney-100-skills-is',
  h100Pay: 'hackney-100-placement-length-and-pay#hackney-100-placement-length-and-pay-in-2017-18',
  minimumAge: 'apprenticeship-eligibility-age#minimum-age-for-an-apprenticeship-how-young-an-apprentice-can-be',
  youngNi: 'apprenticeship-incentive-payments#no-employer-national-insurance-for-young-apprentices',
  nlw: 'llw-vs-national-living-wage#is-the-london-living-wage-a-legal-requirement-legal-minimum-versus-voluntary-rate',
  accreditationTime: 'llw-accreditation#how-long-accreditation-takes',
  h100Overview: 'hackney-100-overview#what-hackney-100-is',
} as const;
type Name = keyof typeof SECTIONS;

type Case = {
  answer: string;
  /** The passages given, in order: [1] is the first. */
  given: Name[];
  /** Figures the model was given in its figures list. */
  figures?: string;
  calculatorInputs?: number[];
};

const ASKED = '2026-11-23';

// Invented or misattached figures, each as a model might write it; every one must be rejected.
const REJECTED: [string, Case][] = [
  ['an invented rate', { answer: 'The London Living Wage is £15.20 an hour [1].', given: ['llwNow'] }],
  ['an injected rate from the question', { answer: 'The London Living Wage is £20 an hour [1].', given: ['llwNow'] }],
  [
    'a wrong date found elsewhere in a cited passage',
    { answer: 'The London Living Wage is £14.80 an hour on 31 October 2016 [1][2].', given: ['llwNow', 'councilLlw'] },
  ],
  [
    'a rate put to the year another fact happened',
    { answer: 'The council has paid £14.80 an hour since 2005 [1][2].', given: ['llwNow', 'councilLlw'] },
  ],
  ['a percentage vouching an amount', { answer: 'The levy is £0.5 for every employer [1].', given: ['levyRate'] }],
  [
    'an amount vouching a percentage',
    { answer: 'The allowance is 15,000% of the levy [1].', given: ['levyAllowance'] },
  ],
  [
    'an allowance vouching a head count',
    { answer: 'Only employers with 15,000 staff pay the levy [1].', given: ['levyAllowance'] },
  ],
  [
    'a day of a date vouching an age',
    { answer: 'The incentive is for apprentices aged 22 [1].', given: ['llwNow', 'youngIncentive'] },
  ],
  ['a year vouching an age', { answer: 'Apprentices aged 17 to 2017 qualify [1].', given: ['youngIncentive'] }],
  ['a duration in the wrong unit', { answer: 'The minimum duration is 8 weeks [1].', given: ['durationNow'] }],
  [
    'months read as years',
    { answer: 'Before August 2025 an apprenticeship had to last 12 years [1].', given: ['durationBefore'] },
  ],
  ['an invented spelled-out count', { answer: 'Hackney 100 Skills+ takes twenty people [1].', given: ['skillsPlus'] }],
  [
    'an invented spelled-out amount',
    { answer: 'An employer gets two thousand pounds for a young apprentice [1].', given: ['youngIncentive'] },
  ],
  [
    'an invented spelled-out duration',
    { answer: 'Each person spends four months on Skills+ [1].', given: ['skillsPlus'] },
  ],
  [
    'half where the passage says 5%',
    { answer: 'A non-levy employer pays half the cost of training [1].', given: ['coInvestment'] },
  ],
  ['a spelled percentage', { answer: 'The employer pays ten per cent of the cost [1].', given: ['coInvestment'] }],
  [
    'digits shared with a passage amount',
    { answer: 'The London Living Wage is £14.08 an hour [1].', given: ['llwNow'] },
  ],
  [
    'digits shared with a passage date',
    { answer: 'The rate was announced on 25 October 2022 [1].', given: ['llwNow'] },
  ],
  ['a scale slip', { answer: 'The levy applies to pay bills over £3,000 [1].', given: ['levyAllowance'] }],
  [
    'millions for thousands',
    { answer: 'Each employer gets an allowance of £15 million [1].', given: ['levyAllowance'] },
  ],
  ['an invented year', { answer: 'The Apprenticeship Levy rate has applied since 2019 [1].', given: ['levyRate'] }],
  [
    'a misattached year from the same passage',
    { answer: 'The levy has been 0.5% since 6 April 2016 [1].', given: ['levyRate'] },
  ],
  [
    'a start date moved to another rule',
    {
      // 1 April 2024 is when the free-training rule for 16 to 21 year olds began, not the 5% share.
      answer: 'The 5% employer share has applied since 1 April 2024 [1][2].',
      given: ['coInvestment', 'noCoInvestment'],
    },
  ],
  [
    'an age range stretched',
    { answer: 'Non-levy employers pay nothing for apprentices aged 16 to 25 [1].', given: ['noCoInvestment'] },
  ],
  [
    'a count attached to the wrong thing',
    { answer: 'More than 800 apprentices moved onto the LLW [1].', given: ['contractors'] },
  ],
  ['a count from the question', { answer: 'With 40 apprentices the council pays the LLW [1].', given: ['councilLlw'] }],
  ['a figure from an uncited passage', { answer: 'The levy rate is 0.5% [1].', given: ['llwNow', 'levyRate'] }],
  [
    'a sentence citing a passage that lacks its figure',
    { answer: 'The levy rate is 0.5% [1]. The LLW is £14.80 an hour [2].', given: ['llwNow', 'levyRate'] },
  ],
  ['an invented pence amount', { answer: 'The LLW rose by 50p an hour [1].', given: ['llwNow'] }],
  [
    'the UK rate given as the London rate with a wrong date',
    { answer: 'The UK Living Wage is £13.45 an hour from 1 May 2026 [1].', given: ['llwNow'] },
  ],
  [
    'an invented hourly figure for Hackney 100',
    { answer: 'Hackney 100 placements paid £8.50 an hour in 2017/18 [1].', given: ['h100Pay'] },
  ],
  [
    'an invented number of placement hours',
    { answer: 'Each 2017/18 placement lasted at least 80 hours [1].', given: ['h100Pay'] },
  ],
  ['a minimum age lowered in words', { answer: 'An apprentice must be at least fourteen [1].', given: ['minimumAge'] }],
  [
    'an upper age raised',
    { answer: 'No employer National Insurance is due on apprentices aged under 26 [1].', given: ['youngNi'] },
  ],
  [
    'the NLW age band moved',
    { answer: 'The NLW of £12.71 an hour is for workers aged 23 and over [1].', given: ['nlw'] },
  ],
  [
    'accreditation time in the wrong unit',
    { answer: 'Some employers are accredited within ten weeks [1].', given: ['accreditationTime'] },
  ],
  [
    'a wrong worked example',
    { answer: 'An employer with a £5,000,000 pay bill pays £20,000 of levy a year [1].', given: ['levyExample'] },
  ],
  [
    'a pay bill from the question that no calculator read',
    { answer: 'On a £7,000,000 pay bill the levy is 0.5% [1].', given: ['levyRate'], calculatorInputs: [] },
  ],
  [
    'a count of young people inflated',
    { answer: 'Hackney 100 has given 200 young people a year a placement [1].', given: ['h100Overview'] },
  ],
];

// Answers that only restate what the passages say; every one must pass.
const ACCEPTED: [string, Case][] = [
  [
    'the LLW with its date',
    { answer: 'The London Living Wage is £14.80 an hour, announced on 22 October 2025 [1].', given: ['llwNow'] },
  ],
  [
    'the LLW as a month and year',
    { answer: 'The London Living Wage has been £14.80 an hour since October 2025 [1].', given: ['llwNow'] },
  ],
  ['the UK rate', { answer: 'Outside London the real Living Wage is £13.45 an hour [1].', given: ['llwNow'] }],
  [
    'the council accreditation date',
    { answer: 'Hackney Council was accredited in 2016, announced on 31 October 2016 [1].', given: ['councilLlw'] },
  ],
  [
    'the council sign-up year',
    { answer: 'The council signed up to the London Living Wage in 2005 [1].', given: ['councilLlw'] },
  ],
  [
    'contractors moved on',
    { answer: 'More than 800 contractors’ staff moved onto the LLW [1].', given: ['contractors'] },
  ],
  [
    'staff brought in-house',
    { answer: 'By March 2022 the council had brought 360 staff back in-house [1].', given: ['contractors'] },
  ],
  [
    'the young apprentice incentive',
    { answer: 'An employer gets £1,000 for an apprentice aged 16 to 18 [1].', given: ['youngIncentive'] },
  ],
  [
    'the incentive in two halves',
    { answer: 'It is paid as £500 after 90 days and £500 after 365 days [1].', given: ['youngIncentive'] },
  ],
  [
    'the incentive start',
    { answer: 'The £1,000 payment has been made since May 2017 [1].', given: ['youngIncentive'] },
  ],
  [
    'an age band with an EHC plan',
    { answer: 'Apprentices aged 19 to 24 with an EHC plan also qualify [1].', given: ['youngIncentive'] },
  ],
  [
    'the minimum duration',
    {
      answer: 'An apprenticeship must last at least 8 months if it started on or after 1 August 2025 [1].',
      given: ['durationNow'],
    },
  ],
  ['the minimum duration in words', { answer: 'The minimum is eight months [1].', given: ['durationNow'] }],
  ['the old minimum', { answer: 'Before 1 August 2025 the minimum was 12 months [1].', given: ['durationBefore'] }],
  [
    'the co-investment share',
    {
      answer: 'A non-levy employer pays 5% of the cost, which has applied since 1 April 2019 [1].',
      given: ['coInvestment'],
    },
  ],
  ['the co-investment share in words', { answer: 'The employer pays five per cent [1].', given: ['coInvestment'] }],
  [
    'free training for young apprentices',
    {
      answer: 'From 1 April 2024 non-levy employers pay nothing for apprentices aged 16 to 21 [1].',
      given: ['noCoInvestment'],
    },
  ],
  [
    'the levy rate and start',
    {
      answer: 'The Apprenticeship Levy is 0.5% of the pay bill and has applied since 6 April 2017 [1].',
      given: ['levyRate'],
    },
  ],
  [
    'the allowance',
    { answer: 'Every employer gets a levy allowance of £15,000 a year [1].', given: ['levyAllowance'] },
  ],
  [
    'the threshold as millions',
    { answer: 'Only employers with a pay bill over £3 million pay any levy [1].', given: ['levyAllowance'] },
  ],
  [
    'the threshold as £3m',
    { answer: 'In practice the levy starts above £3m of pay bill [1].', given: ['levyAllowance'] },
  ],
  ['the share that pays nothing', { answer: 'About 98% of employers pay nothing [1].', given: ['levyAllowance'] }],
  [
    'the worked example',
    { answer: 'An employer with a £5,000,000 pay bill pays £10,000 of levy a year [1].', given: ['levyExample'] },
  ],
  [
    'Skills+ in words',
    { answer: 'Hackney 100 Skills+ takes fifteen people aged over 25 for three months [1].', given: ['skillsPlus'] },
  ],
  [
    'Skills+ days',
    { answer: 'Each person spends two days a week on a paid work placement [1].', given: ['skillsPlus'] },
  ],
  [
    'Hackney 100 pay in 2017/18',
    { answer: 'In 2017/18 each placement lasted at least 70 hours and paid £7.50 an hour [1].', given: ['h100Pay'] },
  ],
  ['the minimum age', { answer: 'An apprentice must be at least 16 [1].', given: ['minimumAge'] }],
  ['a 15-year-old', { answer: 'A 15-year-old can start after the last Friday in June [1].', given: ['minimumAge'] }],
  [
    'no NI for young apprentices',
    {
      answer: 'Since April 2016 employers pay no employer National Insurance for apprentices aged under 25 [1].',
      given: ['youngNi'],
    },
  ],
  ['the NLW and its band', { answer: 'The NLW is £12.71 an hour for workers aged 21 and over [1].', given: ['nlw'] }],
  [
    'two passages, each cited',
    { answer: 'The LLW is £14.80 an hour [1]. The levy rate is 0.5% [2].', given: ['llwNow', 'levyRate'] },
  ],
  [
    'accreditation time',
    {
      answer: 'Some employers are accredited within about ten working days; large ones can take up to six months [1].',
      given: ['accreditationTime'],
    },
  ],
  [
    'Hackney 100 numbers',
    { answer: 'Hackney 100 has given 100 young people a year their first paid work [1].', given: ['h100Overview'] },
  ],
  [
    'a figure from the figures list',
    {
      answer: 'The London Living Wage is £14.80 an hour from 22 October 2025 [1].',
      given: ['councilLlw'],
      figures: '- London Living Wage: £14.80 an hour, from 22 October 2025',
    },
  ],
  [
    'a calculator input the answer echoes',
    {
      answer: 'On a £7,000,000 pay bill the levy is 0.5%, less the £15,000 allowance [1][2].',
      given: ['levyRate', 'levyAllowance'],
      calculatorInputs: [7_000_000],
    },
  ],
  [
    'the day asked about',
    { answer: 'As of 23 November 2026 the London Living Wage is £14.80 an hour [1].', given: ['llwNow'] },
  ],
];

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await realKnowledge();
});

function check(entry: Case) {
  const passages = new Map<number, string>();
  entry.given.forEach((name, index) => {
    const section = knowledge.sections.find((candidate) => candidate.id === SECTIONS[name]);
    if (!section) throw new Error(`no section ${SECTIONS[name]}`);
    passages.set(index + 1, `${section.heading}. ${sectionText(knowledge, section, ASKED)}`);
  });
  return checkGrounding({
    text: entry.answer,
    passages,
    alwaysAllowed: entry.figures ?? '',
    contextDates: [ASKED],
    calculatorInputs: entry.calculatorInputs ?? [],
  });
}

describe('grounding guard on real knowledge passages', () => {
  it('has at least 30 answers of each sort', () => {
    expect(REJECTED.length).toBeGreaterThanOrEqual(30);
    expect(ACCEPTED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(REJECTED)('rejects %s', (_name, entry) => {
    expect(check(entry)).toMatchObject({ ok: false });
  });

  it.each(ACCEPTED)('accepts %s', (_name, entry) => {
    const result = check(entry);
    expect(result.ok ? '' : result.reason).toBe('');
    expect(result).toEqual({ ok: true, cited: [...new Set(entry.answer.match(/\d+(?=\])/g)?.map(Number))] });
  });
});
