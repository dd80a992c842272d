import { canonicalName } from '@sluice/ir';
import type { ModelIndex } from '../engine/model-index.js';

/**
 * The list of variables with a checkbox each: the ones ticked are plotted. Stocks are ticked
 * first when a model opens and nothing was picked before.
 */
export class VariablePicker {
  private picked: string[] = [];
  private index: ModelIndex | null = null;
  /** The variables the list shows, so a run that changes none of them leaves the list alone. */
  private listKey = '';

  constructor(
    private readonly list: HTMLElement,
    private readonly filter: HTMLInputElement,
    private readonly onChange: (picked: string[]) => void,
  ) {
    filter.addEventListener('input', () => this.render());
  }

  get selected(): string[] {
    return this.index ? this.picked.filter((p) => this.index?.get(p)) : this.picked;
  }

  set(picked: string[]): void {
    this.picked = [...picked];
    this.render();
    this.onChange(this.selected);
  }

  /** A new model: nothing picked yet, so its first results pick the stocks. */
  reset(): void {
    this.index = null;
    this.picked = [];
    this.listKey = '';
    this.list.replaceChildren();
  }

  update(index: ModelIndex | null): void {
    const first = this.index === null;
    this.index = index;
    if (index && first && this.selected.length === 0) {
      const stocks = [...index.variables.values()].filter((v) => v.kind === 'stock').slice(0, 3);
      const first = stocks.length > 0 ? stocks : [...index.variables.values()].slice(0, 1);
      this.picked = first.map((v) => v.ident);
    }
    // Rebuilding hundreds of rows on every keystroke costs a full layout of the page.
    if (!index || listKeyOf(index) !== this.listKey) this.render();
  }

  private render(): void {
    const index = this.index;
    if (!index) return;
    this.listKey = listKeyOf(index);
    // Spaces and underscores are the same in a name, so `in care` finds `Children_in_Care`.
    const needle = canonicalName(this.filter.value);
    const items = [...index.variables.values()].filter((v) => !needle || v.ident.includes(needle));
    this.list.replaceChildren(
      ...items.map((v) => {
        const li = document.createElement('li');
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = this.picked.includes(v.ident);
        box.dataset.ident = v.ident;
        box.addEventListener('change', () => {
          this.picked = box.checked ? [...this.picked, v.ident] : this.picked.filter((p) => p !== v.ident);
          this.onChange(this.selected);
        });
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = v.kind;
        label.append(box, ` ${v.name}`, kind);
        if (v.units) label.title = v.units;
        li.append(label);
        return li;
      }),
    );
  }
}

/** Everything a row of the list shows but its tick. */
function listKeyOf(index: ModelIndex): string {
  return [...index.variables.values()].map((v) => `${v.ident}|${v.name}|${v.kind}|${v.units ?? ''}`).join('\n');
}
