import type { QueueContext } from '../queue/queue-context.js';

export type Lease = { release(): void };

/**
 * A lease another replica respects: `key` is taken with insert-if-absent and, while the holder works, a heartbeat
 * record (`key:alive`, rewritten every third of the lease) says it is still at it. A replica that takes the key
 * after it expired but finds a live heartbeat from another owner stands back, so a slow post is never sent twice.
 */
export async function takeLease(context: QueueContext, key: string, ttlMs: number): Promise<Lease | undefined> {
  const { store, owner, storage } = context;
  const heartbeats = store.namespace<string>(`${storage.namespaces.leases}-alive`);
  if (!(await store.insertIfAbsent(storage.namespaces.leases, key, owner, { ttlMs }))) return undefined;
  const holder = await heartbeats.get(key);
  if (holder !== undefined && holder !== owner) return undefined;
  await heartbeats.set(key, owner, ttlMs);
  let released = false;
  const renew = setInterval(
    () => {
      if (!released) heartbeats.set(key, owner, ttlMs).catch(() => undefined);
    },
    Math.max(1, Math.floor(ttlMs / 3)),
  );
  renew.unref?.();
  return {
    release() {
      released = true;
      clearInterval(renew);
      heartbeats.delete(key).catch(() => undefined);
    },
  };
}
