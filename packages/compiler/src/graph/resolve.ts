import {
  canonicalName,
  error,
  type Call,
  type Diagnostic,
  type Dialect,
  type Expr,
  type SourceLoc,
  type Variable,
} from '@sluice/ir';
import { arityOf, findBuiltin } from '../builtins/registry.js';
import type { MemoryCall, Node, NodeRole, ResolutionMap } from './nodes.js';

/** The model's variables as nodes, with every name and call in their equations resolved. */
export interface ResolvedModel {
  nodes: Node[];
  /** Variable ident to its node; table-only graphical functions have none. */
  byIdent: Map<string, Node>;
  /** Graphical functions with no input equation: usable only as `name(x)` or LOOKUP(name, x). */
  tables: Map<string, Variable>;
  resolution: ResolutionMap;
  /** DELAY call sites, numbered from 0. */
  delayCount: number;
}

function locOf(e: Expr | undefined, v: Variable): SourceLoc | undefined {
  return e?.loc ?? v.equation?.loc ?? v.loc;
}

/**
 * Turn variables into nodes and resolve every reference: names to variables (or to bare
 * builtins such as TIME), calls to builtins, graphical functions or memory call sites.
 * Reports unknown names and functions and wrong argument counts at the place they are written.
 */
export function resolveModel(variables: readonly Variable[], dialect: Dialect, diags: Diagnostic[]): ResolvedModel {
  const nodes: Node[] = [];
  const byIdent = new Map<string, Node>();
  const tables = new Map<string, Variable>();
  const resolution: ResolutionMap = new Map();
  let delayCount = 0;

  const addNode = (role: NodeRole, variable: Variable, loc: SourceLoc | undefined): Node => {
    const node: Node = { id: nodes.length, role, variable };
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
    if ((v.dimensions?.length ?? 0) > 0 || (v.elements?.length ?? 0) > 0) {
      diags.push(error('unsupported', `'${v.name}' is an array; arrays are not compiled yet`, v.loc, v.name));
      continue;
    }
    const eq = v.equation;
    if (v.gf && (!eq || eq.text.trim() === '') && v.kind !== 'stock') {
      tables.set(v.ident, v);
      continue;
    }
    if (!eq) {
      diags.push(error('missing-equation', `'${v.name}' has no equation`, v.loc, v.name));
      continue;
    }
    if (!eq.expr) {
      diags.push(error('invalid-equation', `'${v.name}' has an equation that did not parse`, eq.loc ?? v.loc, v.name));
      continue;
    }
    const node = addNode(v.kind, v, v.loc ?? eq.loc);
    if (v.kind === 'stock') node.initExpr = eq.expr;
    else {
      node.stepExpr = eq.expr;
      node.initExpr = eq.expr;
      if (v.gf) node.gf = v.gf;
    }
    byIdent.set(v.ident, node);
  }

  const resolveCall = (c: Call, owner: Variable): void => {
    const loc = locOf(c, owner);
    const ident = canonicalName(c.display);
    const table = tables.get(ident) ?? (byIdent.get(ident)?.variable.gf ? byIdent.get(ident)!.variable : undefined);
    if (table) {
      if (c.args.length !== 1) {
        diags.push(error('argument-count', `graphical function '${c.display}' takes 1 argument, not ${c.args.length}`, loc, owner.name));
        return;
      }
      resolution.set(c, { kind: 'lookup', table, x: c.args[0]! });
      visit(c.args[0]!, owner);
      return;
    }
    const spec = findBuiltin(c.fn);
    if (!spec) {
      diags.push(error('unknown-function', `unknown function '${c.display}'`, loc, owner.name));
      return;
    }
    let [min, max] = arityOf(spec);
    if (dialect === 'vensim' && (spec.name === 'MIN' || spec.name === 'MAX')) min = max = 2;
    if (c.args.length < min || c.args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      diags.push(
        error('argument-count', `${spec.name} takes ${want} argument${want === '1' ? '' : 's'}, not ${c.args.length}`, loc, owner.name),
      );
      return;
    }
    const args = c.args;
    switch (spec.name) {
      case 'LOOKUP': {
        const t = args[0]!;
        const name = t.kind === 'var' && !t.subscripts ? t.name : undefined;
        const tv = name === undefined ? undefined : (tables.get(name) ?? byIdent.get(name)?.variable);
        if (!tv || !tv.gf) {
          diags.push(error('not-a-graphical-function', 'the first argument of LOOKUP must name a graphical function', locOf(t, owner), owner.name));
          return;
        }
        resolution.set(c, { kind: 'lookup', table: tv, x: args[1]! });
        visit(args[1]!, owner);
        return;
      }
      case 'INIT': {
        const value = addNode('init-value', owner, loc);
        value.initExpr = args[0]!;
        resolution.set(c, { kind: 'memory', call: { kind: 'init', value } });
        break;
      }
      case 'PREVIOUS': {
        const input = addNode('previous-input', owner, loc);
        input.stepExpr = args[0]!;
        const value = addNode('previous-value', owner, loc);
        value.initExpr = args[1] ?? args[0]!;
        resolution.set(c, { kind: 'memory', call: { kind: 'previous', input, value } });
        break;
      }
      case 'DELAY': {
        const input = addNode('delay-input', owner, loc);
        input.stepExpr = args[0]!;
        const initial = addNode('delay-initial', owner, loc);
        initial.initExpr = args[2] ?? args[0]!;
        const call: MemoryCall = { kind: 'delay', input, initial, delayId: delayCount++ };
        resolution.set(c, { kind: 'memory', call });
        break;
      }
      default:
        resolution.set(c, { kind: 'builtin', spec });
    }
    for (const a of args) visit(a, owner);
  };

  const visit = (e: Expr, owner: Variable): void => {
    switch (e.kind) {
      case 'number':
        return;
      case 'table':
        diags.push(error('unsupported', 'inline lookup tables are not compiled yet', locOf(e, owner), owner.name));
        return;
      case 'var': {
        if (e.subscripts?.length) {
          diags.push(error('unsupported', `subscripted reference '${e.display}': arrays are not compiled yet`, locOf(e, owner), owner.name));
          return;
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
        const spec = findBuiltin(e.name);
        if (spec?.bare && spec.emit) {
          resolution.set(e, { kind: 'builtin', spec });
          return;
        }
        diags.push(error('unknown-variable', `unknown variable '${e.display}'`, locOf(e, owner), owner.name));
        return;
      }
      case 'call':
        resolveCall(e, owner);
        return;
      case 'unary':
      case 'transpose':
        if (e.kind === 'transpose') {
          diags.push(error('unsupported', 'transposition needs arrays, which are not compiled yet', locOf(e, owner), owner.name));
          return;
        }
        visit(e.operand, owner);
        return;
      case 'binary':
        visit(e.left, owner);
        visit(e.right, owner);
        return;
      case 'if':
        visit(e.condition, owner);
        visit(e.then, owner);
        visit(e.else, owner);
        return;
    }
  };

  // Resolve equations in model order; memory calls append nodes while this runs.
  const varNodes = nodes.slice();
  for (const node of varNodes) {
    const expr = node.role === 'stock' ? node.initExpr : node.stepExpr;
    if (expr) visit(expr, node.variable);
  }
  for (const v of variables) {
    if (v.kind !== 'stock' || !byIdent.has(v.ident)) continue;
    if (v.netFlow) {
      if (v.netFlow.expr) visit(v.netFlow.expr, v);
      else diags.push(error('invalid-equation', `the rate of '${v.name}' did not parse`, v.netFlow.loc ?? v.loc, v.name));
    }
    for (const f of [...v.inflows, ...v.outflows]) {
      const fn = byIdent.get(f);
      if (!fn) diags.push(error('unknown-variable', `stock '${v.name}' names an unknown flow '${f}'`, v.loc, v.name));
      else if (fn.role === 'stock') diags.push(error('not-a-flow', `stock '${v.name}' lists the stock '${fn.variable.name}' as a flow`, v.loc, v.name));
    }
  }
  return { nodes, byIdent, tables, resolution, delayCount };
}
