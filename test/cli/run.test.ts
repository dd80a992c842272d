import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, sluice, TEACUP, TEACUP_XMILE, tempDir, writeTemp } from './helpers.js';

describe('sluice run', () => {
  it('prints CSV with time first and every variable under its display name', () => {
    const r = sluice('run', TEACUP_XMILE);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows[0]).toEqual(['time', 'Heat Loss to Room', 'Room Temperature', 'Teacup Temperature', 'Characteristic Time']);
    expect(rows[1]).toEqual(['0', '11', '70', '180', '10']);
    expect(rows[2]).toEqual(['0.125', '10.8625', '70', '178.625', '10']);
    expect(rows.length).toBe(1 + 30 / 0.125 + 1);
  });

  it('runs the text language, with --set, --vars, --stop and --saveper', () => {
    const r = sluice('run', TEACUP, '--set', 'Room_Temperature=60', '--vars', 'heat loss to room', '--stop', '2', '--saveper', '1');
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.slice(0, 2)).toEqual([['time', 'Heat Loss to Room'], ['0', '12']]);
    // Euler with dt 0.125 shrinks the gap by (1 - dt/10) each step: 8 steps per saved time.
    expect(Number(rows[2]![1])).toBeCloseTo((120 * Math.pow(1 - 0.125 / 10, 8)) / 10, 12);
    expect(Number(rows[3]![1])).toBeCloseTo((120 * Math.pow(1 - 0.125 / 10, 16)) / 10, 12);
    expect(rows.length).toBe(4);
  });

  it('integrates with RK4 when asked, closer to the exact exponential than Euler', () => {
    const exact = 70 + 110 * Math.exp(-30 / 10);
    const last = (args: string[]) => Number(csvRows(sluice('run', TEACUP, '--vars', 'Teacup Temperature', ...args).stdout).at(-1)![1]);
    const euler = last([]);
    const rk4 = last(['--method', 'rk4']);
    expect(Math.abs(rk4 - exact)).toBeLessThan(1e-6);
    expect(Math.abs(euler - exact)).toBeGreaterThan(0.05);
  });

  it('writes JSON and TSV, and to a file with --output', () => {
    const json = JSON.parse(sluice('run', TEACUP, '--format', 'json', '--stop', '1', '--dt', '0.5').stdout);
    expect(json.time).toEqual([0, 0.5, 1]);
    expect(json.variables['Teacup Temperature']).toEqual([180, 174.5, 169.275]);
    const tsv = sluice('run', TEACUP, '--format', 'tsv', '--stop', '0');
    expect(tsv.stdout.split('\n').slice(0, 2)).toEqual([
      'time\tTeacup Temperature\tHeat Loss to Room\tRoom Temperature\tCharacteristic Time',
      '0\t180\t11\t70\t10',
    ]);
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    expect(sluice('run', TEACUP, '--output', out).code).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('time,')).toBe(true);
  });

  it('applies a scenario file before --set', () => {
    const dir = tempDir();
    const scenario = writeTemp(dir, 'cold.json', JSON.stringify({ name: 'Cold room', overrides: { 'Room Temperature': 20 } }));
    const r = sluice('run', TEACUP, '--scenario', scenario, '--vars', 'Heat Loss to Room', '--stop', '0');
    expect(csvRows(r.stdout)[1]).toEqual(['0', '16']);
    const both = sluice('run', TEACUP, '--scenario', scenario, '--set', 'Room Temperature=30', '--vars', 'Heat Loss to Room', '--stop', '0');
    expect(csvRows(both.stdout)[1]).toEqual(['0', '15']);
  });
});

describe('sluice run with bad input', () => {
  it('reports a syntax error as file:line:col: error: message, exit 1, no stack trace', () => {
    const dir = tempDir();
    const model = writeTemp(dir, 'bad.sluice', 'sim start 0 stop 1 dt 1\naux a = 1 +\naux b = 2\n');
    const r = sluice('run', model);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: error: `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('names a missing file', () => {
    const r = sluice('run', 'no-such-model.xmile');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no-such-model.xmile:1:1: error: cannot read no-such-model.xmile: no such file\n');
  });

  it('exits 2 for a usage mistake', () => {
    expect(sluice('run', TEACUP, '--format', 'xml').code).toBe(2);
    expect(sluice('run', TEACUP, '--dt', 'abc').code).toBe(2);
    expect(sluice('run', TEACUP, '--no-such-flag').code).toBe(2);
    expect(sluice('run').code).toBe(2);
  });

  it('refuses a file over --max-bytes', () => {
    const r = sluice('run', TEACUP, '--max-bytes', '100');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/over the limit of 100 bytes/);
  });

  it('--check-finite names the first time and variable that is not finite, at its equation', () => {
    const dir = tempDir();
    const model = writeTemp(dir, 'pole.sluice', 'sim start 0 stop 5 dt 1\nstock s = 1\n  inflow f\nflow f = 1 / (3 - TIME)\n');
    const r = sluice('run', model, '--check-finite');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${model}:4:10: error: 'f' became Infinity at time 3\n`);
    expect(sluice('run', TEACUP, '--check-finite', '--stop', '1').code).toBe(0);
  });
});

