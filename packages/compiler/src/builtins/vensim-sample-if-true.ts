import type { Expr } from '@sluice/ir';
import { call } from '../lower/expr-build.js';
import type { StatefulBuiltin } from '../lower/stateful/builtins.js';

/**
 * Vensim's SAMPLE IF TRUE(condition, input, initial): the input while the condition holds,
 * otherwise the value it last took; `initial` before the condition has ever held. Lowered to
 * one hidden auxiliary that reads its own value one step back through PREVIOUS, so it holds
 * exactly under any integration method:
 *
 *   value = IF condition THEN input ELSE PREVIOUS(value, initial)
 */
export const SAMPLE_IF_TRUE: StatefulBuiltin = {
  arity: [3],
  lower: (b, [condition, input, initial]) => {
    const held = call('PREVIOUS', [b.ref('value'), b.argument('initial', initial!)]);
    const chosen: Expr = { kind: 'if', condition: b.argument('condition', condition!), then: b.argument('input', input!), else: held };
    return b.auxOf('value', chosen);
  },
};
