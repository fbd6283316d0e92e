import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { afterEach, describe, expect, it } from 'vitest';
import { createIndexSets } from '../../src/enquiries/index-set.js';
import { londonDate } from '../../src/enquiries/working-hours.js';
import { createQuestionLog, type QuestionRecord } from '../../src/reports/question-log.js';
import { createStore, type Store } from '../../src/store/create-store.js';
import { removeKeysWithPrefix } from '../enquiries/queue-harness.js';
import { runSkillsDesk } from '../helpers/run-cli.js';
import { storeBackends, tempSqliteUrl } from '../helpers/store-urls.js';

const DAY_MS = 86_400_000;
const RETENTION_DAYS = 90;

/** A question as earlier versions stored it: the day's index row first, then the record, in two writes. */
async function recordTheOldWay(store: Store, prefix: string, record: QuestionRecord): Promise<void> {
  const records = store.namespace<QuestionRecord>(`${prefix}question-log`);
  const sets = createIndexSets(records as unknown as Keyv<unknown>, `${prefix}question-log:`);
  await sets.add(`day:${londonDate(new Date(record.at))}`, record.id);
  await records.set(record.id, record, RETENTION_DAYS * DAY_MS);
}

const oldQuestion = (at: Date): QuestionRecord => ({
  id: `${londonDate(at)}.${randomUUID()}`,
  at: at.toISOString(),
  platform: 'slack',
  question: 'What is the London Living Wage?',
  topic: 'llw',
  outcome: 'answered',
  confidence: 0.9,
  articleId: 'llw-rates',
});

for (const backend of storeBackends()) {
  describe.skipIf(!backend.enabled)(backend.title('question log kept in the store'), () => {
    const opened: Store[] = [];
    let prefix = '';
    const open = async (url: string) => {
      const store = await createStore(url);
      opened.push(store);
      return store;
    };
    const closeAll = () => Promise.all(opened.splice(0).map((store) => store.close()));
    afterEach(async () => {
      if (prefix !== '' && opened[0]) await removeKeysWithPrefix(opened[0], prefix);
      await closeAll();
    });

    it('lists, rates and purges questions kept by earlier versions beside new ones, after a restart', async () => {
      const url = backend.url();
      prefix = backend.name === 'sqlite' ? '' : `test-${randomUUID()}:`;
      let clock = new Date('2026-11-23T09:00:00Z');
      const logOn = (store: Store) =>
        createQuestionLog({ store, now: () => clock, retentionDays: RETENTION_DAYS, namespacePrefix: prefix });

      const before = await open(url);
      const old = oldQuestion(clock);
      await recordTheOldWay(before, prefix, old);
      clock = new Date('2026-11-23T10:00:00Z');
      const newId = await logOn(before).record({
        platform: 'teams',
        question: ':wave: can s106 money pay for a minibus',
        topic: 's106',
        outcome: 'declined',
      });
      await closeAll();

      const log = logOn(await open(url));
      const day = { from: '2026-11-23', to: '2026-11-23' };
      expect((await log.list(day)).map((question) => [question.id, question.question])).toEqual([
        [old.id, 'What is the London Living Wage?'],
        [newId, ':wave: can s106 money pay for a minibus'],
      ]);
      expect(await log.rate(old.id, 'up')).toBe(true);
      expect(await log.rate(newId, 'down', 'did not cover minibuses')).toBe(true);
      expect((await log.list(day)).map(({ rating, reason }) => ({ rating, reason }))).toEqual([
        { rating: 'up', reason: undefined },
        { rating: 'down', reason: 'did not cover minibuses' },
      ]);

      clock = new Date(clock.getTime() + (RETENTION_DAYS + 1) * DAY_MS);
      expect(await log.list(day)).toEqual([]);
      expect(await log.purge()).toBe(2);
    });
  });
}

describe('question log read by the report command', () => {
  it('counts questions kept by earlier versions and new ones in the report command', async () => {
    const url = tempSqliteUrl();
    const store = await createStore(url);
    const now = new Date();
    await recordTheOldWay(store, '', oldQuestion(now));
    await createQuestionLog({ store, now: () => new Date(), retentionDays: RETENTION_DAYS }).record({
      platform: 'slack',
      question: 'Who pays the apprenticeship levy?',
      outcome: 'declined',
    });
    await store.close();

    // From the first question's London day to now's, should midnight fall between them.
    const run = await runSkillsDesk(
      ['report', '--from', londonDate(now), '--to', londonDate(new Date()), '--format', 'json'],
      {
        env: { STORE_URL: url },
      },
    );
    expect(run.code).toBe(0);
    const { questions } = JSON.parse(run.stdout) as {
      questions: { asked: number; byOutcome: { key: string; count: number }[] };
    };
    expect(questions.asked).toBe(2);
    expect(questions.byOutcome).toEqual([
      { key: 'answered', count: 1 },
      { key: 'declined', count: 1 },
      { key: 'passed_to_team', count: 0 },
    ]);
  });
});
