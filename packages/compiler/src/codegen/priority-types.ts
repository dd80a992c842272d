import { foldConstant, type Expr } from '@sluice/ir';
import type { Node } from '../graph/nodes.js';

/**
 * Why a priority curve type (`ptype`) of ALLOCATE AVAILABLE cannot be computed, or undefined
 * for the curves Sluice has (0 fixed quantity to 4 exponential). Vensim's reference names two
 * more forms without defining them: "a truncated constant elasticity" curve (ptype 5, its
 * elasticity in pextra) with no formula for the curve or what its width truncates, and integer
 * allocations "by adding 10 to the shape" with no rule for which requester gets a unit left
 * over after rounding. Either would be a guess that need not match Vensim's numbers, so a
 * model using one is refused rather than run.
 */
export function unsupportedPriorityType(type: number): string | undefined {
  if (Number.isInteger(type) && type >= 0 && type <= 4) return undefined;
  if (type === 5) return 'the constant elasticity curve (ptype 5) is not supported: Vensim does not document its formula';
  if (Number.isInteger(type) && type >= 10 && type <= 14) {
    return `the integer form of a priority curve (ptype ${type}, curve ${type - 10} + 10) is not supported: Vensim does not document how it rounds`;
  }
  if (type === 15) return 'the integer constant elasticity curve (ptype 15) is not supported: Vensim does not document its formula or how it rounds';
  return `ptype ${type} is not a priority curve type (0 fixed quantity, 1 rectangular, 2 triangular, 3 normal, 4 exponential)`;
}

/**
 * The first ptype in `node` (a priority profile whose last dimension holds the profile fields,
 * ptype at position `start`) that is a constant Sluice cannot compute, with the equation that
 * sets it. Profiles computed during the run are not seen here; the helper gives NaN for them.
 */
export function unsupportedProfileType(node: Node, start: number): { message: string; at: Expr } | undefined {
  for (const eq of node.equations) {
    if (eq.fixed && eq.fixed.at(-1) !== start) continue;
    const expr = eq.stepExpr ?? eq.initExpr;
    const type = expr && !eq.gf ? foldConstant(expr) : undefined;
    if (type === undefined) continue;
    const message = unsupportedPriorityType(type);
    if (message) return { message, at: expr! };
  }
  return undefined;
}
