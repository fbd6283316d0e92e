import type { Answerer } from '../../src/answer/answer.js';
import { createAnswerer } from '../../src/answer/create-answerer.js';
import type { ModelConfig } from '../../src/config.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createLogger } from '../../src/log.js';
import { createStore, type Store } from '../../src/store/create-store.js';
import { tempSqliteUrl } from './store-urls.js';

let knowledge: Promise<Knowledge> | undefined;

/** The project's real knowledge base, loaded once per test file. */
export function realKnowledge(): Promise<Knowledge> {
  knowledge ??= loadKnowledge('knowledge');
  return knowledge;
}

/** An answer engine on the real knowledge base and a temporary SQLite store. */
export async function testAnswerer(
  options: { model?: ModelConfig; today?: string } = {},
): Promise<{ answerer: Answerer; store: Store; knowledge: Knowledge }> {
  const store = await createStore(tempSqliteUrl());
  const loaded = await realKnowledge();
  const answerer = await createAnswerer({
    knowledge: loaded,
    store,
    log: createLogger({ level: 'silent' }),
    model: options.model ?? 'off',
    promptsDir: 'prompts',
    cacheTtlMs: 60_000,
    now: () => new Date(`${options.today ?? '2026-11-23'}T10:00:00Z`),
  });
  return { answerer, store, knowledge: loaded };
}
