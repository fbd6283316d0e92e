import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.js';
import type { Store } from '../../src/store/create-store.js';
import { testAnswerer } from '../helpers/answerer.js';

describe('answerer without a model', () => {
  let answerer: Answerer;
  let store: Store;
  beforeAll(async () => {
    ({ answerer, store } = await testAnswerer());
  });
  afterAll(async () => store.close());

  it('states the London Living Wage in force today with the date it applies from', async () => {
    const answer = await answerer.answer({ question: 'What is the LLW?' });
    expect(answer.kind).toBe('answer');
    expect(answer.mode).toBe('extractive');
    // The figure leads, with the date it applies from and what it was before.
    expect(answer.text.split('\n')[0]).toMatch(
      /^The London Living Wage is £14\.80 an hour, from 22 October 2025 \(it was £13\.85\)/,
    );
    // 23 November 2026 is past the autumn 2026 announcement and no newer rate is held: the answer says so.
    expect(answer.text).toContain('That is the latest London Living Wage held');
    expect(answer.text).toContain('livingwage.org.uk');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.figures).toContainEqual(
      expect.objectContaining({ key: 'llw.rate', value: '£14.80 an hour', from: '2025-10-22' }),
    );
  });

  it('gives the figure in force on a past as-of date', async () => {
    const answer = await answerer.answer({ question: 'What is the London Living Wage?', asOf: '2018-06-01' });
    expect(answer.text).toContain('£10.20 an hour');
    expect(answer.text).not.toContain('£14.80');
  });

  it('gives every value in force during a year asked about, with when it changed', async () => {
    const answer = await answerer.answer({ question: 'what was the london living wage in 2018' });
    expect(answer.text).toContain('£10.20 an hour');
    expect(answer.text).toContain('£10.55 an hour from 5 November 2018');
  });

  it('lists the history when asked how a figure changed', async () => {
    const answer = await answerer.answer({ question: 'How has the levy transfer limit changed over the years?' });
    for (const share of ['10%', '25%', '50%']) expect(answer.text).toContain(share);
  });

  it('says when a figure is due to change or changed after the date asked about', async () => {
    const answer = await answerer.answer({
      question: 'How long before unspent levy funds expire?',
      asOf: '2026-03-01',
    });
    expect(answer.text).toContain('24 months');
    expect(answer.text).toMatch(/It changes to 12 months from 1 August 2026/);
  });

  it('numbers citations to match the markers in the text', async () => {
    const answer = await answerer.answer({ question: 'who pays the apprenticeship levy' });
    const markers = [...answer.text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(answer.citations.map((citation) => citation.n)).toContain(n);
  });

  it.each([
    'How do I pay my council tax?',
    "What's the weather in Hackney tomorrow?",
    'Give me a recipe for banana bread',
  ])('declines the out-of-scope question "%s" and offers the team', async (question) => {
    const answer = await answerer.answer({ question });
    expect(answer.kind).toBe('decline');
    expect(answer.citations).toEqual([]);
    expect(answer.text).toMatch(/Employment & Skills team/);
  });

  it('flags an employer enquiry so it can be logged', async () => {
    const answer = await answerer.answer({ question: 'Hi, I run a café in Dalston and want to take on an apprentice' });
    expect(answer.enquirySuggested).toBe(true);
  });

  it('uses the thread for a short follow-up', async () => {
    const first = 'What is the London Living Wage?';
    const answer = await answerer.answer({
      question: 'and in 2016?',
      history: [
        { role: 'user', text: first },
        { role: 'assistant', text: 'The London Living Wage is £14.80 an hour.' },
      ],
    });
    expect(answer.text).toContain('£9.40');
    expect(answer.text).toContain('£9.75');
  });

  it('shows public users only public articles', async () => {
    const { knowledge } = await testAnswerer();
    const staffOnly = [...knowledge.articles.values()].find((article) => article.audience === 'staff');
    expect(staffOnly).toBeDefined();
    const question = staffOnly?.questions[0] ?? staffOnly?.title ?? '';
    const asStaff = await answerer.answer({ question });
    const asPublic = await answerer.answer({ question, audience: 'public' });
    expect(asStaff.citations.some((citation) => citation.articleId === staffOnly?.id)).toBe(true);
    for (const citation of asPublic.citations) {
      expect(knowledge.articles.get(citation.articleId)?.audience).toBe('public');
    }
  });

  it('flags a source past its review-by date but still uses it', async () => {
    const later = await testAnswerer({ today: '2030-01-01' });
    const answer = await later.answerer.answer({ question: 'What is the LLW?', asOf: '2026-11-23' });
    expect(answer.kind).toBe('answer');
    expect(answer.citations.every((citation) => citation.isDueForReview)).toBe(true);
    await later.store.close();
  });
});
