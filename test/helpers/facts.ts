import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { parseKnowledge } from '../../src/knowledge/load-knowledge.js';

export type Facts = Pick<Knowledge, 'facts'>;

/**
 * Only the facts table of the knowledge base (knowledge/facts.yml), checked by the real parser: what the calculators
 * read. Quicker than loading every article, which matters when a suite runs once per mutant.
 */
export async function loadFacts(directory = 'knowledge'): Promise<Facts> {
  const factsText = await readFile(join(directory, 'facts.yml'), 'utf8');
  const { facts } = parseKnowledge({ directory, factsText, files: [], version: 'facts-only' });
  return { facts };
}

/** The same facts with some taken out, to see what happens when a figure is not held. */
export function withoutFacts(knowledge: Facts, keys: string[]): Facts {
  const facts = new Map(knowledge.facts);
  for (const key of keys) facts.delete(key);
  return { facts };
}
