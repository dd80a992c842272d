import { canonicalName, type Result } from '@sluice/ir';
import type { CompiledModel } from '@sluice/compiler';
import { simulate, type RunResult } from '@sluice/runtime';
import type { Scenario } from './scenario-file.js';

export interface ScenarioRow {
  scenario: string;
  variable: string;
  value: number;
  baseline: number;
  /** Relative change against the baseline, as a fraction (NaN when the baseline is 0). */
  change: number;
}

function valueAt(result: RunResult, name: string, time: number): number {
  const key = canonicalName(name);
  const col = result.columns.find((c) => canonicalName(c.name) === key || c.ident === key);
  if (!col) return NaN;
  let best = 0;
  for (let k = 1; k < result.times.length; k++) {
    if (Math.abs(result.times[k]! - time) < Math.abs(result.times[best]! - time)) best = k;
  }
  return col.values[best]!;
}

/**
 * Run the baseline (no overrides) and every scenario on one compiled model, and compare each
 * variable at `time` with the baseline.
 */
export function compareScenarios(
  compiled: CompiledModel,
  scenarios: Scenario[],
  variables: string[],
  time: number,
): Result<ScenarioRow[]> {
  const base = simulate(compiled, {});
  if (!base.ok) return base;
  const rows: ScenarioRow[] = [];
  for (const s of scenarios) {
    const run = simulate(compiled, { overrides: s.overrides });
    if (!run.ok) return run;
    for (const v of variables) {
      const value = valueAt(run.value, v, time);
      const baseline = valueAt(base.value, v, time);
      rows.push({ scenario: s.name, variable: v, value, baseline, change: baseline === 0 ? NaN : value / baseline - 1 });
    }
  }
  return { ok: true, value: rows, warnings: [] };
}
