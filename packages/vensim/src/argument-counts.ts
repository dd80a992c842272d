import { error, walkExpr, type Diagnostic, type Equation, type SourceLoc, type Variable } from '@sluice/ir';

/**
 * Vensim's MIN and MAX compare exactly two values (VMIN and VMAX reduce an array). The shared
 * equation parser and the compiler accept MIN(array) because XMILE allows it, even in XMILE
 * files Vensim writes; a .mdl file is held to Vensim's own rule here, where it is read.
 */
const TWO_ARGUMENTS = new Set(['MIN', 'MAX']);

export function checkArgumentCounts(variables: readonly Variable[], diagnostics: Diagnostic[]): void {
  // An equation over ranges becomes one copy per element it is resolved at, all sharing the
  // place (one SourceLoc object) it was written at: check it once (one message, and 1,000
  // regions walk 1 copy). Copies differ only in subscripts, never in their calls.
  const checked = new Set<SourceLoc>();
  for (const v of variables) {
    const equations: (Equation | undefined)[] = [v.equation, v.initialEquation, v.kind === 'stock' ? v.netFlow : undefined];
    for (const el of v.elements ?? []) equations.push(el.equation, el.initialEquation, el.netFlow);
    for (const eq of equations) {
      if (!eq?.expr) continue;
      if (eq.loc) {
        if (checked.has(eq.loc)) continue;
        checked.add(eq.loc);
      }
      walkExpr(eq.expr, (e) => {
        if (e.kind !== 'call' || !TWO_ARGUMENTS.has(e.fn) || e.args.length === 2) return;
        diagnostics.push(error('argument-count', `${e.fn} takes 2 arguments in Vensim, not ${e.args.length} (VMIN and VMAX take an array)`, e.loc ?? eq.loc, v.name));
      });
    }
  }
}
