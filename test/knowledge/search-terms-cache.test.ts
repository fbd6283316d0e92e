import { describe, expect, it } from 'vitest';
import { expandSynonyms, rememberTerms, searchTerms } from '../../src/knowledge/normalise-text.js';

describe('searchTerms, which keeps texts it has split', () => {
  it('gives the same terms for a repeated text, synonyms and stems included', () => {
    const first = searchTerms('How much is the London Living Wage for apprentices?');
    expect(first).toEqual(expect.arrayContaining(['london', 'wage', 'apprentic']));
    expect(searchTerms('How much is the London Living Wage for apprentices?')).toEqual(first);
  });

  it('hands each caller its own array, so changing one answer cannot change the next', () => {
    const first = searchTerms('Who pays the apprenticeship levy?');
    const expected = [...first];
    first.push('changed');
    first[0] = 'changed';
    expect(searchTerms('Who pays the apprenticeship levy?')).toEqual(expected);
  });

  it('splits long texts the same way as short ones', () => {
    const sentence = 'The levy is 0.5% of an employer’s annual pay bill. ';
    const long = sentence.repeat(60);
    expect(long.length).toBeGreaterThan(2_000);
    const once = searchTerms(sentence.trim());
    // Synonym tokens gather at the end of a text, so compare the terms as a bag.
    expect(searchTerms(long).sort()).toEqual(
      Array.from({ length: 60 }, () => once)
        .flat()
        .sort(),
    );
  });
});

describe('expandSynonyms, which skips texts with no synonym phrase at all', () => {
  it('adds the canonical token wherever a phrase appears, and leaves other texts lower-cased only', () => {
    expect(expandSynonyms('Min wage for a 17yo on H100')).toBe('min wage for a 17yo on h100 nmw h100 minimum');
    expect(expandSynonyms('A level 3 course')).toBe('a level 3 course level3');
    expect(expandSynonyms('Who Runs The Scheme?')).toBe('who runs the scheme?');
  });
});

describe('rememberTerms, which seeds the cache from the knowledge snapshot', () => {
  it('answers a remembered text from what was remembered, as a copy', () => {
    rememberTerms([['a text only the snapshot has split', ['snapshot', 'term']]]);
    const terms = searchTerms('a text only the snapshot has split');
    expect(terms).toEqual(['snapshot', 'term']);
    terms.push('changed');
    expect(searchTerms('a text only the snapshot has split')).toEqual(['snapshot', 'term']);
  });
});
