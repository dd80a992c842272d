import { loopDominance } from '@sluice/analysis';
import { canonicalName, type Diagnostic } from '@sluice/ir';
import { readModel, type ModelFormat } from './model-format.js';

/** What the Loops view asks the worker: the model text and the variable whose loops to score. */
export interface LoopScoresRequest {
  text: string;
  format: ModelFormat;
  file: string;
  /** Display name or ident of the variable. */
  variable: string;
  /** At most this many loops are sent back (the most influential); `MAX_CHARTED_LOOPS` by default. */
  top?: number;
  /** The sliders' overrides, so the scores are of the run the charts show. */
  overrides: Record<string, number>;
}

/** One feedback loop through the variable, ready to list and chart. */
export interface ScoredLoop {
  /** The model's name for the loop (`R1`), or `L<n>` as `sluice loops` numbers it. */
  name: string;
  /** The declared loop's description (`Contagion`), when the model gives one. */
  doc?: string;
  polarity: 'R' | 'B' | '?';
  /** Display names in causal order. */
  variables: string[];
  /** Relative loop score at every DT, in [-1, 1]: positive reinforcing, negative balancing. */
  relativeScore: Float64Array;
}

export interface LoopScoresResponse {
  variable: string;
  times: Float64Array;
  /** The most influential loops through the variable (largest peak |relative score|), in `findLoops` order. */
  loops: ScoredLoop[];
  /** How many loops pass through the variable, charted or not. */
  total: number;
  /** Errors (the scores could not be computed) and warnings (some links unscored, loops truncated). */
  diagnostics: Diagnostic[];
  elapsed: number;
}

/**
 * Loops That Matter for one variable: the loops through it and their relative scores over a run
 * with the given overrides. The slow part (an augmented model run once, one product of series per
 * loop) is why this runs in a worker of its own.
 */
export function loopScores(request: LoopScoresRequest): LoopScoresResponse {
  const started = performance.now();
  const empty = (diagnostics: Diagnostic[]): LoopScoresResponse => ({ variable: request.variable, times: new Float64Array(0), loops: [], total: 0, diagnostics, elapsed: performance.now() - started });
  const parsed = readModel(request.text, request.format, request.file);
  if (!parsed.ok) return empty(parsed.diagnostics);
  const d = loopDominance(parsed.value, { variable: request.variable, run: { overrides: request.overrides } });
  if (!d.ok) return empty(d.diagnostics);
  const declared = new Map<string, string | undefined>();
  for (const model of parsed.value.models) for (const l of model.loops ?? []) declared.set(canonicalName(l.name), l.doc);
  const top = request.top ?? MAX_CHARTED_LOOPS;
  const peaks = d.value.loops.map((l, i) => ({ i, peak: peakOf(l.relativeScore) }));
  const kept = new Set(peaks.sort((a, b) => b.peak - a.peak || a.i - b.i).slice(0, top).map((p) => p.i));
  const loops = d.value.loops.filter((_, i) => kept.has(i)).map((l): ScoredLoop => {
    const name = l.loop.name ?? `L${l.number}`;
    const doc = l.loop.name ? declared.get(canonicalName(l.loop.name)) : undefined;
    return { name, ...(doc ? { doc } : {}), polarity: l.loop.polarity, variables: l.loop.variables, relativeScore: l.relativeScore };
  });
  return { variable: request.variable, times: d.value.times, loops, total: d.value.loops.length, diagnostics: d.warnings, elapsed: performance.now() - started };
}

/**
 * A large model has thousands of loops through a busy variable (the social care model: over a
 * thousand through its workload); a chart of them all says nothing, so only the strongest are sent.
 */
export const MAX_CHARTED_LOOPS = 12;

/** Largest |score| over the run; an unscored (NaN) loop ranks last. */
function peakOf(score: Float64Array): number {
  let peak = -1;
  for (const v of score) if (Math.abs(v) > peak) peak = Math.abs(v);
  return peak;
}
