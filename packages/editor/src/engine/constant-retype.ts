import { foldConstant, type Aux, type Equation, type Project } from '@sluice/ir';
import { parseEquation } from '@sluice/language';

/** A parsed text model, the base an edit is compared with. */
export interface ParsedText {
  text: string;
  file: string;
  project: Project;
}

/** A text that differs from its base only in one constant's number, and what it parses to. */
export interface RetypedConstant extends ParsedText {
  ident: string;
  value: number;
}

/** What a retyped number may hold: digits, a point, an exponent and signs; nothing that could end a formula early. */
const NUMBER_CHARS = /^[0-9.eE+-]+$/;
/** After a constant's formula its line may hold only blanks and a comment, so nothing else on it moves. */
const LINE_REST = /[ \t]*(?:#[^\n\r]*)?(?:\r|\n|$)/y;

/**
 * The edit that typing in a constant's number makes, recognised without parsing the whole file:
 * `next` differs from `base.text` only inside the number of a main-model constant
 * (`const x = 80000`, or a scalar `aux` whose formula is a number), and the new text is a number
 * too. The project is the base's with that one equation read again, as the text parser reads a
 * formula; undefined for any other edit, which must be parsed in full. The editor confirms the
 * result with a full parse once typing pauses, so a case this reads differently is corrected.
 */
export function retypedConstant(base: ParsedText, next: string): RetypedConstant | undefined {
  const before = base.text;
  if (next === before || base.project.source?.format !== 'sluice') return undefined;
  const { start, oldEnd } = changedSpan(before, next);
  const main = base.project.models[0];
  if (!main) return undefined;
  const line = lineOfOffset(before, start);
  for (const [i, v] of main.variables.entries()) {
    const eq = v.equation;
    if (v.kind !== 'aux' || !eq?.loc || eq.loc.line !== line.number || !isPlainConstant(v)) continue;
    const from = line.start + eq.loc.column - 1;
    const to = from + eq.text.length;
    if (before.slice(from, to) !== eq.text || start < from || oldEnd > to || !restOfLineIsBlank(before, to)) continue;
    const text = next.slice(from, to + next.length - before.length);
    if (!NUMBER_CHARS.test(text) || !NUMBER_CHARS.test(eq.text)) return undefined;
    const { expr, diagnostics } = parseEquation(text, { ...eq.loc });
    const value = expr ? foldConstant(expr) : undefined;
    if (!expr || diagnostics.length > 0 || value === undefined) return undefined;
    const equation: Equation = { text, expr, loc: { ...eq.loc } };
    const variables = main.variables.slice();
    variables[i] = { ...v, equation };
    const project: Project = { ...base.project, models: [{ ...main, variables }, ...base.project.models.slice(1)] };
    return { text: next, file: base.file, project, ident: v.ident, value };
  }
  return undefined;
}

/** A scalar auxiliary whose one equation is a number the compiler folds: what a run may override. */
function isPlainConstant(v: Aux): boolean {
  return !v.hidden && !v.dimensions?.length && !v.elements?.length && !v.gf && !v.initialEquation && !!v.equation?.expr && foldConstant(v.equation.expr) !== undefined;
}

function restOfLineIsBlank(text: string, offset: number): boolean {
  LINE_REST.lastIndex = offset;
  return LINE_REST.test(text);
}

/** The one span where two texts differ: `[start, oldEnd)` of the old text is all that was replaced. */
function changedSpan(a: string, b: string): { start: number; oldEnd: number } {
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { start, oldEnd: a.length - tail };
}

/** The 1-based line holding `offset` (lines end at LF, CRLF or a lone CR, as the lexer counts them) and where it starts. */
function lineOfOffset(text: string, offset: number): { number: number; start: number } {
  let number = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      number++;
      start = i + 1;
    }
  }
  return { number, start };
}
