import { canonicalName, type Conveyor, type Dimension, type Macro, type Model, Project, SimSpecs, SourceFormat, type Variable } from '@sluice/ir';
import { DEFAULT_BEHAVIOR, readBehavior, type Behavior } from './behavior.js';
import type { ImportContext } from './context.js';
import { readDimensions } from './dimensions.js';
import { drivenFlows, leakZone } from './conveyor.js';
import { readComments, readDialectExtension } from './extensions.js';
import { readMacro } from './macro.js';
import { foldNetFlows } from './net-flow.js';
import { modelLabel, readModel, type ReadModel } from './model.js';
import { readSimSpecs } from './sim-specs.js';
import { readUnits } from './units.js';
import { attr, child, childrenNamed, outerXml, textOf, type XNode } from './xml-tree.js';

/** Top-level elements read into the IR; every other one is kept raw for export. */
const READ = new Set(['header', 'sim_specs', 'model_units', 'dimensions', 'behavior', 'model', 'macro']);
/** Top-level elements that only style or arrange the file: kept raw, no warning. */
const DISPLAY = new Set(['style', 'equation_prefs', 'default_format', 'prefs', 'multiplayer_settings', 'time_formats']);

/** The whole `<xmile>` document, in the order the IR wants it: main model first. */
export function readProject(root: XNode, ctx: ImportContext, file: string | undefined): Project | undefined {
  const header = child(root, 'header');
  const behaviorNode = child(root, 'behavior');
  const behavior: Behavior = behaviorNode ? readBehavior(behaviorNode, ctx.src, DEFAULT_BEHAVIOR) : DEFAULT_BEHAVIOR;

  const modelNodes = childrenNamed(root, 'model').filter((m) => m.prefix === undefined);
  const read = modelNodes.map((m) => readModel(m, ctx, behavior));
  if (read.length === 0) {
    ctx.error('missing-model', 'the file has no <model>', root);
    return undefined;
  }
  const mainIndex = Math.max(0, read.findIndex((r) => r.model.name === undefined));
  const main = read[mainIndex] as ReadModel;
  const ordered = [main, ...read.filter((_, i) => i !== mainIndex)];
  const extra: Record<string, unknown> = {};
  if (main.model.name !== undefined) {
    // The IR's main model is nameless; remember the file's name for export.
    extra.mainModelName = main.model.name;
    delete main.model.name;
    delete main.model.ident;
  }

  const specsNode = child(root, 'sim_specs') ?? main.simSpecs;
  let simSpecs: SimSpecs | undefined;
  if (specsNode) {
    simSpecs = readSimSpecs(specsNode, ctx);
    if (simSpecs) readComments(specsNode, simSpecs, ctx);
  } else ctx.error('missing-sim-specs', 'the file has no <sim_specs>', root);

  const units = child(root, 'model_units');
  const dims = child(root, 'dimensions');
  const macros = childrenNamed(root, 'macro').map((m) => readMacro(m, ctx)).filter((m): m is Macro => m !== undefined);

  const models = ordered.map((r) => r.model);
  for (const m of models) m.variables = foldNetFlows(m.variables);
  for (const m of macros) m.variables = foldNetFlows(m.variables);
  const dimensions = dims ? readDimensions(dims, ctx) : [];
  for (const m of models) {
    expandArrayShorthands(m, dimensions, ctx);
    checkArrays(m.variables, dimensions, ctx);
  }
  checkModules(models, ctx, modelNodes);
  checkEmptyEquations(ordered, ctx);
  attachLeaks(models);

  const raw: string[] = [];
  for (const c of root.children) {
    if (c.prefix === undefined && READ.has(c.local)) continue;
    raw.push(outerXml(c, ctx.src));
    if (c.local === 'data' && childrenNamed(c, 'import').length > 0) {
      // Imported data overwrites variables during a run: ignoring it would give other numbers.
      ctx.error('unsupported-data-import', '<data><import> (values read from an external file during the run) is not supported', c);
      continue;
    }
    if (c.prefix === undefined && !DISPLAY.has(c.local)) {
      ctx.warn('unknown-element', `<${c.name}> is not understood and was ignored (kept for export)`, c);
    }
  }
  if (raw.length > 0) extra.rawTopLevel = raw;
  if (header) extra.header = outerXml(header, ctx.src);
  if (!simSpecs) return undefined;

  const source: NonNullable<Project['source']> = { format: formatOf(file) };
  if (file !== undefined) source.file = file;
  const project: Project = {
    dialect: 'xmile',
    source,
    simSpecs,
    units: units ? readUnits(units, ctx) : [],
    dimensions,
    models,
    macros,
  };
  if (header) readHeader(header, project, ctx);
  if (Object.keys(extra).length > 0) project.extra = extra;
  return project;
}

function readHeader(header: XNode, project: Project, ctx: ImportContext): void {
  const text = (local: string): string | undefined => {
    const n = child(header, local);
    const t = n ? textOf(n, ctx.src).value.trim() : '';
    return t === '' ? undefined : t;
  };
  const name = text('name');
  const vendor = text('vendor');
  const product = text('product');
  if (name !== undefined) project.name = name;
  if (project.source) {
    if (vendor !== undefined) project.source.vendor = vendor;
    if (product !== undefined) project.source.product = product;
  }
  project.dialect = readDialectExtension(header, ctx) ?? (fromVensim(vendor, product) ? 'vensim' : 'xmile');
}

/**
 * A file Vensim wrote (or xmutil converted from Vensim) keeps Vensim's meaning of the builtins
 * that differ (INT truncates, ...): the project follows the file's origin.
 */
function fromVensim(vendor: string | undefined, product: string | undefined): boolean {
  return /ventana|vensim|xmutil/i.test(vendor ?? '') || /vensim|xmutil/i.test(product ?? '');
}

function formatOf(file: string | undefined): SourceFormat {
  const ext = file?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  return ext === 'stmx' || ext === 'itmx' ? ext : 'xmile';
}

/** Every module names a model of the file; models kept in other files are not read. */
function checkModules(models: Model[], ctx: ImportContext, nodes: XNode[]): void {
  for (const n of nodes) {
    const resource = attr(n, 'resource');
    if (resource !== undefined) {
      ctx.error('unsupported-resource', `model "${attr(n, 'name') ?? ''}" lives in another file ("${resource}"), which is not read`, n);
    }
  }
  const known = new Set(models.map((m) => m.ident).filter((i): i is string => i !== undefined));
  for (const m of models) {
    for (const v of m.variables) {
      if (v.kind === 'module' && !known.has(v.model)) {
        const at = v.loc ? ctx.src.offsetOf(v.loc.line, v.loc.column) : 0;
        ctx.error('unknown-model', `module "${v.name}" in ${modelLabel(m)} instantiates "${v.model}", which is not a model of this file`, at, v.name);
      }
    }
  }
}

/**
 * A blank (or comment-only) equation is a port waiting for a connection: fine when the
 * variable is an input, or when every module instantiating its model connects it. Anything
 * else would run with no value, so it is refused.
 */
function checkEmptyEquations(read: ReadModel[], ctx: ImportContext): void {
  const instances = read.flatMap((r) => r.model.variables.filter((v) => v.kind === 'module'));
  for (const r of read) {
    const users = instances.filter((i) => r.model.ident !== undefined && i.model === r.model.ident);
    const driven = drivenFlows(r.model.variables);
    for (const { variable, node } of r.empties) {
      if (variable.access === 'input' || (node.local !== 'eqn' && driven.has(variable.ident))) continue;
      const connected = users.length > 0 && users.every((u) => u.connections.some((c) => portOf(c.to, u.ident) === variable.ident));
      if (connected) continue;
      const what = node.local === 'eqn' ? 'an empty equation' : 'no <eqn>';
      const code = node.local === 'eqn' ? 'empty-equation' : 'missing-equation';
      ctx.error(code, `${variable.kind} "${variable.name}" has ${what}`, node, variable.name);
    }
  }
}

/** A connection's port relative to its module, written `area` or `hares.area`. */
function portOf(to: string, instance: string): string {
  return to.startsWith(`${instance}.`) ? to.slice(instance.length + 1) : to;
}

/** Conveyor outflows marked `<leak/>` become the conveyor's leakages; the flow's equation is the fraction. */
function attachLeaks(models: Model[]): void {
  for (const m of models) {
    const byIdent = new Map<string, Variable>(m.variables.map((v) => [v.ident, v]));
    for (const stock of m.variables) {
      if (stock.kind !== 'stock' || !stock.conveyor) continue;
      // Stella leaks linearly along the belt unless the conveyor says exponential_leak="true".
      const linear = stock.extra?.exponentialLeak !== true;
      const leaks = [];
      for (const ident of stock.outflows) {
        const f = byIdent.get(ident);
        if (f?.kind !== 'flow' || f.extra?.leak !== true) continue;
        const leak: NonNullable<Conveyor['leaks']>[number] = f.equation ? { flow: f.ident, fraction: f.equation, linear } : { flow: f.ident, linear };
        // The leak zone, as fractions of the belt from its entry: the flow's leak_start and leak_end.
        const zone = leakZone(f.extra?.attrs as Record<string, string> | undefined);
        if (zone) Object.assign(leak, zone);
        leaks.push(leak);
      }
      if (leaks.length > 0) stock.conveyor.leaks = leaks;
    }
  }
}

/** Every dimension a variable names exists, and every `<element subscript>` names its elements. */
function checkArrays(variables: Variable[], dimensions: Dimension[], ctx: ImportContext): void {
  const byIdent = new Map(dimensions.map((d) => [d.ident, d]));
  const at = (v: Variable): number => (v.loc ? ctx.src.offsetOf(v.loc.line, v.loc.column) : 0);
  for (const v of variables) {
    if (!v.dimensions) continue;
    const dims = v.dimensions.map((d) => byIdent.get(canonicalName(d)));
    v.dimensions.forEach((d, i) => {
      if (!dims[i]) ctx.error('unknown-dimension', `"${v.name}" is arrayed by "${d}", which is not among the file's <dimensions>`, at(v), v.name);
    });
    if (dims.some((d) => d === undefined)) continue;
    for (const e of v.elements ?? []) {
      if (e.subscripts.length !== v.dimensions.length) {
        ctx.error('bad-subscript', `element [${e.subscripts.join(', ')}] of "${v.name}" needs ${v.dimensions.length} subscript(s)`, at(v), v.name);
        continue;
      }
      e.subscripts.forEach((sub, i) => {
        const dim = dims[i];
        if (dim && !dim.elements.some((el) => canonicalName(el) === canonicalName(sub))) {
          ctx.error('bad-subscript', `element [${e.subscripts.join(', ')}] of "${v.name}": "${sub}" is not an element of "${dim.name}"`, at(v), v.name);
        }
      });
    }
  }
}

/** Every element of an array in order, last dimension fastest; undefined if a dimension is unknown. */
function elementCombinations(names: string[], dimensions: Dimension[]): string[][] | undefined {
  let combos: string[][] = [[]];
  for (const name of names) {
    const d = dimensions.find((x) => x.ident === canonicalName(name));
    if (!d) return undefined;
    combos = combos.flatMap((c) => d.elements.map((e) => [...c, e]));
  }
  return combos;
}

/**
 * Array shorthands become ordinary per-element equations, last dimension fastest: Stella's
 * constant list `1, 2, 3`, and several bare `<eqn>` in one arrayed variable. Unknown
 * dimensions are left for `checkArrays` to report.
 */
function expandArrayShorthands(model: Model, dimensions: Dimension[], ctx: ImportContext): void {
  for (const v of model.variables) {
    if (!v.dimensions || !v.extra) continue;
    const combos = elementCombinations(v.dimensions, dimensions);
    const at = v.loc ? ctx.src.offsetOf(v.loc.line, v.loc.column) : 0;
    if (v.extra.equationPerElement && v.elements) {
      const { equationPerElement: _expanded, ...rest } = v.extra;
      if (Object.keys(rest).length > 0) v.extra = rest;
      else delete v.extra;
      if (!combos) continue;
      if (combos.length !== v.elements.length) {
        ctx.error('equation-count', `"${v.name}" has ${v.elements.length} <eqn> elements for ${combos.length} array elements`, at, v.name);
      } else v.elements.forEach((e, i) => (e.subscripts = combos[i] as string[]));
      continue;
    }
    const list = v.extra.constantList as number[] | undefined;
    if (!list || !v.equation || !combos) continue;
    if (combos.length !== list.length) {
      ctx.error('constant-list-size', `"${v.name}" lists ${list.length} values for ${combos.length} elements`, at, v.name);
      continue;
    }
    const loc = v.equation.loc;
    v.elements = combos.map((subscripts, i) => {
      const value = list[i] as number;
      const equation = { text: String(value), expr: { kind: 'number' as const, value }, ...(loc ? { loc } : {}) };
      return { subscripts, equation };
    });
    v.extra = { ...v.extra, constantListText: v.equation.text };
    delete v.equation;
  }
}
