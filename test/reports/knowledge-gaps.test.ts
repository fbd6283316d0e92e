import { describe, expect, it } from 'vitest';
import { gapId, groupGaps } from '../../src/reports/knowledge-gaps.js';
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
        id: gapId('llw-rates', 'does the llw apply to apprentices'),
        articleId: 'llw-rates',
        topic: 'llw',
        questions: ['does the llw apply to apprentices', 'LLW apply to apprentices?'],
        reasons: ['thumbs_down', 'declined'],
        downReasons: [],
        count: 2,
      },
      {
        id: gapId('apprenticeship-pay', 'llw for apprentices in schools'),
        articleId: 'apprenticeship-pay',
        topic: 'llw',
        questions: ['llw for apprentices in schools'],
        reasons: ['low_confidence'],
        downReasons: [],
        count: 1,
      },
      {
        id: gapId(null, 'can s106 pay for a minibus'),
        articleId: null,
        topic: 'llw',
        questions: ['can s106 pay for a minibus'],
        reasons: ['passed_to_team'],
        downReasons: [],
        count: 1,
      },
    ]);
  });
});

describe('gapId', () => {
  it('stays the same for the same article and question however it is spaced or cased, and differs by article', () => {
    expect(gapId('llw-rates', 'Does the LLW  apply?')).toBe(gapId('llw-rates', ' does the llw apply? '));
    expect(gapId('llw-rates', 'does the llw apply?')).not.toBe(gapId('apprenticeship-pay', 'does the llw apply?'));
    expect(gapId(null, 'x')).toMatch(/^[0-9a-f]{16}$/);
  });
});
