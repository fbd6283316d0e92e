import { describe, expect, it } from 'vitest';
import { groupGaps } from '../../src/reports/knowledge-gaps.js';
import type { QuestionRecord } from '../../src/reports/question-log.js';

const asked = (question: string, extra: Partial<QuestionRecord>): QuestionRecord => ({
  id: question,
  at: '2026-11-30T10:00:00Z',
  platform: 'slack',
  question,
  topic: 'llw',
  outcome: 'answered',
  ...extra,
});

describe('groupGaps', () => {
  it('groups similar unserved questions by their nearest article and leaves well-served ones out', () => {
    const groups = groupGaps([
      asked('does the llw apply to apprentices', { rating: 'down', articleId: 'llw-rates' }),
      asked('LLW apply to apprentices?', { outcome: 'declined', articleId: 'llw-rates' }),
      asked('whats the llw rate', { rating: 'up', articleId: 'llw-rates' }),
      asked('can s106 pay for a minibus', { outcome: 'passed_to_team' }),
      asked('llw for apprentices in schools', { confidence: 0.2, articleId: 'apprenticeship-pay' }),
    ]);
    expect(groups).toEqual([
      {
        articleId: 'llw-rates',
        questions: ['does the llw apply to apprentices', 'LLW apply to apprentices?'],
        reasons: ['thumbs_down', 'declined'],
        count: 2,
      },
      {
        articleId: 'apprenticeship-pay',
        questions: ['llw for apprentices in schools'],
        reasons: ['low_confidence'],
        count: 1,
      },
      { articleId: null, questions: ['can s106 pay for a minibus'], reasons: ['passed_to_team'], count: 1 },
    ]);
  });
});
