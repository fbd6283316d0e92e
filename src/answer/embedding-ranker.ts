import { createHash } from 'node:crypto';
import type OpenAI from 'openai';
import type { Audience } from '../knowledge/article-schema.js';
import type { Knowledge, Section } from '../knowledge/knowledge.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import { isVisibleTo, sectionText } from './cite.js';
import type { Retrieval } from './retrieve.js';

/** Orders retrieved sections by keyword rank and embedding similarity together (reciprocal rank fusion). */
export type EmbeddingRanker = {
  rank(query: string, retrieval: Retrieval, options: { asOf: string; audience: Audience }): Promise<Section[]>;
};

const BATCH = 64;
const FUSION_K = 60;
const CANDIDATES = 8;

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

export function createEmbeddingRanker(deps: {
  client: OpenAI;
  model: string;
  knowledge: Knowledge;
  store: Store;
  log: Logger;
}): EmbeddingRanker {
  const cache = deps.store.namespace<number[]>('embeddings');
  const keyOf = (text: string) => createHash('sha256').update(`${deps.model}\n${text}`).digest('hex');

  /** Embeds texts, reusing vectors already in the store; only the missing ones are sent. */
  async function embed(texts: string[]): Promise<number[][]> {
    const keys = texts.map(keyOf);
    const cached = await cache.getMany(keys);
    const missing = texts.map((text, position) => ({ text, position })).filter(({ position }) => !cached[position]);
    for (let start = 0; start < missing.length; start += BATCH) {
      const batch = missing.slice(start, start + BATCH);
      const response = await deps.client.embeddings.create({
        model: deps.model,
        input: batch.map(({ text }) => text),
        encoding_format: 'float',
      });
      for (const item of response.data) {
        const target = batch[item.index];
        if (!target) continue;
        cached[target.position] = item.embedding;
        await cache.set(keys[target.position] as string, item.embedding);
      }
    }
    return cached.map((vector) => vector ?? []);
  }

  return {
    async rank(query, retrieval, { asOf, audience }) {
      const lexical = retrieval.sections.map(({ section }) => section);
      try {
        const sections = deps.knowledge.sections;
        // Section vectors are embedded as of today's text so the cache stays valid; only visible sections compete.
        const vectors = await embed(
          sections.map((section) => `${section.heading}\n${sectionText(deps.knowledge, section, asOf)}`),
        );
        const [queryVector] = await embed([query]);
        const bySimilarity = sections
          .map((section, position) => ({ section, similarity: cosine(queryVector ?? [], vectors[position] ?? []) }))
          .filter(({ section }) =>
            isVisibleTo(audience, deps.knowledge.articles.get(section.articleId)?.audience ?? 'staff'),
          )
          .sort((a, b) => b.similarity - a.similarity)
          .slice(0, CANDIDATES)
          .map(({ section }) => section);
        const fused = new Map<Section, number>();
        const add = (list: Section[]) => {
          for (const [rank, section] of list.entries()) {
            fused.set(section, (fused.get(section) ?? 0) + 1 / (FUSION_K + rank + 1));
          }
        };
        add(lexical);
        add(bySimilarity);
        return [...fused].sort((a, b) => b[1] - a[1]).map(([section]) => section);
      } catch (error) {
        deps.log.warn({ err: error }, 'embeddings unavailable; keyword ranking only');
        return lexical;
      }
    },
  };
}
