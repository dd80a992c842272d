import { stringify } from 'csv-stringify/sync';
import type { RunResult } from '@sluice/runtime';

export type ResultFormat = 'csv' | 'tsv' | 'json';

/**
 * Numbers are printed with JavaScript's shortest round-trip form, so reading the output
 * back gives exactly the values computed.
 */
function cell(x: number): string {
  return String(x);
}

/**
 * A model's names are untrusted: a header starting with = + - @ would run as a formula when the
 * file is opened in a spreadsheet, so it is written behind a quote, as spreadsheets expect.
 */
function headerCell(name: string): string {
  return /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
}

export function formatResults(result: RunResult, format: ResultFormat): string {
  if (format === 'json') {
    // fromEntries defines own properties, so a variable named __proto__ stays a column.
    const variables = Object.fromEntries(
      result.columns.map((c) => [c.name, Array.from(c.values, (v) => (Number.isFinite(v) ? v : null))]),
    );
    return JSON.stringify({ time: Array.from(result.times), variables }, null, 0) + '\n';
  }
  const rows: string[][] = [['time', ...result.columns.map((c) => headerCell(c.name))]];
  for (let k = 0; k < result.times.length; k++) {
    const row = [cell(result.times[k]!)];
    for (const c of result.columns) row.push(cell(c.values[k]!));
    rows.push(row);
  }
  return stringify(rows, { delimiter: format === 'tsv' ? '\t' : ',', record_delimiter: 'unix' });
}
