import type { Dimension, Macro, Model, Project, SimSpecs, UnitDefinition } from '@sluice/ir';
import { printElement, printFormula, printName, printNumber, printUnits, quote, textIsXmile } from './print-text.js';
import { nameBook, variableLines } from './print-variable.js';
import { endLines, layout, settleBlocks, type Block } from './print-layout.js';

/**
 * Print a project as canonical Sluice text (see "Printing" in grammar/sluice.md). Works on
 * any IR, whether it came from a `.sluice` file, XMILE or Vensim.
 */
export function printSluice(project: Project): string {
  const main = project.models[0] ?? { variables: [] };
  const lines = [...layout(fileBlocks(project)), ...endLines(main.comments?.end, '')];
  return `${lines.join('\n')}\n`;
}

/**
 * Reading a file gives every declaration the blank line above it; this keeps only those the
 * printer would not write by itself (see print-layout.ts), so the IR reads back unchanged.
 */
export function settleBlankLines(project: Project): void {
  settleBlocks(fileBlocks(project));
}

/** The file's declarations in printing order, each section starting a new group. */
function fileBlocks(project: Project): Block[] {
  const blocks: Block[] = [];
  const main = project.models[0] ?? { variables: [] };
  const titled = main.comments?.before ?? main.comments?.trailing ?? main.comments?.inside;
  if (project.name !== undefined || main.doc !== undefined || titled !== undefined) {
    const title = [`title ${project.name !== undefined ? printName(project.name) : '""'}`];
    if (main.doc !== undefined) title.push(`  doc ${quote(main.doc)}`);
    blocks.push({ lines: title, indent: '', holder: main });
  }
  const dialect = project.dialect === 'vensim' ? ' dialect vensim' : '';
  blocks.push({ lines: [simLine(project.simSpecs, dialect)], indent: '', holder: project.simSpecs, section: true });
  blocks.push(...sectioned(project.units.map((u) => ({ lines: unitLines(u), indent: '', holder: u }))));
  blocks.push(...sectioned(project.dimensions.map((d) => ({ lines: dimensionLines(d, project), indent: '', holder: d }))));
  blocks.push(...modelBody(main, project, '', true));
  for (const model of project.models.slice(1)) blocks.push(subModelBlock(model, project));
  for (const macro of project.macros) blocks.push(macroBlock(macro, project));
  return blocks;
}

/** Marks the first block as the start of a section. */
function sectioned(blocks: Block[]): Block[] {
  if (blocks[0]) blocks[0].section = true;
  return blocks;
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
 * A model's variables, then its loops and groups. Variables with attribute lines stand
 * apart, one-line variables run together, so each change shows as few lines as possible.
 */
function modelBody(model: Pick<Model, 'variables' | 'loops' | 'groups'>, project: Project, indent: string, section: boolean): Block[] {
  // One book for the whole model: made per variable, printing grew with the square of the model's size.
  const names = nameBook(model.variables);
  const variables: Block[] = model.variables.map((v) => {
    const lines = variableLines(v, project, names, indent);
    return { lines, indent, holder: v, apart: lines.length > 1 };
  });
  const relations: Block[] = [];
  for (const loop of model.loops ?? []) {
    const doc = loop.doc === undefined ? '' : ` ${quote(loop.doc)}`;
    relations.push({ lines: [`${indent}loop ${printName(loop.name)}${doc}: ${loop.variables.map(names).join(' -> ')}`], indent, holder: loop });
  }
  for (const group of model.groups ?? []) {
    const lines = memberLines(`${indent}group ${printName(group.name)}:`, group.variables.map(names), `${indent}  `);
    relations.push({ lines, indent, holder: group, apart: lines.length > 1 });
  }
  return [...(section ? sectioned(variables) : variables), ...sectioned(relations)];
}

/** Printed lines stay this short where a list can be broken, so a member added shows as one line changed. */
const lineWidth = 100;

/**
 * A head and its comma-separated members: on one line when it fits, else the head alone and
 * the members filled into indented lines.
 */
function memberLines(head: string, members: string[], indent: string): string[] {
  const oneLine = members.length > 0 ? `${head} ${members.join(', ')}` : head;
  if (oneLine.length <= lineWidth) return [oneLine];
  const lines = [head];
  let line = '';
  members.forEach((m, i) => {
    const item = i < members.length - 1 ? `${m},` : m;
    if (line && indent.length + line.length + 1 + item.length > lineWidth) {
      lines.push(`${indent}${line}`);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  });
  lines.push(`${indent}${line}`);
  return lines;
}

function subModelBlock(model: Model, project: Project): Block {
  const head = [`model ${printName(model.name ?? model.ident ?? 'model')}`];
  if (model.doc !== undefined) head.push(`  doc ${quote(model.doc)}`);
  return { lines: head, indent: '', holder: model, section: true, body: modelBody(model, project, '  ', false) };
}

function macroBlock(macro: Macro, project: Project): Block {
  const params = macro.parameters.map(printName).join(', ');
  const formula = macro.equation === undefined ? undefined : printFormula(macro.equation, textIsXmile(project));
  const head = [`macro ${printName(macro.name)}(${params})${formula === undefined ? '' : ` = ${formula}`}`];
  if (macro.doc !== undefined) head.push(`  doc ${quote(macro.doc)}`);
  if (macro.outputs && macro.outputs.length > 0) head.push(`  outputs ${macro.outputs.map(printName).join(', ')}`);
  if (macro.simSpecs && Object.keys(macro.simSpecs).length > 0) head.push(`  ${simLine(macro.simSpecs)}`);
  return { lines: head, indent: '', holder: macro, section: true, body: modelBody({ variables: macro.variables }, project, '  ', false) };
}
