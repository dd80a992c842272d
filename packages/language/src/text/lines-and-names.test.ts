import { describe, expect, it } from 'vitest';
import { parseEquation } from '../equation/parse.js';
import { printSluice } from './print.js';
import { parseSluice } from './index.js';

const SIM = 'sim start 0 stop 1 dt 1\n';

describe('lines are counted as editors count them: LF, CRLF and CR', () => {
  it('U+2028 and U+2029 in a quoted name do not start a new line', () => {
    const r = parseSluice(`${SIM}aux "p\u2028q\u2029r" = 1\naux c = (1\n`, { file: 'f.sluice' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => [d.loc?.line, d.loc?.column])).toEqual([[3, 11]]);
  });

  it('CRLF and CR each end one line', () => {
    const r = parseSluice(`sim start 0 stop 1 dt 1\r\naux a = 1\raux c = (1\r\n`, { file: 'f.sluice' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]?.loc?.line).toBe(3);
  });

  it('in a formula, U+2028 is white space, not a line end', () => {
    const { diagnostics } = parseEquation('a\u2028+ * b', { file: 'f.xmile', line: 4, column: 2 });
    expect(diagnostics[0]?.loc).toMatchObject({ line: 4, column: 6 });
  });
});

describe('a quoted name means the same variable where it is declared and where it is used', () => {
  for (const name of ['"a\\nb"', '"a\\tb"', '"a\\\\nb"', '"a\\"b"', '"a\\qb"', '"a\\\\b"', '"a\\rb"', '"a\tb"']) {
    it(name, () => {
      const r = parseSluice(`${SIM}aux ${name} = 1\naux c = ${name} * 2\n`);
      if (!r.ok) throw new Error(r.diagnostics[0]?.message);
      const [declared, user] = r.value.models[0]!.variables;
      const used = user!.equation!.expr;
      expect(used?.kind === 'binary' && used.left.kind === 'var' && used.left.name).toBe(declared!.ident);
      // Printed and read again, the name still names the same variable.
      const again = parseSluice(printSluice(r.value));
      if (!again.ok) throw new Error(again.diagnostics[0]?.message);
      expect(again.value.models[0]!.variables.map((v) => v.ident)).toEqual([declared!.ident, 'c']);
    });
  }
});
