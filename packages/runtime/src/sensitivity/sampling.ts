import { seededRandom } from '../random.js';
import { quantile, type Distribution } from './distributions.js';

export type SamplingMethod = 'latin-hypercube' | 'random';

/**
 * Points in the unit cube [0, 1)^dims, row-major (`u[run * dims + d]`), from one seeded stream.
 *
 * Latin hypercube: each dimension's [0, 1) is cut into `runs` equal strata and every stratum is
 * hit exactly once, in a shuffled order, at a random spot inside it; the spread of each input is
 * covered with far fewer runs than independent draws need. Random: independent uniform draws.
 * The points depend only on (method, runs, dims, seed), never on how the runs are shared out.
 */
export function unitSamples(method: SamplingMethod, runs: number, dims: number, seed: number): Float64Array {
  const next = seededRandom(seed);
  const u = new Float64Array(runs * dims);
  if (method === 'random') {
    for (let i = 0; i < u.length; i++) u[i] = next();
    return u;
  }
  const order = new Int32Array(runs);
  for (let d = 0; d < dims; d++) {
    for (let i = 0; i < runs; i++) order[i] = i;
    // Fisher-Yates: a uniform permutation of the strata for this dimension.
    for (let i = runs - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (let i = 0; i < runs; i++) u[i * dims + d] = (order[i]! + next()) / runs;
  }
  return u;
}

/**
 * Input values for every run, row-major like `unitSamples`, each dimension mapped through its
 * distribution's inverse CDF. A draw of exactly 0 is nudged inward so a normal stays finite.
 */
export function sampleInputs(method: SamplingMethod, runs: number, distributions: Distribution[], seed: number): Float64Array {
  const dims = distributions.length;
  const u = unitSamples(method, runs, dims, seed);
  for (let i = 0; i < runs; i++) {
    for (let d = 0; d < dims; d++) u[i * dims + d] = quantile(distributions[d]!, Math.max(u[i * dims + d]!, Number.MIN_VALUE));
  }
  return u;
}
