import { canonicalName } from '@sluice/ir';
import type { ModelIndex, VariableInfo } from '../engine/model-index.js';
import type { SeriesRun } from '../engine/run-model.js';
import { columnOf } from '../engine/series.js';

/**
 * What the language features read: the last model that parsed (kept while the text has errors,
 * so completion still knows the names) and the current run's values.
 */
export class LanguageState {
  index: ModelIndex | null = null;
  run: SeriesRun | null = null;

  /** The variable named at a 1-based position: a parsed name site, else the word there. */
  variableAt(line: number, column: number, word: string | undefined): VariableInfo | undefined {
    if (!this.index) return undefined;
    const site = this.index.siteAt(line, column);
    if (site) return this.index.get(site.ident);
    return word ? this.index.get(canonicalName(word)) : undefined;
  }

  /** A variable's value at the start and end of the current run. */
  values(ident: string): { first: number; last: number; startTime: number; endTime: number } | undefined {
    const run = this.run;
    const values = run ? columnOf(run, ident) : undefined;
    if (!run || !values || values.length === 0) return undefined;
    return {
      first: values[0] ?? NaN,
      last: values[values.length - 1] ?? NaN,
      startTime: run.times[0] ?? NaN,
      endTime: run.times[run.times.length - 1] ?? NaN,
    };
  }

  /** Units written anywhere in the model: declared units and every variable's units text. */
  units(): string[] {
    const out = new Set<string>();
    if (!this.index) return [];
    for (const u of this.index.project.units) {
      out.add(u.name);
      for (const a of u.aliases) out.add(a);
    }
    for (const v of this.index.variables.values()) if (v.units) out.add(v.units.trim());
    if (this.index.project.simSpecs.timeUnits) out.add(this.index.project.simSpecs.timeUnits);
    return [...out].filter(Boolean).sort();
  }

  /** The variable whose declaration holds a line: the last one declared at or above it. */
  variableDeclaredAbove(line: number): VariableInfo | undefined {
    if (!this.index) return undefined;
    let best: VariableInfo | undefined;
    for (const v of this.index.variables.values()) {
      if (v.loc && v.loc.line <= line && (!best?.loc || v.loc.line >= best.loc.line)) best = v;
    }
    return best;
  }
}
