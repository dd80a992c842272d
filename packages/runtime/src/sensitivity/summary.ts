import { DEFAULT_PERCENTILES, percentiles } from './percentiles.js';
import type { SensitivityResult } from './run-sensitivity.js';

/** Percentile bands over time: `bands[o][row][j]` is output o's ps[j]-th percentile at times[row]. */
export interface PercentileBands {
  times: Float64Array;
  outputs: string[];
  percentiles: readonly number[];
  bands: number[][][];
}

export function percentileBands(result: SensitivityResult, ps: readonly number[] = DEFAULT_PERCENTILES): PercentileBands {
  const rows = result.times.length;
  const scratch = new Float64Array(result.runs);
  const bands = result.values.map((col) => {
    const out: number[][] = [];
    for (let row = 0; row < rows; row++) out.push(percentiles(col.subarray(row * result.runs, (row + 1) * result.runs), ps, scratch));
    return out;
  });
  return { times: result.times, outputs: result.outputs, percentiles: ps, bands };
}

/**
 * Wide CSV, one row per saved time: `time,<output> p5,<output> p25,...` for each output in turn.
 * Numbers print as JavaScript's shortest round-trip form; a name holding a comma or quote is
 * quoted.
 */
export function formatBandsCsv(b: PercentileBands): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const header = ['time'];
  for (const name of b.outputs) for (const p of b.percentiles) header.push(quote(`${name} p${p}`));
  const lines = [header.join(',')];
  for (let row = 0; row < b.times.length; row++) {
    const cells = [String(b.times[row])];
    for (const band of b.bands) for (const x of band[row]!) cells.push(String(x));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
