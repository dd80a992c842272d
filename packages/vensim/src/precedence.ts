import type { IToken } from 'chevrotain';
import type { BinaryOp, Expr, SourceLoc, UnaryOp } from '@sluice/ir';

/**
 * Vensim's operator precedence, applied to the flat run of operands and operators the parser
 * reads. From loosest to tightest: `:OR:`, `:AND:`, `:NOT:` (prefix), comparisons, `+ -`,
 * `* /`, prefix `- +`, `^`. So `-2^2` is -(2^2), and `:NOT: a = b` is NOT (a = b). Binary
 * operators of one level group left to right (`2^3^2` is (2^3)^2, as in Vensim).
 */
export type ExpressionItem = { kind: 'prefix'; tok: IToken } | { kind: 'binary'; tok: IToken } | { kind: 'operand'; expr: Expr };

const BINARY: Record<string, [BinaryOp, number]> = {
  ':OR:': ['or', 1],
  ':AND:': ['and', 2],
  '=': ['=', 4],
  '<>': ['<>', 4],
  '<': ['<', 4],
  '<=': ['<=', 4],
  '>': ['>', 4],
  '>=': ['>=', 4],
  '+': ['+', 5],
  '-': ['-', 5],
  '*': ['*', 6],
  '/': ['/', 6],
  '^': ['^', 8],
};

function binaryOf(tok: IToken): [BinaryOp, number] {
  const key = tok.image.startsWith(':') ? tok.image.toUpperCase().replace(/[ _]+/g, '') : tok.image;
  return BINARY[key] ?? ['+', 5];
}

function prefixOf(tok: IToken): [UnaryOp, number] {
  if (tok.image === '-') return ['-', 7];
  if (tok.image === '+') return ['+', 7];
  return ['not', 3];
}

export function buildExpression(items: ExpressionItem[], at: (tok: IToken) => SourceLoc): Expr {
  let i = 0;
  const operand = (): Expr => {
    const item = items[i++];
    if (!item) return { kind: 'number', value: Number.NaN };
    if (item.kind === 'operand') return item.expr;
    const [op, level] = prefixOf(item.tok);
    return { kind: 'unary', op, operand: climb(level), loc: at(item.tok) };
  };
  const climb = (min: number): Expr => {
    let left = operand();
    for (;;) {
      const next = items[i];
      if (!next || next.kind !== 'binary') return left;
      const [op, level] = binaryOf(next.tok);
      if (level < min) return left;
      i++;
      const right = climb(level + 1);
      left = { kind: 'binary', op, left, right, loc: at(next.tok) };
    }
  };
  return climb(0);
}
