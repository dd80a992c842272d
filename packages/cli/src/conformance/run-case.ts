import { canonicalName, formatDiagnostic, type SimSpecs } from '@sluice/ir';
import type { RunResult } from '@sluice/runtime';
import { join } from 'node:path';
import { runModelFile } from '../run/run-model.js';
import { compareWithExpected } from './compare.js';
import { readExpectedOutput } from './expected-output.js';
import type { ManifestEntry } from './manifest.js';

export interface CaseOutcome {
  entry: ManifestEntry;
  /** `folder/model_file`, how failures are named. */
  id: string;
  passed: boolean;
  /** Why it failed (the first bad cell, or the error), or what a broken file was refused with. */
  detail: string;
  cells: number;
}

/**
 * Run one manifest row through the same path as `sluice run`: a model must match its expected
 * output; a file marked broken must be refused with an error, never run and never crash.
 */
export function runCase(suiteDir: string, entry: ManifestEntry): CaseOutcome {
  const id = `${entry.folder}/${entry.modelFile}`;
  const modelPath = join(suiteDir, entry.folder, entry.modelFile);
  const outcome = (passed: boolean, detail: string, cells = 0): CaseOutcome => ({ entry, id, passed, detail, cells });
  let run;
  try {
    run = runModelFile(modelPath, { dataFiles: entry.dataFiles.map((f) => join(suiteDir, entry.folder, f)) });
  } catch (e) {
    return outcome(false, `crashed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (entry.role === 'broken') {
    if (run.ok) return outcome(false, 'a broken file ran instead of being refused');
    const first = run.diagnostics.find((d) => d.severity === 'error');
    return first ? outcome(true, `refused: ${formatDiagnostic(first, modelPath)}`) : outcome(false, 'refused without an error message');
  }
  if (!run.ok) {
    const first = run.diagnostics.find((d) => d.severity === 'error') ?? run.diagnostics[0];
    return outcome(false, first ? formatDiagnostic(first, modelPath) : 'failed without a message');
  }
  const expected = readExpectedOutput(join(suiteDir, entry.folder, entry.expectedOutput));
  const cmp = compareWithExpected(withControlColumns(run.value.result, run.value.project.simSpecs), expected, entry, entry.excludeColumns);
  return cmp.ok ? outcome(true, `${cmp.cells} cells`, cmp.cells) : outcome(false, cmp.firstBadCell, cmp.cells);
}

/**
 * Vensim writes its control variables (INITIAL TIME, FINAL TIME, TIME STEP, SAVEPER) as
 * columns, and outputs converted from Vensim keep them even where the model is XMILE, which
 * holds them as sim specs instead. Where the run has no such column, the sim specs give it.
 */
function withControlColumns(result: RunResult, specs: SimSpecs): RunResult {
  const have = new Set(result.columns.map((c) => canonicalName(c.name)));
  const n = result.times.length;
  const controls: [string, number][] = [
    ['INITIAL TIME', specs.start],
    ['FINAL TIME', specs.stop],
    ['TIME STEP', specs.dt],
    ['SAVEPER', specs.saveStep ?? specs.dt],
  ];
  const extra = controls
    .filter(([name]) => !have.has(canonicalName(name)))
    .map(([name, value]) => ({ name, ident: canonicalName(name), values: new Float64Array(n).fill(value) }));
  return extra.length === 0 ? result : { ...result, columns: [...result.columns, ...extra] };
}
