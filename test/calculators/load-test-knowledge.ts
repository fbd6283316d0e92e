import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

export const TEST_KNOWLEDGE_DIR = 'knowledge';

/** The calculators' test copy of the facts (published values and dates). */
export function loadTestKnowledge(): Promise<Knowledge> {
  return loadKnowledge(TEST_KNOWLEDGE_DIR);
}

/** The same knowledge with some facts taken out, to see what happens when a figure is not held. */
export function withoutFacts(knowledge: Knowledge, keys: string[]): Knowledge {
  const facts = new Map(knowledge.facts);
  for (const key of keys) facts.delete(key);
  return { ...knowledge, facts };
}
