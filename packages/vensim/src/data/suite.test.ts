import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { walkExpr, type Project } from '@sluice/ir';
import { decodeMdl, importVensim, resolveVensimData, type ReadOutcome } from '../index.js';

/** The suite's models that read spreadsheets and CSV files through GET XLS / GET DIRECT functions. */
const root = fileURLToPath(new URL('../../../../../shared/test-models/tests/', import.meta.url));
const folders = existsSync(root) ? readdirSync(root).filter((f) => readdirSync(`${root}${f}`).some((m) => m.endsWith('.mdl') && /GET (XLS|DIRECT)/.test(readFileSync(`${root}${f}/${m}`, 'utf8')))) : [];

function readFile(path: string, maxBytes: number): ReadOutcome {
  if (!existsSync(path)) return { ok: false, reason: 'missing' };
  const size = statSync(path).size;
  return size > maxBytes ? { ok: false, reason: 'too-large', size } : { ok: true, bytes: new Uint8Array(readFileSync(path)) };
}

function resolveSuiteModel(folder: string) {
  const file = readdirSync(`${root}${folder}`).find((m) => m.endsWith('.mdl'))!;
  const imported = importVensim(decodeMdl(new Uint8Array(readFileSync(`${root}${folder}/${file}`))), { file });
  if (!imported.ok) throw new Error(`${folder} does not import`);
  return resolveVensimData(imported.value, { modelDir: `${root}${folder}`, readFile });
}

/** Calls to GET functions left anywhere in the model. */
function getCalls(p: Project): string[] {
  const out: string[] = [];
  for (const v of p.models[0]?.variables ?? [])
    for (const eq of [v.equation, ...(v.elements ?? []).map((e) => e.equation)])
      if (eq?.expr) walkExpr(eq.expr, (e) => e.kind === 'call' && e.fn.startsWith('GET_') && out.push(`${v.name}: ${e.display}`));
  return out;
}

describe.skipIf(folders.length === 0)('the conformance suite\'s data models', () => {
  test('all ten are found', () => expect(folders.length).toBe(10));

  for (const folder of folders.filter((f) => f !== 'get_constants' && f !== 'get_data'))
    test(`${folder}: every GET call is replaced by values from its file`, () => {
      const r = resolveSuiteModel(folder);
      expect(r.ok ? getCalls(r.value) : r.diagnostics.map((d) => d.message)).toEqual([]);
    });

  test('get_constants and get_data name files the folder does not hold (data.xls beside data.xlsx): each is named', () => {
    const messages = (folder: string) => {
      const r = resolveSuiteModel(folder);
      return r.ok ? [] : r.diagnostics.map((d) => [d.loc?.line, d.message]);
    };
    expect(messages('get_constants')).toEqual([
      [2, "GET XLS CONSTANTS: data file 'data.xls' not found"],
      [6, "GET DIRECT CONSTANTS: data file 'data.csv' not found"],
    ]);
    expect(messages('get_data')).toEqual([
      [2, "GET XLS DATA: data file 'data down.xls' not found"],
      [6, "GET XLS DATA: data file 'data across.xls' not found"],
    ]);
  });

  test('the CSV files of get_data, with blanks around their cells, read down and across', () => {
    const imported = importVensim(readFileSync(`${root}get_data/test_get_data.mdl`, 'utf8'), { file: 'test_get_data.mdl' });
    if (!imported.ok) throw new Error('does not import');
    const direct = imported.value.models[0]!.variables.filter((v) => v.name.startsWith('direct'));
    const r = resolveVensimData({ ...imported.value, models: [{ variables: direct }] }, { modelDir: `${root}get_data`, readFile });
    expect(r.ok ? r.value.models[0]!.variables.map((v) => [v.name, v.gf?.xs, v.gf?.ys]) : r.diagnostics.map((d) => d.message)).toEqual([
      ['direct data down', [1, 2, 3], [1, 4, 7]],
      ['direct data across', [1, 2, 3], [1, 2, 3]],
    ]);
  });

  test('values land where Vensim reads them: named ranges, transposed reads, one element at a time', () => {
    const r = resolveSuiteModel('get_values_order');
    if (!r.ok) throw new Error('does not resolve');
    const values = (ident: string) =>
      r.value.models[0]?.variables.find((v) => v.ident === ident)?.elements?.map((e) => [e.subscripts[0], e.equation.expr?.kind === 'number' ? e.equation.expr.value : NaN]);
    expect(values('var1')).toEqual([['t1', 10], ['t2', 20], ['t3', 30], ['t4', 40]]);
    expect(values('var4')).toEqual([['t2', 5], ['t3', 3], ['t1', 1], ['t4', 40]]);
  });
});
