/** The columns' slots as runs of consecutive slots: run k is slots start[k] .. start[k] + length[k] - 1. */
export interface SlotRuns {
  width: number;
  start: Int32Array;
  length: Int32Array;
  /** Every column's slot, for rows whose runs are too short to copy run by run. */
  slots: Int32Array;
}

/** Runs shorter than this on average are copied slot by slot: the loop per run cost more than it saved. */
const SHORT_RUNS = 8;

/** Columns usually name whole variables in slot order: a row is then read as a few runs, not one lookup per column. */
export function slotRuns(slots: ArrayLike<number>): SlotRuns {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let c = 0; c < slots.length; c++) {
    const last = lengths.length - 1;
    if (last >= 0 && starts[last]! + lengths[last]! === slots[c]) lengths[last]!++;
    else {
      starts.push(slots[c]!);
      lengths.push(1);
    }
  }
  return { width: slots.length, start: Int32Array.from(starts), length: Int32Array.from(lengths), slots: Int32Array.from(slots) };
}

/**
 * The saved values of a run, row after row (row k holds columns 0..width-1 at saved time k):
 * saving a row is a straight copy of a few runs of slots, as the hand-written model's is.
 * Columns are gathered out of it when read (`SavedTable`).
 */
export class SavedRows {
  private next = 0;

  /** `values` (rows * width numbers) receives the rows; every row is written, so it may hold an earlier run's. */
  constructor(
    private readonly runs: SlotRuns,
    readonly values: Float64Array,
  ) {}

  /** Saves the next row from the model's slots. */
  save(v: Float64Array): void {
    const runs = this.runs;
    if (runs.width < SHORT_RUNS * runs.start.length) copySlots(v, runs.slots, this.values, this.next);
    else copyRuns(v, runs.start, runs.length, this.values, this.next);
    this.next += runs.width;
  }
}

// Leaf functions with nothing after their loops: V8 compiles a hot loop while it runs (on-stack
// replacement), and code in the same function that had not yet run when it did made that
// compiled code bail out again and again, on every row.
function copySlots(v: Float64Array, slots: Int32Array, out: Float64Array, to: number): void {
  for (let c = 0; c < slots.length; c++) out[to + c] = v[slots[c]!]!;
}

function copyRuns(v: Float64Array, runStart: Int32Array, runLength: Int32Array, out: Float64Array, to: number): void {
  for (let k = 0; k < runStart.length; k++) {
    const from = runStart[k]!;
    const end = to + runLength[k]!;
    for (let c = from; to < end; c++) out[to++] = v[c]!;
  }
}
