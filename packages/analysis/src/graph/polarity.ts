import { walkExpr, type Expr, type GraphicalFunction } from '@sluice/ir';

/**
 * A sign in the causal sense: `+` the effect moves with the cause, `-` against it, `0` no
 * effect, `?` it depends on values (or the analysis cannot tell).
 */
export type Sign = '+' | '-' | '0' | '?';

const neg = (s: Sign): Sign => (s === '+' ? '-' : s === '-' ? '+' : s);

function mul(a: Sign, b: Sign): Sign {
  if (a === '0' || b === '0') return '0';
  if (a === '?' || b === '?') return '?';
  return a === b ? '+' : '-';
}

function add(a: Sign, b: Sign): Sign {
  if (a === '0') return b;
  if (b === '0') return a;
  return a === b ? a : '?';
}

/** Rising, falling or neither: the sign a graphical function gives its input's effect. */
export function tableSign(gf: GraphicalFunction): Sign {
  let up = false;
  let down = false;
  for (let i = 1; i < gf.ys.length; i++) {
    if (gf.ys[i]! > gf.ys[i - 1]!) up = true;
    if (gf.ys[i]! < gf.ys[i - 1]!) down = true;
  }
  return up && down ? '?' : up ? '+' : down ? '-' : '0';
}

/** Builtins whose value rises with their first argument and does not fall with the others. */
const RISING_IN_ALL = new Set(['MIN', 'MAX', 'SUM', 'MEAN', 'VMIN', 'VMAX', 'INT', 'ROUND', 'INTEGER']);
const RISING_IN_FIRST = new Set([
  'EXP', 'LN', 'LOG10', 'SQRT', 'ARCTAN', 'ARCSIN', 'INIT', 'PREVIOUS', 'INITIAL',
  'SMTH1', 'SMTH3', 'SMTHN', 'SMOOTH', 'SMOOTHI', 'SMOOTH3', 'SMOOTH3I', 'SMOOTH_N',
  'DELAY', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAYN', 'DELAY_N', 'DELAY_FIXED', 'FORCST', 'FORECAST',
]);
const DIVISIONS = new Set(['SAFEDIV', 'XIDZ', 'ZIDZ']);

export interface SignContext {
  /** The graphical function of a variable or table called by name (canonical), if it has one. */
  tableOf(name: string): GraphicalFunction | undefined;
}

/**
 * The sign of ∂expr/∂source, assuming (as SD models almost always mean) that the model's
 * quantities are positive. Returns `?` wherever the sign depends on values.
 */
export function linkSign(expr: Expr, source: string, ctx: SignContext): Sign {
  const sign = derivative(expr, source, ctx);
  // A source that only flips switches has no sign of its own, but it is a link.
  return sign === '0' && mentions(expr, source) ? '?' : sign;
}

function mentions(e: Expr, name: string): boolean {
  let found = false;
  walkExpr(e, (sub) => {
    if (sub.kind === 'var' && sub.name === name) found = true;
  });
  return found;
}

function valueSign(e: Expr): Sign {
  switch (e.kind) {
    case 'number':
      return e.value > 0 ? '+' : e.value < 0 ? '-' : '0';
    case 'var':
      return '+';
    case 'unary':
      return e.op === '-' ? neg(valueSign(e.operand)) : e.op === '+' ? valueSign(e.operand) : '?';
    case 'binary':
      switch (e.op) {
        case '+':
          return add(valueSign(e.left), valueSign(e.right));
        case '*':
        case '/':
          return mul(valueSign(e.left), valueSign(e.right));
        case '-': {
          const l = valueSign(e.left);
          const r = valueSign(e.right);
          if (r === '0') return l;
          if (l === '0') return neg(r);
          // `1 - fraction`, `capacity_constant - use`: a positive constant less a quantity is
          // read as positive, as in the models that write it. A gap between two variables
          // (`goal - level`) stays unknown: it changes sign.
          return e.left.kind === 'number' && l === '+' ? '+' : '?';
        }
        default:
          return '?';
      }
    case 'if': {
      const a = valueSign(e.then);
      const b = valueSign(e.else);
      return a === b ? a : '?';
    }
    case 'call': {
      const signs = e.args.map(valueSign);
      if (e.fn === 'EXP' || e.fn === 'SQRT') return '+';
      if (e.fn === 'MAX') return signs.some((x) => x === '+') ? '+' : signs.every((x) => x === '-') ? '-' : '?';
      if (e.fn === 'MIN' || e.fn === 'SUM' || e.fn === 'MEAN') {
        return signs.length > 0 && signs.every((x) => x === signs[0]) ? signs[0]! : '?';
      }
      return '?';
    }
    default:
      return '?';
  }
}

function derivative(e: Expr, x: string, ctx: SignContext): Sign {
  switch (e.kind) {
    case 'number':
    case 'table':
      return '0';
    case 'var':
      if (e.name === x) return '+';
      for (const s of e.subscripts ?? []) {
        if (s.kind === 'index' && derivative(s.expr, x, ctx) !== '0') return '?';
      }
      return '0';
    case 'transpose':
      return derivative(e.operand, x, ctx);
    case 'unary':
      if (e.op === '-') return neg(derivative(e.operand, x, ctx));
      if (e.op === '+') return derivative(e.operand, x, ctx);
      return derivative(e.operand, x, ctx) === '0' ? '0' : '?';
    case 'if': {
      // The branches' common sign, whatever the condition: a switch between two rules that move
      // the same way (erode fast, recover slowly) keeps the sign, and a condition on x changes
      // the value only at the instant it flips, adding nothing to a smooth dependence.
      const a = derivative(e.then, x, ctx);
      const b = derivative(e.else, x, ctx);
      return a === b || b === '0' ? a : a === '0' ? b : '?';
    }
    case 'binary':
      return binaryDerivative(e.op, e.left, e.right, x, ctx);
    case 'call':
      return callDerivative(e.fn, e.args, x, ctx);
  }
}

function binaryDerivative(op: string, l: Expr, r: Expr, x: string, ctx: SignContext): Sign {
  const dl = derivative(l, x, ctx);
  const dr = derivative(r, x, ctx);
  switch (op) {
    case '+':
      return add(dl, dr);
    case '-':
      return add(dl, neg(dr));
    case '*':
      return add(mul(dl, valueSign(r)), mul(valueSign(l), dr));
    case '/':
      return add(mul(dl, valueSign(r)), neg(mul(valueSign(l), dr)));
    case '^':
      // d(a^r)/da = r·a^(r-1): with a > 0 its sign is the sign of r.
      if (dr !== '0') return '?';
      return mul(dl, valueSign(r));
    default:
      return dl === '0' && dr === '0' ? '0' : '?';
  }
}

function callDerivative(fn: string, args: Expr[], x: string, ctx: SignContext): Sign {
  const ds = args.map((a) => derivative(a, x, ctx));
  if (ds.every((d) => d === '0')) return '0';
  if (RISING_IN_ALL.has(fn)) return ds.reduce(add, '0');
  if (RISING_IN_FIRST.has(fn)) return ds.slice(1).every((d) => d === '0') ? ds[0]! : '?';
  if (DIVISIONS.has(fn) && args.length >= 2) {
    if (ds.slice(2).some((d) => d !== '0')) return '?';
    return binaryDerivative('/', args[0]!, args[1]!, x, ctx);
  }
  if ((fn === 'LOOKUP' || fn === 'WITH_LOOKUP') && args.length >= 2) {
    const table = args[1]!.kind === 'table' ? args[1]!.table : args[0]!.kind === 'var' ? ctx.tableOf(args[0]!.name) : undefined;
    const input = fn === 'LOOKUP' ? args[1]! : args[0]!;
    if (!table) return '?';
    return mul(derivative(input, x, ctx), tableSign(table));
  }
  const table = ctx.tableOf(fn.toLowerCase());
  if (table && args.length === 1) return mul(ds[0]!, tableSign(table));
  return '?';
}
