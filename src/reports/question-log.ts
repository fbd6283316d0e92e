import { createHmac, randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { z } from 'zod';
import { createIndexSets } from '../enquiries/index-set.js';
import { londonDate } from '../enquiries/working-hours.js';
import type { Store } from '../store/create-store.js';
import { createIndexedWrite } from '../store/indexed-write.js';

const DAY_MS = 86_400_000;

/** How a question ended: answered, declined by the engine, or handed to the team as an enquiry. */
export const QUESTION_OUTCOMES = ['answered', 'declined', 'passed_to_team'] as const;
export type QuestionOutcome = (typeof QUESTION_OUTCOMES)[number];

/** What a transport reports about one question it answered (platform-free: no Slack or Teams types). */
export const QuestionInput = z.object({
  /** Where the transport has one: the answer's id, so 👍/👎 given on the answer later finds the question. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,200}$/)
    .optional(),
  platform: z.enum(['slack', 'teams', 'cli']),
  /** The asker's platform user id: pseudonymised (HMAC) before it is stored, never kept as given. */
  userId: z.string().max(200).optional(),
  question: z.string().trim().min(1).max(4_000),
  topic: z.string().trim().min(1).max(40).default('none'),
  outcome: z.enum(QUESTION_OUTCOMES),
  /** 0–1 where the engine has one; below `LOW_CONFIDENCE` counts as a knowledge gap. */
  confidence: z.number().min(0).max(1).optional(),
  /** The article the answer cited first, or came closest to. */
  articleId: z.string().max(200).optional(),
});
export type QuestionInput = z.input<typeof QuestionInput>;

export type QuestionRecord = {
  id: string;
  at: string;
  platform: 'slack' | 'teams' | 'cli';
  /** HMAC-SHA256 of platform and user id with QUESTION_PSEUDONYM_SALT; absent without a salt. */
  asker?: string;
  question: string;
  topic: string;
  outcome: QuestionOutcome;
  confidence?: number;
  articleId?: string;
  rating?: 'up' | 'down';
  reason?: string;
};

export const LOW_CONFIDENCE = 0.5;

export type QuestionLog = {
  /** Stores a question for QUESTION_RETENTION_DAYS; returns its id (for `rate`). Bad input throws a ZodError. */
  record(input: QuestionInput): Promise<string>;
  /** Adds a 👍/👎 (and the reason, if given) to a stored question; false when it has expired or never existed. */
  rate(id: string, rating: 'up' | 'down', reason?: string): Promise<boolean>;
  /**
   * For platforms whose feedback names the message, not the answer (Teams): rates the latest question with this
   * text from this person (or, without a pseudonym salt, from anyone on the platform) asked today or yesterday.
   */
  rateAsked(
    asked: { platform: QuestionRecord['platform']; userId?: string; question: string },
    rating: 'up' | 'down',
    reason?: string,
  ): Promise<boolean>;
  /** Questions asked on London days from..to (inclusive), oldest first; only those still within retention. */
  list(range: { from: string; to: string }): Promise<QuestionRecord[]>;
  /** Drops index entries of days past retention (the records themselves expire by TTL). */
  purge(): Promise<number>;
};

/**
 * The question log the reports and the knowledge-gaps loop read. Transports call `record` after each answer and
 * `rate` on feedback. Kept only QUESTION_RETENTION_DAYS; user ids are pseudonymised with a keyed hash.
 */
export function createQuestionLog(options: {
  store: Store;
  now: () => Date;
  retentionDays: number;
  pseudonymSalt?: string;
  namespacePrefix?: string;
}): QuestionLog {
  const { store, now, retentionDays } = options;
  const prefix = options.namespacePrefix ?? '';
  const records = store.namespace<QuestionRecord>(`${prefix}question-log`);
  const sets = createIndexSets(records as unknown as Keyv<unknown>, `${prefix}question-log:`);
  // A record and its day's index entry go in together: one statement (group-committed) or one Redis MULTI.
  const write = createIndexedWrite(records as unknown as Keyv<unknown>, `${prefix}question-log:`);
  const ttl = retentionDays * DAY_MS;
  const daySet = (day: string) => `day:${day}`;
  const pseudonym = (platform: string, userId: string) =>
    options.pseudonymSalt === undefined
      ? undefined
      : createHmac('sha256', options.pseudonymSalt).update(`${platform}:${userId}`).digest('hex').slice(0, 20);
  const oldestKept = () => londonDate(new Date(now().getTime() - ttl));

  return {
    async record(input) {
      const parsed = QuestionInput.parse(input);
      const at = now();
      const id = parsed.id ?? `${londonDate(at)}.${randomUUID()}`;
      const asker = parsed.userId === undefined ? undefined : pseudonym(parsed.platform, parsed.userId);
      const record: QuestionRecord = {
        id,
        at: at.toISOString(),
        platform: parsed.platform,
        ...(asker !== undefined && { asker }),
        question: parsed.question,
        topic: parsed.topic,
        outcome: parsed.outcome,
        ...(parsed.confidence !== undefined && { confidence: parsed.confidence }),
        ...(parsed.articleId !== undefined && { articleId: parsed.articleId }),
      };
      await write(id, record, { ttlMs: ttl, sets: [daySet(londonDate(at))] });
      return id;
    },

    async rate(id, rating, reason) {
      const existing = await records.get(id);
      if (existing === undefined) return false;
      const kept = Date.parse(existing.at) + ttl - now().getTime();
      if (kept <= 0) return false;
      const trimmed = reason?.trim().slice(0, 2_000);
      await records.set(
        id,
        { ...existing, rating, ...(trimmed ? { reason: trimmed } : rating === 'up' ? { reason: undefined } : {}) },
        kept,
      );
      return true;
    },

    async rateAsked(asked, rating, reason) {
      const today = londonDate(now());
      const yesterday = londonDate(new Date(now().getTime() - DAY_MS));
      const asker = asked.userId === undefined ? undefined : pseudonym(asked.platform, asked.userId);
      const question = asked.question.trim();
      const candidates = (await this.list({ from: yesterday, to: today })).filter(
        (record) => record.platform === asked.platform && record.question === question && record.asker === asker,
      );
      const latest = candidates[candidates.length - 1];
      return latest === undefined ? false : this.rate(latest.id, rating, reason);
    },

    async list(range) {
      const kept = oldestKept();
      const from = [range.from, kept].sort()[1]!; // the later of the two days
      const result: QuestionRecord[] = [];
      for (let day = from; day <= range.to; day = nextDay(day)) {
        const ids = (await sets.members(daySet(day))).sort();
        if (ids.length === 0) continue;
        const found = await records.getMany(ids);
        for (const record of found) {
          if (record !== undefined && Date.parse(record.at) + ttl > now().getTime()) result.push(record);
        }
      }
      return result.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    },

    async purge() {
      let removed = 0;
      const cutoff = oldestKept();
      // The 60 days before the retention edge: purge runs at least that often (with every scheduled report).
      for (let day = londonDate(new Date(now().getTime() - ttl - 60 * DAY_MS)); day < cutoff; day = nextDay(day)) {
        for (const id of await sets.members(daySet(day))) {
          await records.delete(id);
          await sets.remove(daySet(day), id);
          removed += 1;
        }
      }
      return removed;
    },
  };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The question log on the core's store, clock and settings (one per process; every replica shares the store). */
export function createCoreQuestionLog(core: {
  store: Store;
  now: () => Date;
  config: { reports: { questionRetentionDays: number; pseudonymSalt?: string } };
}): QuestionLog {
  return createQuestionLog({
    store: core.store,
    now: core.now,
    retentionDays: core.config.reports.questionRetentionDays,
    ...(core.config.reports.pseudonymSalt !== undefined && { pseudonymSalt: core.config.reports.pseudonymSalt }),
  });
}
