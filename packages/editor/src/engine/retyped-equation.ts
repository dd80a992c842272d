import { foldConstant, type Aux, type Equation, type Project, type Variable } from '@sluice/ir';
import { parseEquation } from '@sluice/language';

/** A parsed text model, the base an edit is compared with. */
export interface ParsedText {
  text: string;
  file: string;
  project: Project;
}

/** A text that differs from its base only inside one variable's formula, and what it parses to. */
export interface RetypedEquation extends ParsedText {
  ident: string;
  /** The new value when the variable is a constant before and after: a run may override it. */
  constant?: number;
}

/** After a formula its line may hold only blanks and a comment, so nothing else on it moves. */
const LINE_REST = /[ \t]*(?:#[^\n\r]*)?(?:\r|\n|$)/y;

/**
 * The edit that typing inside one formula makes, recognised without parsing the whole file:
 * `next` differs from `base.text` only within the one-line formula of a main-model variable,
 * and the new formula reads without a message and still ends at its line's end. The project is
 * the base's with that one equation read again, as the text parser reads a formula; undefined
 * for any other edit, which must be parsed in full. The editor confirms the result with a full
 * parse once typing pauses, so a case this reads differently is corrected.
 */
export function retypedEquation(base: ParsedText, next: string): RetypedEquation | undefined {
  const before = base.text;
  if (next === before || base.project.source?.format !== 'sluice') return undefined;
  const { start, oldEnd } = changedSpan(before, next);
  const main = base.project.models[0];
  if (!main) return undefined;
  const line = lineOfOffset(before, start);
  for (const [i, v] of main.variables.entries()) {
    const eq = v.equation;
    if (!eq?.loc || eq.loc.line !== line.number) continue;
    const from = line.start + eq.loc.column - 1;
    const to = from + eq.text.length;
    if (before.slice(from, to) !== eq.text || start < from || oldEnd > to || !restOfLineIsBlank(before, to)) continue;
    const text = next.slice(from, to + next.length - before.length);
    if (!endsOnItsLine(text) || !endsOnItsLine(eq.text) || parseEquation(eq.text, { ...eq.loc }).diagnostics.length > 0) return undefined;
    const { expr, diagnostics } = parseEquation(text, { ...eq.loc });
    if (!expr || diagnostics.length > 0) return undefined;
    const variables = main.variables.slice();
    variables[i] = { ...v, equation: { text, expr, loc: { ...eq.loc } } satisfies Equation } as Variable;
    const project: Project = { ...base.project, models: [{ ...main, variables }, ...base.project.models.slice(1)] };
    const was = constantOf(v);
    const now = was === undefined ? undefined : foldConstant(expr);
    return { text: next, file: base.file, project, ident: v.ident, ...(now === undefined ? {} : { constant: now }) };
  }
  return undefined;
}

/** A scalar auxiliary whose one equation is a number the compiler folds: what a run may override. */
function constantOf(v: Variable): number | undefined {
  if (v.kind !== 'aux') return undefined;
  const a: Aux = v;
  const plain = !a.hidden && !a.dimensions?.length && !a.elements?.length && !a.gf && !a.initialEquation && a.equation?.expr;
  return plain ? foldConstant(plain) : undefined;
}

/**
 * Whether a formula's text, written after `= ` with only blanks or a comment after it, is read
 * back as exactly this text: one line, trimmed, no `#` or `{` comment, every quote closed and
 * every bracket closed on the line (an open one carries a formula onto the next line).
 */
function endsOnItsLine(text: string): boolean {
  if (text.length === 0 || text !== text.trim()) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || c === '#' || c === '{' || c === '}') return false;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) return false;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
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
