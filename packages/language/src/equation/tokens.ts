import { createToken, Lexer, type TokenType } from 'chevrotain';
import { nameStartHints } from '../start-chars.js';

/**
 * The tokens of an XMILE equation. Keywords are matched case-insensitively and give way to a
 * longer name (`if_rate` is a name, not `if` followed by `_rate`).
 */

/**
 * Lines end at LF, CRLF or CR, as editors number them. U+2028 and U+2029 are characters
 * like any other: counting them as line ends put errors on lines no editor shows.
 */
const lineBreakChars = ['\n', '\r'];
export const lineTerminatorsPattern = /\n|\r\n?/g;

/** No `u` flag: it would hide the pattern from chevrotain's first-character analysis (`\s` is the same set without it). */
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[\s\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** `{ ... }` is a comment in XMILE; Stella also writes a whole equation as one comment. */
export const Comment = createToken({
  name: 'Comment',
  pattern: /\{[^}]*\}/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/**
 * An unquoted name: a letter (any script), `_` or `$`, then letters, digits, `_`, `$`;
 * `.` joins the parts of a module-qualified name (`module.var`) or of `Dim.element`.
 * A custom matcher, because Unicode classes defeat chevrotain's first-character analysis, hence the hint.
 */
const nameStart = /[\p{L}\p{Nl}_$]/u;
const namePattern = /[\p{L}\p{Nl}_$][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]*(?:\.[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]+)*/uy;
export const Name = createToken({
  name: 'Name',
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      if (!nameStart.test(text.charAt(offset)) && !isSurrogateLetter(text, offset)) return null;
      namePattern.lastIndex = offset;
      return namePattern.exec(text);
    },
  },
  start_chars_hint: nameStartHints(nameStart),
  line_breaks: false,
});

function isSurrogateLetter(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 0xd800 && code <= 0xdbff && nameStart.test(text.slice(offset, offset + 2));
}

/** `"any name"`, with `\"` and `\\` escapes; Stella also writes line breaks inside. */
export const QuotedName = createToken({
  name: 'QuotedName',
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  line_breaks: true,
});

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/,
});

const keyword = (name: string, word: string): TokenType =>
  createToken({ name, pattern: new RegExp(word, 'i'), longer_alt: Name });

export const If = keyword('If', 'if');
export const Then = keyword('Then', 'then');
export const Else = keyword('Else', 'else');
export const And = keyword('And', 'and');
export const Or = keyword('Or', 'or');
export const Not = keyword('Not', 'not');
/** `&&` and `||`, which some XMILE writers use for AND and OR (Simlin's reader accepts them too). */
export const AndSymbol = createToken({ name: 'AndSymbol', pattern: /&&/, categories: [And] });
export const OrSymbol = createToken({ name: 'OrSymbol', pattern: /\|\|/, categories: [Or] });
export const Mod = keyword('Mod', 'mod');

export const LessEqual = createToken({ name: 'LessEqual', pattern: /<=/ });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=/ });
export const NotEqual = createToken({ name: 'NotEqual', pattern: /<>/ });
export const Less = createToken({ name: 'Less', pattern: /</ });
export const Greater = createToken({ name: 'Greater', pattern: />/ });
export const Equal = createToken({ name: 'Equal', pattern: /=/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+/ });
export const Minus = createToken({ name: 'Minus', pattern: /-/ });
export const Star = createToken({ name: 'Star', pattern: /\*/ });
export const Slash = createToken({ name: 'Slash', pattern: /\// });
export const Caret = createToken({ name: 'Caret', pattern: /\^/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
/** Joins a module name to a variable name when one part is quoted; `a.b` alone is one Name. */
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
/** `a'` transposes an array. */
export const Apostrophe = createToken({ name: 'Apostrophe', pattern: /'/ });

/** Order matters: keywords before names, two-character operators before their prefixes. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  NumberLiteral,
  If,
  Then,
  Else,
  And,
  Or,
  Not,
  Mod,
  AndSymbol,
  OrSymbol,
  Name,
  QuotedName,
  LessEqual,
  GreaterEqual,
  NotEqual,
  Less,
  Greater,
  Equal,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Dot,
  Apostrophe,
];

export const equationLexer = new Lexer(allTokens, {
  positionTracking: 'full',
  lineTerminatorsPattern,
  lineTerminatorCharacters: lineBreakChars,
  ensureOptimizations: true,
});
