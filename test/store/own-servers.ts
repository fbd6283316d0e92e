import { execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries installed, if any (Debian keeps them under /usr/lib/postgresql/N/bin). */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function redisBin(): string | undefined {
  return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
}

/** Why the fault tests cannot start their own servers here, or undefined when they can. */
export function ownServersMissing(): string | undefined {
  if (!postgresBin()) return 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin';
  if (!redisBin()) return 'no redis-server binary';
  return undefined;
}

/**
 * A loopback port free right now, so private servers of runs in other checkouts on this machine never collide
 * (the shared servers' 5432 and 6379 are in use, so they are never chosen).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** initdb refuses root, so as root the server runs as the postgres user. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  const root = process.getuid?.() === 0;
  return root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export type OwnPostgres = {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  destroy(): Promise<void>;
};

/** A private PostgreSQL cluster in a temporary folder on `port`: never the shared server on 5432. */
export async function startOwnPostgres(port: number): Promise<OwnPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const dir = mkdtempSync(join(tmpdir(), 'skills-desk-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const pgCtl = (args: string[]) => run(...asServerUser(join(bin, 'pg_ctl'), args));
  await run(...asServerUser(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']));
  const startArgs = [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-l',
    join(dir, 'log'),
    '-w',
  ];
  const start = async () => {
    await pgCtl(['start', ...startArgs]);
  };
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: async () => {
      await pgCtl(['stop', '-D', data, '-m', 'fast', '-w']);
    },
    restart: async () => {
      await pgCtl(['restart', ...startArgs, '-m', 'fast']);
    },
    destroy: async () => {
      await pgCtl(['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type OwnRedis = { url: string; stop(): Promise<void>; start(): Promise<void>; destroy(): Promise<void> };

/** A private redis-server on `port` with no persistence: never the shared server on 6379. */
export async function startOwnRedis(port: number): Promise<OwnRedis> {
  const bin = redisBin();
  if (!bin) throw new Error('redis-server not found');
  let child: ReturnType<typeof spawn> | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const server = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
      child = server;
      let output = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('Ready to accept connections')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const server = child;
      if (!server || server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, destroy: stop };
}
