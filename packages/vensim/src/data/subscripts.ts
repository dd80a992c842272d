import { error, type Diagnostic } from '@sluice/ir';
import type { ElementDefAst } from '../parser.js';
import { cellName, parseCell, parseTimeLine } from './cell-reference.js';
import { findAnchor, findSheet } from './locate.js';
import type { DataFiles } from './open-file.js';
import type { CellValue } from './workbook.js';

/**
 * `GET XLS SUBSCRIPT('file', 'sheet', 'first cell', 'last cell', 'prefix')` (and GET DIRECT):
 * element names from the cells between the two corners, row by row, each after the prefix.
 * A last cell left blank reads on from the first along its row (or, when the next cell along
 * the row is empty, down its column) up to the first empty cell; a column letter or a row
 * number ends the run there. Numbers name elements as written (`1`, `2.5`).
 */
export function readSubscriptElements(call: Extract<ElementDefAst, { kind: 'file' }>, files: DataFiles, diagnostics: Diagnostic[]): string[] {
  const problem = (message: string): string[] => {
    diagnostics.push(error('data', `${call.function}: ${message}`, call.loc));
    return [];
  };
  if (!/^GET[\s_]+(XLS|DIRECT)[\s_]+SUBSCRIPT$/i.test(call.function)) return problem('not a function that defines subscript elements');
  if (call.arguments.length !== 5) return problem(`takes 5 quoted arguments, not ${call.arguments.length}`);
  const [file, sheetName, first, last, prefix] = call.arguments as [string, string, string, string, string];
  const book = files.open(file, sheetName);
  if (!book.ok) return problem(book.message);
  const sheet = findSheet(book.value, sheetName, file);
  if (!sheet.ok) return problem(sheet.message);
  const anchor = findAnchor(book.value, sheet.value, first.trim(), file);
  if (!anchor.ok) return problem(anchor.message);
  const { sheet: ws, start } = anchor.value;
  const name = (v: CellValue): string | undefined => (v === undefined ? undefined : `${prefix}${typeof v === 'number' ? String(v) : v.trim()}`);

  let end = anchor.value.block?.last;
  const lastCell = parseCell(last);
  if (lastCell) end = lastCell;
  else if (last.trim() !== '') {
    const line = parseTimeLine(last);
    if (!line) return problem(`the last cell '${last}' is neither a cell, a column letter nor a row number`);
    end = line.across ? { row: line.row, col: start.col } : { row: start.row, col: line.col };
  }
  const out: string[] = [];
  if (end) {
    if (end.row < start.row || end.col < start.col) return problem(`the last cell ${cellName(end)} comes before the first ${cellName(start)}`);
    // Only cells that hold anything: a corner far past the sheet's end costs nothing.
    for (let r = start.row; r <= Math.min(end.row, ws.rows - 1); r++)
      for (let c = start.col; c <= Math.min(end.col, ws.cols - 1); c++) {
        const n = name(ws.cell(r, c));
        if (n !== undefined) out.push(n);
      }
  } else {
    const across = ws.cell(start.row, start.col + 1) !== undefined || ws.cell(start.row + 1, start.col) === undefined;
    for (let k = 0; ; k++) {
      const n = name(across ? ws.cell(start.row, start.col + k) : ws.cell(start.row + k, start.col));
      if (n === undefined) break;
      out.push(n);
    }
  }
  if (out.length === 0) return problem(`no element names from ${anchor.value.label} of sheet '${ws.name}' in ${file}`);
  return out;
}
