import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildSubjectLexicon, knowledgeSubjects } from '../../src/understand/subject-lexicon.js';
import { understand } from '../../src/understand/understand.js';
import { turn } from '../helpers/turn.js';

const subjects = knowledgeSubjects(await loadKnowledge('knowledge'));
const day = '2026-12-04';
/** A message understood after one earlier exchange, as the answerer understands it. */
const inThread = (message: string, question: string, answer: string) =>
  understand({ message, history: turn(question, answer), asOf: day, today: day, subjects });
describe('the subjects the knowledge base names by a code', () => {
  it('finds a code in any case, or its long form where the search terms know it', () => {
    const lexicon = buildSubjectLexicon([
      { topic: 'apprenticeships', name: 'OTJ' },
      { topic: 's106', name: 'LP33 adoption date' },
      { topic: 'levy', name: 'EHC plan funding' },
      { topic: 'apprenticeships', name: 'EHC plan' },
    ]);
    expect([...lexicon.topicsNamed('what does off the job mean')]).toEqual(['apprenticeships']);
    expect([...lexicon.topicsNamed('when was lp33 adopted')]).toEqual(['s106']);
    // A code two topics use names neither.
    expect([...lexicon.topicsNamed('and with an ehc plan?')]).toEqual([]);
    expect([...lexicon.topicsNamed('what is the pay rate')]).toEqual([]);
  });
});

describe('a message naming a subject of another topic than the thread', () => {
  it('has a subject of its own, even when it is short and the topic model is unsure', () => {
    const understood = inThread(
      'sorry diff q, what does off the job actually mean? employer thinks its unpaid',
      'whats the levy on an 8 million pay bill',
      'The employer pays £25,000 of levy a year.',
    );
    expect(understood.followUp).toBe(false);
    expect(understood.calculator).toBeUndefined();
    expect(understood.topic).toBe('apprenticeships');
  });

  it('borrows the thread subject when the code it names is of the same topic', () => {
    const understood = inThread(
      'and for otj?',
      'min length of an appr',
      'At least 8 months, for starts from 1 August 2025.',
    );
    expect(understood.followUp).toBe(true);
    expect(understood.topic).toBe('apprenticeships');
  });
});
