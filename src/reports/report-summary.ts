import { formatDate } from '../knowledge/format.js';
import { renderChartSvg, svgToPng } from './charts.js';
import type { OutcomeFigures } from './outcome-figures.js';
import { reportCharts } from './report-charts.js';
import type { ReportSummary } from './report-publisher.js';

const hours = (value: number | undefined) => (value === undefined ? 'no data' : `${value} working hours`);

/** The summary of a report for Slack and Teams: the key figures in words, and every chart as PNG. */
export async function buildReportSummary(figures: OutcomeFigures, label: string): Promise<ReportSummary> {
  const { enquiries, questions, period } = figures;
  const charts = [];
  for (const chart of reportCharts(figures)) {
    charts.push({ id: chart.id, title: chart.title, png: await svgToPng(await renderChartSvg(chart)) });
  }
  return {
    title: `${label} report: ${formatDate(period.from)} to ${formatDate(period.to)}`,
    lines: [
      `Enquiries logged: ${enquiries.logged}`,
      `First response: median ${hours(enquiries.firstResponse.medianHours)}, 90th percentile ${hours(enquiries.firstResponse.p90Hours)}`,
      `Resolution: median ${hours(enquiries.resolution.medianHours)}, 90th percentile ${hours(enquiries.resolution.p90Hours)}`,
      `SLA breaches (over ${enquiries.slaHours} working hours): ${enquiries.slaBreaches}`,
      `Open at the end of the period: ${enquiries.backlogByAge.reduce((sum, row) => sum + row.count, 0)}`,
      `Questions: ${questions.asked} (${questions.byOutcome.map((row) => `${row.count} ${row.key.replace(/_/g, ' ')}`).join(', ')})`,
      `Rated: ${questions.ratings.up} 👍, ${questions.ratings.down} 👎${questions.ratings.upRate === undefined ? '' : ` (${questions.ratings.upRate}% 👍)`}`,
    ],
    charts,
  };
}
