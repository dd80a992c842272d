import { describe, expect, it } from 'vitest';
import { sluice, TEACUP, TEACUP_XMILE } from './helpers.js';

describe('sluice bench', () => {
  it('prints compile time, run times, steps and variables as JSON', () => {
    const r = sluice('bench', TEACUP_XMILE, '--runs', '3', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report).sort()).toEqual(['compileMs', 'runMs', 'steps', 'variables']);
    expect(Object.keys(report.runMs).sort()).toEqual(['max', 'median', 'min']);
    // teacup: 0 to 30 by 0.125, and all four variables stored.
    expect(report.steps).toBe(240);
    expect(report.variables).toBe(4);
    expect(report.compileMs).toBeGreaterThan(0);
    expect(report.runMs.min).toBeLessThanOrEqual(report.runMs.median);
    expect(report.runMs.median).toBeLessThanOrEqual(report.runMs.max);
  });

  it('prints a readable summary without --json, and refuses a bad run count', () => {
    const r = sluice('bench', TEACUP, '--runs', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^compile [\d.]+ ms\nrun +[\d.]+ ms median, [\d.]+ min, [\d.]+ max \(2 runs\)\n240 steps, 4 variables stored at every saved time\n$/);
    const bad = sluice('bench', TEACUP, '--runs', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--runs expects a whole number of at least 1');
  });
});
