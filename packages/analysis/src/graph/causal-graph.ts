import { type Expr, type GraphicalFunction, type Model, type Project, type Variable } from '@sluice/ir';
import { linkSign, tableSign, type Sign } from './polarity.js';

/** A causal link: `from` influences `to`, with the sign of that influence. */
export interface Link {
  from: string;
  to: string;
  sign: Sign;
  /** True when the link passes through accumulation: a flow into a stock, or a delay/smooth builtin. */
  delayed: boolean;
}

/**
 * The causal graph of a model: one node per variable (canonical name), links from each
 * variable's causes. Arrayed variables are one node; module instances are one node.
 */
export interface CausalGraph {
  nodes: Map<string, Variable>;
  /** Links out of each node (its uses). */
  out: Map<string, Link[]>;
  /** Links into each node (its causes). */
  in: Map<string, Link[]>;
}

/** Builtins that hold state: a link through them passes through an (implicit) stock. */
const STATEFUL = new Set([
  'SMTH1', 'SMTH3', 'SMTHN', 'SMOOTH', 'SMOOTHI', 'SMOOTH3', 'SMOOTH3I', 'SMOOTH_N',
  'DELAY', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAYN', 'DELAY_N', 'DELAY_FIXED',
  'TREND', 'FORCST', 'FORECAST', 'NPV', 'PREVIOUS', 'INTEG',
]);

/** The equations that decide a variable's value during the run (not its initial value, for a stock). */
function runningEquations(v: Variable): Expr[] {
  const out: Expr[] = [];
  if (v.kind === 'stock') {
    if (v.netFlow?.expr) out.push(v.netFlow.expr);
    return out;
  }
  if (v.equation?.expr) out.push(v.equation.expr);
  for (const el of v.elements ?? []) if (el.equation.expr) out.push(el.equation.expr);
  return out;
}

/** Names an expression refers to, each with whether it is reached only through a stateful builtin. */
function references(e: Expr): Map<string, boolean> {
  const refs = new Map<string, boolean>();
  const visit = (node: Expr, delayed: boolean): void => {
    switch (node.kind) {
      case 'var':
        refs.set(node.name, (refs.get(node.name) ?? true) && delayed);
        for (const s of node.subscripts ?? []) if (s.kind === 'index') visit(s.expr, delayed);
        return;
      case 'call': {
        const through = delayed || STATEFUL.has(node.fn);
        for (const a of node.args) visit(a, through);
        return;
      }
      case 'unary':
      case 'transpose':
        visit(node.operand, delayed);
        return;
      case 'binary':
        visit(node.left, delayed);
        visit(node.right, delayed);
        return;
      case 'if':
        visit(node.condition, delayed);
        visit(node.then, delayed);
        visit(node.else, delayed);
        return;
      case 'number':
      case 'table':
        return;
    }
  };
  visit(e, false);
  return refs;
}

export function buildCausalGraph(model: Model): CausalGraph {
  const nodes = new Map<string, Variable>();
  for (const v of model.variables) nodes.set(v.ident, v);
  const out = new Map<string, Link[]>();
  const inn = new Map<string, Link[]>();
  for (const id of nodes.keys()) {
    out.set(id, []);
    inn.set(id, []);
  }
  const tableOf = (name: string): GraphicalFunction | undefined => nodes.get(name)?.gf;
  const add = (link: Link): void => {
    if (!nodes.has(link.from) || !nodes.has(link.to)) return;
    if ((out.get(link.from) ?? []).some((l) => l.to === link.to)) return;
    out.get(link.from)!.push(link);
    inn.get(link.to)!.push(link);
  };
  for (const v of model.variables) {
    if (v.kind === 'stock') {
      for (const f of v.inflows) add({ from: f, to: v.ident, sign: '+', delayed: true });
      for (const f of v.outflows) add({ from: f, to: v.ident, sign: '-', delayed: true });
    }
    if (v.kind === 'module') {
      for (const c of v.connections) if (!c.from.startsWith(`${v.ident}.`)) add({ from: c.from.split('.')[0]!, to: v.ident, sign: '?', delayed: false });
    }
    for (const expr of runningEquations(v)) {
      for (const [name, delayed] of references(expr)) {
        // `module.output` is a use of the module instance as a whole.
        const from = nodes.has(name) ? name : name.split('.')[0]!;
        if (!nodes.has(from)) continue;
        let sign: Sign = linkSign(expr, from, { tableOf });
        if (from !== name && nodes.get(from)?.kind === 'module') sign = '?';
        if (v.gf && v.kind !== 'stock') sign = sign === '0' ? '0' : multiply(sign, tableSign(v.gf));
        add({ from, to: v.ident, sign, delayed: delayed || v.kind === 'stock' });
      }
    }
  }
  return { nodes, out, in: inn };
}

function multiply(a: Sign, b: Sign): Sign {
  if (a === '0' || b === '0') return '0';
  if (a === '?' || b === '?') return '?';
  return a === b ? '+' : '-';
}

/** The causal graph of a project's main model. */
export function projectGraph(project: Project): CausalGraph {
  return buildCausalGraph(project.models[0] ?? { variables: [] });
}
