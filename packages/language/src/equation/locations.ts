import { offsetLoc, type Expr, type SourceLoc, type SubscriptIndex } from '@sluice/ir';

/**
 * Move every `loc` in a freshly parsed tree from equation coordinates to file coordinates.
 * The walk keeps its own stack: a flat sum of tens of thousands of terms is a left-leaning
 * chain that deep, and a recursive walk would overflow the JavaScript call stack.
 */
export function shiftLocs(expr: Expr, origin: SourceLoc): void {
  if (origin.line === 1 && origin.column === 1 && origin.file === undefined) return;
  const pending: Expr[] = [expr];
  const pushIndex = (s: SubscriptIndex): void => {
    if (s.loc) s.loc = offsetLoc(s.loc, origin);
    if (s.kind === 'index') pending.push(s.expr);
    else if (s.kind === 'range') pending.push(s.from, s.to);
  };
  for (let e = pending.pop(); e !== undefined; e = pending.pop()) {
    if (e.loc) e.loc = offsetLoc(e.loc, origin);
    switch (e.kind) {
      case 'number':
      case 'table':
        break;
      case 'var':
        for (const s of e.subscripts ?? []) pushIndex(s);
        break;
      case 'call':
        for (const a of e.args) pending.push(a);
        break;
      case 'unary':
      case 'transpose':
        pending.push(e.operand);
        break;
      case 'binary':
        pending.push(e.left, e.right);
        break;
      case 'if':
        pending.push(e.condition, e.then, e.else);
        break;
    }
  }
}
