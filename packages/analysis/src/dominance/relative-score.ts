import type { FeedbackLoop } from '../loops/find-loops.js';

/** A period in which one loop dominates: `loop` indexes the loops it was chosen among. */
export interface DominancePeriod {
  from: number;
  to: number;
  loop: number;
}

/**
 * The cycle partition of each loop: loops that share a variable are in one partition (the
 * method compares a loop only with loops that act on the same stocks).
 */
export function cyclePartitions(loops: FeedbackLoop[]): number[] {
  const parent = loops.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const owner = new Map<string, number>();
  loops.forEach((loop, i) => {
    for (const id of loop.idents) {
      const j = owner.get(id);
      if (j === undefined) owner.set(id, i);
      else parent[root(i)] = root(j);
    }
  });
  return loops.map((_, i) => root(i));
}

/**
 * Relative loop score: score / Σ|score| over the loops of the same partition. 0 when every
 * loop of the partition is inactive (at equilibrium no loop explains anything).
 */
export function relativeScores(scores: Float64Array[], partition: number[]): Float64Array[] {
  const length = scores[0]?.length ?? 0;
  const totals = new Map<number, Float64Array>();
  scores.forEach((s, i) => {
    const p = partition[i]!;
    const total = totals.get(p) ?? new Float64Array(length);
    for (let t = 0; t < length; t++) total[t] = total[t]! + Math.abs(s[t]!);
    totals.set(p, total);
  });
  return scores.map((s, i) => {
    const total = totals.get(partition[i]!)!;
    const out = new Float64Array(length);
    for (let t = 0; t < length; t++) out[t] = total[t] === 0 ? 0 : s[t]! / total[t]!;
    return out;
  });
}

/**
 * Periods of dominance: at each time the loop with the largest |relative score| dominates;
 * consecutive times with the same loop form one period. Times where no loop is active (all 0)
 * or a score is not finite belong to no period.
 */
export function dominantPeriods(times: Float64Array, relative: Float64Array[]): DominancePeriod[] {
  const periods: DominancePeriod[] = [];
  let current: DominancePeriod | undefined;
  for (let t = 0; t < times.length; t++) {
    let best = -1;
    let size = 0;
    let finite = true;
    relative.forEach((r, i) => {
      const a = Math.abs(r[t]!);
      if (!Number.isFinite(a)) finite = false;
      else if (a > size) {
        size = a;
        best = i;
      }
    });
    if (!finite || best < 0) {
      current = undefined;
      continue;
    }
    if (current && current.loop === best) current.to = times[t]!;
    else {
      current = { from: times[t]!, to: times[t]!, loop: best };
      periods.push(current);
    }
  }
  return periods;
}
