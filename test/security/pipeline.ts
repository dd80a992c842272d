// The path a model file takes through Sluice, by library calls: parseModel (the reader the
// CLI and the editor share, by extension), compile, simulate. Every stage returns a Result;
// the first stage that refuses the model ends the trip.
import { detectFormat, parseModel } from '@sluice/formats';
import { compile, type CompiledModel } from '@sluice/compiler';
import { simulate, type RunResult } from '@sluice/runtime';
import { formatDiagnostic, type Diagnostic, type Project } from '@sluice/ir';

export type Stage = 'import' | 'compile' | 'simulate';

export interface Trip {
  /** The stage that refused the model, or `done`. */
  reached: Stage | 'done';
  diagnostics: Diagnostic[];
  project?: Project;
  compiled?: CompiledModel;
  run?: RunResult;
}

export function travel(text: string, file: string): Trip {
  const format = detectFormat(file, text);
  if (!format) throw new Error(`no reader for ${file}`);
  const imported = parseModel(text, format, { file });
  if (!imported.ok) return { reached: 'import', diagnostics: imported.diagnostics };
  const compiled = compile(imported.value);
  if (!compiled.ok) return { reached: 'compile', diagnostics: compiled.diagnostics, project: imported.value };
  const run = simulate(compiled.value);
  if (!run.ok) return { reached: 'simulate', diagnostics: run.diagnostics, project: imported.value, compiled: compiled.value };
  return { reached: 'done', diagnostics: [...imported.warnings, ...compiled.warnings, ...run.warnings], project: imported.value, compiled: compiled.value, run: run.value };
}

/** The errors of a trip as the CLI prints them. */
export function errorLines(trip: Trip): string[] {
  return trip.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
}

/** A run's column by display name, as plain numbers. */
export function column(trip: Trip, name: string): number[] {
  const c = trip.run?.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name} in ${trip.run?.columns.map((x) => x.name).join(', ')}`);
  return [...c.values];
}
