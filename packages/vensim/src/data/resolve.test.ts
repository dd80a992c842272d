import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Project, Variable } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { importVensim, resolveVensimData, type ReadOutcome } from '../index.js';

let dir = '';

/** A workbook written by SheetJS itself: sheets as rows of cells, and defined names. */
function workbook(file: string, sheets: Record<string, (number | string | null)[][]>, names: { Name: string; Ref: string; Sheet?: number }[] = [], bookType: 'xlsx' | 'biff8' = 'xlsx'): void {
  const wb = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), name);
  if (names.length > 0) wb.Workbook = { Names: names };
  writeFileSync(join(dir, file), write(wb, { type: 'buffer', bookType }) as Buffer);
}

function readFile(path: string, maxBytes: number): ReadOutcome {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { ok: false, reason: 'too-large', size };
    return { ok: true, bytes: new Uint8Array(readFileSync(path)) };
  } catch {
    return { ok: false, reason: 'missing' };
  }
}

function imported(body: string): Project {
  const r = importVensim(`{UTF-8}\n${body}\nINITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`, { file: 'm.mdl' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

function resolved(body: string, options: { allowOutside?: string[]; maxBytes?: number; modelDir?: string } = {}): Project {
  const r = resolveVensimData(imported(body), { modelDir: options.modelDir ?? dir, readFile, ...options });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

/** [code, line, column, message] of each error. */
function problems(body: string, options: { allowOutside?: string[]; maxBytes?: number; modelDir?: string } = {}): (string | number | undefined)[][] {
  const r = resolveVensimData(imported(body), { modelDir: options.modelDir ?? dir, readFile, ...options });
  return r.ok ? [] : r.diagnostics.map((d) => [d.code, d.loc?.line, d.loc?.column, d.message]);
}

function variable(p: Project, ident: string): Variable {
  const v = p.models[0]?.variables.find((x) => x.ident === ident);
  if (!v) throw new Error(`no ${ident}`);
  return v;
}

/** Each element's subscripts and the number its equation now is. */
const numbers = (v: Variable): [string, number | undefined][] =>
  (v.elements ?? []).map((e) => [e.subscripts.join(','), e.equation.expr?.kind === 'number' ? e.equation.expr.value : undefined]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-data-'));
  workbook('in.xlsx', {
    Sheet1: [
      ['name', 1, 2, 3],
      ['row', 4, 5, 6],
      [null, 7, 8, 9],
      [null, 'text', null, null],
    ],
    Series: [
      [null, 'time', 0, 2, 4],
      ['A', 'r1', 10, 20, 30],
      ['A', 'r2', 1, null, 5],
      [],
      ['t', 'down a', 'down b'],
      [0, 100, 200],
      [4, 140, 240],
    ],
  }, [
    { Name: 'block', Ref: 'Sheet1!$B$1:$D$2' },
    { Name: 'times', Ref: 'Series!$C$1:$E$1' },
    { Name: 'values', Ref: 'Series!$C$2:$E$3' },
    { Name: 'local', Ref: 'Sheet1!$B$3', Sheet: 0 },
    { Name: 'local', Ref: 'Sheet1!$D$3', Sheet: 1 },
  ]);
  mkdirSync(join(dir, 'sub folder'));
  workbook('sub folder/my data.xlsx', { 'தாள்': [[null, 11, 12]] });
  workbook('old.xls', { Sheet1: [[null, null], [null, 42]] }, [], 'biff8');
  writeFileSync(join(dir, 'series.csv'), 'time,a,b\n0,1,2\n10,3,"4"\n');
  writeFileSync(join(dir, 'across.tab'), 'time\t0\t5\nx\t1\t2\n');
  writeFileSync(join(dir, 'big.csv'), '1,2,3,4,5,6,7,8,9\n');
});

describe('GET XLS CONSTANTS and GET DIRECT CONSTANTS', () => {
  test('a scalar reads one cell; a single range runs across a row; a * runs it down a column', () => {
    const p = resolved(`A: a1, a2, a3 ~~|
k = GET XLS CONSTANTS('in.xlsx', 'Sheet1', 'C2') ~~|
across[A] = GET XLS CONSTANTS('in.xlsx', 'Sheet1', 'B1') ~~|
down[A] = GET DIRECT CONSTANTS('in.xlsx', 'Sheet1', 'B1*') ~~|`);
    expect(variable(p, 'k').equation).toMatchObject({ text: '5', expr: { kind: 'number', value: 5 } });
    expect(numbers(variable(p, 'across'))).toEqual([['a1', 1], ['a2', 2], ['a3', 3]]);
    expect(numbers(variable(p, 'down'))).toEqual([['a1', 1], ['a2', 4], ['a3', 7]]);
  });

  test('two ranges: the first down the rows, the second across; * swaps them; one-element ranges drop out', () => {
    const p = resolved(`A: a1, a2 ~~|
B: b1, b2, b3 ~~|
m[A, B] = GET XLS CONSTANTS('in.xlsx', 'Sheet1', 'B1') ~~|
t[A, B] = GET XLS CONSTANTS('in.xlsx', 'Sheet1', 'B1*') ~~|
one[a2, B] = GET XLS CONSTANTS('in.xlsx', 'Sheet1', 'C1*') ~~|
one[a1, B] = 0 ~~|`);
    expect(numbers(variable(p, 'm'))).toEqual([['a1,b1', 1], ['a1,b2', 2], ['a1,b3', 3], ['a2,b1', 4], ['a2,b2', 5], ['a2,b3', 6]]);
    expect(numbers(variable(p, 't'))).toEqual([['a1,b1', 1], ['a1,b2', 4], ['a1,b3', 7], ['a2,b1', 2], ['a2,b2', 5], ['a2,b3', 8]]);
    expect(numbers(variable(p, 'one'))).toEqual([['a2,b1', 2], ['a2,b2', 5], ['a2,b3', 8], ['a1,b1', 0], ['a1,b2', 0], ['a1,b3', 0]]);
  });

  test('subranges, element-by-element definitions and named ranges (a sheet\'s own name before the workbook\'s)', () => {
    const p = resolved(`A: a1, a2, a3 ~~|
Sub: a2, a3 ~~|
s[a1] = 0 ~~|
s[Sub] = GET DIRECT CONSTANTS('in.xlsx', 'Sheet1', 'block') ~~|
e[a1] = GET DIRECT CONSTANTS('in.xlsx', 'Sheet1', 'local') ~~|
e[a2] = GET DIRECT CONSTANTS('in.xlsx', 'Series', 'local') ~~|
e[a3] = GET DIRECT CONSTANTS('in.xlsx', 'Series', 'BLOCK') ~~|`);
    expect(numbers(variable(p, 's'))).toEqual([['a1', 0], ['a2', 1], ['a3', 2]]);
    expect(numbers(variable(p, 'e'))).toEqual([['a1', 7], ['a2', 9], ['a3', 1]]);
  });

  test('a Tamil sheet name, a file name with spaces in a subfolder, an .xls file and a CSV', () => {
    const p = resolved(`A: a1, a2 ~~|
u[A] = GET XLS CONSTANTS('sub folder/my data.xlsx', 'தாள்', 'B1') ~~|
w = GET XLS CONSTANTS('sub folder\\my data.xlsx', 'தாள்', 'C1') ~~|
x = GET XLS CONSTANTS('old.xls', 'Sheet1', 'B2') ~~|
c[A] = GET DIRECT CONSTANTS('series.csv', ',', 'B3') ~~|`);
    expect(numbers(variable(p, 'u'))).toEqual([['a1', 11], ['a2', 12]]);
    expect(variable(p, 'w').equation?.text).toBe('12');
    expect(variable(p, 'x').equation?.text).toBe('42');
    expect(numbers(variable(p, 'c'))).toEqual([['a1', 3], ['a2', 4]]);
  });
});

describe('GET XLS DATA and GET DIRECT DATA', () => {
  test('times across a row: one row per element, blanks are points without data, interpolated by default', () => {
    const p = resolved(`R: r1, r2 ~~|
d[R] := GET XLS DATA('in.xlsx', 'Series', '1', 'C2') ~~|
h[R] :HOLD BACKWARD: := GET XLS DATA('in.xlsx', 'Series', '1', 'C2') ~~|`);
    expect(variable(p, 'd').elements?.map((e) => [e.subscripts[0], e.equation.text, e.gf])).toEqual([
      ['r1', 'Time', { type: 'continuous', xs: [0, 2, 4], ys: [10, 20, 30] }],
      ['r2', 'Time', { type: 'continuous', xs: [0, 4], ys: [1, 5] }],
    ]);
    expect(variable(p, 'h').elements?.map((e) => e.gf?.type)).toEqual(['discrete', 'discrete']);
  });

  test('times down a column, from a text file with a separator, and from named ranges', () => {
    const p = resolved(`C: ca, cb ~~|
down[C] := GET DIRECT DATA('in.xlsx', 'Series', 'A', 'B6') ~~|
csv := GET DIRECT DATA('series.csv', ',', 'A', 'C2') ~~|
tab := GET DIRECT DATA('across.tab', '\\t', '1', 'B2') ~~|
named[C] := GET DIRECT DATA('in.xlsx', 'Series', 'times', 'values') ~~|`);
    expect(variable(p, 'down').elements?.map((e) => e.gf)).toEqual([
      { type: 'continuous', xs: [0, 4], ys: [100, 140] },
      { type: 'continuous', xs: [0, 4], ys: [200, 240] },
    ]);
    expect(variable(p, 'csv')).toMatchObject({ equation: { text: 'Time' }, gf: { xs: [0, 10], ys: [2, 4] } });
    expect(variable(p, 'tab').gf).toEqual({ type: 'continuous', xs: [0, 5], ys: [1, 2] });
    expect(variable(p, 'named').elements?.map((e) => e.gf?.ys)).toEqual([[10, 20, 30], [1, 5]]);
  });

  test('a data variable runs through the compiler: linear between points, held past the last', () => {
    const p = resolved(`d := GET XLS DATA('in.xlsx', 'Series', '1', 'C2') ~~|\nout = d * 2 ~~|`);
    const c = compile(p);
    if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
    const r = simulate(c.value, {});
    if (!r.ok) throw new Error('run failed');
    expect([...(r.value.columns.find((col) => col.ident === 'out')?.values ?? [])]).toEqual([20, 30, 40, 50, 60]);
  });
});

describe('GET XLS LOOKUPS and GET DIRECT LOOKUPS', () => {
  test('a lookup becomes a graphical function; a subscripted one gets one per element', () => {
    const p = resolved(`R: r1, r2 ~~|
tbl( GET XLS LOOKUPS('in.xlsx', 'Series', '1', 'C2') ) ~~|
per[R] = GET DIRECT LOOKUPS('in.xlsx', 'Series', '1', 'C2') ~~|
part[r1] = GET DIRECT LOOKUPS('in.xlsx', 'Series', '1', 'C3') ~~|
part[r2]( (0, 0), (1, 1) ) ~~|`);
    const tbl = variable(p, 'tbl');
    expect(tbl.gf).toEqual({ type: 'continuous', xs: [0, 2, 4], ys: [10, 20, 30] });
    expect(tbl.equation).toBeUndefined();
    expect(variable(p, 'per').elements?.map((e) => [e.subscripts[0], e.equation.text, e.gf?.ys])).toEqual([
      ['r1', '', [10, 20, 30]],
      ['r2', '', [1, 5]],
    ]);
    expect(variable(p, 'part').elements?.map((e) => [e.subscripts[0], e.gf?.xs, e.gf?.ys])).toEqual([
      ['r1', [0, 4], [1, 5]],
      ['r2', [0, 1], [0, 1]],
    ]);
  });
});

describe('errors name the file, sheet or cell, at the equation', () => {
  test('a missing file, sheet, named range or number', () => {
    expect(problems("x = GET XLS CONSTANTS('nowhere.xlsx', 'Sheet1', 'A1') ~~|")).toEqual([
      ['data', 2, 5, "GET XLS CONSTANTS: data file 'nowhere.xlsx' not found"],
    ]);
    expect(problems("x = GET XLS CONSTANTS('in.xlsx', 'Sheet9', 'A1') ~~|")).toEqual([
      ['data', 2, 5, "GET XLS CONSTANTS: sheet 'Sheet9' not found in in.xlsx (its sheets: 'Sheet1', 'Series')"],
    ]);
    expect(problems("x = GET XLS CONSTANTS('in.xlsx', 'Sheet1', 'nothing') ~~|")).toEqual([
      ['data', 2, 5, "GET XLS CONSTANTS: no cell or named range 'nothing' in in.xlsx"],
    ]);
    expect(problems("A: a1, a2 ~~|\nx[A] = GET XLS CONSTANTS('in.xlsx', 'Sheet1', 'B4') ~~|")).toEqual([
      ['data', 3, 8, "GET XLS CONSTANTS: cell B4 of sheet 'Sheet1' in in.xlsx holds 'text', not a number"],
    ]);
    expect(problems("x := GET XLS DATA('in.xlsx', 'Sheet1', '9', 'B1') ~~|")).toEqual([
      ['data', 2, 6, "GET XLS DATA: no time values in row 9 of sheet 'Sheet1' in in.xlsx from B1"],
    ]);
  });

  test('files outside the model\'s folder are refused unless named explicitly; sizes are bounded', () => {
    const modelDir = join(dir, 'sub folder');
    const outside = "x = GET XLS CONSTANTS('../in.xlsx', 'Sheet1', 'C2') ~~|";
    expect(problems(outside, { modelDir })).toEqual([
      ['data', 2, 5, "GET XLS CONSTANTS: data file '../in.xlsx' is outside the model's folder; data files are read only from beneath it unless named on the command line (--data)"],
    ]);
    expect(problems(`x = GET XLS CONSTANTS('${join(dir, 'in.xlsx')}', 'Sheet1', 'C2') ~~|`, { modelDir })[0]?.[3]).toMatch(/is outside the model's folder/);
    expect(variable(resolved(outside, { modelDir, allowOutside: [join(dir, 'in.xlsx')] }), 'x').equation?.text).toBe('5');
    expect(problems("x = GET DIRECT CONSTANTS('big.csv', ',', 'A1') ~~|", { maxBytes: 10 })).toEqual([
      ['data', 2, 5, "GET DIRECT CONSTANTS: data file 'big.csv' is 18 bytes, over the limit of 10 bytes"],
    ]);
  });

  test('a file that is not a spreadsheet, and three ranges where a sheet holds two', () => {
    writeFileSync(join(dir, 'junk.xlsx'), 'PK\u0003\u0004 not really a zip');
    expect(problems("x = GET XLS CONSTANTS('junk.xlsx', 'Sheet1', 'A1') ~~|")[0]?.[3]).toMatch(/^GET XLS CONSTANTS: cannot read data file 'junk.xlsx' as a spreadsheet: /);
    expect(problems("A: a1, a2 ~~|\nB: b1, b2 ~~|\nC: c1, c2 ~~|\nx[A, B, C] = GET XLS CONSTANTS('in.xlsx', 'Sheet1', 'B1') ~~|")).toEqual([
      ['data', 5, 14, 'GET XLS CONSTANTS: a spreadsheet holds two subscript ranges at most (rows and columns); this definition spans 3'],
    ]);
  });
});
