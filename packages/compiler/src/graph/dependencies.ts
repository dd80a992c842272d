import type { Expr } from '@sluice/ir';
import type { Node, ResolutionMap } from './nodes.js';

/** The two passes of a run: initial values once, then every step. */
export type Pass = 'initial' | 'step';

export interface Dependencies {
  /** Nodes that must be computed earlier in the same pass. */
  deps: Set<Node>;
  /** The expression reads something that changes during the run (a stock, TIME, memory). */
  timeVarying: boolean;
}

/**
 * What an expression waits for in one pass. In the step pass stocks are state (already known),
 * and PREVIOUS and DELAY read stored values, so none of them are dependencies: that is where
 * feedback loops are cut. In the initial pass every stock waits for its initial value, INIT,
 * PREVIOUS and DELAY for their initial values, so a loop there is an error.
 */
export function dependenciesOf(expr: Expr, pass: Pass, resolution: ResolutionMap): Dependencies {
  const out: Dependencies = { deps: new Set(), timeVarying: false };
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'number':
      case 'table':
        return;
      case 'var': {
        for (const s of e.subscripts ?? []) if (s.kind === 'index') walk(s.expr);
        const r = resolution.get(e);
        if (r?.kind === 'node') {
          if (pass === 'step' && r.node.role === 'stock') out.timeVarying = true;
          else out.deps.add(r.node);
        } else if (r?.kind === 'builtin' && r.spec.timeVarying) out.timeVarying = true;
        return;
      }
      case 'call': {
        const r = resolution.get(e);
        if (!r) return;
        if (r.kind === 'lookup') return walk(r.x);
        if (r.kind === 'builtin') {
          if (r.spec.timeVarying) out.timeVarying = true;
          for (const a of e.args) walk(a);
          return;
        }
        if (r.kind !== 'memory') return;
        const m = r.call;
        if (pass === 'initial') {
          out.deps.add(m.kind === 'delay' ? m.initial : m.value);
          return;
        }
        if (m.kind === 'init') return; // frozen after the initial pass
        out.timeVarying = true;
        // The input is read from history; only the delay time is needed now.
        if (m.kind === 'delay') walk(e.args[1]!);
        return;
      }
      case 'unary':
      case 'transpose':
        return walk(e.operand);
      case 'binary':
        walk(e.left);
        walk(e.right);
        return;
      case 'if':
        walk(e.condition);
        walk(e.then);
        walk(e.else);
        return;
    }
  };
  walk(expr);
  return out;
}
