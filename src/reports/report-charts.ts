import type { Chart } from './charts.js';
import type { OutcomeFigures } from './outcome-figures.js';

/** Readers' words for the keys the figures use ("passed_to_team", a question with no topic). */
const SHOWN_AS: Record<string, string> = { passed_to_team: 'passed to the team', none: 'no topic' };
const shown = (rows: Chart['rows']): Chart['rows'] =>
  rows.map((row) => ({ ...row, key: SHOWN_AS[row.key] ?? row.key }));

/** The charts every report shows, in order; the HTML report and the Slack/Teams summary use the same list. */
export function reportCharts(figures: OutcomeFigures): Chart[] {
  const { enquiries, questions } = figures;
  return [
    { id: 'enquiries-by-topic', title: 'Enquiries by topic', rows: enquiries.byTopic, valueLabel: 'enquiries' },
    { id: 'enquiries-by-arrival', title: 'How enquiries arrived', rows: enquiries.byArrival, valueLabel: 'enquiries' },
    {
      id: 'enquiries-by-platform',
      title: 'Where they were logged',
      rows: enquiries.byPlatform,
      valueLabel: 'enquiries',
    },
    {
      id: 'enquiries-by-outcome',
      title: 'Outcome at the end of the period',
      rows: enquiries.byOutcome,
      valueLabel: 'enquiries',
    },
    { id: 'backlog-by-age', title: 'Open backlog by age', rows: enquiries.backlogByAge, valueLabel: 'open enquiries' },
    { id: 'claims-by-officer', title: 'Claims per officer', rows: enquiries.claimsByOfficer, valueLabel: 'claims' },
    { id: 'questions-by-topic', title: 'Questions by topic', rows: shown(questions.byTopic), valueLabel: 'questions' },
    {
      id: 'questions-by-outcome',
      title: 'Questions answered and declined',
      rows: shown(questions.byOutcome),
      valueLabel: 'questions',
    },
  ];
}
