import { TZDate } from '@date-fns/tz';
import { londonDate } from '../enquiries/working-hours.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import type { DigestPublisher } from './digest-publisher.js';
import { type Digests, hasNews } from './owner-digests.js';

/** The hour (London) on Monday from which the week's digests go out. */
export const DIGEST_HOUR = 9;
const DAY_MS = 86_400_000;

/** Owner → where their digest goes; the entry `*` is used for owners without one of their own. */
export type OwnerChannels = Record<string, { slack?: string | undefined; teams?: string | undefined }>;

/** The Monday (London) of the week `now` falls in, once that Monday's DIGEST_HOUR has come; else undefined. */
export function digestWeek(now: Date): string | undefined {
  const london = new TZDate(now.getTime(), 'Europe/London');
  const daysSinceMonday = (london.getDay() + 6) % 7;
  if (daysSinceMonday === 0 && london.getHours() < DIGEST_HOUR) return undefined;
  return londonDate(new Date(now.getTime() - daysSinceMonday * DAY_MS));
}

export type PostedDigest = { owner: string; platform: 'slack' | 'teams'; week: string };

/**
 * Posts each content owner's digest once a week (Mondays from 09:00 London), once across replicas: the first to
 * take `digest:WEEK:PLATFORM:OWNER` posts it. Owners with nothing new get none. A failed post is retried on the
 * next call (hourly); an owner with no channel configured is logged, not an error.
 */
export async function postDueDigests(deps: {
  store: Store;
  log: Logger;
  now: () => Date;
  build: () => Promise<Digests>;
  publishers: readonly DigestPublisher[];
  ownerChannels: OwnerChannels;
  namespacePrefix?: string;
}): Promise<PostedDigest[]> {
  const posted: PostedDigest[] = [];
  const week = digestWeek(deps.now());
  if (week === undefined || deps.publishers.length === 0) return posted;
  const namespace = `${deps.namespacePrefix ?? ''}digest-schedule`;
  if ((await deps.store.readUnique(namespace, `week:${week}`)) !== undefined) return posted;
  const built = await deps.build();
  let failed = false; // true when any digest is not yet confirmed posted
  for (const digest of built.digests.filter(hasNews)) {
    const channels = deps.ownerChannels[digest.owner] ?? deps.ownerChannels['*'] ?? {};
    let sent = false;
    for (const publisher of deps.publishers) {
      const target = channels[publisher.platform];
      if (target === undefined) continue;
      sent = true;
      const key = `digest:${week}:${publisher.platform}:${digest.owner}`;
      if ((await deps.store.readUnique(namespace, key)) !== undefined) continue;
      if (!(await deps.store.insertIfAbsent(namespace, `${key}:lease`, true, { ttlMs: 10 * 60_000 }))) {
        failed = true; // another replica is posting it: this one does not close the week
        continue;
      }
      try {
        await publisher.postDigest(digest, { target, since: built.since, today: built.today });
      } catch (error) {
        failed = true;
        deps.log.warn({ err: error, platform: publisher.platform, week }, 'knowledge digest not posted');
        continue;
      }
      await deps.store.insertIfAbsent(namespace, key, { at: deps.now().toISOString() });
      posted.push({ owner: digest.owner, platform: publisher.platform, week });
    }
    if (!sent) deps.log.info({ week }, 'a content owner has no digest channel (CONTENT_OWNER_CHANNELS)');
  }
  // Once every digest of the week is out, later calls that week stop at the first read.
  if (!failed) await deps.store.insertIfAbsent(namespace, `week:${week}`, { at: deps.now().toISOString() });
  if (posted.length > 0) deps.log.info({ week, digests: posted.length }, 'knowledge digests posted');
  return posted;
}
