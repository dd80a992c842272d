import { describe, expect, test } from 'vitest';
import type { Expr, Project, Variable } from '@sluice/ir';
import { decodeMdl, importVensim, VENSIM_NA } from './index.js';

const CONTROL = `
********************************************************
\t.Control
********************************************************~
\t\tSimulation Control Parameters
\t|

FINAL TIME  = 10
\t~\tMonth
\t~\tThe final time for the simulation.
\t|

INITIAL TIME  = 0
\t~\tMonth
\t~\tThe initial time for the simulation.
\t|

SAVEPER  = 
        TIME STEP
\t~\tMonth [0,?]
\t~\tThe frequency with which output is stored.
\t|

TIME STEP  = 0.5
\t~\tMonth [0,?]
\t~\tThe time step for the simulation.
\t|
`;

function load(body: string): Project {
  const r = importVensim(`{UTF-8}\n${body}\n${CONTROL}`, { file: 'm.mdl' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.column} ${d.message}`).join('\n'));
  return r.value;
}

function variable(p: Project, ident: string): Variable {
  const v = p.models[0]?.variables.find((x) => x.ident === ident);
  if (!v) throw new Error(`no variable ${ident}`);
  return v;
}

/** An expression without locations, to compare shapes. */
function shape(e: Expr | null | undefined): unknown {
  return JSON.parse(JSON.stringify(e ?? null, (k, v: unknown) => (k === 'loc' ? undefined : v)));
}

const num = (value: number) => ({ kind: 'number', value });
const ref = (name: string, display = name) => ({ kind: 'var', name, display });
const at = (name: string, display: string, ...elements: string[]) => ({
  ...ref(name, display),
  subscripts: elements.map((e) => ({ kind: 'index', expr: ref(e.toLowerCase().replace(/ /g, '_'), e) })),
});

describe('entries', () => {
  test('an auxiliary keeps its display name, units, range and comment', () => {
    const p = load('Room Temperature = 70\n\t~\tDegrees [0,100,1]\n\t~\tThe room.\n\t|');
    const v = variable(p, 'room_temperature');
    expect(v).toMatchObject({ kind: 'aux', name: 'Room Temperature', units: 'Degrees', doc: 'The room.', extra: { range: { min: 0, max: 100, step: 1 } } });
    expect(v.loc).toEqual({ file: 'm.mdl', line: 2, column: 1, endLine: 2, endColumn: 17 });
    expect(v.equation?.text).toBe('70');
    expect(v.equation?.loc).toMatchObject({ line: 2, column: 20 });
  });

  test('INTEG makes a stock with its rate and initial value as written', () => {
    const p = load('Teacup = INTEG(-cooling\\\n\t\t, 180)\n\t~\tDegrees\n\t~\t|\ncooling = 1 ~~|');
    const v = variable(p, 'teacup');
    expect(v.kind).toBe('stock');
    if (v.kind !== 'stock') return;
    expect(v.netFlow?.text).toBe('-cooling');
    expect(shape(v.netFlow?.expr)).toEqual({ kind: 'unary', op: '-', operand: ref('cooling') });
    expect(v.equation?.text).toBe('180');
    expect(v).toMatchObject({ inflows: [], outflows: [], nonNegative: false });
  });

  test('ACTIVE INITIAL gives an equation and a separate initial equation', () => {
    const p = load('x = ACTIVE INITIAL(y * 2, 5) ~~|\ny = 1 ~~|');
    const v = variable(p, 'x');
    expect(v.equation?.text).toBe('y * 2');
    expect(v.initialEquation?.text).toBe('5');
    expect(shape(v.initialEquation?.expr)).toEqual(num(5));
  });

  test('a lookup definition becomes a graphical function; calling it by name stays a call', () => {
    const p = load('effect( [(0,0)-(2,10)], (0,1), (1,2), (2, 8) ) ~~|\ny = effect(Time) ~~|');
    expect(variable(p, 'effect').gf).toEqual({ type: 'continuous', xs: [0, 1, 2], ys: [1, 2, 8], xScale: { min: 0, max: 2 }, yScale: { min: 0, max: 10 } });
    expect(variable(p, 'effect').equation).toBeUndefined();
    expect(shape(variable(p, 'y').equation?.expr)).toEqual({ kind: 'call', fn: 'EFFECT', display: 'effect', args: [ref('time', 'Time')] });
  });

  test('a lookup without a range, and one in the x-list-then-y-list form', () => {
    const p = load('a( (0,1), (5,2) ) ~~|\nb( 0, 5, 1, 2 ) ~~|');
    expect(variable(p, 'a').gf).toEqual({ type: 'continuous', xs: [0, 5], ys: [1, 2] });
    expect(variable(p, 'b').gf).toEqual({ type: 'continuous', xs: [0, 5], ys: [1, 2] });
  });

  test('WITH LOOKUP at the top of an equation is a graphical function of its input', () => {
    const p = load('y = WITH LOOKUP(Time, ([(0,0)-(10,1)], (0,0), (10,1))) ~~|');
    const v = variable(p, 'y');
    expect(v.equation?.text).toBe('Time');
    expect(v.gf).toEqual({ type: 'continuous', xs: [0, 10], ys: [0, 1], xScale: { min: 0, max: 10 }, yScale: { min: 0, max: 1 } });
  });

  test('a WITH LOOKUP inside an expression keeps its table as a TableLiteral', () => {
    const p = load('y = 2 * WITH LOOKUP(Time, ((0,0),(1,1))) ~~|');
    expect(shape(variable(p, 'y').equation?.expr)).toEqual({
      kind: 'binary',
      op: '*',
      left: num(2),
      right: { kind: 'call', fn: 'WITH_LOOKUP', display: 'WITH LOOKUP', args: [ref('time', 'Time'), { kind: 'table', table: { type: 'continuous', xs: [0, 1], ys: [0, 1] } }] },
    });
  });

  test('sketch, groups, encoding and CR line endings', () => {
    const text = '{UTF-8}\rx = 1 ~~|\r********\r\t.Mine\r********~\r\t|\ry = 2 ~~|\r\\\\\\---/// Sketch information\rV300\r';
    const r = importVensim(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.value.models[0];
    expect(m?.views).toBe('\\\\\\---/// Sketch information\rV300\r');
    expect(m?.groups).toEqual([{ name: 'Mine', variables: ['y'] }]);
    expect(m?.variables.find((v) => v.ident === 'y')?.loc?.line).toBe(7);
    expect(r.value.extra).toEqual({ encoding: 'UTF-8' });
  });

  test('unit equivalents from the settings block after the sketch', () => {
    const r = importVensim('x = 1 ~~|\n\\\\\\---/// Sketch information\nV300\n///---\\\\\\\n:L<%^E!@\n1:Current.vdf\n22:$,Dollar,Dollars,$s\n22:Day,Days\n15:0,0,0,0,0,0\n');
    expect(r.ok && r.value.units).toEqual([
      { name: '$', aliases: ['Dollar', 'Dollars', '$s'] },
      { name: 'Day', aliases: ['Days'] },
    ]);
  });
});

describe('expressions', () => {
  const expr = (rhs: string): unknown => shape(variable(load(`x = ${rhs} ~~|`), 'x').equation?.expr);

  test('unary minus binds looser than ^: -2^2 is -(2^2)', () => {
    expect(expr('-2^2')).toEqual({ kind: 'unary', op: '-', operand: { kind: 'binary', op: '^', left: num(2), right: num(2) } });
  });

  test('logical operators, = and <>', () => {
    expect(expr('a = 1 :AND: :NOT: b <> 2 :OR: c')).toEqual({
      kind: 'binary',
      op: 'or',
      left: {
        kind: 'binary',
        op: 'and',
        left: { kind: 'binary', op: '=', left: ref('a'), right: num(1) },
        right: { kind: 'unary', op: 'not', operand: { kind: 'binary', op: '<>', left: ref('b'), right: num(2) } },
      },
      right: ref('c'),
    });
  });

  test('function names with spaces, quoted names and numbers with exponents', () => {
    expect(expr('IF THEN ELSE("a \\"b\\" c" > 1.5e-3, Time, 0)')).toEqual({
      kind: 'call',
      fn: 'IF_THEN_ELSE',
      display: 'IF THEN ELSE',
      args: [{ kind: 'binary', op: '>', left: ref('a_"b"_c', 'a "b" c'), right: num(0.0015) }, ref('time', 'Time'), num(0)],
    });
  });

  test(':NOT: takes in a comparison but not an :AND:; ^ groups left to right; a prefix after an operator', () => {
    expect(expr(':NOT: a = b :AND: c')).toEqual({
      kind: 'binary',
      op: 'and',
      left: { kind: 'unary', op: 'not', operand: { kind: 'binary', op: '=', left: ref('a'), right: ref('b') } },
      right: ref('c'),
    });
    expect(expr('2^3^2')).toEqual({ kind: 'binary', op: '^', left: { kind: 'binary', op: '^', left: num(2), right: num(3) }, right: num(2) });
    expect(expr('a - -b * c')).toEqual({
      kind: 'binary',
      op: '-',
      left: ref('a'),
      right: { kind: 'binary', op: '*', left: { kind: 'unary', op: '-', operand: ref('b') }, right: ref('c') },
    });
    expect(expr('1 + 2 * 3 > 4 :OR: x')).toEqual({
      kind: 'binary',
      op: 'or',
      left: { kind: 'binary', op: '>', left: { kind: 'binary', op: '+', left: num(1), right: { kind: 'binary', op: '*', left: num(2), right: num(3) } }, right: num(4) },
      right: ref('x'),
    });
  });

  test('a name broken over lines by a backslash continuation is one name', () => {
    expect(expr('Birth\\\n\t\tRate * 2')).toEqual({ kind: 'binary', op: '*', left: ref('birth_rate', 'Birth Rate'), right: num(2) });
  });

  test(':NA: is the number Vensim uses for missing values', () => {
    expect(expr(':NA:')).toEqual(num(VENSIM_NA));
  });

  test('a dimension with ! sums over it', () => {
    expect(expr('SUM(y[dim!])')).toEqual({
      kind: 'call',
      fn: 'SUM',
      display: 'SUM',
      args: [{ ...ref('y'), subscripts: [{ kind: 'wildcard', dimension: 'dim' }] }],
    });
  });

  test('names keep inner words: spaces and underscores are the same name', () => {
    expect(expr('Birth_Rate  *  total population')).toEqual({ kind: 'binary', op: '*', left: ref('birth_rate', 'Birth_Rate'), right: ref('total_population', 'total population') });
  });
});

describe('control section', () => {
  test('control variables set the run and stay variables', () => {
    const p = load('x = 1 ~~|');
    expect(p.simSpecs).toMatchObject({ start: 0, stop: 10, dt: 0.5, saveStep: 0.5, method: 'euler', timeUnits: 'Month' });
    expect(p.simSpecs.equations?.saveStep?.text).toBe('TIME STEP');
    expect(p.simSpecs.equations?.dt).toBeUndefined();
    expect(variable(p, 'time_step').equation?.text).toBe('0.5');
    expect(p.dialect).toBe('vensim');
    expect(p.name).toBe('m');
    expect(p.source).toEqual({ format: 'mdl', vendor: 'Ventana Systems', product: 'Vensim', file: 'm.mdl' });
    expect(p.models[0]?.groups).toEqual([{ name: 'Control', variables: ['final_time', 'initial_time', 'saveper', 'time_step'] }]);
  });
});

describe('macros', () => {
  test('a macro becomes a Macro with its parameters, outputs and own variables', () => {
    const p = load(':MACRO: EXPRESSION MACRO(input, parameter : extra out)\nEXPRESSION MACRO = input * parameter ~~|\nextra out = 2 ~~|\n:END OF MACRO:\ny = EXPRESSION MACRO(3, 4) ~~|');
    expect(p.macros).toHaveLength(1);
    const m = p.macros[0]!;
    expect(m).toMatchObject({ name: 'EXPRESSION MACRO', ident: 'expression_macro', parameters: ['input', 'parameter'], outputs: ['extra_out'] });
    expect(m.variables.map((v) => v.ident)).toEqual(['expression_macro', 'extra_out']);
    expect(m.equation?.text).toBe('input * parameter');
    expect(p.models[0]?.variables.map((v) => v.ident)).not.toContain('extra_out');
  });
});

describe('subscripts', () => {
  test('ranges: listed, numbered, subranges, mappings and equivalences', () => {
    const p = load('A: a1, a2, a3 -> B ~~|\nB: (b1-b3) ~~|\nsub: a2, a3 ~~|\nC <-> A ~~|\nD: sub, x ~~|\nE: e1, e2 -> (B: b3, b1) ~~|');
    const dim = (ident: string) => p.dimensions.find((d) => d.ident === ident);
    expect(dim('a')).toMatchObject({ name: 'A', elements: ['a1', 'a2', 'a3'], mappings: [{ to: 'b' }] });
    expect(dim('b')?.elements).toEqual(['b1', 'b2', 'b3']);
    expect(dim('sub')).toMatchObject({ elements: ['a2', 'a3'], parent: 'a' });
    expect(dim('c')).toMatchObject({ elements: ['a1', 'a2', 'a3'], aliasOf: 'a' });
    expect(dim('d')?.elements).toEqual(['a2', 'a3', 'x']);
    expect(dim('e')?.mappings).toEqual([{ to: 'b', elements: ['b3', 'b1'] }]);
  });

  test('an equation over whole ranges stays apply-to-all', () => {
    const p = load('A: a1, a2 ~~|\nB: b1, b2 ~~|\ny[A, B] = x[B, A] + z[A] ~~|');
    const v = variable(p, 'y');
    expect(v.dimensions).toEqual(['A', 'B']);
    expect(v.elements).toBeUndefined();
    expect(v.equation?.text).toBe('x[B, A] + z[A]');
  });

  test('lists of numbers fill elements row by row', () => {
    const p = load('A: a1, a2, a3 ~~|\nB: b1, b2 ~~|\nv[A, B] = 1, 2; 3, 4; 5, 6; ~~|');
    const v = variable(p, 'v');
    expect(v.dimensions).toEqual(['A', 'B']);
    expect(v.elements?.map((e) => [e.subscripts.join(','), shape(e.equation.expr)])).toEqual([
      ['a1,b1', num(1)],
      ['a1,b2', num(2)],
      ['a2,b1', num(3)],
      ['a2,b2', num(4)],
      ['a3,b1', num(5)],
      ['a3,b2', num(6)],
    ]);
  });

  test('TABBED ARRAY is a list separated by blanks', () => {
    const p = load('A: a1, a2 ~~|\nv[A] = TABBED ARRAY(\n\t1\t-2.5\n) ~~|');
    expect(variable(p, 'v').elements?.map((e) => shape(e.equation.expr))).toEqual([num(1), num(-2.5)]);
  });

  test('partial definitions over a subrange resolve mapped ranges element by element', () => {
    const p = load(
      'AGE: INFANT, CHILD, TEEN ~~|\nOLDER: CHILD, TEEN ~~|\nPREVIOUS: INFANT, CHILD -> OLDER ~~|\n' +
        'pop[INFANT] = INTEG(births - aging[INFANT], 10) ~~|\n' +
        'pop[OLDER] = INTEG(aging[PREVIOUS] - aging[OLDER], init[OLDER]) ~~|\n' +
        'births = 1 ~~|\naging[AGE] = 1 ~~|\ninit[AGE] = 5 ~~|',
    );
    const v = variable(p, 'pop');
    expect(v.kind).toBe('stock');
    expect(v.dimensions).toEqual(['AGE']);
    expect(v.elements?.map((e) => e.subscripts[0])).toEqual(['INFANT', 'CHILD', 'TEEN']);
    const teen = v.elements?.[2];
    expect(teen?.netFlow?.text).toBe('aging[PREVIOUS] - aging[OLDER]');
    expect(shape(teen?.netFlow?.expr)).toEqual({ kind: 'binary', op: '-', left: at('aging', 'aging', 'CHILD'), right: at('aging', 'aging', 'TEEN') });
    expect(shape(teen?.equation.expr)).toEqual(at('init', 'init', 'TEEN'));
  });

  test('a mapped range on the right of an apply-to-all equation is resolved per element', () => {
    const p = load('SKILL: m, a -> PRODUCT ~~|\nPRODUCT: parts, systems ~~|\nflow[PRODUCT] = force[SKILL] ~~|\nforce[SKILL] = 5, 10 ~~|');
    const v = variable(p, 'flow');
    expect(v.dimensions).toEqual(['PRODUCT']);
    expect(v.elements?.map((e) => [e.subscripts[0], shape(e.equation.expr)])).toEqual([
      ['parts', at('force', 'force', 'm')],
      ['systems', at('force', 'force', 'a')],
    ]);
  });

  test(':EXCEPT: leaves out the listed elements for their own equations', () => {
    const p = load('S: s1, s2 ~~|\nP: p1, p2 ~~|\nx[S, P] :EXCEPT: [s2, p2] = y[S, P] ~~|\nx[s2, p2] = 0 ~~|\ny[S, P] = 1 ~~|');
    const v = variable(p, 'x');
    expect(v.dimensions).toEqual(['S', 'P']);
    expect(v.elements?.map((e) => [e.subscripts.join(','), shape(e.equation.expr)])).toEqual([
      ['s1,p1', at('y', 'y', 's1', 'p1')],
      ['s1,p2', at('y', 'y', 's1', 'p2')],
      ['s2,p1', at('y', 'y', 's2', 'p1')],
      ['s2,p2', num(0)],
    ]);
  });

  test('ELMCOUNT of a range is its number of elements', () => {
    const p = load('A: (a1-a30) ~~|\nn = ELMCOUNT(A) * 2 ~~|');
    expect(shape(variable(p, 'n').equation?.expr)).toEqual({ kind: 'binary', op: '*', left: num(30), right: num(2) });
    expect(variable(p, 'n').equation?.text).toBe('ELMCOUNT(A) * 2');
    const s = variable(load('A: a1, a2 ~~|\ns = INTEG(ELMCOUNT(A), 1) ~~|'), 's');
    expect(s.kind === 'stock' && s.netFlow).toMatchObject({ text: 'ELMCOUNT(A)', expr: { kind: 'number', value: 2 } });
  });

  test('a subscripted lookup called with subscripts becomes LOOKUP(table[...], x)', () => {
    const p = load('A: a1, a2 ~~|\ntbl[A]( (0,0), (1,1) ) ~~|\ny[A] = tbl[A](Time) ~~|');
    expect(variable(p, 'tbl')).toMatchObject({ dimensions: ['A'], gf: { xs: [0, 1], ys: [0, 1] } });
    expect(shape(variable(p, 'y').equation?.expr)).toEqual({ kind: 'call', fn: 'LOOKUP', display: 'tbl', args: [at('tbl', 'tbl', 'A'), ref('time', 'Time')] });
  });
});

describe('data', () => {
  test('data variables and data equations are marked; file arguments go to extra', () => {
    const p = load("d :INTERPOLATE: ~~|\nc := GET DIRECT CONSTANTS('data.csv', ',', 'B2') ~~|");
    expect(variable(p, 'd').extra).toEqual({ data: { method: 'INTERPOLATE' } });
    const c = variable(p, 'c');
    expect(c.extra).toEqual({ dataEquation: true, dataSources: [{ function: 'GET DIRECT CONSTANTS', arguments: ['data.csv', ',', 'B2'], subscripts: [] }] });
    expect(shape(c.equation?.expr)).toEqual({ kind: 'call', fn: 'GET_DIRECT_CONSTANTS', display: 'GET DIRECT CONSTANTS', args: [] });
  });
});

describe('errors', () => {
  const problems = (text: string, maxBytes?: number) => {
    const r = importVensim(text, { file: 'bad.mdl', ...(maxBytes !== undefined ? { maxBytes } : {}) });
    return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.loc?.line, d.loc?.column, d.message]);
  };

  test('??? is refused where it stands', () => {
    expect(problems('{UTF-8}\nx = 1 ~~|\ny = ??? + 1 ~~|')).toEqual([['missing-equation', 3, 5, 'the equation is unfinished (Vensim writes `???` for a missing part)']]);
  });

  test('a syntax error names the token and its place', () => {
    expect(problems('x = 1 ~~|\ny = (2 + ~~|')).toEqual([['syntax', 2, 9, "the equation ends too soon; expected a number, a name or '('"]]);
    expect(problems('x = 1 +* 2 ~~|')).toEqual([['syntax', 1, 8, "unexpected '*'; expected a number, a name or '('"]]);
    expect(problems('x = IF THEN ELSE(a, b ~~|')).toEqual([['syntax', 1, 22, "the equation ends too soon; expected ')'"]]);
    expect(problems('x = 1 2 ~~|')).toEqual([['syntax', 1, 7, "unexpected '2'; expected an operator or the end of the equation"]]);
    expect(problems('x = y[ ] ~~|')).toEqual([['syntax', 1, 8, "unexpected ']'; expected a subscript name"]]);
  });

  test('a variable without an equation, and an unknown subscript', () => {
    expect(problems('x ~~|')).toContainEqual(['missing-equation', 1, 1, 'x has no equation']);
    expect(problems('y[nowhere] = 1 ~~|\nz[a1] = 1 ~~|\nA: a1, a2 ~~|')).toEqual([
      ['unknown-subscript', 1, 3, 'nowhere is neither a subscript range nor an element of one'],
    ]);
  });

  test('inputs over the size limit are refused before reading', () => {
    expect(problems('x = 1 ~~|', 4)).toEqual([['too-large', 1, 1, 'the model is larger than the limit of 4 bytes']]);
  });

  test('a list with the wrong number of values', () => {
    expect(problems('A: a1, a2 ~~|\nv[A] = 1, 2, 3 ~~|')).toEqual([['subscript-count', 2, 8, 'v covers 2 elements but is given 3 values']]);
  });
});

describe('bytes', () => {
  test('UTF-8 with or without a byte-order mark, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeMdl(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xe2, 0x82, 0xac]))).toBe('{€');
    expect(decodeMdl(new Uint8Array([0x61, 0xe9, 0x80]))).toBe('aé€');
  });
});

describe('more definitions', () => {
  test('== is an unchangeable constant; a lookup read from a file keeps its source', () => {
    const p = load("k == 3 ~~|\nA: a1, a2 ~~|\ntbl[A]( GET XLS LOOKUPS('in.xls', 'Sheet1', '1', 'B2') ) ~~|");
    expect(variable(p, 'k').extra).toEqual({ unchangeable: true });
    const t = variable(p, 'tbl');
    expect(t.dimensions).toEqual(['A']);
    expect(t.extra).toEqual({ dataSources: [{ function: 'GET XLS LOOKUPS', arguments: ['in.xls', 'Sheet1', '1', 'B2'], subscripts: ['A'] }] });
    expect(shape(t.equation?.expr)).toEqual({ kind: 'call', fn: 'GET_XLS_LOOKUPS', display: 'GET XLS LOOKUPS', args: [] });
  });

  test('lookups defined element by element', () => {
    const p = load('A: a1, a2 ~~|\ntbl[a1]( (0,0), (1,1) ) ~~|\ntbl[a2]( (0,5), (1,6) ) ~~|');
    const t = variable(p, 'tbl');
    expect(t.dimensions).toEqual(['A']);
    expect(t.elements?.map((e) => [e.subscripts[0], e.gf?.ys, e.equation.text])).toEqual([
      ['a1', [0, 1], ''],
      ['a2', [5, 6], ''],
    ]);
  });

  test('an equivalent range on the left keeps its name', () => {
    const p = load('A: a1, a2 ~~|\nB <-> A ~~|\nm[A, B] = 1, 2; 3, 4; ~~|');
    expect(variable(p, 'm').dimensions).toEqual(['A', 'B']);
    expect(variable(p, 'm').elements?.map((e) => e.subscripts.join(','))).toEqual(['a1,a1', 'a1,a2', 'a2,a1', 'a2,a2']);
  });
});
