import {
  canonicalName,
  error,
  walkExpr,
  type Call,
  type Diagnostic,
  type Expr,
  type GraphicalFunction,
  type SourceLoc,
  type Variable,
  type VariableRef,
} from '@sluice/ir';
import { arityOf, findBuiltin } from '../builtins/registry.js';
import { positionIn, shapeOf, sizeOf, stridesOf, type DimensionTable } from './dimensions.js';
import { checkTable } from './tables.js';
import type { ArrayedTable, LookupMode, MemoryCall, Node, NodeEquation, NodeRole, ResolutionMap } from './nodes.js';

/** The model's variables as nodes, with every name and call in their equations resolved. */
export interface ResolvedModel {
  nodes: Node[];
  /** Variable ident to its node; table-only graphical functions have none. */
  byIdent: Map<string, Node>;
  /** Graphical functions with no input equation: usable only as `name(x)` or LOOKUP(name, x). */
  tables: Map<string, Variable>;
  resolution: ResolutionMap;
  /** DELAY histories (one per element of each DELAY call site), numbered from 0. */
  delayCount: number;
  dimensions: DimensionTable;
}

/** A hostile file must not make the compiler allocate without bound: elements per variable. */
export const MAX_ELEMENTS = 10_000_000;

function locOf(e: Expr | undefined, v: Variable): SourceLoc | undefined {
  return e?.loc ?? v.equation?.loc ?? v.loc;
}

const hasText = (v: Variable): boolean => v.equation !== undefined && v.equation.text.trim() !== '';

/** The table of a graphical-function variable (an arrayed one's first element table). */
const tableOf = (v: Variable): GraphicalFunction | undefined => v.gf ?? v.elements?.find((e) => e.gf)?.gf;

/**
 * Turn variables into nodes and resolve every reference: names to variables (or to bare
 * builtins such as TIME), calls to builtins, graphical functions or memory call sites.
 * Reports unknown names and functions and wrong argument counts at the place they are written.
 * Subscripts are resolved later, by code generation, which knows the loop they sit in.
 */
export function resolveModel(
  variables: readonly Variable[],
  dimensions: DimensionTable,
  dialect: 'xmile' | 'vensim',
  diags: Diagnostic[],
): ResolvedModel {
  const nodes: Node[] = [];
  const byIdent = new Map<string, Node>();
  const tables = new Map<string, Variable>();
  const resolution: ResolutionMap = new Map();
  // A variable left out of the graph (no equation, one that did not parse) is reported once,
  // where it is declared, not again as unknown wherever it is used.
  const declared = new Set(variables.map((v) => v.ident));
  let delayCount = 0;
  // Element subscripts repeat across thousands of element equations; canonicalising each
  // (normalisation and several regular expressions) once is enough.
  const canonical = new Map<string, string>();
  const canon = (s: string): string => {
    let c = canonical.get(s);
    if (c === undefined) canonical.set(s, (c = canonicalName(s)));
    return c;
  };

  const addNode = (role: NodeRole, variable: Variable, dims: Node['dims'], loc: SourceLoc | undefined): Node => {
    const node: Node = { id: nodes.length, role, variable, dims, size: sizeOf(dims), equations: [] };
    if (loc) node.loc = loc;
    nodes.push(node);
    return node;
  };

  for (const v of variables) {
    if (byIdent.has(v.ident) || tables.has(v.ident)) {
      diags.push(error('duplicate-variable', `'${v.name}' is defined more than once`, v.loc, v.name));
      continue;
    }
    if (v.kind === 'module') {
      diags.push(error('unsupported', `module '${v.name}' was not flattened before compilation`, v.loc, v.name));
      continue;
    }
    if (v.kind === 'stock' && (v.conveyor || v.queue)) {
      // Lowering turns both into stocks with helper-driven flows; running one as a plain stock
      // would give wrong numbers without a word.
      diags.push(error('unsupported', `'${v.name}' is a ${v.conveyor ? 'conveyor' : 'queue'} that was not lowered before compilation`, v.loc, v.name));
      continue;
    }
    const dims = shapeOf(v.dimensions, dimensions, { name: v.name, ...(v.loc ? { loc: v.loc } : {}) }, diags);
    if (!dims) continue;
    if (sizeOf(dims) > MAX_ELEMENTS) {
      diags.push(error('too-large', `'${v.name}' would have ${sizeOf(dims)} elements (at most ${MAX_ELEMENTS})`, v.loc, v.name));
      continue;
    }
    if (v.kind !== 'stock' && tableOf(v) && !hasText(v) && !v.elements?.some((e) => e.equation.text.trim() !== '')) {
      tables.set(v.ident, v);
      continue;
    }
    const equations: NodeEquation[] = [];
    const make = (expr: Expr, init: Expr | undefined, netFlow: Expr | undefined, gf: GraphicalFunction | undefined, fixed?: number[]): NodeEquation => {
      const eq: NodeEquation = { dims };
      if (fixed) eq.fixed = fixed;
      if (v.kind === 'stock') {
        eq.initExpr = expr;
        if (netFlow) eq.netFlow = netFlow;
      } else {
        eq.stepExpr = expr;
        eq.initExpr = init ?? expr;
        if (gf) eq.gf = gf;
      }
      return eq;
    };
    const vNet = v.kind === 'stock' ? v.netFlow?.expr ?? undefined : undefined;
    if (v.elements?.length) {
      const defined = new Set<number>();
      for (const el of v.elements) {
        const where = el.equation.loc ?? v.loc;
        if (el.subscripts.length !== dims.length) {
          diags.push(error('dimension-mismatch', `'${v.name}[${el.subscripts.join(',')}]' needs ${dims.length} subscripts`, where, v.name));
          continue;
        }
        const fixed = el.subscripts.map((s, k) => positionIn(dims[k]!, canon(s)));
        const bad = fixed.findIndex((i) => i < 0);
        if (bad >= 0) {
          diags.push(error('unsupported', `'${v.name}[${el.subscripts.join(',')}]': '${el.subscripts[bad]}' is not an element of '${dims[bad]!.name}'`, where, v.name));
          continue;
        }
        if (!el.equation.expr) {
          diags.push(error('invalid-equation', `'${v.name}[${el.subscripts.join(',')}]' has an equation that did not parse`, where, v.name));
          continue;
        }
        let offset = 0;
        for (let k = 0; k < dims.length; k++) offset = offset * dims[k]!.elements.length + fixed[k]!;
        defined.add(offset);
        equations.push(make(el.equation.expr, el.initialEquation?.expr ?? undefined, el.netFlow?.expr ?? vNet, el.gf ?? v.gf, fixed));
      }
      if (defined.size < sizeOf(dims) && v.equation?.expr) equations.unshift(make(v.equation.expr, v.initialEquation?.expr ?? undefined, vNet, v.gf));
      // Vensim leaves elements no equation defines at 0; XMILE requires every one.
      else if (defined.size < sizeOf(dims) && dialect !== 'vensim') {
        diags.push(error('missing-equation', `'${v.name}' does not define all of its elements`, v.loc, v.name));
      }
    } else {
      const eq = v.equation;
      if (!eq) {
        diags.push(error('missing-equation', `'${v.name}' has no equation`, v.loc, v.name));
        continue;
      }
      if (!eq.expr) {
        diags.push(error('invalid-equation', `'${v.name}' has an equation that did not parse`, eq.loc ?? v.loc, v.name));
        continue;
      }
      if (v.kind === 'stock' && v.netFlow && !v.netFlow.expr) {
        diags.push(error('invalid-equation', `the rate of '${v.name}' did not parse`, v.netFlow.loc ?? v.loc, v.name));
        continue;
      }
      equations.push(make(eq.expr, v.initialEquation?.expr ?? undefined, v.kind === 'stock' ? (v.netFlow?.expr ?? undefined) : undefined, v.gf));
    }
    const node = addNode(v.kind, v, dims, v.loc ?? v.equation?.loc);
    node.equations = equations;
    byIdent.set(v.ident, node);
  }

  /** Memory nodes take the shape of the place they are called from. */
  const memoryNode = (role: NodeRole, owner: Variable, at: NodeEquation, loc: SourceLoc | undefined, expr: Expr, pass: 'step' | 'initial'): Node => {
    const n = addNode(role, owner, at.fixed ? [] : at.dims, loc);
    const eq: NodeEquation = { dims: at.dims };
    if (at.fixed) eq.fixed = at.fixed;
    if (pass === 'step') eq.stepExpr = expr;
    else eq.initExpr = expr;
    n.equations.push(eq);
    return n;
  };

  /** Per-element tables of an arrayed graphical function, or undefined for one shared table. */
  // Built once per table variable: element equations each calling it would otherwise rebuild it.
  const tableArrays = new Map<Variable, Omit<ArrayedTable, 'ref'> | undefined>();
  const arrayedTable = (v: Variable, ref: VariableRef | undefined): ArrayedTable | undefined => {
    if (!tableArrays.has(v)) tableArrays.set(v, buildTableArray(v));
    const array = tableArrays.get(v);
    if (!array) return undefined;
    return ref ? { ...array, ref } : { ...array };
  };
  const buildTableArray = (v: Variable): Omit<ArrayedTable, 'ref'> | undefined => {
    const dims = shapeOf(v.dimensions, dimensions, { name: v.name }, []);
    if (!dims || dims.length === 0 || !v.elements?.some((e) => e.gf)) return undefined;
    const strides = stridesOf(dims);
    const gfs = new Array<GraphicalFunction>(sizeOf(dims)).fill(tableOf(v)!);
    for (const el of v.elements) {
      if (!el.gf || el.subscripts.length !== dims.length) continue;
      const idx = el.subscripts.map((s, k) => positionIn(dims[k]!, canon(s)));
      if (idx.some((i) => i < 0)) continue;
      gfs[idx.reduce((o, i, k) => o + i * strides[k]!, 0)] = el.gf;
    }
    return { dims, gfs };
  };

  /** A dimension or element name, which a subscript means before any variable of that name. */
  const subscriptNames = new Set<string>();
  for (const d of dimensions.values()) {
    subscriptNames.add(d.ident);
    for (const e of d.elements) subscriptNames.add(e);
  }
  const isDimensionName = (name: string): boolean => subscriptNames.has(name);

  /** Every call resolved so far: a later equation holding one of them is given a copy. */
  const seenCalls = new Set<Expr>();
  const resolveCall = (c: Call, owner: Variable, at: NodeEquation): void => {
    seenCalls.add(c);
    const loc = locOf(c, owner);
    const ident = canonicalName(c.display);
    const named = tables.get(ident) ?? byIdent.get(ident)?.variable;
    const gf = named ? tableOf(named) : undefined;
    if (gf && !findBuiltin(c.fn)) {
      if (c.args.length !== 1) {
        diags.push(error('argument-count', `graphical function '${c.display}' takes 1 argument, not ${c.args.length}`, loc, owner.name));
        return;
      }
      const array = arrayedTable(named!, undefined);
      resolution.set(c, { kind: 'lookup', gf, x: c.args[0]!, ...(array ? { array } : {}) });
      visit(c.args[0]!, owner, at);
      return;
    }
    const spec = findBuiltin(c.fn);
    if (!spec) {
      diags.push(error('unknown-function', `unknown function '${c.display}'`, loc, owner.name));
      return;
    }
    const [min, max] = arityOf(spec);
    if (c.args.length < min || c.args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      diags.push(
        error('argument-count', `${spec.name} takes ${want} argument${want === '1' ? '' : 's'}, not ${c.args.length}`, loc, owner.name),
      );
      return;
    }
    const args = c.args;
    switch (spec.name) {
      case 'LOOKUP':
      case 'LOOKUP_EXTRAPOLATE':
      case 'LOOKUP_FORWARD':
      case 'LOOKUP_BACKWARD':
      case 'GET_DATA_BETWEEN_TIMES': {
        const t = args[0]!;
        const name = t.kind === 'var' ? t.name : undefined;
        const tv = name === undefined ? undefined : (tables.get(name) ?? byIdent.get(name)?.variable);
        const table = tv ? tableOf(tv) : undefined;
        if (!table || !tv) {
          diags.push(error('not-a-graphical-function', `the first argument of ${spec.name.replace(/_/g, ' ')} must name a graphical function`, locOf(t, owner), owner.name));
          return;
        }
        const array = arrayedTable(tv, t.kind === 'var' ? t : undefined);
        let mode: LookupMode | undefined =
          spec.name === 'LOOKUP_EXTRAPOLATE' ? 'extrapolate' : spec.name === 'LOOKUP_FORWARD' ? 'forward' : spec.name === 'LOOKUP_BACKWARD' ? 'backward' : undefined;
        if (spec.name === 'GET_DATA_BETWEEN_TIMES') {
          // Vensim's modes: -1 hold backward, 0 interpolate, 1 look forward; fixed when the model is read.
          const m = args[2]!;
          const code = m.kind === 'number' ? m.value : m.kind === 'unary' && m.op === '-' && m.operand.kind === 'number' ? -m.operand.value : NaN;
          mode = code === -1 ? 'backward' : code === 0 ? 'interpolate' : code === 1 ? 'forward' : undefined;
          if (!mode) {
            diags.push(error('unsupported', 'the mode of GET DATA BETWEEN TIMES must be the number -1, 0 or 1', locOf(m, owner), owner.name));
            return;
          }
        }
        resolution.set(c, { kind: 'lookup', gf: table, x: args[1]!, ...(array ? { array } : {}), ...(mode ? { mode } : {}) });
        visit(args[1]!, owner, at);
        return;
      }
      case 'WITH_LOOKUP': {
        const t = args[1]!;
        if (t.kind !== 'table') {
          diags.push(error('not-a-graphical-function', 'the second argument of WITH LOOKUP must be a table', locOf(t, owner), owner.name));
          return;
        }
        const bad = checkTable(t.table);
        if (bad) {
          diags.push(error('invalid-graphical-function', `the table of WITH LOOKUP ${bad}`, locOf(t, owner), owner.name));
          return;
        }
        resolution.set(c, { kind: 'lookup', gf: t.table, x: args[0]! });
        visit(args[0]!, owner, at);
        return;
      }
      case 'INIT': {
        const value = memoryNode('init-value', owner, at, loc, args[0]!, 'initial');
        resolution.set(c, { kind: 'memory', call: { kind: 'init', value } });
        break;
      }
      case 'PREVIOUS': {
        const input = memoryNode('previous-input', owner, at, loc, args[0]!, 'step');
        const value = memoryNode('previous-value', owner, at, loc, args[1] ?? args[0]!, 'initial');
        resolution.set(c, { kind: 'memory', call: { kind: 'previous', input, value } });
        break;
      }
      case 'DELAY': {
        const input = memoryNode('delay-input', owner, at, loc, args[0]!, 'step');
        const initial = memoryNode('delay-initial', owner, at, loc, args[2] ?? args[0]!, 'initial');
        const call: MemoryCall = { kind: 'delay', input, initial, delayId: delayCount };
        delayCount += input.size;
        resolution.set(c, { kind: 'memory', call });
        break;
      }
      default:
        resolution.set(c, { kind: 'builtin', spec });
    }
    for (const a of args) visit(a, owner, at);
  };

  const visit = (e: Expr, owner: Variable, at: NodeEquation): void => {
    switch (e.kind) {
      case 'number':
        return;
      case 'table':
        diags.push(error('unsupported', 'inline lookup tables are not compiled yet', locOf(e, owner), owner.name));
        return;
      case 'var': {
        // Subscripts that compute a position (`a[i + 1]`, `a[idx]`) hold references too.
        for (const s of e.subscripts ?? []) {
          if (s.kind !== 'index') continue;
          const x = s.expr;
          if (x.kind === 'number') continue;
          if (x.kind === 'var' && !x.subscripts && (!byIdent.has(x.name) || isDimensionName(x.name))) continue;
          visit(x, owner, at);
        }
        const node = byIdent.get(e.name);
        if (node) {
          resolution.set(e, { kind: 'node', node });
          return;
        }
        if (tables.has(e.name)) {
          diags.push(
            error('not-a-value', `'${e.display}' is a graphical function with no input: call it as ${e.display}(x)`, locOf(e, owner), owner.name),
          );
          return;
        }
        // Inside an array equation a dimension name stands for the current element's position.
        if (!e.subscripts && at.dims.some((d) => d.ident === e.name)) return;
        // Vensim compares the current element with a named one: IF THEN ELSE(dimA = B, ...).
        if (dialect === 'vensim' && !e.subscripts && at.dims.some((d) => positionIn(d, e.name) >= 0)) return;
        const spec = findBuiltin(e.name);
        if (!e.subscripts && spec?.bare && spec.emit) {
          resolution.set(e, { kind: 'builtin', spec });
          return;
        }
        if (!declared.has(e.name)) diags.push(error('unknown-variable', `unknown variable '${e.display}'`, locOf(e, owner), owner.name));
        return;
      }
      case 'call':
        resolveCall(e, owner, at);
        return;
      case 'transpose':
      case 'unary':
        visit(e.operand, owner, at);
        return;
      case 'binary':
        visit(e.left, owner, at);
        visit(e.right, owner, at);
        return;
      case 'if':
        visit(e.condition, owner, at);
        visit(e.then, owner, at);
        visit(e.else, owner, at);
        return;
    }
  };

  // Resolve equations in model order; memory calls append nodes while this runs. An expression
  // shared by several equations is copied, so each gets its own call sites. Sharing can be
  // partial: a Vensim equation over a range copies, per element, only the parts holding a
  // subscript it resolves, so `x[D] = z[D] + INITIAL(D * 10)` gives every element its own sum
  // but one INITIAL call object, which must not become one call site for all of them.
  const seen = new Set<Expr>();
  const sharesCall = (e: Expr): boolean => {
    let found = false;
    walkExpr(e, (x) => {
      if (!found && x.kind === 'call' && seenCalls.has(x)) found = true;
    });
    return found;
  };
  const own = (e: Expr): Expr => (seen.has(e) || sharesCall(e) ? structuredClone(e) : e);
  for (const node of nodes.slice()) {
    for (const eq of node.equations) {
      const sameInit = eq.initExpr === eq.stepExpr;
      if (eq.stepExpr) eq.stepExpr = own(eq.stepExpr);
      if (eq.initExpr) eq.initExpr = sameInit && eq.stepExpr ? eq.stepExpr : own(eq.initExpr);
      if (eq.netFlow) eq.netFlow = own(eq.netFlow);
      const { stepExpr, initExpr, netFlow } = eq;
      for (const e of [stepExpr, initExpr === stepExpr ? undefined : initExpr, netFlow === stepExpr || netFlow === initExpr ? undefined : netFlow]) {
        if (!e) continue;
        seen.add(e);
        visit(e, node.variable, eq);
      }
    }
  }
  for (const v of variables) {
    const node = byIdent.get(v.ident);
    if (v.kind !== 'stock' || !node) continue;
    for (const f of [...v.inflows, ...v.outflows]) {
      const fn = byIdent.get(f);
      if (!fn) diags.push(error('unknown-variable', `stock '${v.name}' names an unknown flow '${f}'`, v.loc, v.name));
      else if (fn.role === 'stock') diags.push(error('not-a-flow', `stock '${v.name}' lists the stock '${fn.variable.name}' as a flow`, v.loc, v.name));
      else if (fn.size !== 1 && fn.size !== node.size) {
        diags.push(error('dimension-mismatch', `flow '${fn.variable.name}' does not have the dimensions of stock '${v.name}'`, v.loc, v.name));
      }
    }
  }
  return { nodes, byIdent, tables, resolution, delayCount, dimensions };
}
