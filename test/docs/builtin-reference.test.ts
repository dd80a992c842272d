import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTINS, builtinReference, builtinSignature, findBuiltin } from '@sluice/compiler';

const page = fileURLToPath(new URL('../../docs/builtins.md', import.meta.url));

describe('docs/builtins.md', () => {
  it('is what the builtin table generates', () => {
    const current = readFileSync(page, 'utf8');
    expect(current === builtinReference(), 'docs/builtins.md is out of date: run `npx tsc -b && node scripts/builtin-reference.mjs`').toBe(true);
  });

  it('lists every builtin once, with the stateful ones lowering handles among them', () => {
    const md = builtinReference();
    for (const b of BUILTINS.filter((x) => !x.internal)) expect(md.split(`### \`${builtinSignature(b)}\`\n`).length, b.name).toBe(2);
    expect(md).toContain('### `SMTH1(input, averaging_time[, initial])`');
    expect(md).toContain('Vensim: `DELAY1(input, delay_time)`');
    expect(md).toContain('### `SMOOTH_N(input, delay_time, initial, n)`');
    expect(md).toContain('### `LOOKUPINV(table, y)`');
    // What only lowering writes is not for modellers.
    expect(md).not.toContain('#CONVEYOR');
  });

  it('gives a dialect its own form where the forms differ', () => {
    const trend = findBuiltin('TREND')!;
    expect(builtinSignature(trend)).toBe('TREND(input, averaging_time[, initial])');
    expect(builtinSignature(trend, 'vensim')).toBe('TREND(input, average_time, initial_trend)');
    expect(builtinSignature(trend, 'xmile')).toBe('TREND(input, averaging_time[, initial])');
  });
});
