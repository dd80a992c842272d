import { canonicalName, error, fail, ok } from '@sluice/ir';
import type { Diagnostic, Expr, Model, ModuleInstance, Project, Result, SubscriptIndex, Variable } from '@sluice/ir';
import { mapChildren, ref } from './expr-build.js';
import { MAX_MODULE_INSTANCES } from './limits.js';
import { mapVariableEquations } from './variable-equations.js';

/**
 * Pass: modules. Each module instance in the main model is replaced by a copy of the model it
 * instantiates, recursively, so the result is one model. A copied variable's ident is the
 * instance path and its own ident joined by dots (`hares.births`), its display name likewise
 * (`Hares.births`): the names Stella gives module variables in its results. A connection makes
 * the port it feeds an aux equal to the outside variable; a reference from outside to a
 * module's output (`hares.hare_density`) already names the copied variable. Two instances of
 * one model get two independent copies.
 */
export function flattenModules(project: Project): Result<Project> {
  const [main, ...others] = project.models;
  if (!main) return ok(project);
  if (!main.variables.some((v) => v.kind === 'module')) return ok({ ...project, models: [main] });
  const models = new Map<string, Model>();
  for (const m of others) {
    const ident = m.ident ?? (m.name !== undefined ? canonicalName(m.name) : undefined);
    if (ident !== undefined && !models.has(ident)) models.set(ident, m);
  }
  const subscriptWords = new Set<string>();
  for (const d of project.dimensions) {
    subscriptWords.add(d.ident);
    for (const el of d.elements) subscriptWords.add(canonicalName(el));
  }
  const diagnostics: Diagnostic[] = [];
  const out: Variable[] = [];
  const mainIdent = main.ident ?? (main.name !== undefined ? canonicalName(main.name) : '');
  copyModel({ models, subscriptWords, diagnostics, out, instances: 0 }, main, { path: '', display: '', ports: new Map(), stack: [mainIdent] });
  if (diagnostics.length > 0) return fail(diagnostics);
  return ok({ ...project, models: [{ ...main, variables: out }] });
}

interface Shared {
  models: Map<string, Model>;
  /** Dimension and element names: inside brackets these are never variables to rename. */
  subscriptWords: Set<string>;
  diagnostics: Diagnostic[];
  out: Variable[];
  /** Instances copied so far, against MAX_MODULE_INSTANCES. */
  instances: number;
}

interface Scope {
  /** Ident prefix of this instance, `hares.` (empty for the main model). */
  path: string;
  display: string;
  /** Ports fed from outside: port ident → the outside expression, already in flat names. */
  ports: Map<string, Expr>;
  /** Models being copied, outermost first, to refuse a model that contains itself. */
  stack: string[];
}

function copyModel(shared: Shared, model: Model, scope: Scope): void {
  const local = new Set(model.variables.map((v) => v.ident));
  const rename = (name: string): string | undefined => {
    if (scope.path === '') return undefined;
    const head = name.split('.', 1)[0]!;
    return local.has(name) || local.has(head) ? scope.path + name : undefined;
  };
  const renameExpr = (e: Expr): Expr => renameRefs(e, rename, scope.display, shared.subscriptWords);
  const outputs = outputConnections(model, local, shared.models);

  for (const v of model.variables) {
    if (v.kind === 'module') {
      copyInstance(shared, v, scope, renameExpr);
      continue;
    }
    const ident = scope.path + v.ident;
    const name = scope.display + v.name;
    const output = outputs.get(v.ident);
    const fed = scope.ports.get(v.ident) ?? (output !== undefined ? renameExpr(ref(output, output)) : undefined);
    if (fed) {
      shared.out.push(portAux(v, ident, name, fed));
      continue;
    }
    const copy = scope.path === '' ? mapVariableEquations(v, (e) => e) : mapVariableEquations(v, renameExpr);
    copy.ident = ident;
    copy.name = name;
    if (copy.kind === 'stock') {
      const r = (f: string): string => scope.path + f;
      copy.inflows = copy.inflows.map(r);
      copy.outflows = copy.outflows.map(r);
      if (copy.conveyor?.leaks) copy.conveyor.leaks = copy.conveyor.leaks.map((l) => ({ ...l, flow: r(l.flow) }));
    }
    shared.out.push(copy);
  }
}

function copyInstance(shared: Shared, m: ModuleInstance, scope: Scope, renameExpr: (e: Expr) => Expr): void {
  const model = shared.models.get(m.model);
  if (!model) {
    shared.diagnostics.push(error('unknown-model', `module ${m.name} instantiates model ${m.model}, which the project does not define`, m.loc, scope.display + m.name));
    return;
  }
  if (scope.stack.includes(m.model)) {
    shared.diagnostics.push(error('module-cycle', `module ${m.name} instantiates model ${m.model}, which contains it: ${[...scope.stack, m.model].filter((ident) => ident !== '').join(' → ')}`, m.loc, scope.display + m.name));
    return;
  }
  if (++shared.instances > MAX_MODULE_INSTANCES) {
    if (shared.instances === MAX_MODULE_INSTANCES + 1) {
      shared.diagnostics.push(error('too-large', `the modules nest into more than ${MAX_MODULE_INSTANCES} instances`, m.loc, scope.display + m.name));
    }
    return;
  }
  const ports = new Map<string, Expr>();
  const portNames = new Set(model.variables.map((v) => v.ident));
  for (const c of m.connections) {
    const to = relative(c.to, m.ident);
    const from = c.from.replace(/^\./, '');
    if (!portNames.has(to)) {
      if (isOutputConnection(c, m)) continue;
      shared.diagnostics.push(error('unknown-port', `module ${m.name} connects ${from} to ${to}, which model ${m.model} does not have`, m.loc, scope.display + m.name));
      continue;
    }
    ports.set(to, renameExpr(ref(from, from)));
  }
  copyModel(shared, model, {
    path: `${scope.path}${m.ident}.`,
    display: `${scope.display}${m.name}.`,
    ports,
    stack: [...scope.stack, m.model],
  });
}

/**
 * A connection that carries a module's output out to a variable of the parent
 * (`from="mod.result" to="result"`) rather than a parent value in to a port: the parent
 * variable it names becomes an aux equal to the output. Keyed by the parent variable.
 */
function outputConnections(model: Model, local: Set<string>, models: Map<string, Model>): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of model.variables) {
    if (m.kind !== 'module') continue;
    const ports = new Set(models.get(m.model)?.variables.map((v) => v.ident));
    for (const c of m.connections) {
      const to = c.to.replace(/^\./, '');
      if (isOutputConnection(c, m) && !ports.has(to) && local.has(to)) found.set(to, c.from);
    }
  }
  return found;
}

function isOutputConnection(c: { from: string; to: string }, m: ModuleInstance): boolean {
  return c.from.startsWith(`${m.ident}.`) && !c.to.startsWith(`${m.ident}.`);
}

/** A port's name relative to its module, whether written `area`, `.area` or `hares.area`. */
function relative(to: string, instance: string): string {
  const t = to.replace(/^\./, '');
  return t.startsWith(`${instance}.`) ? t.slice(instance.length + 1) : t;
}

/** A port fed from outside: an aux equal to the outside value, whatever the port was. */
function portAux(v: Variable, ident: string, name: string, fed: Expr): Variable {
  const dims = v.dimensions ?? [];
  const value: Expr = dims.length > 0 && fed.kind === 'var' && !fed.subscripts
    ? { ...fed, subscripts: dims.map((d): SubscriptIndex => ({ kind: 'index', expr: ref(canonicalName(d), d) })) }
    : fed;
  const port: Variable = { kind: 'aux', name, ident, equation: { text: fed.kind === 'var' ? fed.display : '', expr: value } };
  if (dims.length > 0) port.dimensions = [...dims];
  if (v.units !== undefined) port.units = v.units;
  if (v.doc !== undefined) port.doc = v.doc;
  if (v.loc !== undefined) port.loc = v.loc;
  if (v.access !== undefined) port.access = v.access;
  return port;
}

/**
 * References renamed into the flat model's names. Inside brackets a bare dimension or element
 * name stays as it is: it names a position, not a variable of the module.
 */
function renameRefs(e: Expr, rename: (name: string) => string | undefined, display: string, subscriptWords: Set<string>): Expr {
  const again = (x: Expr): Expr => renameRefs(x, rename, display, subscriptWords);
  if (e.kind !== 'var') return mapChildren(e, again);
  const renamed = rename(e.name);
  const out = renamed === undefined ? { ...e } : { ...e, name: renamed, display: display + e.display };
  if (e.subscripts) {
    out.subscripts = e.subscripts.map((s): SubscriptIndex => {
      if (s.kind === 'index') {
        const bare = s.expr.kind === 'var' && !s.expr.subscripts && subscriptWords.has(s.expr.name);
        return bare ? { ...s } : { ...s, expr: again(s.expr) };
      }
      if (s.kind === 'range') return { ...s, from: again(s.from), to: again(s.to) };
      return { ...s };
    });
  }
  return out;
}
