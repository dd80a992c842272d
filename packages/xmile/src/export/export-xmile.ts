import type { Dimension, Macro, Model, Project, SimSpecs, UnitDefinition } from '@sluice/ir';
import { SLUICE_NS, SLUICE_PREFIX } from '../extension.js';
import { writeDiagramViews } from './diagram-view.js';
import { withDrawnFlows } from './drawn-flows.js';
import { writeComments } from './comments.js';
import { writeGeneratedView } from './layout.js';
import { withNamedNetFlows } from './net-flow.js';
import { equationText, refNameIn, writeVariable, type EquationStyle } from './variable.js';
import { formatNumber, XmlWriter, type Attrs } from './xml-writer.js';

const XMILE_NS = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';
const ISEE_NS = 'http://iseesystems.com/XMILE';

/**
 * Write a project as XMILE 1.0 with the `isee:` parts Stella reads. Markup the importer kept
 * raw (the header, views, Stella's preferences) is written back unchanged; everything else is
 * written from the IR, equations as their original text or printed from their parse.
 */
export function exportXmile(project: Project): string {
  const w = new XmlWriter();
  w.line('<?xml version="1.0" encoding="utf-8"?>');
  w.node('xmile', { version: '1.0', xmlns: XMILE_NS, 'xmlns:isee': ISEE_NS, [`xmlns:${SLUICE_PREFIX}`]: SLUICE_NS }, () => {
    writeHeader(w, project);
    const style: EquationStyle = { keepText: fromXmileFile(project) };
    writeSimSpecs(w, project.simSpecs, style);
    for (const raw of (project.extra?.rawTopLevel as string[] | undefined) ?? []) w.raw(raw);
    writeUnits(w, project.units);
    writeDimensions(w, project.dimensions);
    project.models.forEach((m, i) => writeModel(w, m, i === 0 ? (project.extra?.mainModelName as string | undefined) : m.name, style));
    for (const macro of project.macros) writeMacro(w, macro, style);
  });
  return w.toString();
}

/** Equation text is XMILE only when the project was read from an XMILE file (whoever wrote it). */
function fromXmileFile(project: Project): boolean {
  const format = project.source?.format;
  return format === 'xmile' || format === 'stmx' || format === 'itmx';
}

function writeHeader(w: XmlWriter, project: Project): void {
  const raw = project.extra?.header;
  if (typeof raw === 'string') {
    w.raw(raw);
    return;
  }
  w.node('header', {}, () => {
    w.leaf('smile', { version: '1.0', namespace: 'std, isee' });
    if (project.name !== undefined) w.leaf('name', {}, project.name);
    w.leaf('vendor', {}, project.source?.vendor ?? 'Sluice');
    w.leaf('product', { version: '1.0', lang: 'en' }, project.source?.product ?? 'Sluice');
    // The header of a file Vensim wrote says so by its vendor; a converted .mdl needs the extension.
    if (project.dialect === 'vensim') w.leaf(`${SLUICE_PREFIX}:dialect`, {}, 'vensim');
  });
}

function writeSimSpecs(w: XmlWriter, s: Partial<SimSpecs>, style: EquationStyle): void {
  const attrs: Attrs = {};
  if (s.method) attrs.method = s.method === 'euler' ? 'Euler' : s.method.toUpperCase();
  if (s.timeUnits !== undefined) attrs.time_units = s.timeUnits;
  if (s.saveStep !== undefined) attrs['isee:save_interval'] = formatNumber(s.saveStep);
  w.node('sim_specs', attrs, () => {
    if (s.start !== undefined) w.leaf('start', {}, formatNumber(s.start));
    if (s.stop !== undefined) w.leaf('stop', {}, formatNumber(s.stop));
    if (s.dt !== undefined) {
      if (s.dtReciprocal) w.leaf('dt', { reciprocal: 'true' }, formatNumber(reciprocal(s.dt)));
      else w.leaf('dt', {}, formatNumber(s.dt));
    }
    // Vensim's controls may be equations: the numbers above are their initial values, for other tools.
    for (const [spec, eq] of Object.entries(s.equations ?? {})) {
      if (eq) w.leaf(`${SLUICE_PREFIX}:eqn`, { spec }, equationText(eq, style));
    }
    writeComments(w, s.comments);
  });
}

/** 1/dt, snapped to the whole number it was written as when it is one. */
function reciprocal(dt: number): number {
  const r = 1 / dt;
  const whole = Math.round(r);
  return Math.abs(r - whole) <= 1e-9 * Math.max(1, whole) ? whole : r;
}

function writeUnits(w: XmlWriter, units: UnitDefinition[]): void {
  if (units.length === 0) return;
  w.node('model_units', {}, () => {
    for (const u of units) {
      w.node('unit', { name: u.name }, () => {
        if (u.equation !== undefined) w.leaf('eqn', {}, u.equation);
        for (const a of u.aliases) w.leaf('alias', {}, a);
        writeComments(w, u.comments);
      });
    }
  });
}

function writeDimensions(w: XmlWriter, dims: Dimension[]): void {
  if (dims.length === 0) return;
  w.node('dimensions', {}, () => {
    for (const d of dims) {
      // Vensim's subranges, equivalences and mappings have no XMILE form: Sluice's extension keeps them.
      const attrs: Attrs = { name: d.name, [`${SLUICE_PREFIX}:parent`]: d.parent, [`${SLUICE_PREFIX}:alias_of`]: d.aliasOf };
      const maps = (): void => {
        for (const m of d.mappings ?? []) {
          if (!m.elements) w.leaf(`${SLUICE_PREFIX}:map`, { to: m.to });
          else w.node(`${SLUICE_PREFIX}:map`, { to: m.to }, () => m.elements?.forEach((e) => w.leaf(`${SLUICE_PREFIX}:elem`, { name: e })));
        }
      };
      if (d.numbered && !d.mappings?.length && !d.comments) w.leaf('dim', { ...attrs, size: d.elements.length });
      else if (d.numbered) w.node('dim', { ...attrs, size: d.elements.length }, () => {
        maps();
        writeComments(w, d.comments);
      });
      else {
        w.node('dim', attrs, () => {
          d.elements.forEach((e) => w.leaf('elem', { name: e }));
          maps();
          writeComments(w, d.comments);
        });
      }
    }
  });
}

function writeModel(w: XmlWriter, model: Model, name: string | undefined, style: EquationStyle): void {
  const attrs: Attrs = name === undefined ? {} : { name };
  const visible = model.variables.filter((v) => !v.hidden);
  const variables = withNamedNetFlows(model.diagram?.length ? withDrawnFlows(visible, model.diagram) : visible);
  w.node('model', attrs, () => {
    const ref = refNameIn(variables);
    w.node('variables', {}, () => {
      for (const v of variables) writeVariable(w, v, ref, style);
      for (const g of model.groups ?? []) {
        w.node('group', { name: g.name }, () => {
          g.variables.forEach((v) => w.leaf('entity', { name: ref(v) }));
          writeComments(w, g.comments);
        });
      }
    });
    if (model.doc !== undefined) w.leaf('doc', {}, model.doc);
    for (const loop of model.loops ?? []) {
      w.node(`${SLUICE_PREFIX}:loop`, { name: loop.name }, () => {
        for (const v of loop.variables) w.leaf(`${SLUICE_PREFIX}:var`, { name: v });
        if (loop.doc !== undefined) w.leaf(`${SLUICE_PREFIX}:doc`, {}, loop.doc);
        writeComments(w, loop.comments);
      });
    }
    writeComments(w, model.comments);
    // Raw views from a modern file go back as they were; a diagram read from a Vensim sketch is
    // written where its author drew it; a model without either gets a generated layout.
    if (model.views !== undefined && model.views.trimStart().startsWith('<views')) w.raw(model.views);
    else if (model.diagram?.length) writeDiagramViews(w, model.diagram, variables, ref);
    else writeGeneratedView(w, { ...model, variables });
  });
}

function writeMacro(w: XmlWriter, macro: Macro, style: EquationStyle): void {
  w.node('macro', { name: macro.name }, () => {
    for (const p of macro.parameters) w.leaf('parm', {}, p);
    if (macro.equation) w.leaf('eqn', {}, equationText(macro.equation, style));
    if (macro.simSpecs) writeSimSpecs(w, macro.simSpecs, style);
    if (macro.doc !== undefined) w.leaf('doc', {}, macro.doc);
    writeComments(w, macro.comments);
    if (macro.variables.length > 0) {
      const variables = withNamedNetFlows(macro.variables);
      const ref = refNameIn(variables);
      w.node('variables', {}, () => variables.forEach((v) => writeVariable(w, v, ref, style)));
    }
  });
}
