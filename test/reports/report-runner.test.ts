import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportPublishersFor, type ScheduleTimers, startReportSchedule } from '../../src/cli/reports/start-reports.js';
import { loadConfig } from '../../src/config.js';
import { type Core, createCore } from '../../src/core.js';
import { createLogger } from '../../src/log.js';
import type { DigestPublisher } from '../../src/reports/digest-publisher.js';
import { digestWeek } from '../../src/reports/digest-schedule.js';
import { createCoreQuestionLog } from '../../src/reports/question-log.js';
import type { ReportPublisher, ReportSummary } from '../../src/reports/report-publisher.js';

/** Timers the test fires by hand; `scheduled()` resolves when the schedule sets its next timer. */
function manualTimers() {
  const pending: { run: () => void; ms: number }[] = [];
  const waiters: (() => void)[] = [];
  let cleared = 0;
  const timers: ScheduleTimers = {
    setTimeout(run, ms) {
      const timer = { run, ms };
      pending.push(timer);
      for (const waiter of waiters.splice(0)) waiter();
      return timer;
    },
    clearTimeout(handle) {
      const at = pending.indexOf(handle as (typeof pending)[number]);
      if (at >= 0) pending.splice(at, 1);
      cleared += 1;
    },
  };
  return {
    timers,
    pending,
    cleared: () => cleared,
    /** Runs the due timer and waits until the check it starts has finished (it then sets the next one). */
    async fire(): Promise<number> {
      const timer = pending.shift();
      if (!timer) throw new Error('no timer pending');
      const next = new Promise<void>((resolve) => waiters.push(resolve));
      timer.run();
      await next;
      return timer.ms;
    },
  };
}

describe('digestWeek', () => {
  it('is the Monday of the week once 09:00 London on that Monday has come, in GMT and in BST', () => {
    expect(digestWeek(new Date('2026-12-07T08:59:00Z'))).toBeUndefined();
    expect(digestWeek(new Date('2026-12-07T09:00:00Z'))).toBe('2026-12-07');
    expect(digestWeek(new Date('2026-12-13T23:30:00Z'))).toBe('2026-12-07');
    // 08:30 UTC is 09:30 BST.
    expect(digestWeek(new Date('2026-06-01T08:30:00Z'))).toBe('2026-06-01');
    expect(digestWeek(new Date('2026-06-01T07:30:00Z'))).toBeUndefined();
  });
});

describe('the report schedule started with the app', () => {
  let core: Core | undefined;

  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it('posts last month’s and quarter’s summaries once, each owner’s digest once a week, on a fake clock, and stops', async () => {
    let clock = new Date('2026-12-07T10:00:00Z'); // a Monday
    const config = loadConfig({
      NODE_ENV: 'test',
      STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'skills-desk-schedule-')), 's.sqlite')}`,
      KNOWLEDGE_SNAPSHOT: 'off',
      CONTENT_OWNER_CHANNELS: JSON.stringify({ '*': { slack: 'C0CONTENT' } }),
    });
    core = await createCore(config, createLogger({ level: 'silent' }), { now: () => clock });
    const questions = createCoreQuestionLog(core);
    await questions.record({
      platform: 'slack',
      question: 'is there a grant for forklift training',
      outcome: 'declined',
    });

    const summaries: ReportSummary[] = [];
    const digests: { owner: string; target: string; since: string }[] = [];
    const summary: ReportPublisher = { platform: 'slack', postSummary: async (posted) => void summaries.push(posted) };
    const digest: DigestPublisher = {
      platform: 'slack',
      postDigest: async (posted, post) =>
        void digests.push({ owner: posted.owner, target: post.target, since: post.since }),
    };
    const manual = manualTimers();
    const stop = startReportSchedule(core, { summaries: [summary], digests: [digest] }, { timers: manual.timers });

    expect(await manual.fire()).toBe(0); // the first check runs at start
    expect(summaries.map((posted) => posted.title)).toEqual([
      'Monthly report: 1 November 2026 to 30 November 2026',
      'Quarterly report: 1 July 2026 to 30 September 2026',
    ]);
    expect(summaries[0]?.charts.length).toBeGreaterThan(0);
    const firstWeek = digests.splice(0);
    expect(firstWeek.length).toBeGreaterThan(0);
    expect(firstWeek.every((posted) => posted.target === 'C0CONTENT' && posted.since === '2026-11-30')).toBe(true);
    expect(firstWeek.map((posted) => posted.owner)).toContain('Unassigned (no article came close)');

    // An hour later, the same week and month: nothing new.
    expect(manual.pending.map((timer) => timer.ms)).toEqual([3_600_000]);
    clock = new Date('2026-12-07T11:00:00Z');
    await manual.fire();
    expect(summaries).toHaveLength(2);
    expect(digests).toEqual([]);

    // Next Monday before 09:00: not yet; from 09:00: that week's digests.
    clock = new Date('2026-12-14T08:00:00Z');
    await manual.fire();
    expect(digests).toEqual([]);
    clock = new Date('2026-12-14T09:05:00Z');
    await questions.record({ platform: 'teams', question: 'who pays for a minibus under s106', outcome: 'declined' });
    await manual.fire();
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.every((posted) => posted.since === '2026-12-07')).toBe(true);
    expect(summaries).toHaveLength(2);

    await stop();
    expect(manual.pending).toEqual([]);
    expect(manual.cleared()).toBe(1);
  });

  it('builds no publishers when neither Slack nor Teams is configured', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'sd-')), 's.sqlite')}`,
    });
    core = await createCore(config, createLogger({ level: 'silent' }), {
      knowledge: { articles: new Map(), facts: new Map(), sections: [], version: 'x' },
    });
    expect(await reportPublishersFor(core)).toEqual({ summaries: [], digests: [] });
  });
});
