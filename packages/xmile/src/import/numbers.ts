import type { ImportContext } from './context.js';
import { trimMapped } from './source-text.js';
import { textOf, type XNode } from './xml-tree.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number as XMILE writes them (no expressions, no `inf` or `nan`). */
export function parseNumber(s: string): number | undefined {
  const t = s.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

/** The number an element holds, or an error at the element's text. */
export function readNumber(node: XNode, ctx: ImportContext, what: string): number | undefined {
  const text = trimMapped(textOf(node, ctx.src));
  const value = parseNumber(text.value);
  if (value === undefined) {
    const shown = text.value === '' ? 'empty' : `"${text.value}"`;
    ctx.error('not-a-number', `${what} must be a number, not ${shown}`, text.offsets[0] ?? node.contentStart);
  }
  return value;
}

/** A number attribute, or an error at the element. */
export function readNumberAttr(node: XNode, name: string, raw: string, ctx: ImportContext, what: string): number | undefined {
  const value = parseNumber(raw);
  if (value === undefined) ctx.error('not-a-number', `${what} (attribute ${name}) must be a number, not "${raw}"`, node);
  return value;
}
