import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createOutcomeReports } from '../../src/reports/outcome-report.js';
import type { QuestionLog } from '../../src/reports/question-log.js';
import { duePeriods, postDueReports } from '../../src/reports/report-schedule.js';
import { createSlackReportPublisher } from '../../src/slack/reports/slack-report-publisher.js';
import { backends, type Harness, openHarness, SETTINGS } from '../enquiries/queue-harness.js';
import { seedAugustWeek } from './seeded-period.js';

describe('duePeriods', () => {
  it('gives the month just ended and the quarter just ended, in London time', () => {
    expect(duePeriods(new Date('2026-12-01T09:00:00Z'), ['monthly', 'quarterly'])).toEqual([
      { kind: 'monthly', from: '2026-11-01', to: '2026-11-30', label: 'Monthly' },
      { kind: 'quarterly', from: '2026-07-01', to: '2026-09-30', label: 'Quarterly' },
    ]);
    // 00:30 BST on 1 September is still 31 August in UTC, but August has ended in London.
    expect(duePeriods(new Date('2026-08-31T23:30:00Z'), ['monthly'])[0]).toMatchObject({ from: '2026-08-01' });
    expect(duePeriods(new Date('2027-01-10T09:00:00Z'), ['quarterly'])[0]).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
    });
  });
});

describe.each(backends().slice(0, 1))('scheduled report summaries on $name', (backend) => {
  let harness: Harness;
  let questions: QuestionLog;
  beforeEach(async () => {
    harness = await openHarness(backend);
    questions = await seedAugustWeek(harness);
    nock.disableNetConnect();
  });
  afterEach(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await harness.close();
  });

  it('posts August once to the officers channel with its charts as PNG, whichever replica runs first', async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: 'https://slack.test/api/', retryConfig: { retries: 0 } });
    const uploads: Buffer[] = [];
    let comment = '';
    const slack = nock('https://slack.test')
      .post('/api/files.getUploadURLExternal')
      .times(8)
      .reply(200, (_uri, body) => {
        const name = new URLSearchParams(String(body)).get('filename') ?? '';
        return {
          ok: true,
          upload_url: `https://files.slack.test/upload/${name}`,
          file_id: `F${name.length}${Math.random()}`,
        };
      })
      .post('/api/files.completeUploadExternal', (body) => {
        comment =
          new URLSearchParams(body as string).get('initial_comment') ??
          String((body as { initial_comment?: string }).initial_comment ?? '');
        return true;
      })
      .reply(200, { ok: true, files: [] });
    const files = nock('https://files.slack.test')
      .post(/\/upload\/.+/)
      .times(8)
      .reply(200, (_uri, body) => {
        uploads.push(Buffer.from(body as string, 'binary'));
        return 'OK';
      });

    harness.clock.set('2026-09-01T08:00:00Z');
    const deps = {
      store: harness.store,
      log: createLogger({ level: 'silent' }),
      now: harness.clock.now,
      reports: createOutcomeReports({ queue: harness.queue, questions, slaHours: SETTINGS.slaHours }),
      publishers: [createSlackReportPublisher(client, 'C0OFFICERS')],
      kinds: ['monthly'] as const,
      namespacePrefix: harness.prefix,
    };
    const [first, second] = await Promise.all([postDueReports(deps), postDueReports(deps)]);
    expect([...first, ...second].map((period) => `${period.kind} ${period.from}`)).toEqual(['monthly 2026-08-01']);
    slack.done();
    files.done();
    expect(uploads).toHaveLength(8);
    expect(comment).toContain('Monthly report: 1 August 2026 to 31 August 2026');
    expect(comment).toContain('Enquiries logged: 4'); // the whole of August: 17 August's enquiry too
    expect(comment).not.toMatch(/example\.org|Priya/);
    // An hour later nothing more is posted: nock would refuse any further call.
    harness.clock.set('2026-09-01T09:00:00Z');
    expect(await postDueReports(deps)).toEqual([]);
  });
});
