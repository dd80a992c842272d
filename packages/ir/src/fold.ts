import type { Expr } from './expr.js';

/**
 * The value of an expression made only of numbers and arithmetic (`5`, `-2`, `1/12`), or
 * undefined when it is anything else. With `lookup`, unsubscripted names fold to the values it
 * gives (Vensim control variables written in terms of other constants).
 */
export function foldConstant(e: Expr, lookup?: (name: string) => number | undefined): number | undefined {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'var':
      return lookup && !e.subscripts ? lookup(e.name) : undefined;
    case 'unary': {
      const x = foldConstant(e.operand, lookup);
      return x === undefined || e.op === 'not' ? undefined : e.op === '-' ? -x : x;
    }
    case 'binary': {
      const a = foldConstant(e.left, lookup);
      const b = a === undefined ? undefined : foldConstant(e.right, lookup);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return Math.pow(a, b);
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}
