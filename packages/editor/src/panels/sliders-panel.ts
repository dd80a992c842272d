import { canonicalName } from '@sluice/ir';
import type { ModelIndex, VariableInfo } from '../engine/model-index.js';
import { formatNumber } from '../engine/constant-edit.js';
import { overrideOf } from '../engine/overrides.js';
import { sliderRange, snapToStep, type SliderRange } from '../engine/slider-range.js';

export interface SliderEvents {
  /** A value is being dragged: run with it as an override, leave the text alone. */
  drag(variable: VariableInfo, value: number): void;
  /** The value was let go (or typed): write it into the text. */
  commit(variable: VariableInfo, value: number): void;
}

interface SliderRow {
  variable: VariableInfo;
  range: SliderRange;
  slider: HTMLInputElement;
  box: HTMLInputElement;
  label: HTMLLabelElement;
}

/**
 * One slider per constant of the model. Dragging overrides the constant for the next runs without
 * touching the text; letting go writes the value into the text, as one undo step.
 */
export class SlidersPanel {
  private rows = new Map<string, SliderRow>();
  private shapeKey = '';

  constructor(
    private readonly container: HTMLElement,
    private readonly filter: HTMLInputElement,
    private readonly events: SliderEvents,
  ) {
    filter.addEventListener('input', () => this.applyFilter());
  }

  /** Show only the constants whose name, units or documentation hold the filter text. */
  private applyFilter(): void {
    const needle = canonicalName(this.filter.value);
    for (const row of this.rows.values()) {
      const v = row.variable;
      const hit = !needle || [v.ident, v.units ?? '', v.doc ?? ''].some((t) => canonicalName(t).includes(needle));
      for (const el of [row.label, row.slider, row.box]) el.hidden = !hit;
    }
  }

  update(index: ModelIndex | null, overrides: Record<string, number>): void {
    const constants = index?.constants() ?? [];
    const key = constants.map((c) => `${c.ident}|${c.units ?? ''}|${c.doc ?? ''}`).join('\n');
    if (key !== this.shapeKey) this.rebuild(constants);
    for (const c of constants) {
      const row = this.rows.get(c.ident);
      if (!row) continue;
      row.variable = c;
      const overridden = overrideOf(overrides, c.ident);
      const value = overridden ?? c.constant ?? 0;
      // Never move a slider under the user's pointer; an unchanged value is not written, so a
      // keystroke elsewhere does not make the page lay out every slider again.
      if (document.activeElement !== row.slider && row.slider.value !== String(value)) row.slider.value = String(value);
      if (document.activeElement !== row.box && row.box.value !== formatNumber(value)) row.box.value = formatNumber(value);
      row.label.classList.toggle('changed', overridden !== undefined);
    }
  }

  private rebuild(constants: VariableInfo[]): void {
    this.shapeKey = constants.map((c) => `${c.ident}|${c.units ?? ''}|${c.doc ?? ''}`).join('\n');
    this.rows.clear();
    this.container.replaceChildren();
    if (constants.length === 0) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'No constants: write `const name = number` to get a slider.';
      this.container.append(p);
      return;
    }
    for (const variable of constants) {
      const value = variable.constant ?? 0;
      const range = sliderRange(value, variable.units, variable.doc);
      const id = `slider-${canonicalName(variable.ident)}`;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = variable.name;
      label.title = [variable.units, variable.doc].filter(Boolean).join('\n');
      const slider = document.createElement('input');
      slider.type = 'range';
      slider.id = id;
      slider.min = String(range.min);
      slider.max = String(range.max);
      slider.step = String(range.step);
      slider.value = String(value);
      slider.dataset.ident = variable.ident;
      slider.setAttribute('aria-describedby', `${id}-value`);
      const box = document.createElement('input');
      box.type = 'number';
      box.id = `${id}-value`;
      box.step = 'any';
      box.value = formatNumber(value);
      box.setAttribute('aria-label', `${variable.name} value${variable.units ? ` (${variable.units})` : ''}`);
      const row: SliderRow = { variable, range, slider, box, label };
      slider.addEventListener('input', () => {
        const v = snapToStep(Number(slider.value), range);
        box.value = formatNumber(v);
        this.events.drag(row.variable, v);
      });
      slider.addEventListener('change', () => this.events.commit(row.variable, snapToStep(Number(slider.value), range)));
      box.addEventListener('change', () => {
        const v = Number(box.value);
        if (box.value.trim() !== '' && Number.isFinite(v)) this.events.commit(row.variable, v);
      });
      this.rows.set(variable.ident, row);
      this.container.append(label, slider, box);
    }
    this.applyFilter();
  }
}
