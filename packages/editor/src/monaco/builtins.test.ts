import { describe, expect, it } from 'vitest';
import { BUILTINS } from '@sluice/compiler';
import { builtinMarkdown, builtinNamed, builtins, signatureOf } from './builtins.js';

describe('the builtins completion, hover and signature help offer', () => {
  const names = builtins.map((b) => b.name);

  it('come from the compiler table, stateful builtins included', () => {
    for (const name of ['SMTH1', 'DELAY1', 'TREND', 'MIN', 'PULSE']) expect(names).toContain(name);
  });

  it('leave out the internal entries only lowering may write', () => {
    expect(BUILTINS.map((b) => b.name)).toContain('#CONVEYOR');
    expect(names).not.toContain('#CONVEYOR');
    expect(names.filter((n) => n.startsWith('#'))).toEqual([]);
    expect(builtinNamed('#CONVEYOR')).toBeUndefined();
  });

  it('find a builtin in any spelling, with its signature and reference', () => {
    const smth1 = builtinNamed('smth1');
    expect(smth1?.name).toBe('SMTH1');
    expect(signatureOf(smth1!).label).toBe('SMTH1(input, averaging_time, [initial])');
    expect(builtinMarkdown(smth1!)).toContain(smth1!.summary);
  });
});
