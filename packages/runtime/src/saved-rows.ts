/** Numbers staged per block: small enough to stay in cache, large enough to amortise the copy. */
const BLOCK_VALUES = 1 << 16;
/** Rows per block at least, however many columns: one row per block would gain nothing. */
const MIN_BLOCK_ROWS = 8;

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
    this.blockRows = Math.max(1, Math.min(rows, Math.max(MIN_BLOCK_ROWS, Math.floor(BLOCK_VALUES / Math.max(1, this.width)))));
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
    for (let c = 0; c < width; c++) {
      const out = c * rows + firstRow;
      for (let j = 0, k = c; j < filled; j++, k += width) values[out + j] = block[k]!;
    }
    this.firstRow += filled;
    this.filled = 0;
  }
}
