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

/**
 * Columns gathered together, the first time any of them is read: a tile's rows are read as
 * runs of consecutive numbers, and callers that read one column usually read its neighbours
 * (every column, or the elements of one array variable). Gathering one column at a time read
 * each number from a different page: reading every column of a large model took seconds.
 */
const TILE_COLUMNS = 64;

/**
 * A run's saved values, kept as it saved them (row-major) and handed out column by column:
 * columns are gathered into one column-major buffer (made when the first is read), a tile of
 * them the first time one of the tile is read. Transposing every column of a large model on
 * every run cost as much as its steps, for callers that mostly read a few columns; one that
 * reads them all pays about the same as before, once.
 */
export class SavedTable {
  private byColumn: Float64Array | undefined;
  /** Per tile of TILE_COLUMNS columns: gathered yet. */
  private readonly gathered: Uint8Array;

  constructor(
    readonly byRow: Float64Array,
    readonly rows: number,
    readonly width: number,
  ) {
    this.gathered = new Uint8Array(Math.ceil(width / TILE_COLUMNS));
  }

  /** Column i's values: a view of the column-major buffer, gathered on first read. */
  column(i: number): Float64Array {
    const out = (this.byColumn ??= new Float64Array(this.rows * this.width));
    const tile = Math.floor(i / TILE_COLUMNS);
    if (!this.gathered[tile]) {
      this.gatherTile(tile, out);
      this.gathered[tile] = 1;
    }
    return out.subarray(i * this.rows, (i + 1) * this.rows);
  }

  /** After a later run rewrote the rows: the tiles read so far are gathered again, so their views stay true. */
  refresh(): void {
    const out = this.byColumn;
    if (!out) return;
    for (let tile = 0; tile < this.gathered.length; tile++) if (this.gathered[tile]) this.gatherTile(tile, out);
  }

  private gatherTile(tile: number, out: Float64Array): void {
    const c0 = tile * TILE_COLUMNS;
    transposeColumns(this.byRow, this.rows, this.width, c0, Math.min(this.width, c0 + TILE_COLUMNS), out);
  }
}

/** Columns c0..c1-1 of the row-major rows into their places in the column-major buffer. */
function transposeColumns(byRow: Float64Array, rows: number, width: number, c0: number, c1: number, out: Float64Array): void {
  for (let k = 0; k < rows; k++) {
    const from = k * width;
    for (let c = c0; c < c1; c++) out[c * rows + k] = byRow[from + c]!;
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
