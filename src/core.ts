import type { Answerer } from './answer/answer.js';
import { createAnswerer } from './answer/create-answerer.js';
import { createFeedbackStore, type FeedbackStore } from './answer/feedback.js';
import type { Config } from './config.js';
import type { EnquiryQueueDeps } from './enquiries/create-enquiry-queue.js';
import type { EnquiryQueue } from './enquiries/enquiry-queue.js';
import type { Knowledge } from './knowledge/knowledge.js';
import { loadKnowledgeWithSnapshot } from './knowledge/knowledge-snapshot.js';
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
  const enquiries = lazyEnquiryQueue({
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

/**
 * The enquiry queue, loaded the first time it is used: a command that only answers (`skills-desk ask`, the eval)
 * never loads its two dozen modules. Every method but `startDelivery` returns a promise already; the stop function
 * `startDelivery` returns waits for the queue before stopping it.
 */
function lazyEnquiryQueue(deps: EnquiryQueueDeps): EnquiryQueue {
  let loading: Promise<EnquiryQueue> | undefined;
  const queue = () => {
    loading ??= import('./enquiries/create-enquiry-queue.js').then((module) => module.createEnquiryQueue(deps));
    return loading;
  };
  return {
    log: async (input, by, options) => (await queue()).log(input, by, options),
    get: async (reference) => (await queue()).get(reference),
    list: async (filter) => (await queue()).list(filter),
    claim: async (reference, by) => (await queue()).claim(reference, by),
    assign: async (reference, assignee, by) => (await queue()).assign(reference, assignee, by),
    addNote: async (reference, text, by) => (await queue()).addNote(reference, text, by),
    resolve: async (reference, outcome, by) => (await queue()).resolve(reference, outcome, by),
    close: async (reference, reason, by, duplicateOf) => (await queue()).close(reference, reason, by, duplicateOf),
    exportEnquiries: async (range, by) => (await queue()).exportEnquiries(range, by),
    eraseContact: async (email, by) => (await queue()).eraseContact(email, by),
    applyRetention: async () => (await queue()).applyRetention(),
    sweepOrphans: async () => (await queue()).sweepOrphans(),
    listWithoutContacts: async () => (await queue()).listWithoutContacts(),
    deliver: async (publishers) => (await queue()).deliver(publishers),
    startDelivery(publishers, options) {
      const stop = queue().then((loaded) => loaded.startDelivery(publishers, options));
      stop.catch((error: unknown) => deps.log.error({ err: error }, 'enquiry delivery could not start'));
      return async () => (await stop)();
    },
  };
}

async function readKnowledge(config: Config, log: Logger): Promise<Knowledge> {
  if (config.knowledgeSnapshot === 'off') {
    const { loadKnowledge } = await import('./knowledge/load-knowledge.js');
    return loadKnowledge(config.knowledgeDir);
  }
  const loaded = await loadKnowledgeWithSnapshot(config.knowledgeDir, config.knowledgeSnapshot);
  if (loaded.problem !== undefined) log.warn({ problem: loaded.problem }, 'knowledge snapshot not saved');
  else log.debug({ snapshot: loaded.snapshot, version: loaded.knowledge.version }, 'knowledge loaded');
  return loaded.knowledge;
}
