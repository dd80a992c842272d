/**
 * Spreadsheet addresses as Vensim's GET functions write them: a cell `B2`, the same with a
 * trailing `*` (read the values transposed), a column letter (`A`: time runs down it) or a row
 * number (`4`: time runs across it). Rows and columns here are 0-based.
 */

export interface CellAddress {
  row: number;
  col: number;
}

/** A rectangle of cells, both ends included. */
export interface CellBlock {
  sheet?: string;
  first: CellAddress;
  last: CellAddress;
}

/** Excel's last column (XFD) and row: anything past them is no address. */
const MAX_COL = 16384;
const MAX_ROW = 1048576;

/** `A` is 0, `Z` 25, `AA` 26. Undefined for anything that is not one to three letters within XFD. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COL ? n - 1 : undefined;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `B2` or `$B$2`. */
export function parseCell(text: string): CellAddress | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return undefined;
  const col = columnIndex(m[1] ?? '');
  const row = Number(m[2]);
  if (col === undefined || row < 1 || row > MAX_ROW) return undefined;
  return { row: row - 1, col };
}

export function cellName(a: CellAddress): string {
  return `${columnLetters(a.col)}${a.row + 1}`;
}

/** Where a series' times lie: a row number (times run across) or a column letter (times run down). */
export type TimeLine = { across: true; row: number } | { across: false; col: number };

export function parseTimeLine(text: string): TimeLine | undefined {
  const s = text.trim();
  if (/^\d{1,7}$/.test(s)) {
    const row = Number(s);
    return row >= 1 && row <= MAX_ROW ? { across: true, row: row - 1 } : undefined;
  }
  const col = columnIndex(s);
  return col === undefined ? undefined : { across: false, col };
}

/**
 * The target of a defined name as a workbook stores it: `Sheet2!$E$3:$I$3`, `'my tab'!$B$4`.
 * Names that are formulas or span several areas are not cell blocks.
 */
export function parseBlock(ref: string): CellBlock | undefined {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!'"]+))!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?$/.exec(ref.trim());
  if (!m) return undefined;
  const first = parseCell(m[3] ?? '');
  const last = m[4] !== undefined ? parseCell(m[4]) : first;
  if (!first || !last) return undefined;
  const block: CellBlock = {
    first: { row: Math.min(first.row, last.row), col: Math.min(first.col, last.col) },
    last: { row: Math.max(first.row, last.row), col: Math.max(first.col, last.col) },
  };
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (sheet !== undefined) block.sheet = sheet;
  return block;
}
