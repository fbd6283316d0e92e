import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type StoreReply = { ok: boolean; code?: string; message?: string };

export type StoreProcess = {
  /** One read-and-write round trip through the store, answered within `timeoutMs`. */
  request(timeoutMs?: number): Promise<StoreReply>;
  alive(): boolean;
  exitInfo(): string;
  close(): Promise<void>;
};

/** Starts test/store/store-client.ts on `url` in its own Node process and waits until its store is open. */
export async function startStoreProcess(url: string): Promise<StoreProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/store/store-client.ts', url], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const waiting: ((line: string) => void)[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  lines.on('line', (line) => waiting.shift()?.(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const nextLine = (timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no reply within ${timeoutMs} ms; stderr: ${stderr}`)),
        timeoutMs,
      );
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
      exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the store process exited (${child.exitCode ?? child.signalCode}): ${stderr}`));
      });
    });

  await nextLine(15_000);
  return {
    async request(timeoutMs = 10_000) {
      const reply = nextLine(timeoutMs);
      child.stdin?.write('go\n');
      return JSON.parse(await reply) as StoreReply;
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    exitInfo: () => `${child.exitCode ?? child.signalCode}: ${stderr}`,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin?.write('close\n');
      child.stdin?.end();
      await exited;
    },
  };
}
