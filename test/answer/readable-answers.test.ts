import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.js';
import { readAnswer } from '../../src/answer/readability.js';
import { applyDatedProse, datedProseProblems } from '../../src/knowledge/dated-prose.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { staleNotice } from '../../src/knowledge/stale-notice.js';
import type { Store } from '../../src/store/create-store.js';
import { testAnswerer } from '../helpers/answerer.js';
import { runSkillsDesk } from '../helpers/run-cli.js';

describe('answers a person can use', () => {
  let answerer: Answerer;
  let store: Store;
  let knowledge: Knowledge;
  beforeAll(async () => {
    ({ answerer, store, knowledge } = await testAnswerer());
  });
  afterAll(async () => store.close());

  const firstLine = (text: string) => text.split('\n')[0] ?? '';

  it('leads with the figure asked for and leaves out neighbouring age bands', async () => {
    const answer = await answerer.answer({ question: "what's the minimum wage?", asOf: '2026-06-01' });
    expect(firstLine(answer.text)).toMatch(/^The National Living Wage is £12\.71 an hour, from 1 April 2026/);
    expect(answer.text).not.toContain('£10.18');
    expect(answer.text).not.toContain('£10.85');
    expect(answer.text).not.toMatch(/some press reported/i);
  });

  it("keeps the capitals of an acronym at the start of a figure's name", async () => {
    const answer = await answerer.answer({ question: 'what was the covid apprenticeship incentive in 2021' });
    expect(firstLine(answer.text)).toContain('the COVID-era incentive');
    expect(answer.text).not.toContain('cOVID');
  });

  it('gives an apprentice under 19 the apprentice rate, and one of 19 or over past the first year their age band', async () => {
    const question = 'legal min for a 17yo apprentice';
    const first = await answerer.answer({ question, asOf: '2026-06-01' });
    expect(firstLine(first.text)).toContain('£8.00 an hour');
    const history = [
      { role: 'user' as const, text: question },
      { role: 'assistant' as const, text: first.text },
    ];
    const later = await answerer.answer({
      question: 'what about a 20 yr old whos done his first yr',
      history,
      asOf: '2026-06-01',
    });
    expect(firstLine(later.text)).toContain('£10.85 an hour');
    const secondYear = await answerer.answer({
      question:
        "apprentice is 22 and in their 2nd year - are they still on the apprentice rate or what's the legal minimum?",
      asOf: '2026-06-01',
    });
    expect(firstLine(secondYear.text)).toContain('£12.71 an hour');
    const underNineteen = await answerer.answer({
      question: 'min wage for an 18 year old apprentice in their 2nd year',
      asOf: '2026-06-01',
    });
    expect(firstLine(underNineteen.text)).toContain('apprentice rate is £8.00 an hour');
  });

  it('does not give a restated figure as a change ("it was 100", "changes to 100")', async () => {
    const answer = await answerer.answer({ question: 'how many hackney 100 placements a year', asOf: '2017-09-01' });
    expect(firstLine(answer.text)).toMatch(/^The Hackney 100 placements a year is 100, from 1 July 2017\./);
    expect(firstLine(answer.text)).not.toMatch(/it was 100|changes to 100/);
  });

  it("leads a non-levy employer's question about a 22 year old with the oldest age fully funded", async () => {
    const answer = await answerer.answer({
      question: 'does a small employer pay anything for training a 22 year old apprentice',
      asOf: '2026-12-01',
    });
    expect(firstLine(answer.text)).toContain('is 24, from 1 August 2026 (it was 21)');
  });

  it('answers when the incentive is paid with how long after the start, not with the amount', async () => {
    const answer = await answerer.answer({ question: 'when does the employer get the 1k apprentice incentive paid' });
    expect(firstLine(answer.text)).toMatch(
      /^The time from the start to the first £500 of the employer incentive is 90 days/,
    );
    expect(answer.text).toContain('365 days');
  });

  it('gives both ends when a question asks for a range', async () => {
    const answer = await answerer.answer({ question: 'funding bands range from what to what' });
    expect(firstLine(answer.text)).toContain('£27,000');
    expect(firstLine(answer.text)).toContain('£1,500');
  });

  it('does not answer "is 16 hours still the minimum?" with a figure that was never 16', async () => {
    const answer = await answerer.answer({ question: 'is 16 hours a week still the minimum for an apprentice' });
    expect(firstLine(answer.text)).toContain('16 hours');
    expect(firstLine(answer.text)).not.toMatch(/is 30 hours a week/);
    const partTime = await answerer.answer({ question: 'can an apprentice work part time, like 20 hrs a week' });
    expect(firstLine(partTime.text)).toContain('30 hours a week');
  });

  it('gives a rule with no end date for a future month, without the figures only for EHC plans or care leavers', async () => {
    const answer = await answerer.answer({
      question:
        'can client use their levy for a level 7 accountancy appr, shes 22, starts feb 2027, not a care leaver no ehcp',
    });
    expect(firstLine(answer.text)).toMatch(
      /^For February 2027 the oldest new starter whose level 7 apprenticeship can be funded .* is 21/,
    );
    expect(firstLine(answer.text)).not.toContain('EHC plan');
  });

  it('gives an apprentice of 22 whose year is not said the first-year rate, then the rate for their age', async () => {
    const answer = await answerer.answer({ question: 'new appr is 22 - min pay in yr 1 and then after that pls' });
    expect(firstLine(answer.text)).toMatch(
      /^The National Minimum Wage apprentice rate is £8\.00 an hour, .* After the first year, an apprentice aged 22 gets at least the rate for their age: the National Living Wage is £12\.71 an hour/,
    );
  });

  it('answers "the shortest it can be" with the minimum duration, not the weekly hours the message gives', async () => {
    const answer = await answerer.answer({
      question: 'appr starting jan 2027 on 30 hrs a week, whats the shortest it can be',
    });
    expect(firstLine(answer.text)).toMatch(/^The minimum duration of an apprenticeship is 8 months/);
  });

  it('answers "what was it the yr before?" after a figure with the value before the one in force', async () => {
    const question = 'whats the llw';
    const first = await answerer.answer({ question, asOf: '2026-06-01' });
    const history = [
      { role: 'user' as const, text: question },
      { role: 'assistant' as const, text: first.text },
    ];
    const before = await answerer.answer({ question: 'what was it the yr before', history, asOf: '2026-06-01' });
    expect(firstLine(before.text)).toMatch(
      /^Before 22 October 2025, the London Living Wage was £13\.85 an hour, from 23 October 2024 until 21 October 2025/,
    );
  });

  it('gives the band for the age the question names', async () => {
    const answer = await answerer.answer({ question: 'min wage for a 19 yr old (not apprentice)', asOf: '2026-06-01' });
    expect(firstLine(answer.text)).toContain('£10.85 an hour');
  });

  it('answers when a figure stopped applying with the figure that ended, not the one in force now', async () => {
    const answer = await answerer.answer({
      question: 'when did the separate 21-22 minimum wage rate end',
      asOf: '2026-06-01',
    });
    expect(firstLine(answer.text)).toContain('£10.18 an hour from 1 April 2023 until 31 March 2024');
    expect(firstLine(answer.text)).toContain('it has not applied since 1 April 2024');
    expect(firstLine(answer.text)).not.toContain('£12.71');
  });

  it("does not lead with a figure from another article that only shares the question's common words", async () => {
    const answer = await answerer.answer({
      question: 'when can levy start paying for short courses',
      asOf: '2026-06-01',
    });
    expect(firstLine(answer.text)).not.toContain('£3,000,000');
    expect(answer.text).toContain('April 2026');
  });

  it("works a follow-up's yearly figure on the rate the thread was about", async () => {
    const history = [
      { role: 'user' as const, text: 'whats llw at the mo' },
      { role: 'assistant' as const, text: 'The London Living Wage is £14.80 an hour, from 22 October 2025.' },
    ];
    const yearly = await answerer.answer({ question: "and what's that a year on 35 hrs", history, asOf: '2026-06-01' });
    expect(firstLine(yearly.text)).toContain('£14.80 × 35 hours × 52 weeks = £26,936 a year');
    const gap = await answerer.answer({ question: 'how much more is that than the nlw', history, asOf: '2026-06-01' });
    expect(firstLine(gap.text)).toContain('= £2.09');
  });

  it('finds the article for the everyday words staff use (pass levy on, appr, lived in the UK)', async () => {
    const transfer = await answerer.answer({
      question: 'how much of their levy can a big firm pass to a smaller one',
      asOf: '2026-06-01',
    });
    expect(firstLine(transfer.text)).toContain('50%');
    const residency = await answerer.answer({
      question: 'how long does someone need to have lived in the UK to get appr funding',
      asOf: '2026-06-01',
    });
    expect(firstLine(residency.text)).toContain('3 years');
    const aimedAt = await answerer.answer({ question: 'who is hackney 100 aimed at', asOf: '2026-06-01' });
    expect(firstLine(aimedAt.text)).toContain('16 to 24 year olds');
  });

  it('works a yearly figure on the age band a thread was about', async () => {
    const history = [
      { role: 'user' as const, text: 'min wage for a 19 yr old' },
      { role: 'assistant' as const, text: 'The rate for workers aged 18 to 20 is £10.85 an hour, from 1 April 2026.' },
    ];
    const answer = await answerer.answer({ question: 'whats that a yr on 35 hrs', history, asOf: '2026-06-01' });
    expect(firstLine(answer.text)).toContain('£10.85 × 35 hours × 52 weeks = £19,747 a year');
  });

  it('works out the difference between two rates and shows the working', async () => {
    const answer = await answerer.answer({ question: 'how much more is the LLW than the NLW?', asOf: '2026-06-01' });
    expect(firstLine(answer.text)).toContain('£14.80 (from 22 October 2025) − £12.71 (from 1 April 2026) = £2.09');
  });

  it('works out a yearly equivalent at the hours given', async () => {
    const answer = await answerer.answer({ question: 'LLW per year at 37.5 hours a week', asOf: '2026-06-01' });
    expect(firstLine(answer.text)).toContain('£14.80 × 37.5 hours × 52 weeks = £28,860 a year');
  });

  it('answers a follow-up with the figure its own words name, not the one before it again', async () => {
    const history = [
      { role: 'user' as const, text: 'current LLW rate' },
      { role: 'assistant' as const, text: 'The London Living Wage is £14.80 an hour, from 22 October 2025.' },
    ];
    const answer = await answerer.answer({ question: 'and outside london?', history, asOf: '2026-06-01' });
    expect(firstLine(answer.text)).toContain('£13.45 an hour');
  });

  it('answers "when did it change to N" with the change and its date', async () => {
    const bands = await answerer.answer({ question: 'when did funding bands go from 15 to 30' });
    expect(firstLine(bands.text)).toMatch(/^The number of apprenticeship funding bands changed to 30 on 1 August 2018/);
  });

  it('answers a bare name with its figure, and a follow-up that names another figure with that one', async () => {
    const named = await answerer.answer({ question: 'llw?', asOf: '2026-06-01' });
    expect(firstLine(named.text)).toMatch(/^The London Living Wage is £14\.80 an hour/);
    const history = [
      { role: 'user' as const, text: 'llw?' },
      { role: 'assistant' as const, text: named.text },
    ];
    const outside = await answerer.answer({ question: 'what about outside london', history, asOf: '2026-06-01' });
    expect(firstLine(outside.text)).toMatch(/^The UK real Living Wage \(outside London\) is £13\.45 an hour/);
  });

  it('gives both ends of a range the question asks for', async () => {
    const answer = await answerer.answer({ question: 'what age range is hackney 100 for' });
    expect(firstLine(answer.text)).toContain('The latest figure I hold for the oldest age for Hackney 100 is 24');
    expect(firstLine(answer.text)).toContain('the youngest age for Hackney 100 is 16');
  });

  it('says first that a passed-on employer enquiry can be logged', async () => {
    const answer = await answerer.answer({
      question: 'spoke to a guy who runs a cafe on mare st, wants to know if he can get help hiring a young person',
    });
    expect(answer.enquirySuggested).toBe(true);
    expect(firstLine(answer.text)).toMatch(/^This looks like an employer enquiry/);
  });

  it('gives a levy payer with no funds left the 25% share from August 2026, not the non-levy 5%', async () => {
    const answer = await answerer.answer({
      question: 'what co-investment do levy payers with no funds left pay',
      asOf: '2026-12-01',
    });
    expect(firstLine(answer.text)).toMatch(/levy payer that has used all its levy funds is 25%, from 1 August 2026/);
    expect(answer.text).not.toMatch(/co-invests like a non-levy employer/);
  });

  it('finds the article that lists the question itself, and opens with a sentence, not a bare table', async () => {
    const answer = await answerer.answer({ question: 'who is hackney 100 for' });
    expect(answer.citations[0]?.articleId).toBe('hackney-100-who-it-is-for');
    expect(answer.blocks?.[0]?.kind).toBe('paragraph');
    expect(firstLine(answer.text)).toMatch(/16 to 24 year olds from 2019/);
  });

  it('writes hourly rates with their pence in the working', async () => {
    const answer = await answerer.answer({
      question: 'difference between apprentice rate and nlw',
      asOf: '2026-06-01',
    });
    expect(firstLine(answer.text)).toContain('£8.00 (from 1 April 2026) − £12.71 (from 1 April 2026) = £4.71');
  });

  it('does not lead with a percentage the question only shares a word with', async () => {
    const answer = await answerer.answer({ question: 'how much of their levy can a big firm pass to a smaller one' });
    expect(firstLine(answer.text)).not.toMatch(/used all its levy funds is 25%/);
  });

  it('answers a question about pay with the rate', async () => {
    const answer = await answerer.answer({ question: 'what do apprentices get paid', asOf: '2026-06-01' });
    expect(firstLine(answer.text)).toMatch(/^The National Minimum Wage apprentice rate is £8\.00 an hour/);
  });

  it('says when a scheme began instead of a placeholder for a date before it', async () => {
    const answer = await answerer.answer({ question: 'what was the levy rate', asOf: '2016-06-01' });
    expect(firstLine(answer.text)).toContain('began on 6 April 2017');
    expect(readAnswer(answer, knowledge).placeholders).toEqual([]);
  });

  it('says the LLW may be out of date once the autumn announcement has passed, and not before', async () => {
    const late = await answerer.answer({ question: 'whats LLW atm?', asOf: '2026-12-01' });
    expect(late.text).toContain('That is the latest London Living Wage held (£14.80 an hour from 22 October 2025)');
    expect(late.text).toContain('livingwage.org.uk');
    const early = await answerer.answer({ question: 'whats LLW atm?', asOf: '2026-06-01' });
    expect(early.text).not.toContain('latest London Living Wage held');
  });

  it('answers who to contact with the route and the way to log it', async () => {
    const answer = await answerer.answer({ question: 'who do I contact about an S106 enquiry' });
    expect(firstLine(answer.text)).toMatch(/^Contact the employer engagement officer in the Employment & Skills team/);
    expect(answer.contact).toEqual(expect.objectContaining({ logEnquiry: true }));
  });

  it('shows a table as structure, never raw pipes or an empty header row', async () => {
    const answer = await answerer.answer({ question: 'what apprenticeship levels are there' });
    expect(answer.text).not.toMatch(/^\s*\|/m);
    expect(answer.blocks?.some((block) => block.kind === 'table')).toBe(true);
  });

  it('shows a list whole, numbered from 1', async () => {
    const answer = await answerer.answer({
      question: 'what are the steps for a small business taking on an apprentice',
    });
    expect(answer.text).toMatch(/^1\. Choose the job/m);
    expect(answer.text).toMatch(/^7\. Give the apprentice a line manager/m);
    expect(readAnswer(answer, knowledge).cutLists).toEqual([]);
  });
});

describe('staleNotice', () => {
  it('is undefined for a figure without a change cadence or before its expected change', async () => {
    const { knowledge, store } = await testAnswerer();
    const llw = knowledge.facts.get('llw.rate');
    const allowance = knowledge.facts.get('levy.allowance');
    if (!llw || !allowance) throw new Error('facts missing');
    expect(staleNotice(llw, '2026-09-30')).toBeUndefined();
    expect(staleNotice(llw, '2026-10-01')).toMatch(/check livingwage\.org\.uk/);
    expect(staleNotice(allowance, '2030-01-01')).toBeUndefined();
    await store.close();
  });
});

describe('dated prose', () => {
  it('keeps a passage only on the dates it holds for', () => {
    const text = 'A.{{since:2025-04-01}} B.{{/since}}{{until:2020-12-31}} C.{{/until}}';
    expect(applyDatedProse(text, '2019-01-01')).toBe('A. C.');
    expect(applyDatedProse(text, '2026-01-01')).toBe('A. B.');
  });

  it('reports unclosed markers and bad dates', () => {
    expect(datedProseProblems('{{since:2025-04-01}} open')).toEqual([expect.stringContaining('never closed')]);
    expect(datedProseProblems('{{since:2025-13-01}}x{{/since}}')).toEqual([
      expect.stringContaining('expected a date written YYYY-MM-DD'),
    ]);
    expect(datedProseProblems('{{until:2025-01-01}}x{{/since}}')).toEqual([expect.stringContaining('is closed by')]);
  });
});

describe('terminal chat', () => {
  it('answers unknown commands with the list and keeps JSON log lines off the screen', async () => {
    const run = await runSkillsDesk(['start'], { input: '/frobnicate\n', env: { LOG_LEVEL: '' } });
    expect(run.stdout).toContain('Unknown command /frobnicate. Commands: /as-of YYYY-MM-DD');
    expect(run.stderr).not.toContain('{"level"');
  });

  it('logs an employer enquiry with /log', async () => {
    const run = await runSkillsDesk(['start'], {
      input: 'can we host a hackney 100 placement?\n/log\nAcme Builders\nJo Bloggs\njo@example.org\n\n\n',
    });
    expect(run.stdout).toMatch(/Logged as [A-Z]+-\d{4}-\d+/);
  });
});
