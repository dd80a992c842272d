import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import {
  canonicalFunctionName,
  canonicalName,
  type BinaryOp,
  type Expr,
  type SourceLoc,
  type SubscriptIndex,
  type UnaryOp,
} from '@sluice/ir';
import * as t from './tokens.js';

/**
 * The XMILE expression grammar (XMILE 1.0, section 3.3.1), lowest precedence first:
 *
 *   expression := disjunction
 *   disjunction := conjunction ( OR conjunction )*
 *   conjunction := equality ( AND equality )*
 *   equality   := relation ( ( '=' | '<>' ) relation )*
 *   relation   := additive ( ( '<' | '<=' | '>' | '>=' ) additive )*
 *   additive   := multiplicative ( ( '+' | '-' ) multiplicative )*
 *   multiplicative := unary ( ( '*' | '/' | MOD ) unary )*
 *   unary      := ( '-' | '+' | NOT ) unary | power
 *   power      := postfix ( '^' unary )?          right-associative, binds tighter than unary minus
 *   postfix    := primary "'"*                    transposition
 *   primary    := number | name [ '(' args ')' | '[' subscripts ']' ] | '(' expression ')'
 *               | IF expression THEN expression ELSE expression
 *   name       := ( Name | QuotedName ) ( '.' ( Name | QuotedName ) )*
 *   subscript  := '*' [ ':' name ] | expression [ ':' expression ]
 *
 * Actions build IR nodes directly; every node gets a `loc` in the coordinates of the text
 * being parsed (end column exclusive). `parse.ts` shifts them to file coordinates.
 */
class EquationParser extends EmbeddedActionsParser {
  constructor() {
    super(t.allTokens, { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  public expression = this.RULE('expression', (): Expr => this.SUBRULE(this.disjunction));

  private disjunction = this.RULE('disjunction', (): Expr => this.leftAssociative(this.conjunction, [t.Or]));

  private conjunction = this.RULE('conjunction', (): Expr => this.leftAssociative(this.equality, [t.And]));

  private equality = this.RULE('equality', (): Expr =>
    this.leftAssociative(this.relation, [t.Equal, t.NotEqual]),
  );

  private relation = this.RULE('relation', (): Expr =>
    this.leftAssociative(this.additive, [t.Less, t.LessEqual, t.Greater, t.GreaterEqual]),
  );

  private additive = this.RULE('additive', (): Expr =>
    this.leftAssociative(this.multiplicative, [t.Plus, t.Minus]),
  );

  private multiplicative = this.RULE('multiplicative', (): Expr =>
    this.leftAssociative(this.unary, [t.Star, t.Slash, t.Mod]),
  );

  private unary: () => Expr = this.RULE('unary', (): Expr =>
    this.OR([
      {
        ALT: () => {
          const op = this.OR2([
            { ALT: () => this.CONSUME(t.Minus) },
            { ALT: () => this.CONSUME(t.Plus) },
            { ALT: () => this.CONSUME(t.Not) },
          ]);
          const operand = this.SUBRULE(this.unary);
          return this.ACTION(
            (): Expr => ({ kind: 'unary', op: unaryOp(op), operand, loc: span(tokenLoc(op), operand.loc) }),
          );
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]),
  );

  private power = this.RULE('power', (): Expr => {
    const base = this.SUBRULE(this.postfix);
    let result = base;
    this.OPTION(() => {
      this.CONSUME(t.Caret);
      const exponent = this.SUBRULE(this.unary);
      result = this.ACTION(
        (): Expr => ({ kind: 'binary', op: '^', left: base, right: exponent, loc: span(base.loc, exponent.loc) }),
      );
    });
    return result;
  });

  private postfix = this.RULE('postfix', (): Expr => {
    let result = this.SUBRULE(this.primary);
    this.MANY(() => {
      const mark = this.CONSUME(t.Apostrophe);
      const operand = result;
      result = this.ACTION((): Expr => ({ kind: 'transpose', operand, loc: span(operand.loc, tokenLoc(mark)) }));
    });
    return result;
  });

  private primary = this.RULE('primary', (): Expr =>
    this.OR([
      {
        ALT: () => {
          const tok = this.CONSUME(t.NumberLiteral);
          return this.ACTION((): Expr => ({ kind: 'number', value: Number(tok.image), loc: tokenLoc(tok) }));
        },
      },
      { ALT: () => this.SUBRULE(this.named) },
      {
        ALT: () => {
          const open = this.CONSUME(t.LParen);
          const inner = this.SUBRULE(this.expression);
          // messages.ts adds where the '(' is, in file coordinates.
          const close = this.CONSUME(t.RParen, { ERR_MSG: unclosedParenthesis });
          // The parentheses belong to the sub-expression's extent, so errors point at all of it.
          return this.ACTION((): Expr => ({ ...inner, loc: span(tokenLoc(open), tokenLoc(close)) }));
        },
      },
      { ALT: () => this.SUBRULE(this.ifThenElse) },
    ]),
  );

  private ifThenElse = this.RULE('ifThenElse', (): Expr => {
    const start = this.CONSUME(t.If);
    const condition = this.SUBRULE(this.expression);
    this.CONSUME(t.Then, { ERR_MSG: "expected THEN after the condition of IF" });
    const then = this.SUBRULE2(this.expression);
    this.CONSUME(t.Else, { ERR_MSG: 'expected ELSE: an IF needs both THEN and ELSE' });
    const otherwise = this.SUBRULE3(this.expression);
    return this.ACTION(
      (): Expr => ({ kind: 'if', condition, then, else: otherwise, loc: span(tokenLoc(start), otherwise.loc) }),
    );
  });

  /** A variable, a subscripted variable, or a function call. */
  private named = this.RULE('named', (): Expr => {
    const first = this.OR([{ ALT: () => this.CONSUME(t.Name) }, { ALT: () => this.CONSUME(t.QuotedName) }]);
    const parts = [first];
    // A module-qualified name with a quoted part: `"Hare Model".births`, `hares."area x"`.
    this.MANY3(() => {
      this.CONSUME(t.Dot);
      parts.push(this.OR3([{ ALT: () => this.CONSUME2(t.Name) }, { ALT: () => this.CONSUME2(t.QuotedName) }]));
    });
    const tok = parts[parts.length - 1]!;
    const display = this.ACTION(() => parts.map(unquote).join('.'));
    const name = this.ACTION(() => parts.map((p) => canonicalName(p.image)).join('.'));
    let result: Expr | undefined;
    this.OPTION(() => {
      result = this.OR2([
        {
          ALT: () => {
            this.CONSUME(t.LParen);
            const args: Expr[] = [];
            this.OPTION2(() => {
              args.push(this.SUBRULE(this.expression));
              this.MANY(() => {
                this.CONSUME(t.Comma);
                args.push(this.SUBRULE2(this.expression));
              });
            });
            const close = this.CONSUME(t.RParen, { ERR_MSG: `expected ')' to close the call to ${display}` });
            return this.ACTION(
              (): Expr => ({
                kind: 'call',
                fn: canonicalFunctionName(display),
                display,
                args,
                loc: span(tokenLoc(first), tokenLoc(close)),
              }),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.LBracket);
            const subscripts: SubscriptIndex[] = [this.SUBRULE(this.subscriptIndex)];
            this.MANY2(() => {
              this.CONSUME2(t.Comma);
              subscripts.push(this.SUBRULE2(this.subscriptIndex));
            });
            const close = this.CONSUME(t.RBracket, { ERR_MSG: `expected ']' to close the subscripts of ${display}` });
            return this.ACTION(
              (): Expr => ({
                kind: 'var',
                name,
                display,
                subscripts,
                loc: span(tokenLoc(first), tokenLoc(close)),
              }),
            );
          },
        },
      ]);
    });
    return this.ACTION(
      (): Expr => result ?? { kind: 'var', name, display, loc: span(tokenLoc(first), tokenLoc(tok)) },
    );
  });

  /** One position in `[...]`: `*`, `*:Dim`, `from:to`, or an expression. */
  private subscriptIndex = this.RULE('subscriptIndex', (): SubscriptIndex =>
    this.OR([
      {
        ALT: () => {
          const star = this.CONSUME(t.Star);
          let dim: IToken | undefined;
          this.OPTION(() => {
            this.CONSUME(t.Colon);
            dim = this.OR2([{ ALT: () => this.CONSUME(t.Name) }, { ALT: () => this.CONSUME(t.QuotedName) }]);
          });
          return this.ACTION((): SubscriptIndex => {
            if (dim === undefined) return { kind: 'wildcard', loc: tokenLoc(star) };
            return { kind: 'wildcard', dimension: canonicalName(dim.image), loc: span(tokenLoc(star), tokenLoc(dim)) };
          });
        },
      },
      {
        ALT: () => {
          const from = this.SUBRULE(this.expression);
          let to: Expr | undefined;
          this.OPTION2(() => {
            this.CONSUME2(t.Colon);
            to = this.SUBRULE2(this.expression);
          });
          return this.ACTION((): SubscriptIndex => {
            if (to === undefined) return { kind: 'index', expr: from, loc: span(from.loc, from.loc) };
            return { kind: 'range', from, to, loc: span(from.loc, to.loc) };
          });
        },
      },
    ]),
  );

  /** `operand ( op operand )*`, folded to the left. */
  private leftAssociative(operand: () => Expr, ops: TokenType[]): Expr {
    let result = this.SUBRULE(operand);
    this.MANY(() => {
      const op = this.OR(ops.map((tok) => ({ ALT: () => this.CONSUME(tok) })));
      const right = this.SUBRULE2(operand);
      const left = result;
      result = this.ACTION(
        (): Expr => ({ kind: 'binary', op: binaryOp(op), left, right, loc: span(left.loc, right.loc) }),
      );
    });
    return result;
  }
}

export const unclosedParenthesis = "expected ')' to close the '('";

const binaryOps: Record<string, BinaryOp> = {
  Or: 'or',
  OrSymbol: 'or',
  And: 'and',
  AndSymbol: 'and',
  Equal: '=',
  NotEqual: '<>',
  Less: '<',
  LessEqual: '<=',
  Greater: '>',
  GreaterEqual: '>=',
  Plus: '+',
  Minus: '-',
  Star: '*',
  Slash: '/',
  Mod: 'mod',
};

function binaryOp(tok: IToken): BinaryOp {
  const op = binaryOps[tok.tokenType.name];
  if (op === undefined) throw new Error(`not a binary operator: ${tok.tokenType.name}`);
  return op;
}

function unaryOp(tok: IToken): UnaryOp {
  return tok.tokenType === t.Not ? 'not' : tok.tokenType === t.Minus ? '-' : '+';
}

/**
 * A quoted name without its quotes and with `\"` and `\\` unescaped. Other backslashes stay:
 * `\n` is Stella's mark for a line break in a name, which `canonicalName` reads as a space.
 */
function unquote(tok: IToken): string {
  return tok.tokenType === t.QuotedName ? tok.image.slice(1, -1).replace(/\\(["\\])/g, '$1') : tok.image;
}

export function tokenLoc(tok: IToken): SourceLoc {
  return {
    line: tok.startLine ?? 1,
    column: tok.startColumn ?? 1,
    endLine: tok.endLine ?? 1,
    endColumn: (tok.endColumn ?? 0) + 1,
  };
}

function span(from: SourceLoc | undefined, to: SourceLoc | undefined): SourceLoc {
  const start = from ?? to ?? { line: 1, column: 1 };
  const end = to ?? from ?? start;
  return {
    line: start.line,
    column: start.column,
    endLine: end.endLine ?? end.line,
    endColumn: end.endColumn ?? end.column,
  };
}

/** Chevrotain parsers are built once (grammar analysis is costly) and reset for each input. */
export const equationParser = new EquationParser();
