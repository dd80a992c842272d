/** One reported variable: its values at the saved times. */
export interface RunColumn {
  name: string;
  ident: string;
  values: Float64Array;
}

export interface RunResult {
  times: Float64Array;
  columns: RunColumn[];
}

/** What a later run needs to write into a result's buffers (`into`). */
export interface SavedStorage {
  model: object;
  /** The plan's columns, compared by slot. */
  columns: readonly { slot: number }[];
  table: SavedTable;
}

/**
 * A result as `simulate` makes it. The storage is a private field, not an entry in a WeakMap:
 * weak maps keyed by every result cost the garbage collector on each run, and a private field
 * stays out of JSON, spreads and structured clones.
 */
export class SimulatedRun implements RunResult {
  readonly #storage: SavedStorage;

  constructor(
    public times: Float64Array,
    public columns: RunColumn[],
    storage: SavedStorage,
  ) {
    this.#storage = storage;
  }

  static storageOf(result: RunResult): SavedStorage | undefined {
    return #storage in result ? result.#storage : undefined;
  }
}

/** Columns transposed together when a whole table is gathered: a tile's rows stay in the first-level cache. */
const TILE_COLUMNS = 64;

/**
 * A run's saved values, kept as it saved them (row-major) and handed out column by column:
 * a column is gathered into one column-major buffer (made when the first is read) the first
 * time it is read. Transposing every column of a large model on every run cost as much as
 * its steps, for callers that mostly read a few columns; one that reads them all pays about
 * the same as before, once.
 */
export class SavedTable {
  private byColumn: Float64Array | undefined;
  private readonly gathered: Uint8Array;
  private gatheredCount = 0;

  constructor(
    readonly byRow: Float64Array,
    readonly rows: number,
    readonly width: number,
  ) {
    this.gathered = new Uint8Array(width);
  }

  /** Column i's values: a view of the column-major buffer, gathered on first read. */
  column(i: number): Float64Array {
    const out = (this.byColumn ??= new Float64Array(this.rows * this.width));
    if (!this.gathered[i]) {
      gatherColumn(this.byRow, this.rows, this.width, i, out);
      this.gathered[i] = 1;
      this.gatheredCount++;
    }
    return out.subarray(i * this.rows, (i + 1) * this.rows);
  }

  /** After a later run rewrote the rows: the columns read so far are gathered again, so their views stay true. */
  refresh(): void {
    const out = this.byColumn;
    if (!out || this.gatheredCount === 0) return;
    if (this.gatheredCount === this.width) transposeAll(this.byRow, this.rows, this.width, out);
    else for (let i = 0; i < this.width; i++) if (this.gathered[i]) gatherColumn(this.byRow, this.rows, this.width, i, out);
  }
}

function gatherColumn(byRow: Float64Array, rows: number, width: number, i: number, out: Float64Array): void {
  const to = i * rows;
  for (let k = 0, from = i; k < rows; k++, from += width) out[to + k] = byRow[from]!;
}

function transposeAll(byRow: Float64Array, rows: number, width: number, out: Float64Array): void {
  for (let c0 = 0; c0 < width; c0 += TILE_COLUMNS) {
    const c1 = Math.min(width, c0 + TILE_COLUMNS);
    for (let k = 0; k < rows; k++) {
      const from = k * width;
      for (let c = c0; c < c1; c++) out[c * rows + k] = byRow[from + c]!;
    }
  }
}

/** A column of a saved table; its values are gathered when first read. */
export class SavedColumn implements RunColumn {
  private view: Float64Array | undefined;

  constructor(
    readonly name: string,
    readonly ident: string,
    private readonly table: SavedTable,
    private readonly index: number,
  ) {}

  get values(): Float64Array {
    return (this.view ??= this.table.column(this.index));
  }

  /** The fields of a plain column (`values` is not an own property, so JSON would miss it). */
  toJSON(): RunColumn {
    return { name: this.name, ident: this.ident, values: this.values };
  }
}
