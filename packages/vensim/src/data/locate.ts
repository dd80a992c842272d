import { cellName, parseCell, type CellAddress, type CellBlock } from './cell-reference.js';
import type { Sheet, Workbook } from './workbook.js';

/** Where values start, on which sheet, and how far a named range lets them go. */
export interface Anchor {
  sheet: Sheet;
  start: CellAddress;
  /** Set for a named range: values lie inside it. */
  block?: CellBlock;
  /** How the model wrote it, for messages: `B2` or the range's name. */
  label: string;
}

export type Located<T> = { ok: true; value: T } | { ok: false; message: string };

const fold = (s: string): string => s.normalize('NFC').toLowerCase();

/** A sheet by name (case as written first, then any case); a text file's one sheet whatever the name. */
export function findSheet(wb: Workbook, name: string, file: string): Located<Sheet> {
  if (wb.kind === 'csv') {
    const only = wb.sheets[0];
    return only ? { ok: true, value: only } : { ok: false, message: `${file} is empty` };
  }
  const exact = wb.sheets.find((s) => s.name.normalize('NFC') === name.normalize('NFC'));
  const any = exact ?? wb.sheets.find((s) => fold(s.name) === fold(name));
  if (any) return { ok: true, value: any };
  return { ok: false, message: `sheet '${name}' not found in ${file} (its sheets: ${wb.sheets.map((s) => `'${s.name}'`).join(', ')})` };
}

/**
 * A cell (`B2`) on the given sheet, or a defined name: one scoped to that sheet first, then a
 * workbook-wide one, which may point at another sheet.
 */
export function findAnchor(wb: Workbook, sheet: Sheet, ref: string, file: string): Located<Anchor> {
  const cell = parseCell(ref);
  if (cell) return { ok: true, value: { sheet, start: cell, label: cellName(cell) } };
  const named =
    wb.names.find((n) => n.sheet === sheet.name && fold(n.name) === fold(ref)) ?? wb.names.find((n) => n.sheet === undefined && fold(n.name) === fold(ref));
  if (!named) {
    const what = wb.kind === 'csv' ? `'${ref}' is not a cell reference such as B2` : `no cell or named range '${ref}' in ${file}`;
    return { ok: false, message: wb.kind === 'csv' ? `${what} (${file} is a text file: it has no named ranges)` : what };
  }
  const target = named.block.sheet !== undefined ? wb.sheets.find((s) => s.name === named.block.sheet) : sheet;
  if (!target) return { ok: false, message: `named range '${ref}' in ${file} points at sheet '${named.block.sheet ?? ''}', which is not in the file` };
  return { ok: true, value: { sheet: target, start: named.block.first, block: named.block, label: `'${named.name}'` } };
}
