// A separate process that claims enquiries when the test releases each round: one of two racing officers.
import { createInterface } from 'node:readline';
import { createEnquiryQueue } from '../../src/enquiries/create-enquiry-queue.js';
import { createLogger } from '../../src/log.js';
import { createStore } from '../../src/store/create-store.js';

const [storeUrl = '', prefix = '', userId = ''] = process.argv.slice(2);
const store = await createStore(storeUrl);
const queue = createEnquiryQueue({
  store,
  log: createLogger({ level: 'silent' }),
  now: () => new Date(),
  settings: { slaHours: 8, retentionDays: 730, staleClaimWorkingDays: 5 },
  namespacePrefix: prefix,
});

async function waitForBarrier(round: number): Promise<void> {
  while ((await store.readUnique<boolean>(`${prefix}barrier`, String(round))) === undefined) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
// Each line on stdin names a round and the reference to claim once the barrier for that round appears.
for await (const line of createInterface({ input: process.stdin })) {
  const { round, reference } = JSON.parse(line) as { round: number; reference: string };
  await waitForBarrier(round);
  const result = await queue.claim(reference, { platform: 'cli', userId, name: userId, isOfficer: true });
  const { ok } = result;
  process.stdout.write(`${JSON.stringify({ round, ok, ...(!result.ok && { message: result.message }) })}\n`);
}
await store.close();
