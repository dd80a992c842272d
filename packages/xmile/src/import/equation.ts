import { walkExpr, type Diagnostic, type Equation, type Expr, type SourceLoc } from '@sluice/ir';
import { parseEquation } from '@sluice/language';
import type { ImportContext } from './context.js';
import { trimMapped, type MappedText } from './source-text.js';
import { textOf, type XNode } from './xml-tree.js';

export interface ReadEquation {
  equation?: Equation;
  /** True when the element holds nothing but blanks and `{comments}`. */
  empty: boolean;
}

/**
 * Parse the text of an `<eqn>` (or `<len>`, `<capacity>`...) element. Every location, in the
 * diagnostics and on the expression's nodes, is mapped back to the file through the decoded
 * text's offsets, so a syntax error after `&gt;` still points at the right column.
 */
export function readEquation(node: XNode, ctx: ImportContext, variable?: string): ReadEquation {
  const text = trimMapped(textOf(node, ctx.src));
  const loc = ctx.src.loc(text.offsets[0] ?? node.contentStart);
  if (withoutComments(text.value).trim() === '') {
    return text.value === '' ? { empty: true } : { empty: true, equation: { text: text.value, expr: null, loc } };
  }
  const placeholder = placeholderIndex(text.value);
  if (placeholder >= 0) {
    const at = text.offsets[placeholder] ?? node.contentStart;
    ctx.error(
      'placeholder-equation',
      `the equation of ${variable ? `"${variable}"` : 'this element'} is the placeholder "???", left by the tool that wrote the file: give it a real equation`,
      at,
      variable,
    );
    return { empty: false, equation: { text: text.value, expr: null, loc } };
  }
  return { empty: false, equation: parseMapped(text, ctx, variable) };
}

/** Parse a decoded equation whose characters have known file offsets. */
export function parseMapped(text: MappedText, ctx: ImportContext, variable?: string): Equation {
  const parsed = parseEquation(text.value);
  const mapLoc = relativeLocMapper(text, ctx);
  for (const d of parsed.diagnostics) {
    const mapped: Diagnostic = { ...d };
    mapped.loc = d.loc ? mapLoc(d.loc) : ctx.src.loc(text.offsets[0] ?? 0);
    if (variable !== undefined && mapped.variable === undefined) mapped.variable = variable;
    ctx.diagnostics.push(mapped);
  }
  const expr = parsed.expr;
  if (expr) relocate(expr, mapLoc);
  return { text: text.value, expr, loc: ctx.src.loc(text.offsets[0] ?? 0) };
}

/** Map a 1-based line/column inside the equation text to the file. */
function relativeLocMapper(text: MappedText, ctx: ImportContext): (l: SourceLoc) => SourceLoc {
  const lineStarts = [0];
  for (let i = 0; i < text.value.length; i++) if (text.value[i] === '\n') lineStarts.push(i + 1);
  const fileOffset = (line: number, column: number): number => {
    const start = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1] ?? 0;
    const index = Math.min(Math.max(start + column - 1, 0), text.value.length);
    return text.offsets[index] ?? text.offsets[text.offsets.length - 1] ?? 0;
  };
  return (l) => {
    const start = fileOffset(l.line, l.column);
    const end = l.endLine !== undefined && l.endColumn !== undefined ? fileOffset(l.endLine, l.endColumn) : undefined;
    return ctx.src.loc(start, end);
  };
}

/** Shift every node's location to the file; a location object shared by two nodes moves once. */
function relocate(expr: Expr, mapLoc: (l: SourceLoc) => SourceLoc): void {
  const moved = new Map<SourceLoc, SourceLoc>();
  const move = (l: SourceLoc): SourceLoc => {
    let m = moved.get(l);
    if (!m) {
      m = mapLoc(l);
      moved.set(l, m);
    }
    return m;
  };
  walkExpr(expr, (e) => {
    if (e.loc) e.loc = move(e.loc);
    if (e.kind === 'var') {
      for (const s of e.subscripts ?? []) if (s.loc) s.loc = move(s.loc);
    }
  });
}

function withoutComments(s: string): string {
  return s.replace(/\{[^}]*\}/g, '');
}

/** Where a `???` placeholder sits outside comments and quoted names, or -1. */
function placeholderIndex(s: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (depth > 0) {
      if (c === '}') depth--;
    } else if (c === '{') depth++;
    else if (c === '"') quoted = true;
    else if (c === '?' && s.startsWith('???', i)) return i;
  }
  return -1;
}
