import type { Answerer } from './answer/answer.js';
import { createAnswerer } from './answer/create-answerer.js';
import { createFeedbackStore, type FeedbackStore } from './answer/feedback.js';
import type { Config } from './config.js';
import { createEnquiryQueue } from './enquiries/create-enquiry-queue.js';
import type { EnquiryQueue } from './enquiries/enquiry-queue.js';
import type { Knowledge } from './knowledge/knowledge.js';
import { loadKnowledgeWithSnapshot } from './knowledge/knowledge-snapshot.js';
import { loadKnowledge } from './knowledge/load-knowledge.js';
import type { Logger } from './log.js';
import { createStore, type Store } from './store/create-store.js';

/** Everything the transports share: built once at start-up from the config. */
export type Core = {
  config: Config;
  log: Logger;
  store: Store;
  knowledge: Knowledge;
  answerer: Answerer;
  feedback: FeedbackStore;
  enquiries: EnquiryQueue;
  now: () => Date;
  close(): Promise<void>;
};

export type CoreOverrides = { now?: () => Date; knowledge?: Knowledge; store?: Store };

export async function createCore(config: Config, log: Logger, overrides: CoreOverrides = {}): Promise<Core> {
  const now = overrides.now ?? (() => new Date());
  const knowledge = overrides.knowledge ?? (await readKnowledge(config, log));
  const store = overrides.store ?? (await createStore(config.storeUrl, { log: log.child({ module: 'store' }) }));
  const answerer = await createAnswerer({
    knowledge,
    store,
    log: log.child({ module: 'answer' }),
    model: config.model,
    promptsDir: config.promptsDir,
    cacheTtlMs: config.answerCacheTtlMs,
    now,
  });
  const enquiries = createEnquiryQueue({
    store,
    log: log.child({ module: 'enquiries' }),
    now,
    settings: config.enquiries,
  });
  return {
    config,
    log,
    store,
    knowledge,
    answerer,
    feedback: createFeedbackStore(store),
    enquiries,
    now,
    async close() {
      await store.close();
    },
  };
}

async function readKnowledge(config: Config, log: Logger): Promise<Knowledge> {
  if (config.knowledgeSnapshot === 'off') return loadKnowledge(config.knowledgeDir);
  const loaded = await loadKnowledgeWithSnapshot(config.knowledgeDir, config.knowledgeSnapshot);
  if (loaded.problem !== undefined) log.warn({ problem: loaded.problem }, 'knowledge snapshot not saved');
  else log.debug({ snapshot: loaded.snapshot, version: loaded.knowledge.version }, 'knowledge loaded');
  return loaded.knowledge;
}
