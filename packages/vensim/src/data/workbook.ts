import { read, type CellObject, type WorkBook } from '@e965/xlsx';
// The browser build carries its own Buffer, so the package also loads in the editor.
import { parse } from 'csv-parse/browser/esm/sync';
import { parseBlock, type CellBlock } from './cell-reference.js';

/** A cell's content as the GET functions see it: a number, some text, or nothing. */
export type CellValue = number | string | undefined;

export interface Sheet {
  name: string;
  /** 0-based row and column. */
  cell(row: number, col: number): CellValue;
  /** One past the last row and column holding anything. */
  rows: number;
  cols: number;
}

/** A workbook's defined name; `sheet` is set when the name belongs to one sheet only. */
export interface DefinedName {
  name: string;
  sheet?: string;
  block: CellBlock;
}

export interface Workbook {
  /** `csv` for a delimited text file: one sheet, named by its separator, and no defined names. */
  kind: 'spreadsheet' | 'csv';
  sheets: Sheet[];
  names: DefinedName[];
}

class GridSheet implements Sheet {
  readonly rows: number;
  readonly cols: number;
  constructor(
    readonly name: string,
    private readonly grid: CellValue[][],
  ) {
    this.rows = grid.length;
    this.cols = grid.reduce((n, r) => Math.max(n, r.length), 0);
  }
  cell(row: number, col: number): CellValue {
    return this.grid[row]?.[col];
  }
}

/** `.xlsx`, `.xlsm`, `.xls` (and other formats SheetJS reads) from their bytes. */
export function readSpreadsheet(bytes: Uint8Array): Workbook {
  // Formulas are not evaluated: Excel stores each formula cell's last value, which is what Vensim reads.
  const wb: WorkBook = read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellDates: false });
  const sheets = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const data = (ws?.['!data'] ?? []) as (CellObject[] | undefined)[];
    const grid: CellValue[][] = data.map((row) => (row ?? []).map(valueOf));
    return new GridSheet(name, grid);
  });
  const names: DefinedName[] = [];
  for (const n of wb.Workbook?.Names ?? []) {
    const block = parseBlock(n.Ref);
    if (!block) continue;
    const d: DefinedName = { name: n.Name, block };
    const local = n.Sheet !== undefined ? wb.SheetNames[n.Sheet] : undefined;
    if (local !== undefined) d.sheet = local;
    names.push(d);
  }
  return { kind: 'spreadsheet', sheets, names };
}

function valueOf(c: CellObject | undefined): CellValue {
  if (!c) return undefined;
  if (c.t === 'n' && typeof c.v === 'number') return c.v;
  if (c.t === 'b') return c.v ? 1 : 0;
  if (c.t === 's' && typeof c.v === 'string') return numberOrText(c.v);
  return undefined;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function numberOrText(s: string): CellValue {
  const t = s.trim();
  if (t === '') return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}

/**
 * The separator a GET DIRECT function names in place of a sheet for a text file: `,`, `;`,
 * a tab written as `\t` or `tab`, or any other single character.
 */
export function separatorOf(sheetArgument: string): string | undefined {
  const s = sheetArgument;
  if (s === '\\t' || s === '\t' || s.toLowerCase() === 'tab') return '\t';
  return [...s].length === 1 ? s : undefined;
}

/** A delimited text file: quoted cells may hold the separator; numbers are read as numbers. */
export function readDelimited(text: string, separator: string): Workbook {
  const rows = parse(text, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  const grid = rows.map((r) => r.map(numberOrText));
  return { kind: 'csv', sheets: [new GridSheet(separator, grid)], names: [] };
}
