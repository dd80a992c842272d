import { canonicalName, error, fail, ok, type Diagnostic, type IntegrationMethod, type Project, type Result } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import type { Distribution } from './distributions.js';
import { prepareBatch, type BatchSpec } from './run-batch.js';
import { sampleInputs, type SamplingMethod } from './sampling.js';
import { Collector } from './collector.js';
import type { WorkerSetup } from './worker-protocol.js';

// The worker pool needs Node's worker_threads and os. It is loaded only when a batch runs on
// workers, through a specifier bundlers do not follow, so this module (exported from the
// runtime's index) stays loadable in a browser, where the editor runs the runtime.
const WORKER_POOL = './worker-pool.js';
type WorkerPool = typeof import('./worker-pool.js');
const loadPool = async (): Promise<WorkerPool> => (await import(/* @vite-ignore */ WORKER_POOL)) as WorkerPool;

export interface VariedInput {
  name: string;
  distribution: Distribution;
}

export interface SensitivityOptions {
  runs: number;
  vary: VariedInput[];
  /** Variables kept from every run (memory grows as runs x outputs x saved times). */
  outputs: string[];
  /** Seeds the sampling, and (as seed + run index) the random builtins of each run. Default 1. */
  seed?: number;
  sampling?: SamplingMethod;
  /** Threads to run on; 1 runs in this thread. Default: the machine's available parallelism. */
  workers?: number;
  method?: IntegrationMethod;
  /** Called as runs finish (in the main thread). */
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityResult {
  times: Float64Array;
  /** Display names of the outputs, in `values` order. */
  outputs: string[];
  runs: number;
  /** Each run's inputs, `samples[run * vary.length + d]`. */
  samples: Float64Array;
  /** Per output: `values[o][row * runs + run]`, so one saved time's runs are contiguous. */
  values: Float64Array[];
}

/** At most this many runs in one batch. */
export const MAX_RUNS = 10_000_000;
export { MAX_KEPT_VALUES } from './collector.js';

/**
 * Run a model many times with constants drawn from distributions, keeping only `outputs`.
 * The samples are drawn up front in this thread and run i always gets sample i and random seed
 * seed + i, so the result is the same for any number of workers. Each worker compiles the
 * project once (this thread compiles only when it runs the batch itself) and runs chunks of
 * runs handed out as workers become free.
 */
export async function runSensitivity(project: Project, options: SensitivityOptions): Promise<Result<SensitivityResult>> {
  const problems = checkOptions(options);
  if (problems.length) return fail(problems);
  const seed = options.seed ?? 1;
  const runs = options.runs;
  const spec: BatchSpec = { inputs: options.vary.map((v) => v.name), outputs: options.outputs, seed };
  const samples = sampleInputs(options.sampling ?? 'latin-hypercube', runs, options.vary.map((v) => v.distribution), seed);
  const pool = options.workers === 1 || runs === 1 ? undefined : await loadPool();
  const workers = Math.max(1, Math.min(options.workers ?? pool?.defaultWorkerCount() ?? 1, runs));
  const chunk = Math.max(1, Math.min(500, Math.ceil(runs / (workers * 8))));
  let collected: { collector: Collector; warnings: Diagnostic[] };

  if (workers === 1) {
    const compiled = compile(project, options.method ? { method: options.method } : {});
    if (!compiled.ok) return compiled;
    const batch = prepareBatch(compiled.value, spec);
    if (!batch.ok) return batch;
    const { times, names, run } = batch.value;
    const tooMany = Collector.check(runs, times, names);
    if (tooMany) return fail([tooMany]);
    const collector = new Collector(runs, times, names);
    const data = new Float64Array(chunk * times.length * names.length);
    for (let first = 0; first < runs; first += chunk) {
      const count = Math.min(chunk, runs - first);
      run(samples, first, count, data);
      collector.store(first, count, data);
      options.onProgress?.(first + count, runs);
    }
    collected = { collector, warnings: [...compiled.warnings, ...batch.warnings] };
  } else {
    const setup: WorkerSetup = { project, spec, samples };
    if (options.method) setup.method = options.method;
    const pooled = await pool!.runOnWorkers(setup, workers, runs, chunk, options.onProgress);
    if (!pooled.ok) return pooled;
    collected = pooled.value;
  }
  const { collector, warnings } = collected;
  return ok({ times: collector.times, outputs: collector.names, runs, samples, values: collector.values }, warnings);
}

function checkOptions(options: SensitivityOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > MAX_RUNS) {
    out.push(error('bad-runs', `the number of runs must be a whole number from 1 to ${MAX_RUNS}, not ${options.runs}`));
  }
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 1)) {
    out.push(error('bad-workers', `the number of workers must be a whole number of at least 1, not ${options.workers}`));
  }
  if (options.vary.length === 0) out.push(error('nothing-varied', 'vary at least one constant'));
  if (options.outputs.length === 0) out.push(error('no-outputs', 'keep at least one output variable'));
  const seen = new Set<string>();
  for (const v of options.vary) {
    const key = canonicalName(v.name);
    if (seen.has(key)) out.push(error('duplicate-input', `'${v.name}' is varied twice`));
    seen.add(key);
  }
  if (options.seed !== undefined && !Number.isFinite(options.seed)) out.push(error('bad-seed', `the seed must be a number, not ${options.seed}`));
  return out;
}
