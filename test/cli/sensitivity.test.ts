import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, sluice, TEACUP, tempDir } from './helpers.js';

const VARY = ['--vary', 'Room Temperature=uniform(60,80)', '--vary', 'Characteristic_Time=triangular(8,10,14)'];

describe('sluice sensitivity', () => {
  it('prints 5/25/50/75/95th percentiles of each output at every saved time', () => {
    const r = sluice('sensitivity', TEACUP, '--runs', '40', ...VARY, '--vars', 'Teacup Temperature,Heat Loss to Room', '--workers', '1', '--saveper', '1');
    // --saveper is not an option of this command: a usage error, before anything runs.
    expect(r.code).toBe(2);
    const ok = sluice('sensitivity', TEACUP, '--runs', '40', ...VARY, '--vars', 'Teacup Temperature,Heat Loss to Room', '--workers', '1');
    expect(ok.code).toBe(0);
    const rows = csvRows(ok.stdout);
    expect(rows[0]).toEqual([
      'time',
      ...['p5', 'p25', 'p50', 'p75', 'p95'].map((p) => `Teacup Temperature ${p}`),
      ...['p5', 'p25', 'p50', 'p75', 'p95'].map((p) => `Heat Loss to Room ${p}`),
    ]);
    // teacup saves every 0.125 from 0 to 30.
    expect(rows.length).toBe(1 + 241);
    // Every run starts at 180 degrees; the percentiles of the heat loss are ordered and spread.
    expect(rows[1]!.slice(0, 6)).toEqual(['0', '180', '180', '180', '180', '180']);
    const loss = rows[1]!.slice(6).map(Number);
    expect([...loss].sort((a, b) => a - b)).toEqual(loss);
    // (180 - room) / time: between (180 - 80) / 14 and (180 - 60) / 8.
    expect(loss[0]).toBeGreaterThan(100 / 14);
    expect(loss[4]).toBeLessThan(120 / 8);
    expect(loss[4]! - loss[0]!).toBeGreaterThan(2);
  });

  it('gives the same CSV for the same seed whatever the number of workers, another for another seed', () => {
    const args = ['sensitivity', TEACUP, '--runs', '37', ...VARY, '--vars', 'Teacup Temperature', '--seed', '5'];
    const one = sluice(...args, '--workers', '1');
    const three = sluice(...args, '--workers', '3');
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const other = sluice('sensitivity', TEACUP, '--runs', '37', ...VARY, '--vars', 'Teacup Temperature', '--seed', '6', '--workers', '2');
    expect(other.stdout).not.toBe(one.stdout);
  });

  it('writes to --output, defaults to every stock, and reports bad input plainly', () => {
    const out = join(tempDir(), 'bands.csv');
    expect(sluice('sensitivity', TEACUP, '--runs', '5', ...VARY, '--output', out, '--sampling', 'random').code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('time,Teacup Temperature p5,Teacup Temperature p25,Teacup Temperature p50,Teacup Temperature p75,Teacup Temperature p95');
    const badDist = sluice('sensitivity', TEACUP, '--runs', '5', '--vary', 'Room Temperature=gamma(1,2)');
    expect(badDist.code).toBe(2);
    expect(badDist.stderr).toContain("unknown distribution 'gamma'");
    const notConstant = sluice('sensitivity', TEACUP, '--runs', '5', '--vary', 'Heat Loss to Room=uniform(1,2)');
    expect(notConstant.code).toBe(1);
    expect(notConstant.stderr).toContain("'Heat Loss to Room' is not a constant");
    expect(sluice('sensitivity', TEACUP, '--runs', '5').stderr).toContain('give at least one --vary');
  });
});
