import type { Conveyor, ElementEquation, Equation, GraphicalFunction, ModuleInstance, Project, Variable } from '@sluice/ir';
import { dataMethodOf, dataSourcesOf, DEFAULT_DATA_METHOD, isDataElement, type DataSource } from './data-variable.js';
import { isConstant, printElement, printFormula, printName, printNumber, printUnits, quote, textIsXmile } from './print-text.js';

/** Writing one variable: its declaration line, then one indented line per attribute. */

/** Points per printed line of a graph, so a changed point changes one short line. */
const pointsPerLine = 8;

/** Display names by canonical name, to write references (`inflow`, loops) as the model writes them. */
export type NameBook = (ident: string) => string;

export function nameBook(variables: Variable[]): NameBook {
  const byIdent = new Map(variables.map((v) => [v.ident, v.name]));
  return (ident) => printName(byIdent.get(ident) ?? ident);
}

function formulaSuffix(eq: Equation | undefined, xmile: boolean): string {
  if (eq === undefined) return '';
  const f = printFormula(eq, xmile);
  return f === undefined ? '' : ` = ${f}`;
}

export function graphLines(gf: GraphicalFunction, indent: string): string[] {
  let head = `${indent}graph ${gf.type}`;
  const fromScale = gf.xFromScale === true && gf.xScale !== undefined;
  if (gf.xScale) head += ` xscale ${printNumber(gf.xScale.min)} to ${printNumber(gf.xScale.max)}`;
  if (gf.yScale) head += ` yscale ${printNumber(gf.yScale.min)} to ${printNumber(gf.yScale.max)}`;
  const items = fromScale ? gf.ys.map(printNumber) : gf.xs.map((x, i) => `(${printNumber(x)}, ${printNumber(gf.ys[i] ?? 0)})`);
  if (items.length === 0) return [];
  const chunks: string[] = [];
  for (let i = 0; i < items.length; i += pointsPerLine) chunks.push(items.slice(i, i + pointsPerLine).join(', '));
  const lines = [`${head}: ${chunks[0]}${chunks.length > 1 ? ',' : ''}`];
  for (let i = 1; i < chunks.length; i++) lines.push(`${indent}  ${chunks[i]}${i < chunks.length - 1 ? ',' : ''}`);
  return lines;
}

function elementLines(e: ElementEquation, indent: string, xmile: boolean): string[] {
  const lines = [`${indent}[${e.subscripts.map(printElement).join(', ')}]${formulaSuffix(e.equation, xmile) || ' = 0'}`];
  const inner = `${indent}  `;
  if (e.gf) lines.push(...graphLines(e.gf, inner));
  if (e.initialEquation) lines.push(`${inner}init${formulaSuffix(e.initialEquation, xmile) || ' = 0'}`);
  if (e.netFlow) lines.push(`${inner}net_flow${formulaSuffix(e.netFlow, xmile) || ' = 0'}`);
  return lines;
}

function conveyorLines(c: Conveyor, names: NameBook, indent: string, xmile: boolean): string[] {
  const lines = [`${indent}conveyor${c.discrete ? ' discrete' : ''}${formulaSuffix(c.transitTime, xmile) || ' = 0'}`];
  if (c.capacity) lines.push(`${indent}capacity${formulaSuffix(c.capacity, xmile) || ' = 0'}`);
  if (c.inflowLimit) lines.push(`${indent}inflow_limit${formulaSuffix(c.inflowLimit, xmile) || ' = 0'}`);
  if (c.arrest) lines.push(`${indent}arrest${formulaSuffix(c.arrest, xmile) || ' = 0'}`);
  for (const leak of c.leaks ?? []) {
    const zone = leak.zoneStart !== undefined && leak.zoneEnd !== undefined ? ` zone ${printNumber(leak.zoneStart)} to ${printNumber(leak.zoneEnd)}` : '';
    lines.push(`${indent}leak ${names(leak.flow)}${leak.linear ? ' linear' : ''}${zone}${formulaSuffix(leak.fraction, xmile)}`);
  }
  return lines;
}

/** An element written as a plain number, with nothing else: an arrayed constant's element. */
const constantElement = (e: ElementEquation): boolean => isConstant(e.equation) && !e.gf && !e.initialEquation && !e.netFlow;

function keywordOf(v: Variable): string {
  if (v.kind === 'aux' && dataMethodOf(v) !== undefined) return 'data';
  if (v.kind === 'aux') return !v.gf && !v.initialEquation && (v.elements?.length ? !v.equation && v.elements.every(constantElement) : isConstant(v.equation)) ? 'const' : 'aux';
  return v.kind;
}

function sourceLine(s: DataSource, indent: string): string {
  const subscripts = s.subscripts.length > 0 ? ` [${s.subscripts.map(printElement).join(', ')}]` : '';
  return `${indent}source${subscripts} ${printName(s.function)}(${s.arguments.map(quote).join(', ')})`;
}

/**
 * A data variable's `method` (when not the default) and the GET calls any variable reads.
 * (A data element without a formula is not printed: see `isDataElement`.)
 */
function dataLines(v: Variable, indent: string): string[] {
  const method = v.kind === 'aux' ? dataMethodOf(v) : undefined;
  const lines = method !== undefined && method !== DEFAULT_DATA_METHOD ? [`${indent}method ${method.toLowerCase()}`] : [];
  for (const s of dataSourcesOf(v)) lines.push(sourceLine(s, indent));
  return lines;
}

function moduleLines(m: ModuleInstance, project: Project, names: NameBook, indent: string): string[] {
  const target = project.models.find((model) => model.ident === m.model);
  const targetNames = nameBook(target?.variables ?? []);
  const qualified = (q: string, book: NameBook): string => {
    const [first, ...rest] = q.split('.');
    return [book(first ?? q), ...rest.map(printName)].join('.');
  };
  const lines = [`${indent}module ${printName(m.name)}: ${printName(target?.name ?? m.model)}`];
  for (const c of m.connections) lines.push(`${indent}  connect ${qualified(c.to, targetNames)} <- ${qualified(c.from, names)}`);
  lines.push(...unitsAndDoc(m, `${indent}  `));
  return lines;
}

function unitsAndDoc(v: { units?: string; doc?: string }, indent: string): string[] {
  const lines: string[] = [];
  const units = v.units === undefined ? undefined : printUnits(v.units);
  if (units !== undefined) lines.push(`${indent}units ${units}`);
  if (v.doc !== undefined) lines.push(`${indent}doc ${quote(v.doc)}`);
  return lines;
}

/** The lines of one variable, at the given indentation; `names` is its model's `nameBook`. */
export function variableLines(v: Variable, project: Project, names: NameBook, indent: string): string[] {
  const xmile = textIsXmile(project);
  if (v.kind === 'module') return moduleLines(v, project, names, indent);
  const dims = v.dimensions && v.dimensions.length > 0 ? `[${v.dimensions.map(printName).join(', ')}]` : '';
  const lines = [`${indent}${keywordOf(v)} ${printName(v.name)}${dims}${formulaSuffix(v.equation, xmile)}`];
  const inner = `${indent}  `;
  if (v.kind === 'stock') {
    if (v.inflows.length > 0) lines.push(`${inner}inflow ${v.inflows.map(names).join(', ')}`);
    if (v.outflows.length > 0) lines.push(`${inner}outflow ${v.outflows.map(names).join(', ')}`);
    if (v.nonNegative) lines.push(`${inner}non_negative`);
    if (v.queue) lines.push(`${inner}queue`);
    if (v.conveyor) lines.push(...conveyorLines(v.conveyor, names, inner, xmile));
  }
  if (v.kind === 'flow' && v.nonNegative) lines.push(`${inner}uniflow`);
  if (v.hidden) lines.push(`${inner}hidden`);
  lines.push(...dataLines(v, inner));
  if (v.access) lines.push(`${inner}access ${v.access}`);
  if (v.initialEquation) lines.push(`${inner}init${formulaSuffix(v.initialEquation, xmile) || ' = 0'}`);
  if (v.kind === 'stock' && v.netFlow) lines.push(`${inner}net_flow${formulaSuffix(v.netFlow, xmile) || ' = 0'}`);
  if (v.gf) lines.push(...graphLines(v.gf, inner));
  for (const e of v.elements ?? []) if (!isDataElement(v, e)) lines.push(...elementLines(e, inner, xmile));
  lines.push(...unitsAndDoc(v, inner));
  return lines;
}
