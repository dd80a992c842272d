import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, sluice, TEACUP, TEACUP_XMILE, tempDir, writeTemp } from './helpers.js';

describe('sluice scenarios', () => {
  it('compares every scenario with the baseline at a time, as a table and as CSV', () => {
    const dir = tempDir();
    const scenarios = join(dir, 'scenarios');
    mkdirSync(scenarios);
    writeTemp(scenarios, 'a-cold.json', JSON.stringify({ name: 'Cold room', overrides: { Room_Temperature: 20 } }));
    writeTemp(scenarios, 'b-slow.json', JSON.stringify({ name: 'Slow cooling', overrides: { Characteristic_Time: 20 } }));
    const csv = join(dir, 'table.csv');
    const r = sluice('scenarios', TEACUP, scenarios, '--at', '0', '--vars', 'Heat Loss to Room', '--output', csv);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^Cold room\s+Heat Loss to Room\s+16.00\s+11.00\s+45.5%$/);
    expect(r.stdout.split('\n')[2]).toMatch(/^Slow cooling\s+Heat Loss to Room\s+5.500\s+11.00\s+-50.0%$/);
    expect(csvRows(readFileSync(csv, 'utf8'))[1]).toEqual(['Cold room', 'Heat Loss to Room', '0', '16', '11', String(16 / 11 - 1)]);
  });
});

describe('sluice convert and fmt', () => {
  it('converts XMILE to text and back, and both run to the same numbers', () => {
    const dir = tempDir();
    const text = join(dir, 'teacup.sluice');
    const xmile = join(dir, 'teacup.xmile');
    expect(sluice('convert', TEACUP_XMILE, '--to', 'text', '--output', text).code).toBe(0);
    expect(sluice('convert', text, '--to', 'xmile', '--output', xmile).code).toBe(0);
    const original = sluice('run', TEACUP_XMILE).stdout;
    expect(sluice('run', text).stdout).toBe(original);
    expect(sluice('run', xmile).stdout).toBe(original);
  });

  it('never overwrites the input, nor an existing file without --force', () => {
    const dir = tempDir();
    const out = writeTemp(dir, 'exists.sluice', 'keep me');
    expect(sluice('convert', TEACUP, '--to', 'text', '--output', TEACUP).code).toBe(2);
    expect(sluice('convert', TEACUP_XMILE, '--to', 'text', '--output', out).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('formats a text model in place, idempotently, and leaves a file with errors untouched', () => {
    const dir = tempDir();
    const messy = writeTemp(dir, 'm.sluice', 'sim start 0 stop 5 dt 1\nconst   k=2\naux y = k*3\n');
    expect(sluice('fmt', messy).code).toBe(0);
    const once = readFileSync(messy, 'utf8');
    expect(once).not.toBe('sim start 0 stop 5 dt 1\nconst   k=2\naux y = k*3\n');
    expect(sluice('fmt', '--check', messy).code).toBe(0);
    expect(readFileSync(messy, 'utf8')).toBe(once);
    const broken = writeTemp(dir, 'b.sluice', 'sim start 0 stop 5 dt 1\naux y = (\n');
    expect(sluice('fmt', broken).code).toBe(1);
    expect(readFileSync(broken, 'utf8')).toBe('sim start 0 stop 5 dt 1\naux y = (\n');
  });
  it('formats a file with # comments, keeping each where it was written', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'c.sluice', '# a note\nsim start 0 stop 5 dt 1\n# why k is 2\nconst   k=2   # per year\n\n\nconst j = 1\n# the end\n');
    expect(sluice('fmt', file).code).toBe(0);
    const once = readFileSync(file, 'utf8');
    expect(once).toBe('# a note\nsim start 0 stop 5 dt 1 method euler\n\n# why k is 2\nconst k = 2 # per year\n\nconst j = 1\n# the end\n');
    expect(sluice('fmt', '--check', file).code).toBe(0);
  });
});

describe('sluice check, deps and loops', () => {
  it('finds the teacup clean, and a unit mistake with its location', () => {
    expect(sluice('check', TEACUP).stdout).toMatch(/no problems found/);
    const dir = tempDir();
    const model = writeTemp(
      dir,
      'units.sluice',
      'sim start 0 stop 5 dt 1 units month\nstock s = 1\n  inflow f\n  units children\nflow f = s * k\n  units children/month\nconst k = 0.1\n  units children\n',
    );
    const r = sluice('check', model);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${model}:5:10: error: the equation of f has units children^2 but f is declared in children/month`);
  });

  it('prints the causes tree of a variable', () => {
    const r = sluice('deps', TEACUP, 'Heat Loss to Room');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'Heat Loss to Room [flow]',
      '  (?) Characteristic Time [aux]',
      '  (-) Room Temperature [aux]',
      '  (+) Teacup Temperature [stock]',
    ]);
  });

  it('lists the teacup\'s one balancing loop under its declared name', () => {
    const r = sluice('loops', TEACUP);
    expect(r.stdout).toBe('B1 (B, 2 variables): Teacup Temperature -> Heat Loss to Room -> Teacup Temperature\n1 loop\n');
  });

  it('shows which loop dominates a stock over time (Loops That Matter)', () => {
    const r = sluice('loops', 'examples/sir/sir.sluice', '--dominance', 'Infectious', '--at', '20,80');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('R1 (R): Infectious -> Infection -> Infectious');
    expect(lines).toContain('B2 (B): Infectious -> Recovery -> Infectious');
    // Contagion leads while infections grow; recovery takes over after the peak.
    const dominant = lines.slice(lines.indexOf('dominant loop:') + 1, lines.indexOf('dominant loop:') + 3).map((l) => l.trim());
    expect(dominant[0]).toMatch(/^0\.125 to [\d.]+\s+R1 \(R\)$/);
    expect(dominant[1]).toMatch(/^[\d.]+ to 100\s+B2 \(B\)$/);
  });
});

