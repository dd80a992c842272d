/**
 * Stella's conveyors, per run. A conveyor is a belt of slats, one DT of travel each; slat 0 is
 * the one that leaves next. Material entering during a DT is placed round(transit time / DT)
 * slats from the end and moves one slat per DT, so with a constant transit time it leaves
 * exactly one transit time after it entered. The initial contents are spread evenly over the
 * belt.
 *
 * Leakage: a linear leak takes, each DT the slat spends in the leak zone, the same amount:
 * fraction * (what entered) / (slats in the zone), so `fraction` of what enters leaks in all
 * and the rest reaches the end. An exponential leak takes fraction * DT of what the slat holds
 * each DT in the zone (the fraction is per time unit). The zone is given as fractions of the
 * belt's length from the entry (default the whole belt).
 *
 * An arrested conveyor neither moves, leaks, takes in nor gives out.
 *
 * A discrete conveyor (Stella's "Discrete" type, XMILE `discrete="true"`) moves like a continuous
 * one; what differs is documented by isee (Equation tab, conveyor options): its initial contents
 * are packages, one per time unit of the belt, each stacked in the last DT of its time unit; and
 * its inflow limit is an amount per time unit that may all enter in one DT, counted afresh at
 * each whole time unit from the start.
 *
 * Generated code calls, each step, `belt` once (through a hidden auxiliary: it advances the
 * belt when a new DT has begun and works out this DT's exit and leaks), then `leak` and `inflow`,
 * which read what `belt` worked out: their equations refer to that auxiliary, so the order holds.
 * The belt advances on the first `belt` call of a new DT, placing what the inflows recorded on
 * the DT before: conveyors are computed in Euler steps, as Stella computes them.
 */
export interface ConveyorBelts {
  /** Record leak `j`'s parameters of conveyor `k` for this DT; returns 0 (added to `belt`'s last argument). */
  leakSpec(k: number, j: number, fraction: number, zoneStart: number, zoneEnd: number, linear: number): number;
  /** Advance conveyor `k` if a new DT has begun; the rate at which material leaves its end this DT. */
  belt(k: number, t: number, initial: number, transit: number, arrest: number, hasOutflow: number, leakSpecs: number, discrete?: number): number;
  /** Leak `j` of conveyor `k` this DT, as a rate. `_belt` only orders the call after `belt`. */
  leak(k: number, j: number, _belt: number): number;
  /** Inflow `j` of conveyor `k`, cut to the inflow limit and to the room left under capacity; recorded for the next DT. */
  inflow(k: number, j: number, value: number, limit: number, capacity: number, _belt: number): number;
  /** The most inflow `j` of conveyor `k` could bring in this DT, as a rate (what a queue upstream may release to it). */
  room(k: number, j: number, limit: number, capacity: number, _belt: number): number;
}

interface Leak {
  fraction: number;
  zoneStart: number;
  zoneEnd: number;
  linear: boolean;
  /** Linear leaks: the amount each slat loses per DT in the zone. */
  perSlat: Float64Array;
  /** What this leak takes this DT. */
  now: number;
}

interface Belt {
  slats: Float64Array;
  /** What every leak together takes from each slat this DT. */
  taken: Float64Array;
  leaks: Leak[];
  /** Inflow rates recorded this DT, per inflow; placed on the belt (times DT) when the next DT begins. */
  pending: number[];
  step: number;
  arrested: boolean;
  hasOutflow: boolean;
  transit: number;
  exit: number;
  /** What the belt will hold once this DT's exit and leaks are gone. */
  after: number;
  discrete: boolean;
  /** Discrete conveyors: what entered earlier in the current time unit, against the inflow limit. */
  unitEntered: number;
}

/**
 * The longest belt, in slats (80 MB of Float64): longer transit times are cut to it. The belts of
 * a run share this many slats in all (an arrayed conveyor is one belt per element): a belt that
 * would pass the total gets what is left, at least one slat.
 */
export const MAX_SLATS = 10_000_000;

/** Time comparisons forgive this fraction of DT, so 0.1 * 30 still counts as step 30. */
const STEP_SLACK = 1e-6;

export function createConveyorBelts(run: { start: number; dt: number }): ConveyorBelts {
  const belts: Belt[] = [];
  const dt = run.dt;
  let slatsInUse = 0;
  // A transit time from a model file is untrusted: a belt is at least one slat and at most
  // MAX_SLATS (a transit time that is not a number gives one slat).
  const slatsFor = (transit: number): number => {
    const n = Math.round(transit / dt);
    return n >= 1 ? Math.min(n, MAX_SLATS) : 1;
  };
  /** Time units from the start, whole: the inflow limit of a discrete conveyor counts per unit. */
  const unitOf = (step: number): number => Math.floor(step * dt + STEP_SLACK);

  const leakOf = (b: Belt, j: number): Leak => {
    while (b.leaks.length <= j) {
      b.leaks.push({ fraction: 0, zoneStart: 0, zoneEnd: 1, linear: true, perSlat: new Float64Array(b.slats.length), now: 0 });
    }
    return b.leaks[j]!;
  };
  const beltOf = (k: number): Belt => {
    while (belts.length <= k) {
      belts.push({ slats: new Float64Array(0), taken: new Float64Array(0), leaks: [], pending: [], step: -1, arrested: false, hasOutflow: true, transit: 0, exit: 0, after: 0, discrete: false, unitEntered: 0 });
    }
    return belts[k]!;
  };
  /** Slats in leak `l`'s zone: those `travelled` DTs from the entry with start <= travelled/n < end. */
  const inZone = (l: Leak, n: number, i: number): boolean => {
    const travelled = n - 1 - i;
    return travelled >= l.zoneStart * n - STEP_SLACK && travelled < l.zoneEnd * n - STEP_SLACK;
  };
  const zoneSize = (l: Leak, n: number): number => {
    let c = 0;
    for (let i = 0; i < n; i++) if (inZone(l, n, i)) c++;
    return c;
  };
  /** Put `amount` on slat `i`, with the linear leaks it will suffer. */
  const place = (b: Belt, i: number, amount: number): void => {
    const n = b.slats.length;
    b.slats[i]! += amount;
    for (const l of b.leaks) {
      if (!l.linear) continue;
      const z = zoneSize(l, n);
      if (z > 0) l.perSlat[i]! += (l.fraction * amount) / z;
    }
  };
  const grow = (b: Belt, wanted: number): void => {
    const n = Math.max(b.slats.length + 1, Math.min(wanted, MAX_SLATS - slatsInUse + b.slats.length));
    slatsInUse += n - b.slats.length;
    const widen = (a: Float64Array): Float64Array => {
      const w = new Float64Array(n);
      w.set(a);
      return w;
    };
    b.slats = widen(b.slats);
    b.taken = new Float64Array(n);
    for (const l of b.leaks) l.perSlat = widen(l.perSlat);
  };
  const start = (b: Belt, initial: number, transit: number): void => {
    grow(b, slatsFor(transit));
    const n = b.slats.length;
    if (!b.discrete) {
      for (let i = 0; i < n; i++) place(b, i, initial / n);
      return;
    }
    // One package per time unit (its share of the slats), in the last DT of that time unit.
    const perUnit = Math.max(1, Math.round(1 / dt));
    for (let first = 0; first < n; first += perUnit) {
      const last = Math.min(first + perUnit, n) - 1;
      place(b, last, (initial * (last - first + 1)) / n);
    }
  };
  /** Move the belt one DT and place what entered in the DT before; returns that amount. */
  const advance = (b: Belt): number => {
    const n = b.slats.length;
    for (let i = 0; i < n; i++) b.slats[i]! -= b.taken[i]!;
    // With no outflow what reaches the end stays there, and the next slat joins it.
    const from = b.hasOutflow ? 0 : 1;
    if (!b.hasOutflow && n > 1) b.slats[0]! += b.slats[1]!;
    for (let i = from; i < n - 1; i++) b.slats[i] = b.slats[i + 1]!;
    if (n > from) b.slats[n - 1] = 0;
    for (const l of b.leaks) {
      l.perSlat.copyWithin(0, 1);
      l.perSlat[n - 1] = 0;
    }
    let entering = 0;
    for (let j = 0; j < b.pending.length; j++) {
      entering += b.pending[j]! * dt;
      b.pending[j] = 0;
    }
    const at = slatsFor(b.transit);
    if (at > n) grow(b, at);
    if (entering !== 0) place(b, Math.min(at, b.slats.length) - 1, entering);
    return entering;
  };
  /** This DT's leaks and exit, from the belt as it stands. */
  const work = (b: Belt): void => {
    const n = b.slats.length;
    b.taken.fill(0);
    for (const l of b.leaks) l.now = 0;
    b.exit = 0;
    if (b.arrested) return;
    for (const l of b.leaks) {
      for (let i = 0; i < n; i++) {
        if (!inZone(l, n, i)) continue;
        const left = b.slats[i]! - b.taken[i]!;
        const want = l.linear ? l.perSlat[i]! : b.slats[i]! * l.fraction * dt;
        const take = Math.max(0, Math.min(want, left));
        b.taken[i]! += take;
        l.now += take;
      }
    }
    if (b.hasOutflow) b.exit = b.slats[0]! - b.taken[0]!;
  };

  /** The most inflow `j` may bring in this DT, as a rate: under capacity, then under the inflow limit. */
  const roomFor = (b: Belt, j: number, limit: number, capacity: number): number => {
    if (b.arrested) return 0;
    let others = 0;
    for (let i = 0; i < j && i < b.pending.length; i++) others += b.pending[i]!;
    // Room under capacity once this DT's exit and leaks are gone and earlier inflows are in.
    const room = (capacity - b.after) / dt - others;
    // A discrete conveyor's limit is an amount per time unit, all of which may enter in one DT.
    const byLimit = (b.discrete ? (limit - b.unitEntered) / dt : limit) - others;
    return Math.max(0, Math.min(room, byLimit));
  };

  return {
    leakSpec(k, j, fraction, zoneStart, zoneEnd, linear) {
      const l = leakOf(beltOf(k), j);
      l.fraction = fraction;
      l.zoneStart = zoneStart;
      l.zoneEnd = zoneEnd;
      l.linear = linear !== 0;
      return 0;
    },
    belt(k, t, initial, transit, arrest, hasOutflow, _leakSpecs, discrete = 0) {
      const b = beltOf(k);
      const step = Math.floor((t - run.start) / dt + STEP_SLACK);
      b.hasOutflow = hasOutflow !== 0;
      if (b.step < 0) {
        b.transit = transit;
        b.discrete = discrete !== 0;
        start(b, initial, transit);
      } else if (step > b.step) {
        const entered = b.arrested ? 0 : advance(b);
        b.unitEntered = unitOf(step) === unitOf(b.step) ? b.unitEntered + entered : 0;
      }
      b.step = step;
      b.transit = transit;
      b.arrested = arrest !== 0;
      work(b);
      let held = 0;
      for (let i = 0; i < b.slats.length; i++) held += b.slats[i]!;
      b.after = held - b.exit;
      for (const l of b.leaks) b.after -= l.now;
      return b.exit / dt;
    },
    leak(k, j, _belt) {
      const b = beltOf(k);
      return j < b.leaks.length ? b.leaks[j]!.now / dt : 0;
    },
    inflow(k, j, value, limit, capacity, _belt) {
      const b = beltOf(k);
      while (b.pending.length <= j) b.pending.push(0);
      if (b.arrested || !(value > 0)) {
        b.pending[j] = 0;
        return 0;
      }
      const q = Math.min(value, roomFor(b, j, limit, capacity));
      b.pending[j] = q;
      return q;
    },
    room(k, j, limit, capacity, _belt) {
      return roomFor(beltOf(k), j, limit, capacity);
    },
  };
}
