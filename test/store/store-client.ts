// A separate process holding one store, driven over stdin/stdout by the restart tests: a crash of the store
// layer ends this process, which the test sees, rather than the test runner's own worker.
import { createInterface } from 'node:readline';
import { errorCode } from '../../src/errors.js';
import { createStore } from '../../src/store/create-store.js';

const url = process.argv[2] ?? '';
const store = await createStore(url);
const cache = store.namespace<number>('restart-test');
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

let counter = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'close') break;
  counter += 1;
  try {
    await cache.set('counter', counter);
    const read = await cache.get('counter');
    const unique = await store.insertIfAbsent('restart-test', `${process.pid}-${counter}`, counter);
    process.stdout.write(`${JSON.stringify({ ok: read === counter && unique })}\n`);
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify({ ok: false, code: errorCode(error), message: error instanceof Error ? error.message : String(error) })}\n`,
    );
  }
}
await store.close();
