import type { Citation } from '../../src/answer/answer.js';

/** A citation numbered `n` for an article, with placeholder passage details (only the number and article matter). */
export function citationOf(articleId: string, n: number): Citation {
  return {
    n,
    articleId,
    sectionId: `${articleId}#section`,
    title: articleId,
    heading: 'Heading',
    snippet: 'Passage',
    url: `https://example.org/${articleId}`,
    sourceTitle: 'Source',
    reviewed: '2026-11-22',
    reviewBy: '2027-05-22',
    isDueForReview: false,
  };
}
