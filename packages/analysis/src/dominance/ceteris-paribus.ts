import type { Expr } from '@sluice/ir';

/** True when `e` reads the variable `source` anywhere (subscripts included). */
export function readsVariable(e: Expr, source: string): boolean {
  switch (e.kind) {
    case 'number':
    case 'table':
      return false;
    case 'var':
      return (
        e.name === source ||
        (e.subscripts ?? []).some((s) =>
          s.kind === 'index' ? readsVariable(s.expr, source) : s.kind === 'range' ? readsVariable(s.from, source) || readsVariable(s.to, source) : false,
        )
      );
    case 'call':
      return e.args.some((a) => readsVariable(a, source));
    case 'unary':
    case 'transpose':
      return readsVariable(e.operand, source);
    case 'binary':
      return readsVariable(e.left, source) || readsVariable(e.right, source);
    case 'if':
      return readsVariable(e.condition, source) || readsVariable(e.then, source) || readsVariable(e.else, source);
  }
}

const previous = (e: Expr): Expr => ({ kind: 'call', fn: 'PREVIOUS', display: 'PREVIOUS', args: [e] });

/**
 * The equation `e` as it would be if only `source` had moved this step: every largest part
 * that does not read `source` (other variables, TIME, a whole SMTH1 call of other inputs) is
 * read one DT back through PREVIOUS. Wrapping whole parts, rather than single references,
 * keeps builtins that depend on time or state (STEP, a nested smooth) at their previous value
 * too, which is what "every other input at its previous value" means for them.
 */
export function ceterisParibus(e: Expr, source: string): Expr {
  if (e.kind === 'number') return e;
  if (!readsVariable(e, source)) return previous(e);
  switch (e.kind) {
    case 'var':
      return e;
    case 'call':
      return { ...e, args: e.args.map((a) => ceterisParibus(a, source)) };
    case 'unary':
    case 'transpose':
      return { ...e, operand: ceterisParibus(e.operand, source) };
    case 'binary':
      return { ...e, left: ceterisParibus(e.left, source), right: ceterisParibus(e.right, source) };
    case 'if':
      return { ...e, condition: ceterisParibus(e.condition, source), then: ceterisParibus(e.then, source), else: ceterisParibus(e.else, source) };
    case 'table':
      return e;
  }
}
