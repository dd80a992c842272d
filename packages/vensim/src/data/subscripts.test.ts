import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { beforeAll, describe, expect, test } from 'vitest';
import { importVensim, type ReadOutcome } from '../index.js';

let dir = '';

function readFile(path: string): ReadOutcome {
  try {
    return { ok: true, bytes: new Uint8Array(readFileSync(path)) };
  } catch {
    return { ok: false, reason: 'missing' };
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-subscripts-'));
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet([['north', 'south', 'east'], [1990, null, null], [2000], [2010]]), 'Regions');
  wb.Workbook = { Names: [{ Name: 'places', Ref: 'Regions!$A$1:$B$1' }] };
  writeFileSync(join(dir, 'dims.xlsx'), write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  writeFileSync(join(dir, 'dims.csv'), 'x;y;z\n');
});

function elements(text: string): string[][] | string[] {
  const r = importVensim(`${text}\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\n`, { file: 'm.mdl', dataFiles: { modelDir: dir, readFile } });
  return r.ok ? r.value.dimensions.map((d) => d.elements) : r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.loc?.line}:${d.loc?.column} ${d.message}`);
}

describe('GET XLS SUBSCRIPT and GET DIRECT SUBSCRIPT', () => {
  test('elements from a block of cells, with a prefix; a blank last cell reads on to the first empty cell', () => {
    expect(elements("R: GET XLS SUBSCRIPT('dims.xlsx', 'Regions', 'A1', 'C1', '') ~~|")).toEqual([['north', 'south', 'east']]);
    expect(elements("R: GET XLS SUBSCRIPT('dims.xlsx', 'Regions', 'A1', '', 'r_') ~~|")).toEqual([['r_north', 'r_south', 'r_east']]);
    expect(elements("Y: GET DIRECT SUBSCRIPT('dims.xlsx', 'Regions', 'A2', '', 'y') ~~|")).toEqual([['y1990', 'y2000', 'y2010']]);
    expect(elements("Y: GET DIRECT SUBSCRIPT('dims.xlsx', 'Regions', 'A2', '3', '') ~~|")).toEqual([['1990', '2000']]);
    expect(elements("P: GET DIRECT SUBSCRIPT('dims.xlsx', 'Regions', 'places', '', '') ~~|")).toEqual([['north', 'south']]);
    expect(elements("C: GET DIRECT SUBSCRIPT('dims.csv', ';', 'A1', 'C1', '') ~~|")).toEqual([['x', 'y', 'z']]);
    expect(elements("C: GET DIRECT SUBSCRIPT('dims.csv', ';', 'A1', 'XFD1048576', '') ~~|")).toEqual([['x', 'y', 'z']]);
  });

  test('variables over a range read from a file take its elements', () => {
    const r = importVensim("R: GET XLS SUBSCRIPT('dims.xlsx', 'Regions', 'A1', 'C1', '') ~~|\nv[R] = 1, 2, 3 ~~|\n", { file: 'm.mdl', dataFiles: { modelDir: dir, readFile } });
    expect(r.ok && r.value.models[0]?.variables.find((v) => v.ident === 'v')?.elements?.map((e) => e.subscripts[0])).toEqual(['north', 'south', 'east']);
  });

  test('errors: no access to the folder, a missing sheet, an empty run', () => {
    const r = importVensim("R: GET XLS SUBSCRIPT('dims.xlsx', 'Regions', 'A1', 'C1', '') ~~|\n", { file: 'm.mdl' });
    expect(r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.loc?.line}:${d.loc?.column} ${d.message}`)).toEqual([
      '1:4 subscript range R takes its elements from a data file (GET XLS SUBSCRIPT); import the model with access to its folder',
    ]);
    expect(elements("R: GET XLS SUBSCRIPT('dims.xlsx', 'Nowhere', 'A1', 'C1', '') ~~|")).toEqual([
      "1:4 GET XLS SUBSCRIPT: sheet 'Nowhere' not found in dims.xlsx (its sheets: 'Regions')",
    ]);
    expect(elements("R: GET XLS SUBSCRIPT('dims.xlsx', 'Regions', 'F9', '', '') ~~|")).toEqual([
      "1:4 GET XLS SUBSCRIPT: no element names from F9 of sheet 'Regions' in dims.xlsx",
    ]);
  });
});
