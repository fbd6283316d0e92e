import { TZDate } from '@date-fns/tz';
import { ENQUIRY_TOPICS, type Enquiry, type HistoryEntry } from '../enquiries/enquiry-queue.js';
import { londonDate, WORKING_DAY_MS, workingMsBetween } from '../enquiries/working-hours.js';
import type { QuestionRecord } from './question-log.js';
import { countBy, round1, summarise } from './statistics.js';

export type Count = { key: string; count: number };

/** Everything an outcome report shows: numbers only, never a name, email or phone number of an enquirer. */
export type OutcomeFigures = {
  period: { from: string; to: string };
  enquiries: {
    logged: number;
    byTopic: Count[];
    byArrival: Count[];
    byPlatform: Count[];
    byOutcome: Count[];
    firstResponse: { count: number; medianHours?: number; p90Hours?: number };
    resolution: { count: number; medianHours?: number; p90Hours?: number };
    slaHours: number;
    slaBreaches: number;
    backlogByAge: Count[];
    claimsByOfficer: Count[];
  };
  questions: {
    asked: number;
    byTopic: Count[];
    byOutcome: Count[];
    ratings: { up: number; down: number; upRate?: number };
    downReasons: Count[];
  };
};

const ARRIVALS: Record<Enquiry['arrivedVia'], string> = {
  external: 'employer',
  staff: 'staff',
  bot: 'spotted by the bot',
};
const OUTCOMES = ['open', 'resolved', 'closed: duplicate', 'closed: spam'];
const BACKLOG_AGES = ['under 1 working day', '1 to 5 working days', '5 to 20 working days', 'over 20 working days'];
const HOUR_MS = 3_600_000;
const RESPONSES = new Set<HistoryEntry['action']>(['claimed', 'assigned', 'noted', 'resolved', 'closed']);

/** Midnight at the end of a London day (the start of the next one), GMT or BST as in force. */
export function endOfLondonDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date + 1, 0, 'Europe/London').getTime());
}

/** The enquiry as it stood at `end`: its history up to then decides status, outcome and first response. */
function asOf(enquiry: Enquiry, end: Date) {
  const history = enquiry.history.filter((entry) => Date.parse(entry.at) < end.getTime());
  let status: string = 'open';
  for (const entry of history) {
    if (entry.action === 'resolved') status = 'resolved';
    if (entry.action === 'closed') status = `closed: ${enquiry.closedReason ?? 'spam'}`;
  }
  const firstResponse = history.find((entry) => RESPONSES.has(entry.action) && entry.actor.userId !== 'skills-desk');
  const finished = history.find((entry) => entry.action === 'resolved' || entry.action === 'closed');
  return { history, status, firstResponse, finished };
}

/**
 * Works out a report's figures. Enquiries counted are those logged on London days from..to; their status,
 * response and resolution are as they stood at the end of `to`, so a rerun for the same period gives the same
 * figures however much later it runs. Times are working hours (09:00–17:00 London, weekdays, bank holidays out).
 */
export function computeOutcomeFigures(input: {
  from: string;
  to: string;
  enquiries: readonly Enquiry[];
  questions: readonly QuestionRecord[];
  slaHours: number;
}): OutcomeFigures {
  const { from, to, slaHours } = input;
  const end = endOfLondonDay(to);
  const start = new Date(endOfLondonDay(previousDay(from)).getTime());
  const hoursBetween = (a: Date, b: Date) => workingMsBetween(a, b) / HOUR_MS;
  // One pass over the queue: each enquiry's state at the end of the period is worked out once, and its working-hour
  // waits once each (the SLA check reuses the first-response wait).
  const inPeriod: Enquiry[] = [];
  const states: { status: string }[] = [];
  const responseHours: number[] = [];
  const resolutionHours: number[] = [];
  const backlog: { createdAt: string }[] = [];
  let slaBreaches = 0;
  const endMs = end.getTime();
  for (const enquiry of input.enquiries) {
    const created = Date.parse(enquiry.createdAt);
    if (created >= endMs) continue;
    const day = londonDate(new Date(created));
    const isInPeriod = day >= from && day <= to;
    const state = asOf(enquiry, end);
    if (state.status === 'open') backlog.push(enquiry);
    if (!isInPeriod) continue;
    inPeriod.push(enquiry);
    states.push(state);
    const createdAt = new Date(created);
    const responded = state.firstResponse ? hoursBetween(createdAt, new Date(state.firstResponse.at)) : undefined;
    if (responded !== undefined) responseHours.push(responded);
    if (state.finished) resolutionHours.push(hoursBetween(createdAt, new Date(state.finished.at)));
    if ((responded ?? hoursBetween(createdAt, end)) > slaHours) slaBreaches += 1;
  }
  const ageBucket = (createdAt: string) => {
    const days = workingMsBetween(new Date(createdAt), end) / WORKING_DAY_MS;
    return BACKLOG_AGES[days < 1 ? 0 : days < 5 ? 1 : days < 20 ? 2 : 3]!;
  };

  // Claims (and assignments) made during the period, by the officer who took the enquiry.
  const claims = input.enquiries.flatMap((enquiry) =>
    enquiry.history.filter(
      (entry) =>
        (entry.action === 'claimed' || entry.action === 'assigned') &&
        Date.parse(entry.at) >= start.getTime() &&
        Date.parse(entry.at) < end.getTime(),
    ),
  );
  const claimsByOfficer = countBy(claims, [], (entry) =>
    entry.action === 'claimed' ? (entry.actor.name ?? entry.actor.userId) : (entry.detail ?? 'assigned'),
  ).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

  const questions = input.questions;
  const up = questions.filter((question) => question.rating === 'up').length;
  const down = questions.filter((question) => question.rating === 'down').length;
  const downReasons = countBy(
    questions.filter((question) => question.rating === 'down'),
    [],
    (question) => reasonLabel(question.reason),
  ).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

  return {
    period: { from, to },
    enquiries: {
      logged: inPeriod.length,
      byTopic: countBy(inPeriod, ENQUIRY_TOPICS, (enquiry) => enquiry.topic),
      byArrival: countBy(inPeriod, Object.values(ARRIVALS), (enquiry) => ARRIVALS[enquiry.arrivedVia]),
      byPlatform: countBy(inPeriod, ['slack', 'teams', 'cli'], (enquiry) => enquiry.loggedBy.platform),
      byOutcome: countBy(states, OUTCOMES, (state) => state.status),
      firstResponse: summarise(responseHours),
      resolution: summarise(resolutionHours),
      slaHours,
      slaBreaches,
      backlogByAge: countBy(backlog, BACKLOG_AGES, (enquiry) => ageBucket(enquiry.createdAt)),
      claimsByOfficer: claimsByOfficer.map(({ key, count }) => ({
        key: key.replace(/^(claimed by|assigned to) /, ''),
        count,
      })),
    },
    questions: {
      asked: questions.length,
      byTopic: countBy(questions, [], (question) => question.topic).sort(
        (a, b) => b.count - a.count || a.key.localeCompare(b.key),
      ),
      byOutcome: countBy(questions, ['answered', 'declined', 'passed_to_team'], (question) => question.outcome),
      ratings: { up, down, ...(up + down > 0 && { upRate: round1((100 * up) / (up + down)) }) },
      downReasons,
    },
  };
}

/** A 👎 reason as a report shows it: trimmed, and with anything like an email address or phone number masked. */
function reasonLabel(reason: string | undefined): string {
  if (reason === undefined || reason.trim() === '') return '(no reason given)';
  return reason
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[^\s@]+@[^\s@]+/g, '[email]')
    .replace(/\+?\d[\d\s()-]{8,}\d/g, '[number]')
    .slice(0, 200);
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
