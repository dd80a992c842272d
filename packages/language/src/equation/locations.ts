import { offsetLoc, type Expr, type SourceLoc, type SubscriptIndex } from '@sluice/ir';

/** Move every `loc` in a freshly parsed tree from equation coordinates to file coordinates. */
export function shiftLocs(expr: Expr, origin: SourceLoc): void {
  if (origin.line === 1 && origin.column === 1 && origin.file === undefined) return;
  const visit = (e: Expr): void => {
    if (e.loc) e.loc = offsetLoc(e.loc, origin);
    switch (e.kind) {
      case 'number':
      case 'table':
        return;
      case 'var':
        for (const s of e.subscripts ?? []) visitIndex(s);
        return;
      case 'call':
        e.args.forEach(visit);
        return;
      case 'unary':
      case 'transpose':
        visit(e.operand);
        return;
      case 'binary':
        visit(e.left);
        visit(e.right);
        return;
      case 'if':
        visit(e.condition);
        visit(e.then);
        visit(e.else);
        return;
    }
  };
  const visitIndex = (s: SubscriptIndex): void => {
    if (s.loc) s.loc = offsetLoc(s.loc, origin);
    if (s.kind === 'index') visit(s.expr);
    else if (s.kind === 'range') {
      visit(s.from);
      visit(s.to);
    }
  };
  visit(expr);
}
