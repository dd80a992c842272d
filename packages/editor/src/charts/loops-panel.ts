import type uPlot from 'uplot';
import type { LoopScoresRequest, LoopScoresResponse } from '../engine/loop-scores.js';
import type { ModelFormat } from '../engine/model-format.js';
import { LoopsClient } from '../worker/loops-client.js';
import { ChartFrame } from './chart-frame.js';
import { colour } from './palette.js';
import { formatValue, labelled, toolRow } from './results-view.js';

/** What the panel needs from the editor each time it may have to refresh. */
export interface LoopsInput {
  text: string;
  format: ModelFormat;
  file: string;
  overrides: Record<string, number>;
  /** The variable under the cursor (or declared above it). */
  cursor?: { ident: string; name: string };
  /** The stocks to offer in the picker. */
  stocks: { ident: string; name: string }[];
}

/** Moving the cursor through the text asks for new scores only once it rests. */
const SETTLE_MS = 250;

const polarityWords = { R: 'reinforcing', B: 'balancing', '?': 'polarity unknown' } as const;

/**
 * The loops through one variable (the one under the cursor, or a picked stock) with their names
 * and polarity, and a chart of their relative loop scores over time (Loops That Matter):
 * reinforcing loops score above zero, balancing ones below, and the loop farthest from zero
 * dominates the variable's behaviour at that time. Scores come from a worker of their own.
 */
export class LoopsPanel {
  private readonly frame: ChartFrame;
  private readonly picker = document.createElement('select');
  private readonly note = document.createElement('span');
  private readonly list = document.createElement('ul');
  private readonly client: LoopsClient;
  private input: LoopsInput | null = null;
  private requestedKey = '';
  private stocksKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(panel: HTMLElement, createWorker: () => Worker) {
    this.picker.id = 'loops-variable';
    this.picker.addEventListener('change', () => this.refresh(0));
    this.note.className = 'spacer loops-note';
    this.note.setAttribute('role', 'status');
    const box = document.createElement('div');
    box.className = 'chart-box loops-chart';
    box.dataset.chart = 'loops';
    this.list.className = 'loop-list';
    this.list.setAttribute('aria-label', 'Loops through the variable');
    panel.append(toolRow(labelled('Loops through', this.picker), this.note), box, this.list);
    this.frame = new ChartFrame(box);
    this.frame.clear('Put the cursor on a variable, or pick a stock.');
    this.client = new LoopsClient(createWorker, (response, request) => this.show(response, request));
  }

  /** Call when the panel is visible and the text, overrides or cursor may have changed. */
  update(input: LoopsInput): void {
    this.input = input;
    this.fillPicker(input.stocks);
    this.refresh(SETTLE_MS);
  }

  private fillPicker(stocks: LoopsInput['stocks']): void {
    const key = stocks.map((s) => s.ident).join('\n');
    if (key === this.stocksKey) return;
    this.stocksKey = key;
    const chosen = this.picker.value;
    this.picker.replaceChildren(new Option('the variable under the cursor', ''), ...stocks.map((s) => new Option(s.name, s.ident)));
    this.picker.value = stocks.some((s) => s.ident === chosen) ? chosen : '';
  }

  private refresh(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.ask(), delay);
  }

  private ask(): void {
    const input = this.input;
    if (!input) return;
    const variable = this.picker.value || input.cursor?.ident;
    if (!variable) {
      this.requestedKey = '';
      this.note.textContent = '';
      this.list.replaceChildren();
      this.frame.clear('Put the cursor on a variable, or pick a stock.');
      return;
    }
    const request: LoopScoresRequest = { text: input.text, format: input.format, file: input.file, variable, overrides: input.overrides };
    const key = JSON.stringify([request.format, request.file, request.variable, request.overrides, request.text]);
    if (key === this.requestedKey) return;
    this.requestedKey = key;
    this.note.textContent = 'Scoring loops…';
    this.client.run(request);
  }

  private show(response: LoopScoresResponse, request: LoopScoresRequest): void {
    const name = [...this.picker.options].find((o) => o.value === request.variable)?.text ?? this.input?.cursor?.name ?? request.variable;
    const errors = response.diagnostics.filter((d) => d.severity === 'error');
    const warnings = response.diagnostics.filter((d) => d.severity !== 'error');
    this.list.replaceChildren(...response.loops.map((l, i) => this.loopItem(l, i)));
    if (errors.length > 0) {
      this.note.textContent = '';
      this.frame.clear(errors.map((d) => d.message).join('; '));
      // A request the worker could not finish may be asked again after the next change.
      this.requestedKey = '';
      return;
    }
    if (response.loops.length === 0) {
      this.note.textContent = '';
      this.frame.clear(`No feedback loop passes through ${name}.`);
      return;
    }
    const shown = response.loops.length < response.total ? `the ${response.loops.length} strongest of ${response.total} loops` : `${response.total} loop${response.total === 1 ? '' : 's'}`;
    const count = `${shown} through ${name}, scored in ${Math.round(response.elapsed)} ms`;
    this.note.textContent = warnings.length ? `${count}; ${warnings.map((d) => d.message).join('; ')}` : count;
    const series: uPlot.Series[] = [{ label: 'Time' }];
    const data: (Float64Array | (number | null)[])[] = [response.times];
    response.loops.forEach((l, i) => {
      series.push({ label: loopLabel(l), stroke: colour(i), width: 1.75, value: (_u, y) => formatValue(y) });
      // uPlot draws a gap for null; a score is NaN where it has no previous step or a link is unscored.
      data.push(Array.from(l.relativeScore, (v) => (Number.isFinite(v) ? v : null)));
    });
    this.frame.show(
      series.map((s) => `${String(s.label)}|${String(s.stroke)}`).join('\n'),
      () => ({
        series,
        scales: { x: { time: false }, y: { range: [-1, 1] } },
        axes: [{ label: 'Time' }, { size: 60, label: 'Relative loop score' }],
        legend: { live: true },
        cursor: { drag: { x: true, y: false } },
      }),
      data as uPlot.AlignedData,
    );
  }

  private loopItem(l: LoopScoresResponse['loops'][number], i: number): HTMLLIElement {
    const li = document.createElement('li');
    li.dataset.polarity = l.polarity;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour(i);
    const title = document.createElement('strong');
    title.textContent = loopLabel(l);
    const kind = document.createElement('span');
    kind.className = 'polarity';
    kind.textContent = ` ${polarityWords[l.polarity]}`;
    const path = document.createElement('div');
    path.className = 'loop-path';
    path.textContent = [...l.variables, l.variables[0] ?? ''].join(' → ');
    li.append(swatch, title, kind, path);
    return li;
  }
}

function loopLabel(l: { name: string; doc?: string }): string {
  return l.doc ? `${l.name} ${l.doc}` : l.name;
}
