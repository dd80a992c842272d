import type { Expr, SimSpecs, Variable } from '@sluice/ir';

/**
 * The value an expression has at the start of the run, worked out while lowering. Only the
 * order of SMTHN/DELAYN and their Vensim forms needs it: the order fixes how many stocks the
 * sub-model has, and Vensim and Stella both read it once, at the initial time, even when it is
 * a variable that changes later. Returns undefined for anything not knowable before the run
 * (arrays, lookups, random numbers), which the caller reports. `reads` collects the variables
 * the value was worked out from: they fix the model's structure, so a run cannot override them.
 */
export function initialValue(e: Expr, variables: ReadonlyMap<string, Variable>, specs: SimSpecs, reads?: Set<string>): number | undefined {
  const visiting = new Set<string>();

  const variable = (name: string): number | undefined => {
    switch (name) {
      case 'time':
      case 'starttime':
      case 'initial_time':
        if (!variables.has(name)) return specs.start;
        break;
      case 'dt':
      case 'time_step':
        if (!variables.has(name)) return specs.dt;
        break;
      case 'stoptime':
      case 'final_time':
        if (!variables.has(name)) return specs.stop;
        break;
    }
    const v = variables.get(name);
    if (!v || v.kind === 'module' || v.gf || (v.dimensions && v.dimensions.length > 0) || visiting.has(name)) return undefined;
    const expr = (v.initialEquation ?? v.equation)?.expr;
    if (!expr) return undefined;
    reads?.add(name);
    visiting.add(name);
    const value = evaluate(expr);
    visiting.delete(name);
    return value;
  };

  const evaluate = (x: Expr): number | undefined => {
    switch (x.kind) {
      case 'number':
        return x.value;
      case 'var':
        return x.subscripts ? undefined : variable(x.name);
      case 'unary': {
        const a = evaluate(x.operand);
        if (a === undefined) return undefined;
        return x.op === '-' ? -a : x.op === '+' ? a : a === 0 ? 1 : 0;
      }
      case 'binary': {
        const a = evaluate(x.left);
        const b = evaluate(x.right);
        return a === undefined || b === undefined ? undefined : binary(x.op, a, b);
      }
      case 'if': {
        const c = evaluate(x.condition);
        if (c === undefined) return undefined;
        return evaluate(c !== 0 ? x.then : x.else);
      }
      case 'call': {
        const args = x.args.map(evaluate);
        if (args.some((a) => a === undefined)) return undefined;
        return call(x.fn, args as number[], specs);
      }
      case 'transpose':
      case 'table':
        return undefined;
    }
  };

  return evaluate(e);
}

function binary(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '^': return a ** b;
    case 'mod': return a - b * Math.floor(a / b);
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '=': return a === b ? 1 : 0;
    case '<>': return a !== b ? 1 : 0;
    case 'and': return a !== 0 && b !== 0 ? 1 : 0;
    case 'or': return a !== 0 || b !== 0 ? 1 : 0;
    default: return undefined;
  }
}

/** The pure functions an order is plausibly written with, at the initial time. */
function call(fn: string, a: number[], specs: SimSpecs): number | undefined {
  const [x, y] = a;
  switch (fn) {
    case 'INIT':
    case 'INITIAL':
      return a.length === 1 ? x : undefined;
    case 'ABS': return a.length === 1 && x !== undefined ? Math.abs(x) : undefined;
    case 'INT': return a.length === 1 && x !== undefined ? Math.floor(x) : undefined;
    case 'INTEGER': return a.length === 1 && x !== undefined ? Math.trunc(x) : undefined;
    case 'ROUND': return a.length === 1 && x !== undefined ? Math.round(x) : undefined;
    case 'MIN': return a.length === 2 ? Math.min(x!, y!) : undefined;
    case 'MAX': return a.length === 2 ? Math.max(x!, y!) : undefined;
    // A step has not happened yet at the start unless it is due at or before it.
    case 'STEP': return a.length === 2 ? (specs.start >= y! ? x : 0) : undefined;
    default: return undefined;
  }
}
