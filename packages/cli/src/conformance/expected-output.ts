import { parse } from 'csv-parse/sync';
import { canonicalName } from '@sluice/ir';
import { readModelText } from '../load/read-text.js';

/** A canonical output table: the time column, then named columns with blanks as NaN-free gaps. */
export interface ExpectedOutput {
  times: number[];
  columns: { name: string; key: string; values: (number | undefined)[] }[];
}

/**
 * The key two column names are matched by: the suite's rule (case-insensitive, `_` equal to
 * space, a literal `\n` as a space, surrounding quotes dropped), applied to the variable and to
 * each subscript of `name[e1,e2]`.
 */
export function columnKey(name: string): string {
  const s = name.trim().replace(/^"(.*)"$/s, '$1');
  const open = s.indexOf('[');
  if (open > 0 && s.endsWith(']')) {
    const subs = s
      .slice(open + 1, -1)
      .split(',')
      .map((e) => canonicalName(e));
    return `${canonicalName(s.slice(0, open))}[${subs.join(',')}]`;
  }
  return canonicalName(s);
}

function parseNumber(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const lower = t.toLowerCase();
  if (lower === 'nan' || lower === ':na:') return NaN;
  if (lower === 'inf' || lower === 'infinity' || lower === '+inf') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  const v = Number(t);
  return Number.isNaN(v) ? undefined : v;
}

/** Read `output.csv` (comma-separated) or `output.tab` (tab-separated), any line ending. */
export function readExpectedOutput(path: string): ExpectedOutput {
  const text = readModelText(path);
  if (!text.ok) throw new Error(`cannot read expected output ${path}`);
  const delimiter = path.toLowerCase().endsWith('.tab') ? '\t' : ',';
  const rows = parse(text.value, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    relax_quotes: true,
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as string[][];
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const times = body.map((r) => parseNumber(r[0] ?? '') ?? NaN);
  const columns = header.slice(1).map((name, i) => ({
    name: name.trim(),
    key: columnKey(name),
    values: body.map((r) => parseNumber(r[i + 1] ?? '')),
  }));
  return { times, columns: columns.filter((c) => c.name !== '') };
}
