import type { VariableInfo } from './model-index.js';

/** A replacement of one span of the model text, 1-based and end-exclusive like Monaco's ranges. */
export interface TextEdit {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/**
 * The edit that writes a constant's new value into the model text: its equation's span is
 * replaced by the number. `writtenSinceParse` is the text an earlier edit put there since the last
 * parse (a slider moved in quick steps). Returns undefined when the text at the recorded place is not the
 * equation any more (the user typed since the last parse), so a stale edit never lands.
 */
export function constantEdit(modelText: string, variable: VariableInfo, value: number, writtenSinceParse?: string): TextEdit | undefined {
  const loc = variable.equationLoc;
  // A value written by an earlier slider release the parser has not seen yet sits where the equation was.
  const equation = writtenSinceParse ?? variable.equation;
  if (!loc || equation === undefined || variable.constant === undefined) return undefined;
  const written = equation.trim();
  if (written.includes('\n')) return undefined;
  const lines = modelText.split(/\r?\n/);
  const line = lines[loc.line - 1];
  if (line === undefined) return undefined;
  // The recorded column may sit on blanks before the number; the equation starts at its first non-blank.
  let start = loc.column - 1;
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++;
  if (line.slice(start, start + written.length) !== written) return undefined;
  return { startLine: loc.line, startColumn: start + 1, endLine: loc.line, endColumn: start + 1 + written.length, text: formatNumber(value) };
}

/** A number as a modeller would type it: shortest exact form, no binary noise. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const short = Number(value.toPrecision(12));
  return String(short);
}
