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

/**
 * A column of a run's one column-major buffer. Its view is made when first read: a model of
 * 100,000 variables spent longer making a typed-array view per column on every run (and
 * collecting them) than a fifth of its steps took, for callers that mostly read a few.
 */
export class SavedColumn implements RunColumn {
  private view: Float64Array | undefined;

  constructor(
    readonly name: string,
    readonly ident: string,
    private readonly buffer: Float64Array,
    private readonly offset: number,
    private readonly length: number,
  ) {}

  get values(): Float64Array {
    return (this.view ??= this.buffer.subarray(this.offset, this.offset + this.length));
  }

  /** The fields of a plain column (the view is not an own property, so JSON would miss it). */
  toJSON(): RunColumn {
    return { name: this.name, ident: this.ident, values: this.values };
  }
}
