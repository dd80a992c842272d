import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Uniform draws from [0, 1), one stream per run, fixed by `seed`. */
export function seededRandom(seed: number): () => number {
  const rng = xoroshiro128plus(Math.trunc(seed) | 0);
  return () => uniformFloat64(rng);
}
