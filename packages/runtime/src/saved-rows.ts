/** Rows staged before they are copied out: the copy writes runs this long into every column. */
const BLOCK_ROWS = 32;
/** Columns copied together: a tile of BLOCK_ROWS x TILE_COLUMNS numbers stays in the first-level cache. */
const TILE_COLUMNS = 64;

/** The columns' slots as runs of consecutive slots: run k is slots start[k] .. start[k] + length[k] - 1. */
export interface SlotRuns {
  width: number;
  start: Int32Array;
  length: Int32Array;
}

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
  return { width: slots.length, start: Int32Array.from(starts), length: Int32Array.from(lengths) };
}

// One staging block for every run of this thread (runs never overlap: simulate is synchronous),
// so a run of a large model does not allocate, and fault in, megabytes of it each time.
let scratch = new Float64Array(0);

/**
 * The saved values of a run, column after column in one buffer (column c holds rows
 * c * rows .. (c + 1) * rows - 1). A saved row is first written contiguously into a small
 * row-major block, and each full block is copied out column by column: writing one number into
 * each of thousands of separate column arrays per saved row cost more than the step itself on
 * large models.
 */
export class SavedRows {
  private readonly width: number;
  private readonly blockRows: number;
  private readonly block: Float64Array;
  private filled = 0;
  private firstRow = 0;

  /** `values` (width * rows numbers) receives the rows; every row is written, so it may hold an earlier run's. */
  constructor(
    private readonly runs: SlotRuns,
    private readonly rows: number,
    readonly values: Float64Array,
  ) {
    this.width = runs.width;
    this.blockRows = Math.max(1, Math.min(rows, BLOCK_ROWS));
    const size = this.blockRows * this.width;
    if (scratch.length < size) scratch = new Float64Array(size);
    this.block = scratch;
  }

  /** Saves the next row from the model's slots. */
  save(v: Float64Array): void {
    copyRuns(v, this.runs.start, this.runs.length, this.block, this.filled * this.width);
    if (++this.filled === this.blockRows) this.flush();
  }

  /** Copies out the rows still staged; every row must have been saved. */
  finish(): void {
    this.flush();
  }

  private flush(): void {
    transposeBlock(this.block, this.filled, this.width, this.values, this.rows, this.firstRow);
    this.firstRow += this.filled;
    this.filled = 0;
  }
}

// The loops below are leaf functions with nothing after them: V8 compiles a hot loop while it
// runs (on-stack replacement), and code in the same function that had not yet run when it did
// made that compiled code bail out again and again, on every row.

function copyRuns(v: Float64Array, runStart: Int32Array, runLength: Int32Array, block: Float64Array, to: number): void {
  for (let k = 0; k < runStart.length; k++) {
    const from = runStart[k]!;
    const end = to + runLength[k]!;
    for (let c = from; to < end; c++) block[to++] = v[c]!;
  }
}

/** Rows 0 .. filled - 1 of the row-major block into rows firstRow.. of the column-major values. */
function transposeBlock(block: Float64Array, filled: number, width: number, values: Float64Array, rows: number, firstRow: number): void {
  // Tile by tile, so neither the reads (along rows) nor the writes (along columns) jump a
  // page per number.
  for (let c0 = 0; c0 < width; c0 += TILE_COLUMNS) {
    const c1 = Math.min(width, c0 + TILE_COLUMNS);
    for (let j = 0; j < filled; j++) {
      const from = j * width;
      const to = firstRow + j;
      for (let c = c0; c < c1; c++) values[c * rows + to] = block[from + c]!;
    }
  }
}
