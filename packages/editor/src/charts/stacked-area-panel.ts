import type uPlot from 'uplot';
import { download } from '../download.js';
import { columnOf } from '../engine/series.js';
import { ChartFrame } from './chart-frame.js';
import { chartPng } from './export-chart.js';
import { csvField } from '../engine/results-csv.js';
import { fromZero } from './from-zero.js';
import { colour, translucent } from './palette.js';
import { button, formatValue, labelled, toolRow, type ResultsView } from './results-view.js';

/**
 * The picked variables of one run stacked on each other (spend by placement type, people by
 * stage). The legend shows each variable's own value, not the running total the chart draws.
 */
export class StackedAreaPanel {
  private readonly frame: ChartFrame;
  private readonly run = document.createElement('select');
  private view: ResultsView | null = null;
  /** What the CSV holds: each variable's own values, not the stacked totals. */
  private shown: { times: Float64Array; names: string[]; values: Float64Array[] } | null = null;

  constructor(panel: HTMLElement) {
    this.run.id = 'stacked-run';
    this.run.addEventListener('change', () => this.view && this.update(this.view));
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.dataset.chart = 'stacked';
    panel.append(
      toolRow(
        labelled('Run', this.run),
        'spacer',
        button('PNG', 'Download this chart as a PNG image', () => this.exportPng()),
        button('CSV', 'Download the stacked values as CSV', () => this.exportCsv()),
      ),
      box,
    );
    this.frame = new ChartFrame(box);
  }

  update(view: ResultsView): void {
    this.view = view;
    const chosen = this.run.value;
    this.run.replaceChildren(
      ...view.runs.map((r) => {
        const o = document.createElement('option');
        o.value = o.textContent = r.name;
        return o;
      }),
    );
    const run = view.runs.find((r) => r.name === chosen) ?? view.runs[0];
    if (!run || view.plotted.length === 0) {
      this.frame.clear(run ? 'Pick variables to plot below.' : 'No results yet.');
      return;
    }
    this.run.value = run.name;
    const own: Float64Array[] = [];
    const picked = view.plotted.filter((p) => {
      const values = columnOf(run, p.ident);
      if (values) own.push(values);
      return values !== undefined;
    });
    // Series i draws the sum of the first i variables; a band fills between it and the one below.
    const totals: Float64Array[] = [];
    own.forEach((values, i) => {
      const below = totals[i - 1];
      totals.push(values.map((v, k) => v + (below ? (below[k] ?? 0) : 0)));
    });
    const series: uPlot.Series[] = [
      { label: view.timeUnits ? `Time (${view.timeUnits})` : 'Time' },
      ...picked.map((p, i) => ({
        label: p.name,
        stroke: colour(i),
        fill: translucent(colour(i), 0.45),
        width: 1,
        value: (u: uPlot, _y: number | null, _s: number, idx: number | null) => formatValue(idx === null ? null : own[i]?.[idx]),
      })),
    ];
    const bands: uPlot.Band[] = picked.slice(1).map((_, i) => ({ series: [i + 2, i + 1], fill: translucent(colour(i + 1), 0.45) }));
    // Only the bottom series fills down to zero; the bands fill the rest.
    series.forEach((s, i) => {
      if (i > 1) delete s.fill;
    });
    this.shown = { times: run.times, names: picked.map((p) => p.name), values: own };
    const shape = `${run.name}#${picked.map((p) => p.ident).join('|')}`;
    this.frame.show(
      shape,
      () => ({
        series,
        bands,
        // Stacked areas are read from zero: an axis cut above it would misstate every share.
        scales: { x: { time: false }, y: { range: (_u, min, max) => fromZero(min, max) } },
        axes: [{ label: String(series[0]?.label ?? 'Time') }, { size: 70, values: (_u, splits) => splits.map((v) => formatValue(v)) }],
      }),
      [run.times, ...totals] as uPlot.AlignedData,
    );
  }

  private exportPng(): void {
    const plot = this.frame.chart;
    if (plot) void chartPng(plot, `Stacked: ${this.run.value}`).then((b) => download('stacked-area.png', b));
  }

  private exportCsv(): void {
    const shown = this.shown;
    if (!shown) return;
    const lines = [['time', ...shown.names].map(csvField).join(',')];
    shown.times.forEach((t, i) => lines.push([t, ...shown.values.map((v) => v[i])].join(',')));
    download('stacked-area.csv', `${lines.join('\n')}\n`, 'text/csv');
  }
}
