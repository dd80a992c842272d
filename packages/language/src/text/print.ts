import type { Dimension, Macro, Model, Project, SimSpecs, UnitDefinition } from '@sluice/ir';
import { printElement, printFormula, printName, printNumber, printUnits, quote, textIsXmile } from './print-text.js';
import { nameBook, variableLines } from './print-variable.js';

/**
 * Print a project as canonical Sluice text (see "Printing" in grammar/sluice.md). Works on
 * any IR, whether it came from a `.sluice` file, XMILE or Vensim.
 */
export function printSluice(project: Project): string {
  const sections: string[][] = [];
  const main = project.models[0] ?? { variables: [] };
  if (project.name !== undefined || main.doc !== undefined) {
    const title = [`title ${project.name !== undefined ? printName(project.name) : '""'}`];
    if (main.doc !== undefined) title.push(`  doc ${quote(main.doc)}`);
    sections.push(title);
  }
  const dialect = project.dialect === 'vensim' ? ' dialect vensim' : '';
  sections.push([simLine(project.simSpecs, dialect)]);
  if (project.units.length > 0) sections.push(project.units.flatMap(unitLines));
  if (project.dimensions.length > 0) sections.push(project.dimensions.flatMap((d) => dimensionLines(d, project)));
  sections.push(...modelBody(main, project, ''));
  for (const model of project.models.slice(1)) sections.push(subModelLines(model, project));
  for (const macro of project.macros) sections.push(macroLines(macro, project));
  return `${sections.filter((s) => s.length > 0).map((s) => s.join('\n')).join('\n\n')}\n`;
}

function simLine(sim: Partial<SimSpecs>, dialect = ''): string {
  const parts = ['sim'];
  if (sim.start !== undefined) parts.push(`start ${printNumber(sim.start)}`);
  if (sim.stop !== undefined) parts.push(`stop ${printNumber(sim.stop)}`);
  if (sim.dt !== undefined) parts.push(`dt ${sim.dtReciprocal && sim.dt > 0 ? `1/${printNumber(1 / sim.dt)}` : printNumber(sim.dt)}`);
  if (sim.saveStep !== undefined) parts.push(`save_step ${printNumber(sim.saveStep)}`);
  if (sim.method !== undefined) parts.push(`method ${sim.method}`);
  if (dialect !== '') parts.push(dialect.trim());
  const units = sim.timeUnits === undefined ? undefined : printUnits(sim.timeUnits);
  if (units !== undefined) parts.push(`units ${units}`);
  return parts.join(' ');
}

function unitLines(u: UnitDefinition): string[] {
  const formula = u.equation === undefined ? undefined : printFormula({ text: u.equation, expr: null });
  const lines = [`unit ${printName(u.name)}${formula === undefined ? '' : ` = ${formula}`}`];
  if (u.aliases.length > 0) lines.push(`  alias ${u.aliases.map(printName).join(', ')}`);
  return lines;
}

function isNumbered(d: Dimension): boolean {
  return d.numbered === true && d.elements.length > 0 && d.elements.every((e, i) => e === String(i + 1));
}

function dimensionLines(d: Dimension, project: Project): string[] {
  // A lone element that looks like a number is quoted, or it would read back as a size.
  const elements = isNumbered(d)
    ? String(d.elements.length)
    : d.elements.map((e) => (d.elements.length === 1 ? printName(e) : printElement(e))).join(', ');
  const lines = [`dimension ${printName(d.name)}: ${elements}`];
  if (d.parent !== undefined) lines.push(`  subrange_of ${printName(d.parent)}`);
  for (const m of d.mappings ?? []) {
    const target = project.dimensions.find((x) => x.ident === m.to)?.name ?? m.to;
    const list = m.elements === undefined ? '' : `: ${m.elements.map(printElement).join(', ')}`;
    lines.push(`  maps_to ${printName(target)}${list}`);
  }
  if (d.aliasOf !== undefined) lines.push(`  alias_of ${printName(d.aliasOf)}`);
  return lines;
}

/**
 * A model's variables, loops and groups as sections. Variables with attribute lines stand
 * apart, one-line variables run together, so each change shows as few lines as possible.
 */
function modelBody(model: Pick<Model, 'variables' | 'loops' | 'groups'>, project: Project, indent: string): string[][] {
  const sections: string[][] = [];
  let run: string[] = [];
  for (const v of model.variables) {
    const lines = variableLines(v, project, model, indent);
    if (lines.length === 1) {
      run.push(lines[0]!);
      continue;
    }
    if (run.length > 0) sections.push(run);
    run = [];
    sections.push(lines);
  }
  if (run.length > 0) sections.push(run);
  const names = nameBook(model.variables);
  const relations: string[] = [];
  for (const loop of model.loops ?? []) {
    const doc = loop.doc === undefined ? '' : ` ${quote(loop.doc)}`;
    relations.push(`${indent}loop ${printName(loop.name)}${doc}: ${loop.variables.map(names).join(' -> ')}`);
  }
  for (const group of model.groups ?? []) {
    const members = group.variables.length > 0 ? ` ${group.variables.map(names).join(', ')}` : '';
    relations.push(`${indent}group ${printName(group.name)}:${members}`);
  }
  if (relations.length > 0) sections.push(relations);
  return sections;
}

function joinSections(sections: string[][]): string[] {
  return sections.flatMap((s, i) => (i === 0 ? s : ['', ...s]));
}

function subModelLines(model: Model, project: Project): string[] {
  const head = [`model ${printName(model.name ?? model.ident ?? 'model')}`];
  if (model.doc !== undefined) head.push(`  doc ${quote(model.doc)}`);
  return [...head, ...joinSections(modelBody(model, project, '  ')), 'end'];
}

function macroLines(macro: Macro, project: Project): string[] {
  const params = macro.parameters.map(printName).join(', ');
  const formula = macro.equation === undefined ? undefined : printFormula(macro.equation, textIsXmile(project));
  const head = [`macro ${printName(macro.name)}(${params})${formula === undefined ? '' : ` = ${formula}`}`];
  if (macro.doc !== undefined) head.push(`  doc ${quote(macro.doc)}`);
  if (macro.outputs && macro.outputs.length > 0) head.push(`  outputs ${macro.outputs.map(printName).join(', ')}`);
  if (macro.simSpecs && Object.keys(macro.simSpecs).length > 0) head.push(`  ${simLine(macro.simSpecs)}`);
  return [...head, ...joinSections(modelBody({ variables: macro.variables }, project, '  ')), 'end'];
}
