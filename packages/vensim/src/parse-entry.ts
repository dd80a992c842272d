import type { IRecognitionException } from 'chevrotain';
import { error, type Diagnostic, type Expr, type SourceLoc } from '@sluice/ir';
import type { Part } from './entries.js';
import { vensimLexer } from './lexer.js';
import { EquationParser, type EntryAst } from './parser.js';
import type { SourceMap } from './source.js';

type EntryPart = Extract<Part, { kind: 'entry' }>;

/** An entry whose equation parsed, with what later stages need to cite its text. */
export interface ParsedEntry {
  ast: EntryAst;
  part: EntryPart;
  /** The right-hand side as written. */
  rhs?: { text: string; loc: SourceLoc };
  /** The text of a call argument (INTEG's rate, ACTIVE INITIAL's initial value). */
  argText(arg: Expr): { text: string; loc: SourceLoc } | undefined;
  /** String arguments (`GET XLS DATA('file.xls', ...)`) by the placeholder node standing for each. */
  strings: Map<Expr, string>;
}

let shared: EquationParser | undefined;

/** Reality checks (`:THE CONDITION:`, `:TEST INPUT:`) document expectations; they never run. */
const REALITY_CHECK = /:(?:THE[ _]+CONDITION|TEST[ _]+INPUT):/i;

export function isRealityCheck(part: EntryPart): boolean {
  return REALITY_CHECK.test(part.equation.text);
}

export function parseEntry(part: EntryPart, source: SourceMap, diagnostics: Diagnostic[]): ParsedEntry | undefined {
  const { text, start } = part.equation;
  const locate = (s: number, e?: number): SourceLoc => source.loc(start + s, e === undefined ? undefined : start + e);
  const unfinished = text.indexOf('???');
  if (unfinished >= 0) {
    diagnostics.push(error('missing-equation', 'the equation is unfinished (Vensim writes `???` for a missing part)', locate(unfinished)));
    return undefined;
  }
  const deep = tooDeep(text);
  if (deep !== undefined) {
    diagnostics.push(error('too-complex', `the equation nests parentheses or operators more than ${MAX_DEPTH} deep`, locate(deep)));
    return undefined;
  }
  const lexed = vensimLexer.tokenize(text);
  if (lexed.errors.length > 0) {
    const first = lexed.errors[0];
    const offset = first?.offset ?? 0;
    diagnostics.push(error('syntax', `unexpected character ${JSON.stringify(text.charAt(offset))}`, locate(offset)));
    return undefined;
  }
  shared ??= new EquationParser();
  const parser = shared;
  parser.begin(lexed.tokens, locate);
  const ast = parser.entry();
  if (parser.errors.length > 0) {
    const e = parser.errors[0];
    const tok = e?.token;
    const at = tok && Number.isFinite(tok.startOffset) ? tok.startOffset : text.trimEnd().length;
    const found = tok && tok.tokenType.name !== 'EOF' ? `unexpected '${tok.image}'` : 'the equation ends too soon';
    const wanted = e ? expectation(e) : undefined;
    diagnostics.push(error('syntax', wanted ? `${found}; expected ${wanted}` : found, locate(at)));
    return undefined;
  }
  const spans = parser.spans;
  const slice = (s: number, e: number): { text: string; loc: SourceLoc } => ({ text: text.slice(s, e).trim(), loc: locate(s) });
  const parsed: ParsedEntry = {
    ast,
    part,
    argText: (arg) => {
      const span = spans.get(arg);
      return span ? slice(span[0], span[1]) : undefined;
    },
    strings: parser.strings,
  };
  if (ast.kind === 'equation') parsed.rhs = slice(parser.rhsStart, text.length);
  else if (ast.kind === 'lookup-source') parsed.rhs = slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
  return parsed;
}

/** What the grammar wanted where it stopped, in words a modeller reads. */
function expectation(e: IRecognitionException): string | undefined {
  if (e.name === 'NotAllInputParsedException') return 'an operator or the end of the equation';
  const token = /-->\s*(\w+)\s*<--/.exec(e.message)?.[1];
  if (e.name === 'MismatchedTokenException' && token !== undefined && TOKEN_WORDS[token] !== undefined) return TOKEN_WORDS[token];
  const rule = e.context.ruleStack[e.context.ruleStack.length - 1];
  switch (rule) {
    case 'primary':
    case 'expression':
    case 'reference':
      return "a number, a name or '('";
    case 'subscriptList':
    case 'anyName':
      return 'a subscript name';
    case 'elementList':
    case 'elementDef':
      return "an element name or '(first-last)'";
    case 'point':
    case 'tableBody':
      return "a point '(x, y)'";
    case 'signedNumber':
      return 'a number';
    case 'entry':
      return "'=', ':', '(' after the name, or nothing for a data variable";
  }
  return undefined;
}

const TOKEN_WORDS: Record<string, string> = {
  RParen: "')'",
  LParen: "'('",
  RBracket: "']'",
  LBracket: "'['",
  Comma: "','",
  Minus: "'-'",
  Colon: "':'",
  Name: 'a name',
  Number: 'a number',
};

/** Deeper than this, parsing and every later stage would recurse past the stack. */
const MAX_DEPTH = 200;
/** Operators in one equation: each adds a level to the left-leaning tree of a long sum. */
const MAX_OPERATORS = 4000;

/** Where an equation first nests too deep (or has too many operators), if it does. */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let operators = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(' || c === '[') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ')' || c === ']') depth--;
    else if ('+-*/^<>=:'.includes(c) && ++operators > MAX_OPERATORS) return i;
  }
  return undefined;
}
