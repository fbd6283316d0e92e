import { formatDate } from '../knowledge/format.js';
import { type Chart, renderChartSvg } from './charts.js';
import type { OutcomeFigures } from './outcome-figures.js';
import { reportCharts } from './report-charts.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,Arial,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#0b0c0c}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:0}
.figure{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;border-top:1px solid #b1b4b6;padding:1rem 0}
.chart{flex:1 1 360px;min-width:0}.chart svg{max-width:100%;height:auto}
table{border-collapse:collapse;flex:1 1 260px}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #e0e0e0}
td.n{text-align:right;font-variant-numeric:tabular-nums}.key{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:.6rem}
.key div{background:#f3f2f1;padding:.6rem}.key strong{display:block;font-size:1.4rem}`;

function table(chart: Chart): string {
  const rows = chart.rows
    .map((row) => `<tr><td>${escapeHtml(row.key)}</td><td class="n">${row.count}</td></tr>`)
    .join('');
  return `<table aria-label="${escapeHtml(chart.title)}"><thead><tr><th scope="col">${escapeHtml(chart.title)}</th><th scope="col">${escapeHtml(chart.valueLabel)}</th></tr></thead><tbody>${rows || '<tr><td colspan="2">None</td></tr>'}</tbody></table>`;
}

const hours = (value: number | undefined) => (value === undefined ? 'no data' : `${value} working hours`);

/** One self-contained HTML page: key figures, then each chart (inline SVG) with its figures in a table beside it. */
export async function reportHtml(figures: OutcomeFigures): Promise<string> {
  const { enquiries, questions, period } = figures;
  const title = `Skills Desk outcomes, ${formatDate(period.from)} to ${formatDate(period.to)}`;
  const key = [
    ['Enquiries logged', String(enquiries.logged)],
    ['First response, median', hours(enquiries.firstResponse.medianHours)],
    ['First response, 90th percentile', hours(enquiries.firstResponse.p90Hours)],
    ['Resolution, median', hours(enquiries.resolution.medianHours)],
    ['Resolution, 90th percentile', hours(enquiries.resolution.p90Hours)],
    [`SLA breaches (over ${enquiries.slaHours} working hours)`, String(enquiries.slaBreaches)],
    ['Questions asked', String(questions.asked)],
    [
      // Words, not emoji: a browser or PDF without an emoji font shows empty boxes.
      'Rated helpful / not helpful',
      `${questions.ratings.up} / ${questions.ratings.down}${questions.ratings.upRate === undefined ? '' : ` (${questions.ratings.upRate}% helpful)`}`,
    ],
  ]
    .map(([label, value]) => `<div><span>${escapeHtml(label!)}</span><strong>${escapeHtml(value!)}</strong></div>`)
    .join('');
  const sections: string[] = [];
  for (const chart of reportCharts(figures)) {
    // A chart of nothing (no questions in the period) is a sentence, not an empty axis.
    const nothing = chart.rows.every((row) => row.count === 0);
    const drawn = nothing
      ? `<p class="chart">No ${escapeHtml(chart.valueLabel)} in this period.</p>`
      : `<div class="chart" role="img" aria-label="${escapeHtml(chart.title)}">${await renderChartSvg(chart)}</div>`;
    sections.push(`<section class="figure" id="${chart.id}">${drawn}${table(chart)}</section>`);
  }
  const reasons = questions.downReasons
    .map((row) => `<tr><td>${escapeHtml(row.key)}</td><td class="n">${row.count}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>Enquiries logged in the period, as they stood at its end. Times are in working hours: 09:00 to 17:00 London time, Monday to Friday, England and Wales bank holidays left out. Figures only: no contact details.</p>
<div class="key">${key}</div>
${sections.join('\n')}
<section class="figure" id="down-reasons"><table aria-label="Reasons given with “not helpful”"><thead><tr><th scope="col">Reasons given with “not helpful”</th><th scope="col">times</th></tr></thead><tbody>${reasons || '<tr><td colspan="2">None</td></tr>'}</tbody></table></section>
</body></html>
`;
}
