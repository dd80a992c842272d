import type { Dialect, Expr } from '@sluice/ir';
import type { EmitContext } from '../builtins/types.js';
import type { Pass } from '../graph/dependencies.js';
import type { Node, ResolutionMap } from '../graph/nodes.js';
import { SLOT_DT, SLOT_START, SLOT_STOP, SLOT_TIME } from './compiled-model.js';
import { lookupHelperName } from './helpers.js';
import type { Layout } from './layout.js';
import { numberLiteral } from './number-literal.js';

export interface ExpressionContext {
  pass: Pass;
  dialect: Dialect;
  resolution: ResolutionMap;
  layout: Layout;
}

export const slotRef = (slot: number): string => `v[${slot}]`;

const builtinContext = (dialect: Dialect): EmitContext => ({
  dialect,
  time: slotRef(SLOT_TIME),
  dt: slotRef(SLOT_DT),
  start: slotRef(SLOT_START),
  stop: slotRef(SLOT_STOP),
});

const truth = (s: string): string => `(${s}) !== 0`;

/**
 * JS source computing `e`. Only slot indices, numbers printed from parsed values, operators and
 * helper calls are written: never a name or any other text from the model.
 */
export function emitExpr(e: Expr, ctx: ExpressionContext): string {
  const slot = (n: Node): string => slotRef(ctx.layout.slotOf(n));
  const emit = (x: Expr): string => emitExpr(x, ctx);
  switch (e.kind) {
    case 'number':
      return numberLiteral(e.value);
    case 'var': {
      const r = ctx.resolution.get(e);
      if (r?.kind === 'node') return slot(r.node);
      if (r?.kind === 'builtin' && r.spec.emit) return r.spec.emit([], builtinContext(ctx.dialect));
      throw new Error('internal: unresolved reference reached code generation');
    }
    case 'call': {
      const r = ctx.resolution.get(e);
      if (!r) throw new Error('internal: unresolved call reached code generation');
      switch (r.kind) {
        case 'builtin':
          if (!r.spec.emit) throw new Error('internal: builtin without code');
          return r.spec.emit(e.args.map(emit), builtinContext(ctx.dialect));
        case 'lookup': {
          const t = ctx.layout.tableOf(r.table);
          return `h.${lookupHelperName(t.type)}(g, ${t.offset}, ${t.count}, ${emit(r.x)})`;
        }
        case 'memory': {
          const m = r.call;
          if (m.kind !== 'delay') return slot(m.value);
          if (ctx.pass === 'initial') return slot(m.initial);
          return `h.delayRead(${m.delayId}, ${slotRef(SLOT_TIME)}, ${emit(e.args[1]!)}, ${slot(m.initial)})`;
        }
        case 'node':
          throw new Error('internal: call resolved to a node');
      }
      throw new Error('internal: unknown resolution');
    }
    case 'unary':
      if (e.op === '-') return `(-${emit(e.operand)})`;
      if (e.op === '+') return emit(e.operand);
      return `(${truth(emit(e.operand))} ? 0 : 1)`;
    case 'binary': {
      const a = emit(e.left);
      const b = emit(e.right);
      switch (e.op) {
        case '+':
        case '-':
        case '*':
        case '/':
          return `(${a} ${e.op} ${b})`;
        case '^':
          return `Math.pow(${a}, ${b})`;
        case 'mod':
          return ctx.dialect === 'vensim' ? `(${a} % ${b})` : `h.mod(${a}, ${b})`;
        case '<':
        case '<=':
        case '>':
        case '>=':
          return `(${a} ${e.op} ${b} ? 1 : 0)`;
        case '=':
          return `(${a} === ${b} ? 1 : 0)`;
        case '<>':
          return `(${a} !== ${b} ? 1 : 0)`;
        case 'and':
          return `(${truth(a)} && ${truth(b)} ? 1 : 0)`;
        case 'or':
          return `(${truth(a)} || ${truth(b)} ? 1 : 0)`;
      }
      throw new Error('internal: unknown operator');
    }
    case 'if':
      return `(${truth(emit(e.condition))} ? ${emit(e.then)} : ${emit(e.else)})`;
    case 'transpose':
    case 'table':
      throw new Error('internal: array expression reached scalar code generation');
  }
}
