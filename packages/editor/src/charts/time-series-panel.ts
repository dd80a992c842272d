import type uPlot from 'uplot';
import { download } from '../download.js';
import { columnOf } from '../engine/series.js';
import { ChartFrame } from './chart-frame.js';
import { chartCsv, chartPng } from './export-chart.js';
import { colour, dash } from './palette.js';
import { button, formatValue, toolRow, type ResultsView } from './results-view.js';

/**
 * Time series of the picked variables, every run overlaid. One variable over several runs gets a
 * colour per run; several variables get a colour each and a dash pattern per run.
 */
export class TimeSeriesPanel {
  private readonly frame: ChartFrame;
  private view: ResultsView | null = null;

  constructor(panel: HTMLElement) {
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.dataset.chart = 'time-series';
    panel.append(
      toolRow(
        'spacer',
        button('PNG', 'Download this chart as a PNG image', () => this.exportPng()),
        button('CSV', 'Download the data of this chart as CSV', () => this.exportCsv()),
      ),
      box,
    );
    this.frame = new ChartFrame(box);
  }

  update(view: ResultsView): void {
    this.view = view;
    const first = view.runs[0];
    if (!first || view.plotted.length === 0) {
      this.frame.clear(first ? 'Pick variables to plot below.' : 'No results yet.');
      return;
    }
    const byRun = view.plotted.length === 1 && view.runs.length > 1;
    const series: uPlot.Series[] = [{ label: view.timeUnits ? `Time (${view.timeUnits})` : 'Time' }];
    const data: (Float64Array | number[])[] = [first.times];
    const baselineOf = new Map<string, Float64Array>();
    for (const p of view.plotted) {
      const values = view.runs.find((r) => r.name === view.baseline);
      const column = values ? columnOf(values, p.ident) : undefined;
      if (column) baselineOf.set(p.ident, column);
    }
    view.runs.forEach((run, r) => {
      view.plotted.forEach((p, v) => {
        const values = columnOf(run, p.ident);
        if (!values || values.length !== first.times.length) return;
        const base = run.name === view.baseline ? undefined : baselineOf.get(p.ident);
        series.push({
          label: view.runs.length > 1 ? `${p.name} · ${run.name}` : p.name,
          stroke: colour(byRun ? r : v),
          width: run.name === view.baseline && view.runs.length > 1 ? 2.5 : 1.75,
          dash: byRun ? [] : dash(r),
          // Hovering a run other than the baseline shows its change against the baseline too.
          value: (_u, y, _s, idx) => {
            const b = base && idx !== null ? base[idx] : undefined;
            return b === undefined || y === null ? formatValue(y) : `${formatValue(y)} (Δ ${y - b >= 0 ? '+' : ''}${formatValue(y - b)})`;
          },
        });
        data.push(values);
      });
    });
    const shape = series.map((s) => `${String(s.label)}|${String(s.stroke)}`).join('\n');
    this.frame.show(
      shape,
      () => ({
        series,
        scales: { x: { time: false } },
        axes: [{ label: series[0]?.label as string }, { size: 70, values: (_u, splits) => splits.map((v) => formatValue(v)) }],
        legend: { live: true },
        cursor: { drag: { x: true, y: false } },
      }),
      data as uPlot.AlignedData,
    );
  }

  private exportPng(): void {
    const plot = this.frame.chart;
    if (plot) void chartPng(plot, 'Time series').then((blob) => download('time-series.png', blob));
  }

  private exportCsv(): void {
    const plot = this.frame.chart;
    if (plot) download('time-series.csv', chartCsv(plot), 'text/csv');
  }
}
