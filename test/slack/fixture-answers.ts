import type { Answer, Answerer, AnswerRequest } from '../../src/answer/answer.js';

/** An answer with two sources, one of them past its review date, as the engine would return it. */
export function answerWithSources(overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    text: 'The **London Living Wage** is £14.80 an hour [1]. Employers can be accredited [2].\n\n- Applies across London\n- Voluntary',
    citations: [
      {
        n: 1,
        sectionId: 'llw-rates#current-rate',
        articleId: 'llw-rates',
        title: 'London Living Wage rates',
        heading: 'Current rate',
        snippet: 'The London Living Wage is £14.80 an hour.',
        url: 'https://www.livingwage.org.uk/what-real-living-wage',
        sourceTitle: 'Living Wage Foundation',
        reviewed: '2026-10-23',
        reviewBy: '2027-04-23',
        isDueForReview: false,
      },
      {
        n: 2,
        sectionId: 'llw-accreditation#overview',
        articleId: 'llw-accreditation',
        title: 'Becoming a Living Wage employer',
        heading: 'Overview',
        snippet: 'Employers can be accredited.',
        url: 'https://www.livingwage.org.uk/accreditation',
        sourceTitle: 'Living Wage Foundation',
        reviewed: '2025-01-10',
        reviewBy: '2025-07-10',
        isDueForReview: true,
      },
    ],
    enquirySuggested: false,
    mode: 'extractive',
    asOf: '2026-11-23',
    figures: [{ key: 'llw.hourly', label: 'London Living Wage', value: '£14.80 an hour', from: '2026-10-23' }],
    ...overrides,
  };
}

/** An answerer that returns fixed answers and remembers what it was asked. */
export function fixtureAnswerer(
  respond: (request: AnswerRequest) => Answer | Promise<Answer>,
): Answerer & { requests: AnswerRequest[] } {
  const requests: AnswerRequest[] = [];
  return {
    requests,
    async answer(request) {
      requests.push(request);
      return respond(request);
    },
  };
}
