import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalName, formatDiagnostic, type Comments, type Dimension, type Equation, type GraphicalFunction, type Project, type Variable } from '@sluice/ir';
import { parseEquation } from '../equation/parse.js';
import { parseSluice, printSluice } from './index.js';
import { withoutLocs } from './testing.js';

/**
 * For random small projects: the printed text parses without errors, gives back the same IR
 * (ignoring source locations), and printing that again gives the same text.
 */


/** Names of every kind: identifiers, keywords, and texts that need quoting and escapes. */
const nameArb = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/),
    fc.constantFrom('stock', 'units', 'end', 'Flow', 'début', 'Δt', 'a b', 'x"y', 'back\\slash', 'two\nlines', '#hash', '1st'),
    fc.string({ unit: fc.constantFrom('a', 'B', ' ', '_', '"', '\\', '-', '(', 'é', '1', '#', '\t'), minLength: 1, maxLength: 8 }),
  )
  .filter((s) => canonicalName(s) !== '' && canonicalName(s) !== '"');

/** Text for units and docs: anything on one line for units, anything at all for docs. */
const docArb = fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '\n', 'é', '#', '{', '}', '\t'), maxLength: 12 });
const unitsArb = fc.stringMatching(/^[a-z]+(\/[a-z]+)?( [a-z]+)?$/);

const numberArb = fc.integer({ min: -400, max: 400 }).map((n) => n / 4);

/** Formulas built from a small expression grammar, as a modeller would write them. */
const formulaArb: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.nat(1000).map(String),
    fc.constantFrom('TIME', 'a', 'b_c', '"x y"', 'DT'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '>'), tie('e')).map(([l, op, r]) => `${l} ${op} ${r}`),
    tie('e').map((x) => `(${x})`),
    fc.tuple(tie('e'), tie('e')).map(([x, y]) => `MAX(${x}, ${y})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, x, y]) => `IF ${c} THEN ${x} ELSE ${y}`),
  ),
})).e;

function equation(text: string): Equation {
  return { text, expr: parseEquation(text).expr };
}

const graphArb: fc.Arbitrary<GraphicalFunction> = fc
  .record({
    type: fc.constantFrom('continuous', 'extrapolate', 'discrete' as const),
    xs: fc.uniqueArray(numberArb, { minLength: 1, maxLength: 12 }).map((xs) => [...xs].sort((a, b) => a - b)),
    ys: fc.array(numberArb, { minLength: 12, maxLength: 12 }),
    yScale: fc.option(fc.constant({ min: 0, max: 10 }), { nil: undefined }),
  })
  .map(({ type, xs, ys, yScale }) => {
    const gf: GraphicalFunction = { type, xs, ys: ys.slice(0, xs.length) };
    if (yScale) gf.yScale = yScale;
    return gf;
  });

/** `#` comments as the lexer reads them: to the end of the line, trailing blanks trimmed. */
const commentArb = fc
  .string({ unit: fc.constantFrom('a', ' ', '#', '"', '{', '}', '\\', 'é', '=', '\t'), maxLength: 10 })
  .map((s) => `#${s}`.trimEnd());

/** Lines above a declaration: comments with single blank lines between them or after them (never first: see print-layout.ts). */
const beforeArb = fc
  .array(fc.tuple(commentArb, fc.boolean()), { minLength: 1, maxLength: 3 })
  .map((pairs) => pairs.flatMap(([c, blank]) => (blank ? [c, ''] : [c])));

function commentsArb(inside: boolean): fc.Arbitrary<Comments> {
  return fc
    .record({ before: beforeArb, trailing: commentArb, inside: fc.array(commentArb, { minLength: 1, maxLength: 2 }) }, { requiredKeys: [] })
    .map((c) => (inside ? c : { ...(c.before ? { before: c.before } : {}), ...(c.trailing ? { trailing: c.trailing } : {}) }))
    .filter((c) => Object.keys(c).length > 0);
}

interface Draft {
  kind: 'stock' | 'flow' | 'aux';
  name: string;
  formula: string | null;
  units?: string;
  doc?: string;
  gf?: GraphicalFunction;
  flag: boolean;
  arrayed: boolean;
  perElement: boolean;
  init?: string;
  conveyor: boolean;
  comments?: Comments;
}

const draftArb: fc.Arbitrary<Draft> = fc.record(
  {
    kind: fc.constantFrom('stock', 'flow', 'aux' as const),
    name: nameArb,
    formula: fc.option(formulaArb, { nil: null, freq: 8 }),
    units: unitsArb,
    doc: docArb,
    gf: graphArb,
    flag: fc.boolean(),
    arrayed: fc.boolean(),
    perElement: fc.boolean(),
    init: formulaArb,
    conveyor: fc.boolean(),
    comments: commentsArb(true),
  },
  { requiredKeys: ['kind', 'name', 'formula', 'flag', 'arrayed', 'perElement', 'conveyor'] },
);

const projectArb: fc.Arbitrary<Project> = fc
  .record({
    title: fc.option(nameArb, { nil: undefined }),
    start: fc.integer({ min: -10, max: 10 }),
    length: fc.integer({ min: 1, max: 100 }),
    dt: fc.constantFrom(1, 0.5, 0.25, 0.125),
    reciprocal: fc.boolean(),
    method: fc.constantFrom('euler', 'rk2', 'rk4' as const),
    timeUnits: fc.option(unitsArb, { nil: undefined }),
    elements: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 3, selector: canonicalName }),
    drafts: fc.uniqueArray(draftArb, { minLength: 1, maxLength: 7, selector: (d) => canonicalName(d.name) }).filter((ds) => !ds.some((d) => canonicalName(d.name) === 'sub')),
    loop: fc.boolean(),
    numbered: fc.integer({ min: 0, max: 3 }),
    withModule: fc.boolean(),
    withMacro: fc.boolean(),
    titleComments: fc.option(commentsArb(false), { nil: undefined }),
    simComments: fc.option(commentsArb(false), { nil: undefined }),
    loopComments: fc.option(commentsArb(false), { nil: undefined }),
    fileEnd: fc.option(fc.tuple(fc.boolean(), beforeArb), { nil: undefined }),
  })
  .map(({ title, start, length, dt, reciprocal, method, timeUnits, elements, drafts, loop, numbered, withModule, withMacro, titleComments, simComments, loopComments, fileEnd }) => {
    const dimension: Dimension = { name: 'Region', ident: 'region', elements };
    const flows = drafts.filter((d) => d.kind === 'flow').map((d) => canonicalName(d.name));
    const variables: Variable[] = drafts.map((d, i) => {
      const base: Variable = { kind: 'aux', name: d.name, ident: canonicalName(d.name) };
      const perElement = d.arrayed && d.perElement;
      if (d.formula !== null && !perElement) base.equation = equation(d.formula);
      if (perElement) base.elements = elements.map((e, k) => ({ subscripts: [e], equation: equation(String(k)) }));
      if (d.init !== undefined) base.initialEquation = equation(d.init);
      if (d.units !== undefined) base.units = d.units;
      if (d.doc !== undefined) base.doc = d.doc;
      if (d.gf !== undefined) base.gf = d.gf;
      if (d.arrayed) base.dimensions = ['Region'];
      // Comments inside a declaration stay inside only when it prints on several lines (its units line ensures that).
      const comments = d.comments && (d.units !== undefined ? d.comments : { ...d.comments, inside: undefined });
      if (comments?.before) base.comments = { ...base.comments, before: comments.before };
      if (comments?.trailing) base.comments = { ...base.comments, trailing: comments.trailing };
      if (comments?.inside) base.comments = { ...base.comments, inside: comments.inside };
      if (d.kind === 'stock') {
        const outflows = flows.filter((_, j) => (i + j) % 2 === 1);
        const stock: Variable = { ...base, kind: 'stock', inflows: flows.filter((_, j) => (i + j) % 2 === 0), outflows, nonNegative: d.flag };
        if (d.conveyor) {
          stock.conveyor = { transitTime: equation('5'), capacity: equation('10') };
          if (outflows[0] !== undefined) stock.conveyor.leaks = [{ flow: outflows[0], fraction: equation('0.1'), zoneStart: 0, zoneEnd: 1, linear: true }];
        }
        return stock;
      }
      if (d.kind === 'flow') return { ...base, kind: 'flow', nonNegative: d.flag };
      return base;
    });
    const project: Project = {
      dialect: 'xmile',
      source: { format: 'sluice' },
      simSpecs: { start, stop: start + length, dt, method },
      units: [],
      dimensions: [dimension],
      models: [{ variables }],
      macros: [],
    };
    if (reciprocal) project.simSpecs.dtReciprocal = true;
    if (timeUnits !== undefined) project.simSpecs.timeUnits = timeUnits;
    if (title !== undefined) project.name = title;
    if (loop) project.models[0]!.loops = [{ name: 'L1', variables: variables.map((v) => v.ident), ...(loopComments ? { comments: loopComments } : {}) }];
    if (simComments) project.simSpecs.comments = simComments;
    const main = project.models[0]!;
    if (titleComments) main.comments = titleComments;
    if (fileEnd) {
      // The last line of a file's comments is a comment: blank lines at the very end are not kept.
      const [blankFirst, lines] = fileEnd;
      const end = lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
      main.comments = { ...main.comments, end: blankFirst ? ['', ...end] : end };
    }
    if (numbered > 0) project.dimensions.push({ name: 'Cohort', ident: 'cohort', elements: Array.from({ length: numbered }, (_, k) => String(k + 1)), numbered: true });
    if (withModule) {
      project.models.push({ name: 'Sub Model', ident: 'sub_model', doc: 'inside', variables: [{ kind: 'aux', name: 'port', ident: 'port', access: 'input', equation: equation('0') }] });
      project.models[0]!.variables.push({ kind: 'module', name: 'sub', ident: 'sub', model: 'sub_model', connections: [{ from: variables[0]!.ident, to: 'port' }] });
    }
    if (withMacro) {
      project.macros.push({ name: 'ADD', ident: 'add', parameters: ['x', 'y'], equation: equation('x + y'), variables: [{ kind: 'aux', name: 'z', ident: 'z', equation: equation('x') }] });
    }
    return project;
  });

describe('printSluice and parseSluice', () => {
  it('round-trip random small projects', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const text = printSluice(project);
        const r = parseSluice(text);
        if (!r.ok) throw new Error(`${text}\n${r.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
        expect(withoutLocs(r.value)).toEqual(withoutLocs(project));
        expect(printSluice(r.value)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
