import type { TopLevelSpec } from 'vega-lite';
import type { Count } from './outcome-figures.js';

export type Chart = { id: string; title: string; rows: Count[]; valueLabel: string };

/** A horizontal bar chart of counts as a Vega-Lite spec (bars in the order given, values labelled). */
export function barChartSpec(chart: Chart): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    width: 320,
    background: 'white',
    data: { values: chart.rows.map((row, order) => ({ label: row.key, value: row.count, order })) },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelLimit: 180 } },
      x: { field: 'value', type: 'quantitative', title: chart.valueLabel, axis: { tickMinStep: 1 } },
    },
    layer: [
      { mark: { type: 'bar', color: '#1d70b8' } },
      { mark: { type: 'text', align: 'left', dx: 3 }, encoding: { text: { field: 'value', type: 'quantitative' } } },
    ],
    config: { font: 'DejaVu Sans, Arial, sans-serif', view: { stroke: null } },
  };
}

/** Renders a chart to SVG in Node with Vega's headless renderer (no browser, no canvas). */
export async function renderChartSvg(chart: Chart): Promise<string> {
  // Vega takes a third of a second to load: only a report that draws a chart loads it.
  const [{ Error: ErrorLevel, logger, parse, View }, { compile }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
  ]);
  const view = new View(parse(compile(barChartSpec(chart), { logger: logger(ErrorLevel) }).spec), {
    renderer: 'none',
    logLevel: ErrorLevel,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The same chart as PNG (for Slack and Teams, which do not show SVG), rasterised with resvg at twice the size. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true } }).render();
  return Buffer.from(rendered.asPng());
}
