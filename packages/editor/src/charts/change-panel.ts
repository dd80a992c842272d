import uPlot from 'uplot';
import { download } from '../download.js';
import { compareAt, type ComparisonRow } from '../engine/series.js';
import { csvField } from '../engine/results-csv.js';
import { ChartFrame } from './chart-frame.js';
import { chartPng } from './export-chart.js';
import { fromZero } from './from-zero.js';
import { colour } from './palette.js';
import { button, formatValue, labelled, toolRow, type ResultsView } from './results-view.js';

/**
 * Bars of each run's change against the baseline at a chosen time, grouped by run, one bar per
 * picked variable; in per cent of the baseline or in the variable's own units.
 */
export class ChangePanel {
  private readonly frame: ChartFrame;
  private readonly time = document.createElement('input');
  private readonly mode = document.createElement('select');
  private view: ResultsView | null = null;
  private rows: ComparisonRow[] = [];

  constructor(panel: HTMLElement, onTime: (t: number) => void) {
    this.time.type = 'number';
    this.time.id = 'change-time';
    this.time.step = 'any';
    this.time.addEventListener('change', () => {
      onTime(Number(this.time.value));
      if (this.view) this.update(this.view);
    });
    for (const [value, text] of [['percent', '% of baseline'], ['absolute', 'absolute']] as const) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = text;
      this.mode.append(o);
    }
    this.mode.addEventListener('change', () => this.view && this.update(this.view));
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.dataset.chart = 'change';
    panel.append(
      toolRow(
        labelled('At time', this.time),
        labelled('Change as', this.mode),
        'spacer',
        button('PNG', 'Download this chart as a PNG image', () => this.exportPng()),
        button('CSV', 'Download the compared values as CSV', () => this.exportCsv()),
      ),
      box,
    );
    this.frame = new ChartFrame(box);
  }

  setTime(t: number): void {
    this.time.value = String(t);
  }

  update(view: ResultsView): void {
    this.view = view;
    const baseline = view.runs.find((r) => r.name === view.baseline);
    const others = view.runs.filter((r) => r !== baseline);
    if (!baseline || others.length === 0 || view.plotted.length === 0) {
      this.rows = [];
      this.frame.clear('Move a slider or run scenarios to compare against the baseline.');
      return;
    }
    if (this.time.value === '') this.time.value = String(baseline.times[baseline.times.length - 1] ?? 0);
    const t = Number(this.time.value);
    const percent = this.mode.value === 'percent';
    this.rows = compareAt(others, baseline, view.plotted.map((p) => p.ident), t);
    // Grouped bars: each run is a category at x = 0, 1, …; its bars sit side by side around it.
    const nVars = view.plotted.length;
    const width = 0.8 / nVars;
    const xs: number[] = [];
    const columns: (number | null)[][] = view.plotted.map(() => []);
    this.rows.forEach((row, r) => {
      row.cells.forEach((cell, v) => {
        xs.push(r + (v - (nVars - 1) / 2) * width);
        columns.forEach((col, c) => col.push(c === v ? ((percent ? cell.percent : cell.change) ?? null) : null));
      });
    });
    const names = this.rows.map((r) => r.run);
    const bars = uPlot.paths.bars?.({ size: [0.7, 90], align: 0 });
    const series: uPlot.Series[] = [
      { label: 'Run', value: (_u, x) => names[Math.round(x)] ?? '' },
      ...view.plotted.map((p, v) => ({
        label: percent ? `${p.name} (%)` : p.units ? `${p.name} (${p.units})` : p.name,
        stroke: colour(v),
        fill: colour(v),
        width: 0,
        ...(bars ? { paths: bars } : {}),
        points: { show: false },
        value: (_u: uPlot, y: number | null) => formatValue(y),
      })),
    ];
    const shape = `${names.join('|')}#${series.map((s) => String(s.label)).join('|')}#${percent}`;
    this.frame.show(
      shape,
      () => ({
        series,
        scales: {
          x: { time: false, range: [-0.5, Math.max(0.5, names.length - 0.5)] },
          y: { range: (_u, min, max) => fromZero(min, max) },
        },
        axes: [
          { splits: () => names.map((_, i) => i), values: (_u, splits) => splits.map((s) => names[Math.round(s)] ?? '') },
          { size: 70, label: percent ? 'change, % of baseline' : 'change', values: (_u, splits) => splits.map((v) => formatValue(v)) },
        ],
        cursor: { drag: { x: false, y: false } },
      }),
      [xs, ...columns] as uPlot.AlignedData,
    );
  }

  private exportPng(): void {
    const plot = this.frame.chart;
    if (plot) void chartPng(plot, `Change against ${this.view?.baseline ?? 'baseline'} at time ${this.time.value}`).then((b) => download('change.png', b));
  }

  private exportCsv(): void {
    if (!this.view) return;
    const lines = ['run,variable,time,value,change,percent_change'];
    for (const row of this.rows) {
      row.cells.forEach((cell) => {
        const name = this.view?.plotted.find((p) => p.ident === cell.ident)?.name ?? cell.ident;
        lines.push([csvField(row.run), csvField(name), this.time.value, cell.value ?? '', cell.change ?? '', cell.percent ?? ''].join(','));
      });
    }
    download('change.csv', `${lines.join('\n')}\n`, 'text/csv');
  }
}
