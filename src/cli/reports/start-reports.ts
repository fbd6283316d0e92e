import type { Core } from '../../core.js';
import { errorCode } from '../../errors.js';
import type { DigestPublisher } from '../../reports/digest-publisher.js';
import { postDueDigests } from '../../reports/digest-schedule.js';
import { createCoreGapDecisions } from '../../reports/gap-decisions.js';
import { createOutcomeReports } from '../../reports/outcome-report.js';
import { buildDigests } from '../../reports/owner-digests.js';
import { createCoreQuestionLog } from '../../reports/question-log.js';
import type { ReportPublisher } from '../../reports/report-publisher.js';
import { postDueReports } from '../../reports/report-schedule.js';

/** Timers as the schedule uses them, so tests drive it with a fake clock. */
export type ScheduleTimers = {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type ReportPublishers = { summaries: ReportPublisher[]; digests: DigestPublisher[] };

const HOUR_MS = 3_600_000;

/** The report and digest publishers for the platforms configured (their SDKs load only when configured). */
export async function reportPublishersFor(core: Core): Promise<ReportPublishers> {
  const publishers: ReportPublishers = { summaries: [], digests: [] };
  if (core.config.slack !== 'off') {
    const { WebClient } = await import('@slack/web-api');
    const { createSlackDigestPublisher, createSlackReportPublisher } = await import('../../slack/reports/index.js');
    const client = new WebClient(core.config.slack.botToken, {
      ...(core.config.slack.apiUrl !== undefined && { slackApiUrl: core.config.slack.apiUrl }),
    });
    if (core.config.slack.enquiryChannel) {
      publishers.summaries.push(createSlackReportPublisher(client, core.config.slack.enquiryChannel));
    }
    publishers.digests.push(createSlackDigestPublisher(client));
  }
  if (core.config.teams !== 'off') {
    const { createTeamsReportPublishers } = await import('../../teams/reports/teams-report-publishers.js');
    const teams = createTeamsReportPublishers(core, core.config.teams);
    if (teams.summary) publishers.summaries.push(teams.summary);
    publishers.digests.push(teams.digest);
  }
  return publishers;
}

/**
 * Runs the monthly/quarterly report summaries (REPORT_SCHEDULE) and the weekly content-owner digests, checking
 * once at start and then every hour; each post goes out once across replicas. Also drops question-log index days
 * past retention. Returns a stop function that waits for a check in progress.
 */
export function startReportSchedule(
  core: Core,
  publishers: ReportPublishers,
  options: { timers?: ScheduleTimers; intervalMs?: number } = {},
): () => Promise<void> {
  const timers: ScheduleTimers = options.timers ?? {
    setTimeout: (run, ms) => setTimeout(run, ms).unref(),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
  const log = core.log.child({ module: 'report-schedule' });
  const questions = createCoreQuestionLog(core);
  const decisions = createCoreGapDecisions(core);
  const reports = createOutcomeReports({ queue: core.enquiries, questions, slaHours: core.config.enquiries.slaHours });
  let stopped = false;
  let handle: unknown;
  let running: Promise<void> = Promise.resolve();

  const check = async () => {
    await postDueReports({
      store: core.store,
      log,
      now: core.now,
      reports,
      publishers: publishers.summaries,
      kinds: core.config.reports.schedule,
    });
    await postDueDigests({
      store: core.store,
      log,
      now: core.now,
      build: () => buildDigests({ knowledge: core.knowledge, questions, decisions, now: core.now }),
      publishers: publishers.digests,
      ownerChannels: core.config.reports.ownerChannels,
    });
    await questions.purge();
  };
  const tick = () => {
    running = check()
      .catch((error: unknown) => log.error({ err: error, code: errorCode(error) }, 'report schedule check failed'))
      .finally(() => {
        if (!stopped) handle = timers.setTimeout(tick, options.intervalMs ?? HOUR_MS);
      });
  };
  handle = timers.setTimeout(tick, 0);
  log.info(
    { summaries: publishers.summaries.map((p) => p.platform), digests: publishers.digests.map((p) => p.platform) },
    'report schedule started',
  );
  return async () => {
    stopped = true;
    timers.clearTimeout(handle);
    await running;
  };
}
