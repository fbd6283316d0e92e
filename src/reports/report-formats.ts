import { stringify } from 'csv-stringify/sync';
import type { OutcomeFigures } from './outcome-figures.js';

/** The figures as JSON: the same object the HTML and CSV are made from. */
export function reportJson(figures: OutcomeFigures): string {
  return `${JSON.stringify(figures, null, 2)}\n`;
}

/** One row per figure: section, measure, label, value. Spreadsheet-safe (no cell starts a formula). */
export function reportCsv(figures: OutcomeFigures): string {
  const { enquiries, questions } = figures;
  const rows: (string | number)[][] = [['section', 'measure', 'label', 'value']];
  const counts = (section: string, measure: string, list: { key: string; count: number }[]) => {
    for (const { key, count } of list) rows.push([section, measure, key, count]);
  };
  rows.push(['period', 'from', '', figures.period.from], ['period', 'to', '', figures.period.to]);
  rows.push(['enquiries', 'logged', '', enquiries.logged]);
  counts('enquiries', 'by topic', enquiries.byTopic);
  counts('enquiries', 'by arrival', enquiries.byArrival);
  counts('enquiries', 'by platform', enquiries.byPlatform);
  counts('enquiries', 'by outcome', enquiries.byOutcome);
  for (const [measure, summary] of [
    ['first response (working hours)', enquiries.firstResponse],
    ['resolution (working hours)', enquiries.resolution],
  ] as const) {
    rows.push(['enquiries', measure, 'count', summary.count]);
    rows.push(['enquiries', measure, 'median', summary.medianHours ?? '']);
    rows.push(['enquiries', measure, '90th percentile', summary.p90Hours ?? '']);
  }
  rows.push(['enquiries', `SLA breaches (over ${enquiries.slaHours} working hours)`, '', enquiries.slaBreaches]);
  counts('enquiries', 'open backlog by age', enquiries.backlogByAge);
  counts('enquiries', 'claims per officer', enquiries.claimsByOfficer);
  rows.push(['questions', 'asked', '', questions.asked]);
  counts('questions', 'by topic', questions.byTopic);
  counts('questions', 'by outcome', questions.byOutcome);
  rows.push(['questions', 'rated', 'up', questions.ratings.up], ['questions', 'rated', 'down', questions.ratings.down]);
  rows.push(['questions', 'rated up (%)', '', questions.ratings.upRate ?? '']);
  counts('questions', 'reasons for down', questions.downReasons);
  const safe = rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)),
  );
  return stringify(safe, { record_delimiter: 'windows' });
}
