import { error, type Diagnostic, type Variable } from '@sluice/ir';

/** Graphical functions must have points, matching x and y counts, and x never decreasing. */
export function checkTables(variables: readonly Variable[], diags: Diagnostic[]): void {
  for (const v of variables) {
    const gf = v.gf;
    if (!gf) continue;
    const bad = (why: string): void => {
      diags.push(error('invalid-graphical-function', `graphical function '${v.name}' ${why}`, v.loc, v.name));
    };
    if (gf.xs.length === 0) bad('has no points');
    else if (gf.xs.length !== gf.ys.length) bad(`has ${gf.xs.length} x values but ${gf.ys.length} y values`);
    else if ([...gf.xs, ...gf.ys].some((x) => !Number.isFinite(x))) bad('has a point that is not a finite number');
    else if (gf.xs.some((x, i) => i > 0 && x < gf.xs[i - 1]!)) bad('has x values out of order');
  }
}
