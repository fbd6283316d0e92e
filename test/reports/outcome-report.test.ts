import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'node-html-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Count } from '../../src/reports/outcome-figures.js';
import { createOutcomeReports } from '../../src/reports/outcome-report.js';
import type { QuestionLog } from '../../src/reports/question-log.js';
import { backends, type Harness, officer, openHarness, SETTINGS } from '../enquiries/queue-harness.js';
import { AUGUST_WEEK, seedAugustWeek } from './seeded-period.js';

const asRecord = (counts: Count[]) => Object.fromEntries(counts.map(({ key, count }) => [key, count]));

describe.each(backends())('outcome report on $name', (backend) => {
  let harness: Harness;
  let questions: QuestionLog;
  beforeEach(async () => {
    harness = await openHarness(backend);
    questions = await seedAugustWeek(harness);
  });
  afterEach(async () => {
    await harness.close();
  });

  const reports = () => createOutcomeReports({ queue: harness.queue, questions, slaHours: SETTINGS.slaHours });
  const range = { from: '2026-08-24', to: '2026-08-31' };

  it('counts what happened in the period, in working hours with the bank holiday left out', async () => {
    const { enquiries, questions: asked } = await reports().figures(range);
    expect(enquiries.logged).toBe(AUGUST_WEEK.logged);
    expect(asRecord(enquiries.byTopic)).toEqual(AUGUST_WEEK.byTopic);
    expect(asRecord(enquiries.byArrival)).toEqual(AUGUST_WEEK.byArrival);
    expect(asRecord(enquiries.byPlatform)).toEqual(AUGUST_WEEK.byPlatform);
    expect(asRecord(enquiries.byOutcome)).toEqual(AUGUST_WEEK.byOutcome);
    expect(enquiries.firstResponse).toEqual(AUGUST_WEEK.firstResponse);
    expect(enquiries.resolution).toEqual(AUGUST_WEEK.resolution);
    expect(enquiries.slaBreaches).toBe(AUGUST_WEEK.slaBreaches);
    expect(asRecord(enquiries.backlogByAge)).toEqual(AUGUST_WEEK.backlogByAge);
    expect(asRecord(enquiries.claimsByOfficer)).toEqual(AUGUST_WEEK.claimsByOfficer);
    expect(asked.asked).toBe(AUGUST_WEEK.questionsAsked);
    expect(asRecord(asked.byOutcome)).toEqual(AUGUST_WEEK.questionOutcomes);
    expect(asked.ratings).toEqual(AUGUST_WEEK.ratings);
    expect(asRecord(asked.downReasons)).toEqual(AUGUST_WEEK.downReasons);
  });

  it('gives the same figures when rerun later, after the queue has moved on', async () => {
    const first = await reports().figures(range);
    harness.clock.set('2026-10-01T09:00:00Z');
    expect((await harness.queue.resolve('ENQ-2026-0004', 'Placed two apprentices', officer())).ok).toBe(true);
    expect(await harness.queue.eraseContact('e1@example.org', officer())).toEqual({ ok: true, erased: 4 }); // the same phone number is on all four
    expect(await reports().figures(range)).toEqual(first);
  });

  it('holds no contact details in any format', async () => {
    const figures = await reports().figures(range);
    for (const format of ['json', 'csv', 'html'] as const) {
      const body = await reports().render(figures, format);
      for (const detail of ['Priya', 'Shah', 'example.org', '7946', '07700', '900982', 'Dalston']) {
        expect(body, `${format} holds ${detail}`).not.toContain(detail);
      }
    }
  });

  it('writes CSV a spreadsheet reads back to the same figures', async () => {
    const rows = parseCsv(await reports().render(await reports().figures(range), 'csv'), { columns: true }) as Record<
      string,
      string
    >[];
    const value = (measure: string, label = '') =>
      rows.find((row) => row.measure === measure && row.label === label)?.value;
    expect(value('logged')).toBe('3');
    expect(value('by topic', 'llw')).toBe('2');
    expect(value('first response (working hours)', 'median')).toBe('2');
    expect(value('first response (working hours)', '90th percentile')).toBe('10');
    expect(value('SLA breaches (over 8 working hours)')).toBe('1');
    expect(value('open backlog by age', '5 to 20 working days')).toBe('1');
  });

  it('makes one self-contained HTML page with a chart and a table of its figures for each measure', async () => {
    const html = await reports().render(await reports().figures(range), 'html');
    const page = parseHtml(html);
    expect(page.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(page.querySelectorAll('script, link[rel="stylesheet"], img[src^="http"]')).toHaveLength(0);
    const topic = page.querySelector('#enquiries-by-topic')!;
    const svg = topic.querySelector('svg')!;
    expect(svg).not.toBeNull();
    // One bar per topic, drawn by Vega: seven paths in the bar mark group.
    expect(topic.querySelectorAll('g.mark-rect path')).toHaveLength(7);
    const cells = topic.querySelectorAll('tbody tr').map((row) => row.querySelectorAll('td').map((cell) => cell.text));
    expect(cells).toContainEqual(['llw', '2']);
    expect(cells).toContainEqual(['s106', '1']);
    const backlog = page
      .querySelector('#backlog-by-age')!
      .querySelectorAll('tbody tr')
      .map((row) => row.text);
    expect(backlog).toContain('5 to 20 working days1');
    expect(page.querySelector('.key')!.text).toContain('10 working hours');
  });

  it('says "no questions" instead of drawing an empty chart, and names ratings in words', async () => {
    const quiet = { from: '2026-01-05', to: '2026-01-09' };
    const page = parseHtml(await reports().render(await reports().figures(quiet), 'html'));
    const byTopic = page.querySelector('#questions-by-topic')!;
    expect(byTopic.querySelector('svg')).toBeNull();
    expect(byTopic.text).toContain('No questions in this period.');
    expect(page.querySelector('.key')!.text).toContain('Rated helpful / not helpful');
    expect(page.text).not.toMatch(/👍|👎/u);
  });

  it('refuses a period that ends before it starts, or is not a date', async () => {
    await expect(reports().figures({ from: '2026-09-01', to: '2026-08-01' })).rejects.toThrow(/start date/);
    await expect(reports().figures({ from: '2026-02-30', to: '2026-03-01' })).rejects.toThrow(/real calendar date/);
  });
});
