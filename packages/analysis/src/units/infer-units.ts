import type { Expr, SourceLoc } from '@sluice/ir';
import { DIMENSIONLESS, formatUnit, multiply, power, sameUnit, type Unit } from './unit.js';

/**
 * What the checker knows of an expression's unit: a unit, `free` for a number (which takes
 * whatever unit its place needs, as both Stella and Vensim allow), or `unknown` when a
 * variable has no declared units.
 */
export type Inferred = { kind: 'unit'; unit: Unit } | { kind: 'free' } | { kind: 'unknown' };

export interface UnitMismatch {
  message: string;
  loc?: SourceLoc;
}

export interface InferEnv {
  /** Declared units of a variable (canonical name); undefined when it declares none. */
  unitOf(name: string): Unit | undefined;
  /** Whether a function name is a graphical function (its output has the variable's units). */
  tableUnit(fn: string): Unit | undefined;
  time: Unit | undefined;
  report(m: UnitMismatch): void;
}

const unit = (u: Unit): Inferred => ({ kind: 'unit', unit: u });
const FREE: Inferred = { kind: 'free' };
const UNKNOWN: Inferred = { kind: 'unknown' };

/** Functions whose result has the unit of their first argument. */
const SAME_AS_FIRST = new Set([
  'ABS', 'INT', 'ROUND', 'INTEGER', 'INIT', 'INITIAL', 'PREVIOUS', 'SMTH1', 'SMTH3', 'SMTHN', 'SMOOTH', 'SMOOTHI',
  'SMOOTH3', 'SMOOTH3I', 'SMOOTH_N', 'DELAY', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAYN', 'DELAY_N',
  'DELAY_FIXED', 'FORCST', 'FORECAST', 'SUM', 'MEAN', 'VMIN', 'VMAX', 'STDDEV', 'SAMPLE_IF_TRUE', 'QUANTUM', 'STEP',
]);
/** Functions whose arguments must share one unit, which is the result's. */
const ALL_SAME = new Set(['MIN', 'MAX']);
/** Functions of pure numbers. */
const DIMENSIONLESS_FNS = new Set(['EXP', 'LN', 'LOG10', 'SIN', 'COS', 'TAN', 'ARCSIN', 'ARCCOS', 'ARCTAN']);

/** The unit two operands of + - or a comparison share; reports them when they differ. */
function unify(a: Inferred, b: Inferred, what: string, loc: SourceLoc | undefined, env: InferEnv): Inferred {
  if (a.kind === 'unknown' || b.kind === 'unknown') return UNKNOWN;
  if (a.kind === 'free') return b;
  if (b.kind === 'free') return a;
  if (!sameUnit(a.unit, b.unit)) {
    const m: UnitMismatch = { message: `${what} mixes ${formatUnit(a.unit)} and ${formatUnit(b.unit)}` };
    if (loc) m.loc = loc;
    env.report(m);
    return UNKNOWN;
  }
  return a;
}

export function inferUnits(e: Expr, env: InferEnv): Inferred {
  switch (e.kind) {
    case 'number':
      return FREE;
    case 'table':
      return UNKNOWN;
    case 'var': {
      if (e.name === 'time' || e.name === 'dt' || e.name === 'starttime' || e.name === 'stoptime') {
        return env.unitOf(e.name) ? unit(env.unitOf(e.name)!) : env.time ? unit(env.time) : UNKNOWN;
      }
      if (e.name === 'pi' || e.name === 'inf') return FREE;
      const u = env.unitOf(e.name);
      return u ? unit(u) : UNKNOWN;
    }
    case 'transpose':
      return inferUnits(e.operand, env);
    case 'unary':
      return e.op === 'not' ? unit(DIMENSIONLESS) : inferUnits(e.operand, env);
    case 'if': {
      inferUnits(e.condition, env);
      return unify(inferUnits(e.then, env), inferUnits(e.else, env), 'IF THEN ELSE', e.loc, env);
    }
    case 'binary': {
      const l = inferUnits(e.left, env);
      const r = inferUnits(e.right, env);
      switch (e.op) {
        case '+':
        case '-':
          return unify(l, r, `'${e.op}'`, e.loc, env);
        case '*':
        case '/':
          if (l.kind === 'unknown' || r.kind === 'unknown') return UNKNOWN;
          if (l.kind === 'free' && r.kind === 'free') return FREE;
          // A bare number is a scale factor here: it brings no unit.
          return unit(multiply(l.kind === 'unit' ? l.unit : DIMENSIONLESS, r.kind === 'unit' ? r.unit : DIMENSIONLESS, e.op === '*' ? 1 : -1));
        case '^':
          if (l.kind !== 'unit') return l;
          if (e.right.kind === 'number' && Number.isInteger(e.right.value)) return unit(power(l.unit, e.right.value));
          return sameUnit(l.unit, DIMENSIONLESS) ? l : UNKNOWN;
        case 'mod':
          return l;
        default:
          unify(l, r, `'${e.op}'`, e.loc, env);
          return unit(DIMENSIONLESS);
      }
    }
    case 'call': {
      const args = e.args.map((a) => inferUnits(a, env));
      const table = env.tableUnit(e.fn);
      if (table) return unit(table);
      if (SAME_AS_FIRST.has(e.fn)) return args[0] ?? UNKNOWN;
      if (ALL_SAME.has(e.fn)) return args.reduce((acc, a) => unify(acc, a, e.display, e.loc, env), FREE);
      if (DIMENSIONLESS_FNS.has(e.fn)) return unit(DIMENSIONLESS);
      if (e.fn === 'IF_THEN_ELSE' && args.length === 3) return unify(args[1]!, args[2]!, 'IF THEN ELSE', e.loc, env);
      if ((e.fn === 'SAFEDIV' || e.fn === 'XIDZ' || e.fn === 'ZIDZ') && args.length >= 2) {
        const [a, b] = [args[0]!, args[1]!];
        if (a.kind === 'unknown' || b.kind === 'unknown') return UNKNOWN;
        return unit(multiply(a.kind === 'unit' ? a.unit : DIMENSIONLESS, b.kind === 'unit' ? b.unit : DIMENSIONLESS, -1));
      }
      if (e.fn === 'RAMP' && args[0]?.kind === 'unit' && env.time) return unit(multiply(args[0].unit, env.time));
      if (e.fn === 'PI' || e.fn === 'INF') return FREE;
      return UNKNOWN;
    }
  }
}
