import { describe, expect, test } from 'vitest';
import { columnIndex, columnLetters, parseBlock, parseCell, parseTimeLine } from './cell-reference.js';
import { dataFilePath, normalizePath } from './data-path.js';

describe('cell references', () => {
  test('columns, cells, time lines and defined names', () => {
    expect([columnIndex('A'), columnIndex('z'), columnIndex('AA'), columnIndex('XFD'), columnIndex('XFE'), columnIndex('A1')]).toEqual([0, 25, 26, 16383, undefined, undefined]);
    expect([columnLetters(0), columnLetters(27), columnLetters(16383)]).toEqual(['A', 'AB', 'XFD']);
    expect([parseCell('B2'), parseCell('$C$10'), parseCell('B0'), parseCell('B2*'), parseCell('name')]).toEqual([{ row: 1, col: 1 }, { row: 9, col: 2 }, undefined, undefined, undefined]);
    expect([parseTimeLine('4'), parseTimeLine('b'), parseTimeLine('0'), parseTimeLine('time')]).toEqual([{ across: true, row: 3 }, { across: false, col: 1 }, undefined, undefined]);
    expect(parseBlock("'tab 1'!$E$3:$C$1")).toEqual({ sheet: 'tab 1', first: { row: 0, col: 2 }, last: { row: 2, col: 4 } });
    expect(parseBlock('தாள்!B4')).toEqual({ sheet: 'தாள்', first: { row: 3, col: 1 }, last: { row: 3, col: 1 } });
    expect(parseBlock('SUM(A1:A3)')).toBeUndefined();
  });
});

describe('data file paths', () => {
  test('beneath the model\'s folder, with either separator; leaving it is refused unless allowed', () => {
    expect(normalizePath('/m/./a/../b//c.xlsx')).toBe('/m/b/c.xlsx');
    expect(dataFilePath('sub\\my data.xlsx', '/models/x')).toEqual({ ok: true, path: '/models/x/sub/my data.xlsx' });
    expect(dataFilePath('a/../b.csv', '/models/x/')).toEqual({ ok: true, path: '/models/x/b.csv' });
    for (const name of ['../b.csv', 'a/../../b.csv', '/etc/passwd', 'C:\\data\\b.xlsx', '..\\b.csv']) expect(dataFilePath(name, '/models/x').ok).toBe(false);
    expect(dataFilePath('../shared/b.csv', '/models/x', ['/models/shared/b.csv'])).toEqual({ ok: true, path: '/models/shared/b.csv' });
    expect(dataFilePath('  ', '/models/x')).toEqual({ ok: false, reason: 'the data file name is empty' });
  });
});
