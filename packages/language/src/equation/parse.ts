import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { error, forEachChild, offsetLoc, type Diagnostic, type Expr, type SourceLoc } from '@sluice/ir';
import { equationLexer } from './tokens.js';
import { equationParser, tokenLoc } from './parser.js';
import { shiftLocs } from './locations.js';
import { describeToken, endOfText, lexingMessage, syntaxMessage } from './messages.js';

/** Where the first character of an equation sits in its file (1-based). */
export interface EquationOrigin {
  file?: string;
  line?: number;
  column?: number;
}

export interface ParsedEquation {
  expr: Expr | null;
  diagnostics: Diagnostic[];
}

/**
 * Deeper nesting than this is refused with a diagnostic: real equations never come close,
 * and a hostile file must not overflow the stack of the parser or of later tree walks.
 */
const maxNesting = 64;

/**
 * A tree deeper than this is refused. A flat sum of n terms is a chain n deep, and the
 * compiler walks trees recursively: chains of a few thousand overflow the call stack there.
 * Vensim itself refuses equations more than 200 deep.
 */
export const MAX_EQUATION_DEPTH = 2000;

/**
 * Parse one XMILE equation into an expression tree. Every `loc` and diagnostic is in file
 * coordinates given by `origin`. A syntax error gives one diagnostic (code `syntax`); an
 * equation holding nothing but blanks and comments gives `empty-equation`.
 */
export function parseEquation(text: string, origin: EquationOrigin = {}): ParsedEquation {
  const base: SourceLoc = { line: origin.line ?? 1, column: origin.column ?? 1 };
  if (origin.file !== undefined) base.file = origin.file;
  const syntax = (message: string, loc: SourceLoc): ParsedEquation => ({
    expr: null,
    diagnostics: [error('syntax', message, offsetLoc(loc, base))],
  });

  const lexed = equationLexer.tokenize(text);
  const lexError: ILexingError | undefined = lexed.errors[0];
  if (lexError !== undefined) {
    return syntax(lexingMessage(text, lexError.offset), {
      line: lexError.line ?? 1,
      column: lexError.column ?? 1,
      endLine: lexError.line ?? 1,
      endColumn: (lexError.column ?? 1) + 1,
    });
  }
  const tokens = lexed.tokens;
  if (tokens.length === 0) {
    return { expr: null, diagnostics: [error('empty-equation', 'the equation is empty', offsetLoc(endOfText(''), base))] };
  }
  const tooDeep = findExcessiveNesting(tokens);
  if (tooDeep !== undefined) {
    return syntax(`the equation is nested more than ${maxNesting} levels deep`, tokenLoc(tooDeep));
  }

  equationParser.input = tokens;
  let expr: Expr | undefined;
  try {
    expr = equationParser.expression();
  } catch (e) {
    // The nesting limit should make this unreachable; a deep stack elsewhere still must not crash.
    if (!(e instanceof RangeError)) throw e;
    return syntax('the equation is nested too deeply to read', tokenLoc(tokens[0]!));
  }
  const parseError: IRecognitionException | undefined = equationParser.errors[0];
  if (parseError !== undefined) {
    const { message, loc } = syntaxMessage(parseError, text, tokens, (loc) => offsetLoc(loc, base));
    return syntax(message, loc);
  }
  // Chevrotain reports leftover input as an error above; this guards the type only.
  if (expr === undefined) return syntax(`unexpected ${describeToken(tokens[0]!)}`, tokenLoc(tokens[0]!));
  if (depthOf(expr) > MAX_EQUATION_DEPTH) {
    return syntax(`the equation is more than ${MAX_EQUATION_DEPTH} operations deep: split it into smaller equations`, tokenLoc(tokens[0]!));
  }
  shiftLocs(expr, base);
  return { expr, diagnostics: [] };
}

/** The depth of a tree, walked with an explicit stack (the tree may be deeper than the call stack allows). */
function depthOf(root: Expr): number {
  let deepest = 0;
  const pending: [Expr, number][] = [[root, 1]];
  for (let top = pending.pop(); top !== undefined; top = pending.pop()) {
    const [e, d] = top;
    if (d > deepest) deepest = d;
    forEachChild(e, (child) => pending.push([child, d + 1]));
  }
  return deepest;
}

/**
 * The first token beyond the nesting limit. An open bracket nests what follows until it closes;
 * an IF or a `^` nests whatever follows it up to the next `,` or closing bracket around it (it has
 * no closing token of its own); so does a run of prefix operators.
 */
function findExcessiveNesting(tokens: IToken[]): IToken | undefined {
  // Per open bracket: how many IFs and `^` are still open inside it.
  const open: number[] = [0];
  let depth = 0;
  let prefixRun = 0;
  for (const tok of tokens) {
    const name = tok.tokenType.name;
    if (name === 'LParen' || name === 'LBracket') {
      open.push(0);
      depth++;
    } else if ((name === 'RParen' || name === 'RBracket') && open.length > 1) {
      depth -= 1 + open.pop()!;
    } else if (name === 'Comma') {
      depth -= open[open.length - 1]!;
      open[open.length - 1] = 0;
    } else if (name === 'If' || name === 'Caret') {
      open[open.length - 1]!++;
      depth++;
    }
    prefixRun = name === 'Minus' || name === 'Plus' || name === 'Not' ? prefixRun + 1 : 0;
    if (depth + prefixRun > maxNesting) return tok;
  }
  return undefined;
}
