import type { SeriesRun } from '../engine/run-model.js';

/** What every chart reads: the runs to show (the baseline among them) and the variables picked. */
export interface ResultsView {
  runs: SeriesRun[];
  /** The run others are compared against: the model text as written. */
  baseline: string;
  plotted: { ident: string; name: string; units?: string }[];
  timeUnits?: string;
}

/** Build a toolbar row above a chart. */
export function toolRow(...children: (HTMLElement | string)[]): HTMLDivElement {
  const row = document.createElement('div');
  row.className = 'chart-tools';
  for (const c of children) {
    if (typeof c === 'string') {
      const s = document.createElement('span');
      s.className = c;
      row.append(s);
    } else row.append(c);
  }
  return row;
}

export function button(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

/** A labelled control: `<label>text <control></label>`, so screen readers name it. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const l = document.createElement('label');
  l.append(`${text} `, control);
  return l;
}

export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e7 || a < 1e-4)) return v.toExponential(3);
  return v.toLocaleString('en', { maximumSignificantDigits: 6 });
}
