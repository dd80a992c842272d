import type { GraphicalFunctionType } from '@sluice/ir';
import type { LookupMode } from '../graph/nodes.js';
import { createConveyorBelts, type ConveyorBelts } from './conveyor-belts.js';
import { createQueues, type Queues } from './queues.js';
import { createDraw, DISTRIBUTION, type Draw } from './distributions.js';
import { createInverter } from './matrix.js';
import { allocateByPriority } from './allocate.js';
import { allocateAvailable } from './allocate-available.js';
import { sortOrder, vectorRank } from './vector-order.js';

/**
 * The functions generated code may call, passed in as `h`. Generated code reaches nothing else
 * but `Math` and its typed arrays. Delay histories are per run: the runtime makes a fresh
 * helper object for every simulation with `createHelpers`.
 */
export interface Helpers {
  round(x: number): number;
  mod(a: number, b: number): number;
  safediv(a: number, b: number, onZero: number): number;
  pulse(t: number, dt: number, volume: number, first: number, interval: number): number;
  pulseVensim(t: number, dt: number, start: number, width: number): number;
  step(t: number, dt: number, height: number, at: number): number;
  ramp(t: number, slope: number, start: number, end: number): number;
  /** Table `g[off .. off+n)` holds the xs, `g[off+n .. off+2n)` the ys. */
  lookup(g: Float64Array, off: number, n: number, x: number): number;
  lookupExtrapolate(g: Float64Array, off: number, n: number, x: number): number;
  lookupDiscrete(g: Float64Array, off: number, n: number, x: number): number;
  /** The y of the first point at or beyond x (Vensim's LOOKUP FORWARD). */
  lookupForward(g: Float64Array, off: number, n: number, x: number): number;
  /**
   * Table `k` of the directory at `dir` (entries: offset, count, type code), read as its type
   * says, or as `mode` says when it is not -1 (`lookupModeCode`).
   */
  lookupIn(g: Float64Array, dir: number, k: number, x: number, mode?: number): number;
  /** `v[base + (position - 1) * stride]`, or NaN when the (rounded) position is outside 1..n. */
  elementAt(v: Float64Array, base: number, stride: number, n: number, position: number): number;
  /** Position (1-based) of the `rank`-th smallest of the run of slots; negative counts from the largest. */
  rank(v: Float64Array, start: number, stride: number, count: number, rank: number): number;
  /** Reductions over `count` slots of `v` from `start`, `stride` apart. */
  sum(v: Float64Array, start: number, stride: number, count: number): number;
  prod(v: Float64Array, start: number, stride: number, count: number): number;
  mean(v: Float64Array, start: number, stride: number, count: number): number;
  stddev(v: Float64Array, start: number, stride: number, count: number): number;
  min(v: Float64Array, start: number, stride: number, count: number): number;
  max(v: Float64Array, start: number, stride: number, count: number): number;
  /** VECTOR SELECT's result from its running totals over the selected elements (`count` > 0). */
  vectorSelect(action: number, count: number, sum: number, prod: number, min: number, max: number): number;
  /** Element (i, j) of the inverse of an n×n matrix of slots (Vensim's INVERT MATRIX); NaN if singular. */
  invertElement(v: Float64Array, base: number, n: number, rowStride: number, colStride: number, i: number, j: number): number;
  /** Requester i's share of the supply by Vensim's ALLOCATE BY PRIORITY (`codegen/allocate.ts`). */
  allocateByPriority: typeof allocateByPriority;
  /** Requester i's share by Vensim's ALLOCATE AVAILABLE (`codegen/allocate-available.ts`). */
  allocateAvailable: typeof allocateAvailable;
  /** VECTOR SORT ORDER and VECTOR RANK at element i (`codegen/vector-order.ts`). */
  sortOrder: typeof sortOrder;
  vectorRank: typeof vectorRank;
  /** A uniform draw from [min, max). */
  uniform(min: number, max: number): number;
  /** A normal draw, redrawn until it lies in [min, max]. */
  normal(mean: number, sd: number, min: number, max: number): number;
  /**
   * `shift + stretch * X`, X drawn from distribution `kind` (`DISTRIBUTION`) with parameters
   * a, b, c, redrawn until it lies in [min, max].
   */
  draw: Draw;
  /** DELAY call site `id`: the input `delay` time units before `t`, or `initial` before history. */
  delayRead(id: number, t: number, delay: number, initial: number): number;
  /** Append this step's input of DELAY call site `id`. */
  delayWrite(id: number, value: number): void;
  /** The run's conveyor belts (Stella conveyors, `conveyor-belts.ts`). */
  conveyors: ConveyorBelts;
  /** The run's queues (Stella queues, `queues.ts`). */
  queues: Queues;
}

/** Time comparisons forgive this fraction of DT, so 0.1 * 30 still counts as time 3. */
const TIME_SLACK = 1e-6;

function lookupContinuous(g: Float64Array, off: number, n: number, x: number): number {
  if (n === 0) return NaN;
  const ys = off + n;
  if (Number.isNaN(x)) return NaN;
  if (x <= g[off]!) return g[ys]!;
  if (x >= g[off + n - 1]!) return g[ys + n - 1]!;
  // Binary search for the segment [lo, lo+1] holding x.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (g[off + mid]! <= x) lo = mid;
    else hi = mid;
  }
  const x0 = g[off + lo]!;
  const x1 = g[off + hi]!;
  const y0 = g[ys + lo]!;
  const y1 = g[ys + hi]!;
  return x1 === x0 ? y1 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
}

function lookupExtrapolate(g: Float64Array, off: number, n: number, x: number): number {
  if (n < 2) return lookupContinuous(g, off, n, x);
  const ys = off + n;
  const end = (i: number, j: number): number => {
    const x0 = g[off + i]!;
    const x1 = g[off + j]!;
    const y0 = g[ys + i]!;
    const y1 = g[ys + j]!;
    return x1 === x0 ? y0 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
  };
  if (x < g[off]!) return end(0, 1);
  if (x > g[off + n - 1]!) return end(n - 2, n - 1);
  return lookupContinuous(g, off, n, x);
}

function lookupForward(g: Float64Array, off: number, n: number, x: number): number {
  if (n === 0 || Number.isNaN(x)) return NaN;
  const ys = off + n;
  if (x > g[off + n - 1]!) return g[ys + n - 1]!;
  // The first point whose x is at or above the input.
  let lo = -1;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (g[off + mid]! >= x) hi = mid;
    else lo = mid;
  }
  return g[ys + hi]!;
}

function lookupDiscrete(g: Float64Array, off: number, n: number, x: number): number {
  if (n === 0 || Number.isNaN(x)) return NaN;
  const ys = off + n;
  if (x < g[off]!) return g[ys]!;
  // The last point whose x is at or below the input holds its value up to the next point.
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (g[off + mid]! <= x) lo = mid;
    else hi = mid;
  }
  return g[ys + lo]!;
}

/** Sizing of the per-run delay histories: one slot per saved step, per DELAY call site. */
export interface HelperRun {
  start: number;
  dt: number;
  /** Steps the run takes (so each history holds steps + 1 values). */
  steps: number;
  delays: number;
  /** Uniform draws from [0, 1): the run's seeded stream. */
  random: () => number;
}

function sum(v: Float64Array, start: number, stride: number, count: number): number {
  let s = 0;
  for (let i = 0; i < count; i++) s += v[start + i * stride]!;
  return s;
}

function stddev(v: Float64Array, start: number, stride: number, count: number): number {
  const m = sum(v, start, stride, count) / count;
  let s = 0;
  for (let i = 0; i < count; i++) s += (v[start + i * stride]! - m) ** 2;
  return Math.sqrt(s / count);
}

function extreme(v: Float64Array, start: number, stride: number, count: number, sign: 1 | -1): number {
  let best = sign * -Infinity;
  for (let i = 0; i < count; i++) {
    const x = v[start + i * stride]!;
    if (Number.isNaN(x)) return NaN;
    if (sign * x > sign * best) best = x;
  }
  return best;
}

/**
 * The helpers of one run. Stateless helpers live on the prototype and the per-run state (delay
 * histories, random stream, conveyor belts) is made when first used: a fresh object of forty
 * closures for every run cost more than a small model's whole run.
 */
class RunHelpers {
  private readonly histories: Float64Array[] = [];
  private readonly counts: Int32Array;
  private drawFn: Draw | undefined;
  private belts: ConveyorBelts | undefined;
  private queueState: Queues | undefined;
  private inverter: Helpers['invertElement'] | undefined;

  constructor(private readonly run: HelperRun) {
    this.counts = new Int32Array(run.delays);
    for (let i = 0; i < run.delays; i++) this.histories.push(new Float64Array(run.steps + 2));
  }

  get conveyors(): ConveyorBelts {
    return (this.belts ??= createConveyorBelts(this.run));
  }

  get queues(): Queues {
    return (this.queueState ??= createQueues(this.run));
  }

  get draw(): Draw {
    return (this.drawFn ??= createDraw(this.run.random));
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.run.random();
  }

  normal(mean: number, sd: number, min: number, max: number): number {
    return this.draw(DISTRIBUTION.normal, mean, sd, 0, 0, 1, min, max);
  }

  invertElement(v: Float64Array, base: number, n: number, rowStride: number, colStride: number, i: number, j: number): number {
    return (this.inverter ??= createInverter())(v, base, n, rowStride, colStride, i, j);
  }

  delayRead(id: number, t: number, delay: number, initial: number): number {
    const pos = (t - delay - this.run.start) / this.run.dt;
    const written = this.counts[id]!;
    if (pos < -TIME_SLACK || written === 0) return initial;
    const hist = this.histories[id]!;
    // A delay shorter than DT would need this step's input: use the newest stored value.
    if (pos >= written - 1) return hist[written - 1]!;
    const i = Math.floor(pos + TIME_SLACK);
    const frac = pos - i;
    if (frac <= TIME_SLACK) return hist[Math.max(i, 0)]!;
    return hist[i]! + frac * (hist[i + 1]! - hist[i]!);
  }

  delayWrite(id: number, value: number): void {
    const hist = this.histories[id]!;
    const c = this.counts[id]!;
    if (c < hist.length) {
      hist[c] = value;
      this.counts[id] = c + 1;
    }
  }
}

/** The helpers that keep no state, shared by every run. */
const STATELESS: Omit<Helpers, keyof RunHelpers> = {
  round: (x) => (x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5)),
  mod: (a, b) => a - b * Math.floor(a / b),
  safediv: (a, b, onZero) => (b === 0 ? onZero : a / b),
  pulse(t, dt, volume, first, interval) {
    const slack = dt / 2;
    if (t < first - slack) return 0;
    if (interval > 0) {
      const k = Math.round((t - first) / interval);
      return Math.abs(t - (first + k * interval)) < slack ? volume / dt : 0;
    }
    return Math.abs(t - first) < slack ? volume / dt : 0;
  },
  pulseVensim(t, dt, start, width) {
    const w = width === 0 ? dt : width;
    return t + dt / 2 > start && t + dt / 2 < start + w ? 1 : 0;
  },
  step: (t, dt, height, at) => (t >= at - dt * TIME_SLACK ? height : 0),
  ramp(t, slope, start, end) {
    if (t <= start) return 0;
    return slope * (Math.min(t, end) - start);
  },
  elementAt(v, base, stride, n, position) {
    const i = Math.round(position) - 1;
    return i >= 0 && i < n ? v[base + i * stride]! : NaN;
  },
  rank(v, start, stride, count, rank) {
    const r = Math.round(rank);
    const want = r < 0 ? count + r : r - 1;
    if (!(want >= 0 && want < count)) return NaN;
    // Counting, not sorting: no allocation, and arrays ranked in models are small.
    for (let i = 0; i < count; i++) {
      const x = v[start + i * stride]!;
      let before = 0;
      for (let j = 0; j < count; j++) {
        const y = v[start + j * stride]!;
        if (y < x || (y === x && j < i)) before++;
      }
      if (before === want) return i + 1;
    }
    return NaN;
  },
  sum,
  prod(v, start, stride, count) {
    let p = 1;
    for (let i = 0; i < count; i++) p *= v[start + i * stride]!;
    return p;
  },
  mean: (v, start, stride, count) => sum(v, start, stride, count) / count,
  stddev,
  min: (v, start, stride, count) => extreme(v, start, stride, count, -1),
  max: (v, start, stride, count) => extreme(v, start, stride, count, 1),
  vectorSelect(action, count, total, product, least, most) {
    if (action === 0 || action === 6) return total;
    if (action === 1 || action === 5 || action === 7) return product;
    if (action === 2 || action === 8) return least;
    if (action === 3 || action === 9) return most;
    if (action === 4 || action === 10) return total / count;
    return NaN;
  },
  allocateByPriority,
  allocateAvailable,
  sortOrder,
  vectorRank,
  lookup: lookupContinuous,
  lookupExtrapolate,
  lookupDiscrete,
  lookupForward,
  lookupIn(g, dir, k, x, mode = -1) {
    const e = dir + 3 * k;
    if (mode === 3) return lookupForward(g, g[e]!, g[e + 1]!, x);
    const type = mode >= 0 ? mode : g[e + 2];
    const f = type === 1 ? lookupExtrapolate : type === 2 ? lookupDiscrete : lookupContinuous;
    return f(g, g[e]!, g[e + 1]!, x);
  },
};
Object.assign(RunHelpers.prototype, STATELESS);

export function createHelpers(run: HelperRun): Helpers {
  return new RunHelpers(run) as RunHelpers & typeof STATELESS;
}

export function lookupHelperName(type: GraphicalFunctionType): 'lookup' | 'lookupExtrapolate' | 'lookupDiscrete' {
  return type === 'extrapolate' ? 'lookupExtrapolate' : type === 'discrete' ? 'lookupDiscrete' : 'lookup';
}

/** The helper reading a table as a Vensim lookup call asks, whatever the table's own type. */
export function lookupModeHelper(mode: LookupMode): 'lookup' | 'lookupExtrapolate' | 'lookupForward' | 'lookupDiscrete' {
  return mode === 'interpolate' ? 'lookup' : mode === 'extrapolate' ? 'lookupExtrapolate' : mode === 'forward' ? 'lookupForward' : 'lookupDiscrete';
}

/** `lookupIn`'s mode argument: -1 for the table's own type, else the type code (3: forward). */
export function lookupModeCode(mode: LookupMode | undefined): number {
  return mode === undefined ? -1 : mode === 'interpolate' ? 0 : mode === 'extrapolate' ? 1 : mode === 'backward' ? 2 : 3;
}
