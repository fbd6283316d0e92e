import { TZDate } from '@date-fns/tz';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import type { OutcomeReports } from './outcome-report.js';
import type { ReportPublisher } from './report-publisher.js';
import { buildReportSummary } from './report-summary.js';

export type ReportPeriod = { kind: 'monthly' | 'quarterly'; from: string; to: string; label: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The periods that have ended by `now` (London time): last month, and last quarter when one has just ended. */
export function duePeriods(now: Date, kinds: readonly ('monthly' | 'quarterly')[]): ReportPeriod[] {
  const london = new TZDate(now.getTime(), 'Europe/London');
  let year = london.getFullYear();
  let month = london.getMonth(); // 0-based: the current month; the month just ended is month - 1
  if (month === 0) {
    year -= 1;
    month = 12;
  }
  const periods: ReportPeriod[] = [];
  if (kinds.includes('monthly')) {
    periods.push({
      kind: 'monthly',
      from: `${year}-${pad(month)}-01`,
      to: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`,
      label: 'Monthly',
    });
  }
  if (kinds.includes('quarterly')) {
    const quarterEnd = Math.floor(month / 3) * 3; // the last month of the latest quarter ended
    const endMonth = quarterEnd === 0 ? 12 : quarterEnd;
    const endYear = quarterEnd === 0 ? year - 1 : year;
    periods.push({
      kind: 'quarterly',
      from: `${endYear}-${pad(endMonth - 2)}-01`,
      to: `${endYear}-${pad(endMonth)}-${pad(lastDayOf(endYear, endMonth))}`,
      label: 'Quarterly',
    });
  }
  return periods;
}

/**
 * Posts each due report once, across replicas: the first replica to take `report:KIND:FROM` posts it. Called on a
 * timer (hourly); a failed post is retried on the next call. Returns the periods posted by this call.
 */
export async function postDueReports(deps: {
  store: Store;
  log: Logger;
  now: () => Date;
  reports: OutcomeReports;
  publishers: readonly ReportPublisher[];
  kinds: readonly ('monthly' | 'quarterly')[];
  namespacePrefix?: string;
}): Promise<ReportPeriod[]> {
  const posted: ReportPeriod[] = [];
  if (deps.publishers.length === 0) return posted;
  const namespace = `${deps.namespacePrefix ?? ''}report-schedule`;
  for (const period of duePeriods(deps.now(), deps.kinds)) {
    const key = `${period.kind}:${period.from}`;
    if ((await deps.store.readUnique(namespace, key)) !== undefined) continue;
    const lease = `${key}:lease`;
    if (!(await deps.store.insertIfAbsent(namespace, lease, true, { ttlMs: 10 * 60_000 }))) continue;
    const summary = await buildReportSummary(await deps.reports.figures(period), period.label);
    let failed = false;
    for (const publisher of deps.publishers) {
      try {
        await publisher.postSummary(summary);
      } catch (error) {
        failed = true;
        deps.log.warn({ err: error, platform: publisher.platform, period: key }, 'report summary not posted');
      }
    }
    if (failed) continue;
    await deps.store.insertIfAbsent(namespace, key, { at: deps.now().toISOString() });
    deps.log.info({ period: key }, 'report summary posted');
    posted.push(period);
  }
  return posted;
}
