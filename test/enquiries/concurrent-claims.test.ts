import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { createEnquiryQueue } from '../../src/enquiries/create-enquiry-queue.js';
import { createLogger } from '../../src/log.js';
import { createStore, type Store } from '../../src/store/create-store.js';
import { describeEachBackend, enquiryInput, removeKeysWithPrefix, SETTINGS, staff } from './queue-harness.js';

const ROUNDS = 20;
const WORKER = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));

type Reply = { ready?: true; round?: number; ok?: boolean; message?: string };

function startWorker(storeUrl: string, prefix: string, userId: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, storeUrl, prefix, userId], {
    stdio: ['pipe', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  const waiting: ((reply: Reply) => void)[] = [];
  const queued: Reply[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as Reply;
    const next = waiting.shift();
    if (next) next(reply);
    else queued.push(reply);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    next(): Promise<Reply> {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      return Promise.race([
        new Promise<Reply>((resolve) => waiting.push(resolve)),
        exited.then(() => {
          throw new Error(`worker ${userId} exited: ${stderr}`);
        }),
      ]);
    },
    send(message: object) {
      child.stdin.write(`${JSON.stringify(message)}\n`);
    },
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

describeEachBackend('claims racing from two processes', (backend) => {
  let cleanup: (() => void) | undefined;
  let store: Store | undefined;
  let prefix = '';

  afterEach(async () => {
    if (store && prefix !== '') await removeKeysWithPrefix(store, prefix);
    await store?.close();
    cleanup?.();
  });

  it(`end with exactly one assignee, and the other officer told who has it (${ROUNDS} rounds)`, async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    prefix = opened.prefix;
    store = await createStore(opened.url);
    const queue = createEnquiryQueue({
      store,
      log: createLogger({ level: 'silent' }),
      now: () => new Date(),
      settings: SETTINGS,
      namespacePrefix: opened.prefix,
    });
    const references: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const result = await queue.log(enquiryInput({ organisation: `Race ${round}` }), staff());
      if (!result.ok) throw new Error('setup failed');
      references.push(result.enquiry.reference);
    }

    const workers = [
      startWorker(opened.url, opened.prefix, 'U0RACER1'),
      startWorker(opened.url, opened.prefix, 'U0RACER2'),
    ];
    try {
      await Promise.all(workers.map((worker) => worker.next()));
      for (let round = 0; round < ROUNDS; round++) {
        for (const worker of workers) worker.send({ round, reference: references[round] });
        const replies = Promise.all(workers.map((worker) => worker.next()));
        await store.insertIfAbsent(`${opened.prefix}barrier`, String(round), true);
        const [first, second] = await replies;
        const winners = [first, second].filter((reply) => reply?.ok);
        expect(winners, `round ${round}`).toHaveLength(1);
        const enquiry = await queue.get(references[round]!);
        const loser = first?.ok ? second : first;
        expect(loser?.message).toBe(`${references[round]} is already claimed by ${enquiry?.assignee}`);
        expect(enquiry?.history.filter((entry) => entry.action === 'claimed')).toHaveLength(1);
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  }, 60_000);
});
