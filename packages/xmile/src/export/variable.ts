import { displayName, type ElementEquation, type Equation, type Stock, type Variable } from '@sluice/ir';
import { isDataElement, printEquation } from '@sluice/language';
import { SLUICE_PREFIX } from '../extension.js';
import { writeComments } from './comments.js';
import { writeDataExtensions } from './data-variable.js';
import { writeGraphicalFunction } from './graphical-function.js';
import type { Attrs, XmlWriter } from './xml-writer.js';

/** How a model names its variables in references: the display name with `_` for spaces. */
export type RefName = (ident: string) => string;

export function refNameIn(variables: Variable[]): RefName {
  const names = new Map(variables.map((v) => [v.ident, displayName(v.name).replace(/ /g, '_')]));
  return (ident) =>
    ident
      .split('.')
      .map((part, i) => (i === 0 ? (names.get(part) ?? part) : part))
      .join('.');
}

/**
 * How equations are written. Text from an XMILE file is written back as it was; text from
 * anywhere else (Vensim, the Sluice language) is in another syntax, so it is printed from its parse.
 */
export interface EquationStyle {
  keepText: boolean;
}

/** The equation as the file wrote it, or printed from its parse. */
export function equationText(eq: Equation, style: EquationStyle): string {
  if (eq.expr && (!style.keepText || eq.text.trim() === '')) return printEquation(eq.expr);
  return eq.text;
}

export function writeVariable(w: XmlWriter, v: Variable, ref: RefName, style: EquationStyle): void {
  const attrs: Attrs = { name: v.name };
  if (v.access) attrs.access = v.access;
  const kept = v.extra?.attrs as Record<string, string> | undefined;
  if (kept) Object.assign(attrs, kept);
  if (v.extra?.netFlowOfStock) attrs[`${SLUICE_PREFIX}:net_flow`] = 'true';
  if (v.kind === 'module') {
    if (v.model !== v.ident) attrs.model = v.model;
    const tags = (v.extra?.connectTags as string[] | undefined) ?? [];
    w.node('module', attrs, () => {
      v.connections.forEach((c, i) => w.leaf(tags[i] === 'connect2' ? 'connect2' : 'connect', { to: c.to, from: ref(c.from) }));
      writeDocAndUnits(w, v);
      writeComments(w, v.comments);
      writeRaw(w, v);
    });
    return;
  }
  if (v.extra?.standaloneGf && v.gf) {
    writeGraphicalFunction(w, v.gf, attrs);
    return;
  }
  w.node(v.kind, attrs, () => {
    writeEquations(w, v, style);
    writeDataExtensions(w, v);
    writeActiveInitial(w, v.initialEquation, style);
    if (v.kind === 'stock') writeStockParts(w, v, ref, style);
    if (v.kind === 'flow') {
      if (v.nonNegative) w.leaf('non_negative');
      if (v.extra?.leak) w.leaf(v.extra.leakIntegers ? 'leak_integers' : 'leak');
      if (v.extra?.overflow) w.leaf('overflow');
    }
    writeDocAndUnits(w, v);
    writeComments(w, v.comments);
    writeRaw(w, v);
  });
}

function writeEquations(w: XmlWriter, v: Variable, style: EquationStyle): void {
  if (v.dimensions && v.dimensions.length > 0) {
    w.node('dimensions', {}, () => v.dimensions?.forEach((d) => w.leaf('dim', { name: d })));
  }
  const list = v.extra?.constantListText;
  if (typeof list === 'string' && v.elements) {
    w.leaf('eqn', {}, list);
    return;
  }
  if (v.elements && v.elements.length > 0) {
    const shared = v.extra?.sharedElementEquation ? v.elements[0]?.equation : undefined;
    if (shared) w.leaf('eqn', {}, equationText(shared, style));
    for (const e of v.elements) if (!isDataElement(v, e)) writeElement(w, e, shared !== undefined, style);
    return;
  }
  if (v.equation) w.leaf('eqn', {}, equationText(v.equation, style));
  if (v.gf) writeGraphicalFunction(w, v.gf);
}

function writeElement(w: XmlWriter, e: ElementEquation, sharedEquation: boolean, style: EquationStyle): void {
  w.node('element', { subscript: e.subscripts.join(', ') }, () => {
    // An element that is only a lookup (called by name) has no equation to write.
    const lookupOnly = e.gf !== undefined && e.equation.expr === null && e.equation.text.trim() === '';
    if (!sharedEquation && !lookupOnly) w.leaf('eqn', {}, equationText(e.equation, style));
    if (e.gf) writeGraphicalFunction(w, e.gf);
    writeActiveInitial(w, e.initialEquation, style);
    if (e.netFlow) w.leaf(`${SLUICE_PREFIX}:net_flow`, {}, equationText(e.netFlow, style));
  });
}

/** Vensim's ACTIVE INITIAL: XMILE has one equation per variable, so the initial one is an extension. */
function writeActiveInitial(w: XmlWriter, eq: Equation | undefined, style: EquationStyle): void {
  if (eq) w.leaf(`${SLUICE_PREFIX}:active_initial`, {}, equationText(eq, style));
}

function writeStockParts(w: XmlWriter, s: Stock, ref: RefName, style: EquationStyle): void {
  for (const f of s.inflows) w.leaf('inflow', {}, ref(f));
  for (const f of s.outflows) w.leaf('outflow', {}, ref(f));
  const c = s.conveyor;
  if (c) {
    const attrs: Attrs = {};
    if (c.discrete) attrs.discrete = 'true';
    if (c.batchIntegrity) attrs.batch_integrity = 'true';
    if (c.oneAtATime) attrs.one_at_a_time = 'true';
    if (s.extra?.exponentialLeak) attrs.exponential_leak = 'true';
    w.node('conveyor', attrs, () => {
      w.leaf('len', {}, equationText(c.transitTime, style));
      if (c.capacity) w.leaf('capacity', {}, equationText(c.capacity, style));
      if (c.inflowLimit) w.leaf('in_limit', {}, equationText(c.inflowLimit, style));
      if (c.arrest) w.leaf('arrest', {}, equationText(c.arrest, style));
    });
  } else if (s.queue) w.leaf('queue');
  // XMILE: a stock is a conveyor, a queue or non-negative, never two of them.
  else if (s.nonNegative) w.leaf('non_negative');
}

function writeDocAndUnits(w: XmlWriter, v: Variable): void {
  if (v.units !== undefined) w.leaf('units', {}, v.units);
  if (v.doc !== undefined) {
    if (v.extra?.docIsMarkup) w.line(`<doc>${v.doc}</doc>`);
    else w.leaf('doc', {}, v.doc);
  }
}

function writeRaw(w: XmlWriter, v: Variable): void {
  const raw = v.extra?.raw as string[] | undefined;
  for (const r of raw ?? []) w.raw(r);
}
