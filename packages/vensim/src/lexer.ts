import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Tokens of a Vensim equation (the text before the first `~` of an entry). Names may hold
 * spaces (`Room Temperature`), so a name is a run of words separated by blanks; a backslash at
 * the end of a line continues the equation on the next one.
 */

const skip = Lexer.SKIPPED;
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\u00a0]+/, group: skip });
export const Continuation = createToken({ name: 'Continuation', pattern: /\\[ \t]*(?:\r\n|\r|\n)/, group: skip });
/** Vensim allows `{comments}` inside equations. */
export const InlineComment = createToken({ name: 'InlineComment', pattern: /\{[^}]*\}/, group: skip });

export const NumberTok = createToken({ name: 'Number', pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/ });
export const QuotedName = createToken({ name: 'QuotedName', pattern: /"(?:[^"\\]|\\[^])*"/ });
export const StringLit = createToken({ name: 'String', pattern: /'(?:[^'\\\r\n]|\\.)*'/ });

const word = "[A-Za-z0-9_$'\\u00a1-\\uffff]";
export const Name = createToken({
  name: 'Name',
  // Words may also be split by a backslash line continuation; `displayOf` folds it to a space.
  pattern: new RegExp(`[A-Za-z_$\\u00a1-\\uffff]${word}*(?:(?:[ \\t]|\\\\[ \\t]*(?:\\r\\n|\\r|\\n))+${word}+)*`),
});

function keyword(name: string, text: string): TokenType {
  const body = text.replace(/ /g, '[ _]+');
  return createToken({ name, pattern: new RegExp(`:${body}:`, 'i') });
}
export const And = keyword('And', 'AND');
export const Or = keyword('Or', 'OR');
export const Not = keyword('Not', 'NOT');
export const Na = keyword('Na', 'NA');
export const Except = keyword('Except', 'EXCEPT');
/** Data-variable keywords: `x :INTERPOLATE:` (the values come from a data file). */
export const DataKeyword = createToken({
  name: 'DataKeyword',
  pattern: /:(?:INTERPOLATE|RAW|HOLD[ _]+BACKWARD|LOOK[ _]+FORWARD):/i,
});
export const TheCondition = keyword('TheCondition', 'THE CONDITION');
export const TestInput = keyword('TestInput', 'TEST INPUT');
export const Implies = keyword('Implies', 'IMPLIES');

export const ColonEquals = createToken({ name: 'ColonEquals', pattern: /:=/ });
export const EqualsEquals = createToken({ name: 'EqualsEquals', pattern: /==/ });
export const Equivalence = createToken({ name: 'Equivalence', pattern: /<->/ });
export const Arrow = createToken({ name: 'Arrow', pattern: /->/ });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=/ });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=/ });
export const NotEq = createToken({ name: 'NotEq', pattern: /<>/ });
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
export const Less = createToken({ name: 'Less', pattern: /</ });
export const Greater = createToken({ name: 'Greater', pattern: />/ });
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
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Bang = createToken({ name: 'Bang', pattern: /!/ });

/**
 * Operator classes: the parser reads a flat run of operands and operators, one token test per
 * operator, and applies precedence afterwards (see precedence.ts).
 */
const category = (name: string): TokenType => createToken({ name, pattern: Lexer.NA });
export const BinaryOp = category('BinaryOp');
export const PrefixOp = category('PrefixOp');
const member = (cat: TokenType, ...tokens: TokenType[]): void => {
  for (const tok of tokens) tok.CATEGORIES = [...(tok.CATEGORIES ?? []), cat];
};
member(BinaryOp, Or, And, Equals, NotEq, Less, LessEq, Greater, GreaterEq, Plus, Minus, Star, Slash, Caret);
member(PrefixOp, Not, Minus, Plus);

export const allTokens: TokenType[] = [
  BinaryOp,
  PrefixOp,
  WhiteSpace,
  Continuation,
  InlineComment,
  And,
  Or,
  Not,
  Na,
  Except,
  DataKeyword,
  TheCondition,
  TestInput,
  Implies,
  ColonEquals,
  EqualsEquals,
  Equivalence,
  Arrow,
  LessEq,
  GreaterEq,
  NotEq,
  Equals,
  Less,
  Greater,
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
  Semicolon,
  Colon,
  Bang,
  NumberTok,
  QuotedName,
  StringLit,
  Name,
];

export const vensimLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });
