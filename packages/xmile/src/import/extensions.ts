import type { Comments, Dialect, Dimension, Equation, Model, SimSpecs, Variable } from '@sluice/ir';
import { addDataSource, DATA_METHODS, isDataMethod, setDataMethod } from '@sluice/language';
import type { ImportContext } from './context.js';
import { readEquation } from './equation.js';
import { attr, textOf, type XNode } from './xml-tree.js';

/**
 * Sluice's namespaced extensions (see `../extension.ts`), read back into the IR. Each is
 * optional: a file without them reads exactly as before.
 */

const SPEC_KEYS = new Set(['start', 'stop', 'dt', 'saveStep']);

/** `<sluice:dialect>` in `<header>`: whose builtin semantics the equations follow. */
export function readDialectExtension(header: XNode, ctx: ImportContext): Dialect | undefined {
  const node = ctx.sluiceChildren(header, 'dialect')[0];
  if (!node) return undefined;
  const value = textOf(node, ctx.src).value.trim().toLowerCase();
  if (value === 'vensim' || value === 'xmile') return value;
  ctx.error('bad-dialect', `<${node.name}> must be "vensim" or "xmile", not "${value}"`, node);
  return undefined;
}

/** `<sluice:active_initial>` in a variable or `<element>`: Vensim's ACTIVE INITIAL equation. */
export function readActiveInitial(node: XNode, ctx: ImportContext, variable: string): Equation | undefined {
  const n = ctx.sluiceChildren(node, 'active_initial')[0];
  return n ? readEquation(n, ctx, variable).equation : undefined;
}

/**
 * `<sluice:data method>` and `<sluice:data_source function subscript>` with its `<sluice:arg>`s
 * in an `<aux>`: a Vensim data variable, filled from a data file at run time, and the quoted
 * arguments of its GET XLS / GET DIRECT calls (see `../export/data-variable.ts`).
 */
export function readDataExtensions(node: XNode, v: Variable, ctx: ImportContext): void {
  const data = ctx.sluiceChildren(node, 'data')[0];
  if (data) {
    const method = required(data, 'method', ctx).toUpperCase();
    if (v.kind !== 'aux') ctx.error('bad-data', `<${data.name}> belongs in an <aux>, not a <${node.local}>`, data, v.name);
    else if (isDataMethod(method)) setDataMethod(v, method);
    else if (method !== '') ctx.error('bad-data', `<${data.name}> method must be one of ${DATA_METHODS.join(', ')}, not "${method}"`, data, v.name);
  }
  for (const s of ctx.sluiceChildren(node, 'data_source')) {
    const subscript = attr(s, 'subscript')?.trim();
    addDataSource(v, {
      function: required(s, 'function', ctx),
      arguments: ctx.sluiceChildren(s, 'arg').map((a) => textOf(a, ctx.src).value),
      subscripts: subscript ? subscript.split(',').map((x) => x.trim()) : [],
    });
  }
}

/** `sluice:parent`, `sluice:alias_of` and `<sluice:map to>` on a `<dim>`: Vensim subranges, equivalences and mappings. */
export function readDimensionExtensions(node: XNode, d: Dimension, ctx: ImportContext): void {
  readComments(node, d, ctx);
  const p = ctx.sluicePrefix;
  if (p === undefined) return;
  const parent = node.attrs[`${p}:parent`];
  if (parent !== undefined) d.parent = parent;
  const alias = node.attrs[`${p}:alias_of`];
  if (alias !== undefined) d.aliasOf = alias;
  const maps = ctx.sluiceChildren(node, 'map');
  if (maps.length === 0) return;
  d.mappings = maps.map((m) => {
    const to = required(m, 'to', ctx);
    const elements = ctx.sluiceChildren(m, 'elem').map((e) => required(e, 'name', ctx));
    return elements.length > 0 ? { to, elements } : { to };
  });
}

/** `<sluice:eqn spec="dt">` in `<sim_specs>`: a control given by an equation (its number is the standard element). */
export function readSimSpecEquations(node: XNode, ctx: ImportContext): SimSpecs['equations'] | undefined {
  const out: NonNullable<SimSpecs['equations']> = {};
  for (const n of ctx.sluiceChildren(node, 'eqn')) {
    const spec = attr(n, 'spec') ?? '';
    if (!SPEC_KEYS.has(spec)) {
      ctx.error('bad-sim-spec-equation', `<${n.name}> names spec "${spec}"; expected start, stop, dt or saveStep`, n);
      continue;
    }
    const eq = readEquation(n, ctx, spec).equation;
    if (eq) out[spec as keyof typeof out] = eq;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `<sluice:loop name>` in a `<model>`: a named feedback loop, its `<sluice:var name>`s and `<sluice:doc>`. */
export function readLoops(node: XNode, ctx: ImportContext): Model['loops'] {
  const loops = ctx.sluiceChildren(node, 'loop').map((l) => {
    const loop: NonNullable<Model['loops']>[number] = {
      name: required(l, 'name', ctx),
      variables: ctx.sluiceChildren(l, 'var').map((v) => required(v, 'name', ctx)),
    };
    const doc = ctx.sluiceChildren(l, 'doc')[0];
    if (doc) loop.doc = textOf(doc, ctx.src).value;
    readComments(l, loop, ctx);
    return loop;
  });
  return loops.length > 0 ? loops : undefined;
}

const COMMENT_PLACES = new Set(['before', 'trailing', 'inside', 'end']);

/**
 * `<sluice:comment at>` in the element of a declaration (variable, `<dim>`, `<unit>`,
 * `<model>`, `<macro>`, `<group>`, `<sluice:loop>`, `<sim_specs>`): the `#` comments a Sluice
 * text file had there, given to `target`. An empty one is a blank line. Comments change no
 * number, so one that names no place is skipped with a warning.
 */
export function readComments(node: XNode, target: { comments?: Comments }, ctx: ImportContext): void {
  const comments: Comments = {};
  for (const c of ctx.sluiceChildren(node, 'comment')) {
    const at = attr(c, 'at') ?? '';
    const text = textOf(c, ctx.src).value;
    if (!COMMENT_PLACES.has(at)) ctx.warn('bad-comment', `<${c.name}> must say at="before", "trailing", "inside" or "end", not "${at}"; skipped`, c);
    else if (at === 'trailing') comments.trailing = text;
    else (comments[at as 'before' | 'inside' | 'end'] ??= []).push(text);
  }
  if (Object.keys(comments).length > 0) target.comments = comments;
}

/** An attribute an extension element cannot do without: its absence is an error at the element. */
function required(node: XNode, name: string, ctx: ImportContext): string {
  const value = attr(node, name)?.trim();
  if (value) return value;
  ctx.error('missing-attribute', `<${node.name}> has no ${name}`, node);
  return '';
}
