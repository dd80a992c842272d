import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnKey, compareWithExpected, readExpectedOutput, withinTolerance } from '@sluice/cli';

const tol = { rtol: 1e-5, atol: 1e-5 };

function result(times: number[], cols: Record<string, number[]>) {
  return {
    times: Float64Array.from(times),
    columns: Object.entries(cols).map(([name, v]) => ({ name, ident: name, values: Float64Array.from(v) })),
  };
}

function writeTemp(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-conf-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('the comparison rule of the suite', () => {
  it('passes a value within atol + rtol * |expected|', () => {
    expect(withinTolerance(100.0009, 100, tol)).toBe(true);
    expect(withinTolerance(100.0012, 100, tol)).toBe(false);
    expect(withinTolerance(0.00001, 0, tol)).toBe(true);
    expect(withinTolerance(0.00002, 0, tol)).toBe(false);
  });

  it('matches NaN only with NaN and infinities exactly', () => {
    expect(withinTolerance(NaN, NaN, tol)).toBe(true);
    expect(withinTolerance(0, NaN, tol)).toBe(false);
    expect(withinTolerance(Infinity, Infinity, tol)).toBe(true);
    expect(withinTolerance(1e300, Infinity, tol)).toBe(false);
  });

  it('matches column names case-insensitively, with _ as space, \\n as space and quotes dropped', () => {
    expect(columnKey('"Teacup Temperature"')).toBe(columnKey('teacup_temperature'));
    expect(columnKey('Heat\\nLoss')).toBe(columnKey('heat loss'));
    expect(columnKey('Stock[Boston, A]')).toBe(columnKey('stock[boston,a]'));
    expect(columnKey('mod.Var X')).toBe('mod.var_x');
  });
});

describe('reading expected outputs', () => {
  it('reads a Vensim .tab with CR line endings and blank constant cells', () => {
    const path = writeTemp('output.tab', 'Time\tRate\tK\r0\t1\t5\r1\t2\t\r2\t4\t\r');
    const out = readExpectedOutput(path);
    expect(out.times).toEqual([0, 1, 2]);
    expect(out.columns.map((c) => c.name)).toEqual(['Rate', 'K']);
    expect(out.columns[1]!.values).toEqual([5, undefined, undefined]);
  });

  it('reads a Latin-1 file', () => {
    const path = writeTemp('output.csv', Buffer.from('Time,Caf\xe9\n0,1\n', 'latin1'));
    expect(readExpectedOutput(path).columns[0]!.name).toBe('Café');
  });
});

describe('comparing a run with an expected output', () => {
  const expected = {
    times: [0, 0.5, 1],
    columns: [
      { name: 'Stock', key: 'stock', values: [1, 2, 3] },
      { name: 'K', key: 'k', values: [5, undefined, undefined] },
    ],
  };

  it('passes when every cell is within tolerance, skipping blanks', () => {
    const cmp = compareWithExpected(result([0, 0.5, 1], { stock: [1, 2, 3.00001], k: [5, 0, 0] }), expected, tol);
    expect(cmp).toEqual({ ok: true, cells: 4 });
  });

  it('names the first bad cell', () => {
    const cmp = compareWithExpected(result([0, 0.5, 1], { stock: [1, 2.5, 3], k: [5, 5, 5] }), expected, tol);
    expect(cmp).toEqual({ ok: false, cells: 1, firstBadCell: '"Stock" at t=0.5: expected 2, got 2.5' });
  });

  it('matches each expected time to the nearest saved time within 5e-4', () => {
    const cmp = compareWithExpected(result([0, 0.5002, 1], { stock: [1, 2, 3], k: [5, 5, 5] }), expected, tol);
    expect(cmp.ok).toBe(true);
    const far = compareWithExpected(result([0, 0.6, 1], { stock: [1, 2, 3], k: [5, 5, 5] }), expected, tol);
    expect(far).toEqual({ ok: false, cells: 1, firstBadCell: 'no saved time near t=0.5 (column "Stock")' });
  });

  it('reports a missing column and honours excluded columns', () => {
    const r = result([0, 0.5, 1], { stock: [1, 2, 3] });
    expect(compareWithExpected(r, expected, tol)).toEqual({ ok: false, cells: 3, firstBadCell: 'column "K" is missing from the results' });
    expect(compareWithExpected(r, expected, tol, ['K']).ok).toBe(true);
  });
});
