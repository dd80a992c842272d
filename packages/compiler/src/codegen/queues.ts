/**
 * Stella's queues, per run, as isee's "Queue Computation" help page describes them. A queue
 * holds batches in the order they arrived: each inflow's material of one DT (its rate times
 * DT) is one batch, the inflows adding theirs in the order the stock lists them; the initial
 * contents are a single batch. A queue is never inflow constrained.
 *
 * Outflows take from the front, in the order the stock lists them. An outflow into a conveyor
 * takes what the conveyor can accept (its room under capacity and inflow limit): batches may be
 * split unless the conveyor keeps batch integrity (XMILE `batch_integrity`), and it takes at most
 * one batch a DT if the conveyor accepts one at a time (`one_at_a_time`, Stella's "Single
 * batch"). Any other outflow takes up to what its equation asks (rate times DT; everything, if
 * it has no equation), splitting the front batch as needed. An outflow marked `overflow` takes
 * what is left once an outflow before it was blocked: it could not take all it wanted.
 *
 * Generated code calls, each step, `queue` once (through a hidden auxiliary: it commits the DT
 * before when a new DT has begun: removes what the outflows took from the front, then appends
 * the batches the inflows brought), then `outflow` for each outflow in order (each names the one
 * before as an argument, so the order holds) and `inflow`, which records a batch for the next
 * DT. Like conveyors, queues move once per DT: they are computed in Euler steps.
 */
export interface Queues {
  /** Commit queue `k`'s DT before when a new DT has begun; returns what the queue holds. */
  queue(k: number, t: number, initial: number): number;
  /**
   * Outflow `j` of queue `k` this DT, as a rate: up to `want` and to `room` (rates), whole batches
   * only if `whole`, at most one batch if `one`; if `overflow`, only once an earlier outflow was
   * blocked. `_before` only orders the call after the outflow before it.
   */
  outflow(k: number, j: number, want: number, room: number, whole: number, one: number, overflow: number, _before: number): number;
  /** Inflow `j` of queue `k`: its material this DT becomes a batch at the back when the next DT begins. */
  inflow(k: number, j: number, value: number, _queue: number): number;
  /** How many batches queue `k` holds now (what Stella's QLEN reports). */
  size(k: number, _queue: number): number;
}

interface Queue {
  /** Batch amounts, front first, from `head` on. */
  batches: number[];
  head: number;
  /** Inflow amounts recorded this DT, per inflow; appended as batches when the next DT begins. */
  arriving: number[];
  /** Amounts the outflows took this DT, per outflow. */
  taken: number[];
  step: number;
  /** Whether an outflow this DT could not take all it wanted (what overflows wait for). */
  blocked: boolean;
}

/** Time comparisons forgive this fraction of DT, so 0.1 * 30 still counts as step 30. */
const STEP_SLACK = 1e-6;
/** A batch counts as fitting in the room left when it is over by no more than rounding. */
const FIT_SLACK = 1e-12;
/** At most this many batches are kept: past it the two at the back merge (a model file is untrusted). */
export const MAX_BATCHES = 10_000_000;

export function createQueues(run: { start: number; dt: number }): Queues {
  const queues: Queue[] = [];
  const dt = run.dt;
  const queueOf = (k: number): Queue => {
    while (queues.length <= k) queues.push({ batches: [], head: 0, arriving: [], taken: [], step: -1, blocked: false });
    return queues[k]!;
  };
  const sum = (xs: number[]): number => xs.reduce((a, x) => a + x, 0);
  const append = (q: Queue, amount: number): void => {
    if (!(amount > 0)) return;
    if (q.batches.length - q.head >= MAX_BATCHES) q.batches[q.batches.length - 1]! += amount;
    else q.batches.push(amount);
  };
  /** Remove `amount` from the front, splitting the last batch it reaches. */
  const removeFront = (q: Queue, amount: number): void => {
    let left = amount;
    while (left > 0 && q.head < q.batches.length) {
      const b = q.batches[q.head]!;
      if (b <= left * (1 + FIT_SLACK)) {
        left -= b;
        q.head++;
      } else {
        q.batches[q.head] = b - left;
        left = 0;
      }
    }
    // Drop the spent front now and then, so the array does not grow without end.
    if (q.head > 1024 && q.head * 2 > q.batches.length) {
      q.batches = q.batches.slice(q.head);
      q.head = 0;
    }
  };
  const commit = (q: Queue): void => {
    removeFront(q, sum(q.taken));
    for (const a of q.arriving) append(q, a);
    q.arriving.fill(0);
    q.taken.fill(0);
  };

  return {
    queue(k, t, initial) {
      const q = queueOf(k);
      const step = Math.floor((t - run.start) / dt + STEP_SLACK);
      if (q.step < 0) {
        // Stella: a queue initialised with a total holds it as a single batch.
        q.batches = [];
        q.head = 0;
        append(q, initial);
      } else if (step > q.step) {
        commit(q);
      }
      q.step = step;
      // This DT's outflows are worked out afresh from here on.
      q.taken.fill(0);
      q.blocked = false;
      let held = 0;
      for (let i = q.head; i < q.batches.length; i++) held += q.batches[i]!;
      return held;
    },
    outflow(k, j, want, room, whole, one, overflow, _before) {
      const q = queueOf(k);
      while (q.taken.length <= j) q.taken.push(0);
      q.taken[j] = 0;
      if (overflow !== 0 && !q.blocked) return 0;
      // What outflows before this one took this DT comes off the front first.
      let skip = 0;
      for (let i = 0; i < j; i++) skip += q.taken[i]!;
      const wanted = want >= 0 ? want * dt : 0;
      const roomAmount = room >= 0 ? room * dt : 0;
      const limit = Math.min(wanted, roomAmount);
      let took = 0;
      let cut = false;
      let done = false;
      for (let i = q.head; i < q.batches.length && !done; i++) {
        let b = q.batches[i]!;
        if (skip > 0) {
          const gone = Math.min(skip, b);
          skip -= gone;
          b -= gone;
          if (b <= 0) continue;
        }
        const space = limit - took;
        if (b <= space * (1 + FIT_SLACK) + FIT_SLACK) took += b;
        else {
          if (whole === 0 && space > 0) took = limit;
          cut = true;
          done = true;
        }
        if (one !== 0) done = true;
      }
      q.taken[j] = took;
      // Blocked: material it wanted stayed behind because the room downstream ran out.
      if (cut && roomAmount < wanted) q.blocked = true;
      return took / dt;
    },
    inflow(k, j, value, _queue) {
      const q = queueOf(k);
      while (q.arriving.length <= j) q.arriving.push(0);
      // Queue inflows are uniflows: a queue takes whatever arrives, but never a negative batch.
      const rate = value > 0 ? value : 0;
      q.arriving[j] = rate * dt;
      return rate;
    },
    size(k, _queue) {
      const q = queueOf(k);
      return q.batches.length - q.head;
    },
  };
}
