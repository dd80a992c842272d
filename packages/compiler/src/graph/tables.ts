import { error, type Diagnostic, type GraphicalFunction, type Variable } from '@sluice/ir';

/** What is wrong with a table, or undefined: points, matching x and y counts, x never decreasing. */
export function checkTable(gf: GraphicalFunction): string | undefined {
  if (gf.xs.length === 0) return 'has no points';
  if (gf.xs.length !== gf.ys.length) return `has ${gf.xs.length} x values but ${gf.ys.length} y values`;
  if ([...gf.xs, ...gf.ys].some((x) => !Number.isFinite(x))) return 'has a point that is not a finite number';
  if (gf.xs.some((x, i) => i > 0 && x < gf.xs[i - 1]!)) return 'has x values out of order';
  return undefined;
}

/** Every graphical function of the model, the variable's own and its elements', checked. */
export function checkTables(variables: readonly Variable[], diags: Diagnostic[]): void {
  // The elements of an arrayed table often share one table object: check it once.
  const checked = new Set<GraphicalFunction>();
  for (const v of variables) {
    const tables = [v.gf, ...(v.elements ?? []).map((e) => e.gf)];
    for (const gf of tables) {
      if (!gf || checked.has(gf)) continue;
      checked.add(gf);
      const bad = checkTable(gf);
      if (bad) {
        diags.push(error('invalid-graphical-function', `graphical function '${v.name}' ${bad}`, v.loc, v.name));
        break;
      }
    }
  }
}
