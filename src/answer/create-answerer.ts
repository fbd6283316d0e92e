import type { ModelConfig } from '../config.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import type { Answer, Answerer } from './answer.js';

export type AnswererDeps = {
  knowledge: Knowledge;
  store: Store;
  log: Logger;
  model: ModelConfig;
  promptsDir: string;
  cacheTtlMs: number;
  now: () => Date;
};

/** Builds the answer engine (work in progress: declines everything until retrieval lands). */
export async function createAnswerer(deps: AnswererDeps): Promise<Answerer> {
  return {
    async answer(request): Promise<Answer> {
      const asOf = request.asOf ?? deps.now().toISOString().slice(0, 10);
      return {
        kind: 'decline',
        text: 'Not yet.',
        citations: [],
        enquirySuggested: false,
        mode: 'extractive',
        asOf,
        figures: [],
      };
    },
  };
}
