/**
 * Loads a loop equation reads that do not change inside its loops, taken out of them: `v[K]`
 * (a constant, TIME, a scalar variable) is read once before the loops, and `v[K + i0 * S]` once
 * per pass of the loops it depends on. V8 cannot do this itself: every store into `v` in the
 * loop might change the slot read, so it reloads it on every element.
 *
 * Only reads of other variables' slots move: the loop writes nothing but its own variable's
 * slots (`written`), and reading a slot has no side effect, so a read moved out of a branch
 * gives the same value. Indices that are not loop indices (a reduction's own loop, a computed
 * position) keep a read where it is.
 */

const READ = /(?<![\w$.])v\[([^[\]]+)\]/g;
/** `K`, `K + i0`, `K + i0 * 20 + i1`: what offsetSource writes for a read at the current place. */
const LINEAR = /^(\d+)((?: \+ i\d+(?: \* \d+)?)*)$/;
const TERM = /i(\d+)(?: \* (\d+))?/g;
/** The name of a hoisted read; no other generated code uses the prefix. */
const PREFIX = 'hv';

export interface LoopNest {
  /** Element count of loop k (index `i<k>`). */
  sizes: number[];
  /** Slots the loop body writes: [first, last]. */
  written: [number, number];
}

export interface Hoisted {
  body: string;
  /** Declarations to put before loop k (0: before all loops), per loop. */
  before: string[][];
}

/** Where a read can go: the loop it must stay inside (0 = outside every loop), or undefined to leave it. */
function levelOf(offset: string, nest: LoopNest): number | undefined {
  const m = LINEAR.exec(offset);
  if (!m) return undefined;
  let low = Number(m[1]);
  let high = low;
  let level = 0;
  for (const t of m[2]!.matchAll(TERM)) {
    const k = Number(t[1]);
    if (k >= nest.sizes.length) return undefined;
    high += (nest.sizes[k]! - 1) * Number(t[2] ?? 1);
    level = Math.max(level, k + 1);
  }
  if (level === nest.sizes.length) return undefined;
  if (high >= nest.written[0] && low <= nest.written[1]) return undefined;
  return level;
}

export function hoistReads(body: string, nest: LoopNest): Hoisted {
  const before: string[][] = nest.sizes.map(() => []);
  const names = new Map<string, string>();
  const out = body.replace(READ, (read, offset: string) => {
    const level = levelOf(offset, nest);
    if (level === undefined) return read;
    let name = names.get(offset);
    if (!name) {
      name = `${PREFIX}${names.size}`;
      names.set(offset, name);
      before[level]!.push(`const ${name} = ${read};`);
    }
    return name;
  });
  return { body: out, before };
}
