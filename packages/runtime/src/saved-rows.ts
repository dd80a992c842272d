/** Rows staged before they are copied out: the copy writes runs this long into every column. */
const BLOCK_ROWS = 32;
/** Columns copied together: a tile of BLOCK_ROWS x TILE_COLUMNS numbers stays in the first-level cache. */
const TILE_COLUMNS = 64;

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
  private readonly values: Float64Array;
  private filled = 0;
  private firstRow = 0;

  constructor(
    private readonly slots: Int32Array,
    private readonly rows: number,
  ) {
    this.width = slots.length;
    this.blockRows = Math.max(1, Math.min(rows, BLOCK_ROWS));
    this.block = new Float64Array(this.blockRows * this.width);
    this.values = new Float64Array(this.width * rows);
  }

  /** Saves the next row from the model's slots. */
  save(v: Float64Array): void {
    const { slots, block, width } = this;
    const base = this.filled * width;
    for (let c = 0; c < width; c++) block[base + c] = v[slots[c]!]!;
    if (++this.filled === this.blockRows) this.flush();
  }

  /** Every saved value, column-major; the rows not saved stay 0. */
  finish(): Float64Array {
    this.flush();
    return this.values;
  }

  private flush(): void {
    const { block, values, width, rows, filled, firstRow } = this;
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
    this.firstRow += filled;
    this.filled = 0;
  }
}
