// Time for the store to recover after PostgreSQL restarts (`pg_ctl restart -m fast`) under a steady stream of
// requests, on a private server started for the run (never the shared one on 5432).
// Run: node --import tsx bench/store-restart-bench.ts [--runs 5] [--json]
import { parseArgs } from 'node:util';
import { createStore } from '../src/store/create-store.js';
import { freePort, startOwnPostgres } from '../test/store/own-servers.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const server = await startOwnPostgres(await freePort());
const store = await createStore(server.url);
const cache = store.namespace<number>('restart-bench');
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;

const afterUp: number[] = [];
const outage: number[] = [];
const failed: number[] = [];
try {
  for (let run = 0; run < runs; run += 1) {
    await cache.set('n', run);
    let stop = false;
    let failures = 0;
    let lastFailure = 0;
    // Requests back to back while the server restarts; each one waits on the store's own answer.
    const load = (async () => {
      while (!stop) {
        try {
          await cache.set('n', run);
        } catch {
          failures += 1;
          lastFailure = performance.now();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    })();
    const restartStarted = performance.now();
    await server.restart();
    const up = performance.now();
    // Recovered: the first request to succeed after the server is back up.
    for (;;) {
      try {
        await cache.set('n', run);
        break;
      } catch {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const recovered = performance.now();
    stop = true;
    await load;
    afterUp.push(recovered - up);
    outage.push((lastFailure > 0 ? recovered : up) - restartStarted);
    failed.push(failures);
  }
} finally {
  await store.close();
  await server.destroy();
}

const figures = {
  runs,
  recoverAfterServerUpMsMedian: Math.round(median(afterUp) * 10) / 10,
  recoverAfterServerUpMsMax: Math.round(Math.max(...afterUp) * 10) / 10,
  restartToRecoveredMsMedian: Math.round(median(outage)),
  failedRequestsPerRestartMedian: median(failed),
  processAlive: true,
};
if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name.padEnd(34)} ${value}\n`);
