import { error, type Diagnostic } from '@sluice/ir';

/** At most this many kept numbers (runs x outputs x saved times), 1.6 GB of Float64. */
export const MAX_KEPT_VALUES = 200_000_000;

/** Where a batch's results go, sized once the outputs and saved times are known. */
export class Collector {
  readonly values: Float64Array[];
  private readonly rows: number;

  constructor(readonly runs: number, readonly times: Float64Array, readonly names: string[]) {
    this.rows = times.length;
    this.values = names.map(() => new Float64Array(this.rows * runs));
  }

  static check(runs: number, times: Float64Array, names: string[]): Diagnostic | undefined {
    if (runs * names.length * times.length <= MAX_KEPT_VALUES) return undefined;
    return error('too-many-values', `${runs} runs of ${names.length} outputs over ${times.length} saved times is more than ${MAX_KEPT_VALUES} numbers; keep fewer outputs or save less often`);
  }

  /** Data as `BatchRunner` writes it, for runs [first, first + count). */
  store(first: number, count: number, data: Float64Array): void {
    const { rows, runs, values } = this;
    const outputs = values.length;
    for (let k = 0; k < count; k++) {
      for (let o = 0; o < outputs; o++) {
        const col = values[o]!;
        const base = (k * outputs + o) * rows;
        for (let row = 0; row < rows; row++) col[row * runs + first + k] = data[base + row]!;
      }
    }
  }
}
