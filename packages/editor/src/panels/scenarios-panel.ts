import { download } from '../download.js';
import { compareAt } from '../engine/series.js';
import { printScenario, scenarioFileName, type Scenario } from '../engine/scenario.js';
import { csvField } from '../engine/results-csv.js';
import { button, formatValue, labelled, toolRow, type ResultsView } from '../charts/results-view.js';

export interface ScenarioEvents {
  /** The scenarios or the set shown changed: run again. */
  changed(): void;
  /** Save the sliders' current overrides under a name. */
  saveCurrent(name: string): void;
  /** Set the sliders to a scenario's values (as overrides, not in the text). */
  apply(s: Scenario): void;
  /** Open scenario files from disk. */
  open(): void;
}

/**
 * Named scenarios (sets of constant overrides): those next to an example model, opened from
 * files, or saved from the sliders. Ticked ones run beside the baseline; the table compares the
 * plotted variables of every run at a chosen time.
 */
export class ScenariosPanel {
  scenarios: Scenario[] = [];
  shown = new Set<string>();
  private readonly list = document.createElement('ul');
  private readonly table = document.createElement('div');
  private readonly time = document.createElement('input');
  private readonly nameBox = document.createElement('input');
  private view: ResultsView | null = null;

  constructor(panel: HTMLElement, private readonly events: ScenarioEvents) {
    this.list.className = 'scenario-list';
    this.time.type = 'number';
    this.time.id = 'compare-time';
    this.time.step = 'any';
    this.time.addEventListener('change', () => this.view && this.renderTable(this.view));
    this.nameBox.id = 'scenario-name';
    this.nameBox.placeholder = 'name';
    this.nameBox.size = 12;
    const save = () => {
      const name = this.nameBox.value.trim();
      if (!name) {
        this.nameBox.focus();
        return;
      }
      this.events.saveCurrent(name);
      this.nameBox.value = '';
    };
    this.nameBox.addEventListener('keydown', (e) => e.key === 'Enter' && save());
    panel.append(
      toolRow(
        button('Run all', 'Run every scenario and show them together', () => this.showAll(true)),
        button('Hide all', 'Show only the baseline and the sliders', () => this.showAll(false)),
        button('Open…', 'Open scenario files (.json)', () => this.events.open()),
        'spacer',
        labelled('Save sliders as', this.nameBox),
        button('Save', 'Save the current slider settings as a named scenario', save),
      ),
      this.list,
      toolRow(labelled('Compare at time', this.time), 'spacer', button('CSV', 'Download the comparison table as CSV', () => this.exportCsv())),
      this.table,
    );
  }

  setTime(t: number): void {
    this.time.value = String(t);
  }

  get compareTime(): number | undefined {
    return this.time.value === '' ? undefined : Number(this.time.value);
  }

  set(scenarios: Scenario[], shown: string[]): void {
    this.scenarios = scenarios;
    this.shown = new Set(shown.filter((n) => scenarios.some((s) => s.name === n)));
    this.renderList();
  }

  /** Add or replace (by name) scenarios. */
  add(scenarios: Scenario[], show: boolean): void {
    for (const s of scenarios) {
      this.scenarios = [...this.scenarios.filter((x) => x.name !== s.name), s];
      if (show) this.shown.add(s.name);
    }
    this.renderList();
    this.events.changed();
  }

  /** The scenarios to run, in list order. */
  active(): Scenario[] {
    return this.scenarios.filter((s) => this.shown.has(s.name));
  }

  update(view: ResultsView): void {
    this.view = view;
    this.renderTable(view);
  }

  private showAll(show: boolean): void {
    this.shown = new Set(show ? this.scenarios.map((s) => s.name) : []);
    this.renderList();
    this.events.changed();
  }

  private renderList(): void {
    if (this.scenarios.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = 'No scenarios yet: set the sliders and save them, or open scenario files.';
      this.list.replaceChildren(li);
      return;
    }
    this.list.replaceChildren(
      ...this.scenarios.map((s) => {
        const li = document.createElement('li');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = this.shown.has(s.name);
        box.id = `scenario-${s.name}`;
        box.addEventListener('change', () => {
          if (box.checked) this.shown.add(s.name);
          else this.shown.delete(s.name);
          this.events.changed();
        });
        const label = document.createElement('label');
        label.htmlFor = box.id;
        label.textContent = s.name;
        const overrides = Object.entries(s.overrides).map(([k, v]) => `${k} = ${v}`).join(', ');
        label.title = [s.description, overrides].filter(Boolean).join('\n');
        const desc = document.createElement('span');
        desc.className = 'desc';
        desc.textContent = overrides || 'no changes';
        li.append(
          box,
          label,
          desc,
          button('Sliders', `Set the sliders to ${s.name}`, () => this.events.apply(s)),
          button('Save', `Download ${s.name} as a scenario file`, () => download(scenarioFileName(s), printScenario(s), 'application/json')),
          button('Delete', `Remove ${s.name} from this workspace`, () => {
            this.scenarios = this.scenarios.filter((x) => x !== s);
            this.shown.delete(s.name);
            this.renderList();
            this.events.changed();
          }),
        );
        return li;
      }),
    );
  }

  private renderTable(view: ResultsView): void {
    const baseline = view.runs.find((r) => r.name === view.baseline);
    if (!baseline || view.plotted.length === 0) {
      this.table.replaceChildren();
      return;
    }
    if (this.time.value === '') this.time.value = String(baseline.times[baseline.times.length - 1] ?? 0);
    const rows = compareAt(view.runs, baseline, view.plotted.map((p) => p.ident), Number(this.time.value));
    const table = document.createElement('table');
    table.className = 'comparison';
    const caption = document.createElement('caption');
    caption.className = 'visually-hidden';
    caption.textContent = `Values at time ${this.time.value}, with the change against ${view.baseline}`;
    const head = document.createElement('tr');
    head.append(th('Run'), ...view.plotted.flatMap((p) => [th(p.name), th('Δ %')]));
    table.append(caption, head);
    for (const row of rows) {
      const tr = document.createElement('tr');
      tr.append(td(row.run));
      for (const cell of row.cells) {
        tr.append(td(formatValue(cell.value)));
        const change = td(row.run === view.baseline || cell.percent === undefined ? '' : `${cell.percent > 0 ? '+' : ''}${cell.percent.toFixed(1)}`);
        if (cell.percent) change.className = cell.percent > 0 ? 'up' : 'down';
        tr.append(change);
      }
      table.append(tr);
    }
    this.table.replaceChildren(table);
  }

  private exportCsv(): void {
    const view = this.view;
    const baseline = view?.runs.find((r) => r.name === view.baseline);
    if (!view || !baseline) return;
    const rows = compareAt(view.runs, baseline, view.plotted.map((p) => p.ident), Number(this.time.value));
    const lines = [['run', ...view.plotted.flatMap((p) => [p.name, `${p.name} change %`])].map(csvField).join(',')];
    for (const row of rows) lines.push([csvField(row.run), ...row.cells.flatMap((c) => [c.value ?? '', c.percent ?? ''])].join(','));
    download('scenario-comparison.csv', `${lines.join('\n')}\n`, 'text/csv');
  }
}

function th(text: string): HTMLTableCellElement {
  const c = document.createElement('th');
  c.scope = 'col';
  c.textContent = text;
  return c;
}

function td(text: string): HTMLTableCellElement {
  const c = document.createElement('td');
  c.textContent = text;
  return c;
}
