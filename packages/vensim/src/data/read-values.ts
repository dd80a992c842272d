import { cellName, columnLetters, parseTimeLine, type CellAddress, type TimeLine } from './cell-reference.js';
import { findAnchor, type Anchor, type Located } from './locate.js';
import type { Sheet, Workbook } from './workbook.js';

/**
 * The 2-D shape Vensim reads constants in: ranges with one element drop out, what remains
 * (at most two) is rows by columns, a single range lying along one row.
 */
export function tableShape(sizes: readonly number[]): Located<[number, number]> {
  const varying = sizes.filter((n) => n > 1);
  if (varying.length > 2)
    return { ok: false, message: `a spreadsheet holds two subscript ranges at most (rows and columns); this definition spans ${varying.length}` };
  const [a, b] = varying.length === 2 ? varying : [1, varying[0] ?? 1];
  return { ok: true, value: [a ?? 1, b ?? 1] };
}

const where = (sheet: Sheet, at: CellAddress, file: string): string => `cell ${cellName(at)} of sheet '${sheet.name}' in ${file}`;

/**
 * GET XLS/DIRECT CONSTANTS: one number per element, in the order of the left side's elements
 * (the last range varying fastest). The first range runs down the rows and the second across
 * the columns, a single range across one row; a `*` after the cell transposes that.
 */
export function readConstants(anchor: Anchor, sizes: readonly number[], transposed: boolean, file: string): Located<number[]> {
  const shape = tableShape(sizes);
  if (!shape.ok) return shape;
  const [rows, cols] = shape.value;
  const out: number[] = [];
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const at = transposed ? { row: anchor.start.row + j, col: anchor.start.col + i } : { row: anchor.start.row + i, col: anchor.start.col + j };
      const v = anchor.sheet.cell(at.row, at.col);
      if (typeof v !== 'number') return { ok: false, message: `${where(anchor.sheet, at, file)} holds ${v === undefined ? 'nothing' : `'${v}'`}, not a number` };
      out.push(v);
    }
  return { ok: true, value: out };
}

export interface Series {
  times: number[];
  values: number[];
}

/**
 * GET XLS/DIRECT DATA and LOOKUPS: times (or x values) along a row (`'4'`) or a column (`'A'`)
 * or in a named range; the first element's values from the anchor cell along the same line,
 * each further element on the next row (times across) or column (times down). Blank cells are
 * points without data.
 */
export function readSeries(wb: Workbook, sheet: Sheet, timeArg: string, anchor: Anchor, count: number, file: string): Located<Series[]> {
  const line = timeLineOf(wb, sheet, timeArg, anchor, file);
  if (!line.ok) return line;
  const { across, index, from, to, timeSheet } = line.value;
  const times: { at: number; t: number }[] = [];
  for (let k = from; k <= to; k++) {
    const t = across ? timeSheet.cell(index, k) : timeSheet.cell(k, index);
    if (typeof t === 'number') times.push({ at: k, t });
  }
  const axis = across ? `row ${index + 1}` : `column ${columnLetters(index)}`;
  if (times.length === 0) return { ok: false, message: `no time values in ${axis} of sheet '${timeSheet.name}' in ${file} from ${anchor.label}` };
  for (let i = 1; i < times.length; i++)
    if (times[i]!.t <= times[i - 1]!.t) return { ok: false, message: `the time values in ${axis} of sheet '${timeSheet.name}' in ${file} do not increase` };
  const out: Series[] = [];
  for (let e = 0; e < count; e++) {
    const s: Series = { times: [], values: [] };
    for (const { at, t } of times) {
      const v = across ? anchor.sheet.cell(anchor.start.row + e, at) : anchor.sheet.cell(at, anchor.start.col + e);
      if (typeof v === 'number') {
        s.times.push(t);
        s.values.push(v);
      }
    }
    if (s.times.length === 0) {
      const first = across ? { row: anchor.start.row + e, col: anchor.start.col } : { row: anchor.start.row, col: anchor.start.col + e };
      return { ok: false, message: `no numbers from ${where(anchor.sheet, first, file)} along the time values` };
    }
    out.push(s);
  }
  return { ok: true, value: out };
}

interface Line {
  across: boolean;
  /** The row (across) or column (down) holding the times. */
  index: number;
  /** The span of columns (across) or rows (down) to read. */
  from: number;
  to: number;
  timeSheet: Sheet;
}

function timeLineOf(wb: Workbook, sheet: Sheet, timeArg: string, anchor: Anchor, file: string): Located<Line> {
  const direct: TimeLine | undefined = parseTimeLine(timeArg);
  if (direct) {
    const across = direct.across;
    const from = across ? anchor.start.col : anchor.start.row;
    const end = across ? anchor.sheet.cols - 1 : anchor.sheet.rows - 1;
    const limit = anchor.block ? (across ? anchor.block.last.col : anchor.block.last.row) : end;
    return { ok: true, value: { across, index: across ? direct.row : direct.col, from, to: Math.min(end, limit), timeSheet: anchor.sheet } };
  }
  // A named range of times: a row of them (times across) or a column.
  const named = findAnchor(wb, sheet, timeArg, file);
  if (!named.ok) return { ok: false, message: `the time argument '${timeArg}' is neither a row number, a column letter nor a named range in ${file}` };
  const b = named.value.block;
  const across = !b || b.first.row === b.last.row;
  if (across) return { ok: true, value: { across, index: named.value.start.row, from: named.value.start.col, to: b ? b.last.col : named.value.start.col, timeSheet: named.value.sheet } };
  return { ok: true, value: { across, index: named.value.start.col, from: named.value.start.row, to: b.last.row, timeSheet: named.value.sheet } };
}
