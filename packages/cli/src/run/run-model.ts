import type { IntegrationMethod, Project, Result } from '@sluice/ir';
import { compile, type CompiledModel } from '@sluice/compiler';
import { simulate, type RunResult } from '@sluice/runtime';
import { loadModelData, loadModelWithData } from '../load/data-files.js';
import type { LoadOptions } from '../load/model-file.js';
import { DEFAULT_MAX_BYTES } from '../load/read-text.js';

export interface RunModelOptions extends LoadOptions {
  method?: IntegrationMethod;
  start?: number;
  stop?: number;
  dt?: number;
  saveStep?: number;
  /** Constant overrides by variable name (any spelling `canonicalName` folds together). */
  overrides?: Record<string, number>;
  /** Store and report only these variables. */
  vars?: string[];
  seed?: number;
  /** `.tab`/`.csv` runs for Vensim data variables, and spreadsheets GET functions may read from outside the model's folder. */
  dataFiles?: string[];
}

export interface ModelRun {
  project: Project;
  compiled: CompiledModel;
  result: RunResult;
}

/**
 * Load, compile and simulate a model file: the one path `sluice run`, the conformance suite
 * and the scenario runner all take, so what the tests check is what users get.
 */
export function runModelFile(path: string, options: RunModelOptions = {}): Result<ModelRun> {
  const read = loadModelWithData(path, options, options.dataFiles ?? []);
  if (!read.ok) return read;
  const data = loadModelData(read.value, path, options.dataFiles ?? [], options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!data.ok) return data;
  const loaded = { ...data, warnings: [...read.warnings, ...data.warnings] };
  const compiled = compile(loaded.value, options.method ? { method: options.method } : {});
  if (!compiled.ok) return compiled;
  const result = simulate(compiled.value, {
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.start !== undefined ? { start: options.start } : {}),
    ...(options.stop !== undefined ? { stop: options.stop } : {}),
    ...(options.dt !== undefined ? { dt: options.dt } : {}),
    ...(options.saveStep !== undefined ? { saveStep: options.saveStep } : {}),
    ...(options.method ? { method: options.method } : {}),
    ...(options.vars ? { vars: options.vars } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  if (!result.ok) return result;
  return {
    ok: true,
    value: { project: loaded.value, compiled: compiled.value, result: result.value },
    warnings: [...loaded.warnings, ...compiled.warnings, ...result.warnings],
  };
}
