import { child, textOf, type XNode } from './xml-tree.js';
import type { SourceText } from './source-text.js';

/** Defaults a `<behavior>` block gives every stock and flow that does not say otherwise. */
export interface Behavior {
  stockNonNegative: boolean;
  flowNonNegative: boolean;
}

export const DEFAULT_BEHAVIOR: Behavior = { stockNonNegative: false, flowNonNegative: false };

/**
 * `<behavior><non_negative/></behavior>` sets both; `<behavior><stock><non_negative/></stock>`
 * only stocks (likewise `<flow>`). The more specific block wins; `base` is the enclosing default
 * (the file's, when reading a model's own `<behavior>`).
 */
export function readBehavior(node: XNode, src: SourceText, base: Behavior): Behavior {
  const out = { ...base };
  const all = nonNegativeFlag(child(node, 'non_negative'), src);
  if (all !== undefined) {
    out.stockNonNegative = all;
    out.flowNonNegative = all;
  }
  const stock = child(node, 'stock');
  const flow = child(node, 'flow');
  const s = stock ? nonNegativeFlag(child(stock, 'non_negative'), src) : undefined;
  const f = flow ? nonNegativeFlag(child(flow, 'non_negative'), src) : undefined;
  if (s !== undefined) out.stockNonNegative = s;
  if (f !== undefined) out.flowNonNegative = f;
  return out;
}

/** `<non_negative/>` and `<non_negative>true</non_negative>` mean yes; `...>false<...` means no. */
export function nonNegativeFlag(node: XNode | undefined, src: SourceText): boolean | undefined {
  if (!node) return undefined;
  return textOf(node, src).value.trim().toLowerCase() !== 'false';
}
