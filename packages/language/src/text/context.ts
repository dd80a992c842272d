import type { IToken } from 'chevrotain';
import { error, type Diagnostic, type Equation } from '@sluice/ir';
import { parseEquation } from '../equation/parse.js';
import { tokenLoc } from './cst.js';
import type { CommentBook } from './build-comments.js';

/** What every part of the builder shares: the file's name, the diagnostics found so far, and the file's comments. */
export interface BuildContext {
  file: string | undefined;
  diagnostics: Diagnostic[];
  comments?: CommentBook;
}

export function report(ctx: BuildContext, code: string, message: string, tok: IToken, variable?: string): void {
  ctx.diagnostics.push(error(code, message, tokenLoc(tok, ctx.file), variable));
}

/**
 * A `= formula` token as an IR equation. The formula is parsed here, with its position in
 * the file as origin, so its errors point at the file's line and column.
 */
export function readFormula(tok: IToken, ctx: BuildContext, variable?: string): Equation {
  const after = tok.image.slice(1);
  const lead = after.length - after.trimStart().length;
  // One line-break style in the IR whatever the file used, so a printed model never mixes them.
  const text = after.trim().replace(/\r\n?/g, '\n');
  const line = tok.startLine ?? 1;
  const column = (tok.startColumn ?? 1) + 1 + lead;
  const origin = ctx.file === undefined ? { line, column } : { file: ctx.file, line, column };
  const { expr, diagnostics } = parseEquation(text, origin);
  for (const d of diagnostics) {
    if (variable !== undefined && d.variable === undefined) d.variable = variable;
    // A formula that is only a comment (Stella's placeholder on a module input) is kept as
    // written; whether it may stay empty is the compiler's call. An absent formula is an error.
    if (d.code === 'empty-equation' && text.length > 0) d.severity = 'warning';
    ctx.diagnostics.push(d);
  }
  const equation: Equation = { text, expr, loc: { ...origin } };
  return equation;
}

/** A number token's value; the lexer only accepts well-formed numbers, but they may overflow. */
export function readNumber(tok: IToken, ctx: BuildContext): number | undefined {
  const value = Number(tok.image);
  if (!Number.isFinite(value)) {
    report(ctx, 'invalid-number', `${tok.image} is too large a number`, tok);
    return undefined;
  }
  return value;
}
