import type { CstNode, IToken } from 'chevrotain';
import type { Conveyor, Equation, Variable } from '@sluice/ir';
import { firstToken, nodeOf, readName, tokenOf, tokensOf, type NameRef } from './cst.js';
import { readFormula, readNumber, report, type BuildContext } from './context.js';

/**
 * A conveyor stock's attribute lines (`conveyor = transit time`, `capacity`, `inflow_limit`,
 * `arrest`, `leak`), gathered in any order and checked once the whole stock is read.
 */
export interface ConveyorDraft {
  conveyor?: Conveyor;
  /** The first conveyor line, where a conveyor on a non-stock is reported. */
  at?: IToken;
  /** The lines that need a conveyor, to point at the first if there is none. */
  parts: { tok: IToken; apply: (c: Conveyor) => void }[];
  leaks: { ref: NameRef; tok: IToken }[];
}

export function newConveyorDraft(): ConveyorDraft {
  return { parts: [], leaks: [] };
}

export function readConveyorAttr(node: CstNode, ctx: BuildContext, v: Variable, draft: ConveyorDraft): void {
  const at = firstToken(node);
  if (at === undefined) return;
  draft.at ??= at;
  const formula = tokenOf(node, 'Formula');
  const eq = (): Equation | undefined => (formula === undefined ? undefined : readFormula(formula, ctx, v.name));
  switch (at.image) {
    case 'conveyor': {
      const transitTime = eq();
      if (transitTime === undefined) return;
      if (draft.conveyor) {
        report(ctx, 'duplicate-attribute', `${v.name} already has a conveyor`, at, v.name);
        return;
      }
      const word = tokenOf(node, 'Identifier');
      draft.conveyor = { transitTime };
      if (word?.image === 'discrete') draft.conveyor.discrete = true;
      else if (word) report(ctx, 'invalid-attribute', `expected 'discrete' or '=' after 'conveyor' but found '${word.image}'`, word, v.name);
      return;
    }
    case 'capacity':
    case 'inflow_limit':
    case 'arrest': {
      const e = eq();
      if (e === undefined) return;
      const key = at.image === 'capacity' ? 'capacity' : at.image === 'arrest' ? 'arrest' : 'inflowLimit';
      draft.parts.push({
        tok: at,
        apply: (c) => {
          if (c[key]) report(ctx, 'duplicate-attribute', `${v.name} already has ${at.image}`, at, v.name);
          else c[key] = e;
        },
      });
      return;
    }
    case 'leak': {
      const ref = readName(nodeOf(node, 'name'), ctx.file);
      if (ref === undefined) return;
      const leak: { flow: string; fraction?: Equation; zoneStart?: number; zoneEnd?: number; linear?: boolean } = { flow: ref.ident };
      const word = tokenOf(node, 'Identifier');
      if (word?.image === 'linear') leak.linear = true;
      else if (word) report(ctx, 'invalid-attribute', `expected 'linear', 'zone' or '=' after the leak's flow but found '${word.image}'`, word, v.name);
      const [from, to] = tokensOf(node, 'Number').map((n) => readNumber(n, ctx));
      if (from !== undefined && to !== undefined) {
        leak.zoneStart = from;
        leak.zoneEnd = to;
      }
      const fraction = eq();
      if (fraction) leak.fraction = fraction;
      draft.leaks.push({ ref, tok: at });
      draft.parts.push({ tok: at, apply: (c) => (c.leaks ??= []).push(leak) });
      return;
    }
  }
}

/** Attach the conveyor to its stock, or report the lines that need one. */
export function finishConveyor(draft: ConveyorDraft, v: Variable, ctx: BuildContext): void {
  const first = draft.parts[0]?.tok;
  if (v.kind !== 'stock') {
    if (draft.at) report(ctx, 'invalid-attribute', `only a stock can be a conveyor; ${v.name} is not a stock`, draft.at, v.name);
    return;
  }
  if (!draft.conveyor) {
    if (first) report(ctx, 'invalid-attribute', `'${first.image}' needs a conveyor: add 'conveyor = transit time' to ${v.name}`, first, v.name);
    return;
  }
  for (const part of draft.parts) part.apply(draft.conveyor);
  for (const { ref } of draft.leaks) {
    if (!v.outflows.includes(ref.ident)) {
      ctx.diagnostics.push({ severity: 'error', code: 'invalid-attribute', message: `${ref.display} leaks from ${v.name} but is not one of its outflows`, loc: ref.loc, variable: v.name });
    }
  }
  v.conveyor = draft.conveyor;
}
