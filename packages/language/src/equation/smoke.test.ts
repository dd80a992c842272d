import { parseEquation, printEquation } from '@sluice/language';
import { test } from 'vitest';
test('smoke', () => {
  for (const s of ['-2^2', '2^3^2', 'a + b * c', 'IF a > 1 THEN MAX(a, b) ELSE -c', 'x[1, Boston, *, *:Dim, 1:3, Dim.elem]', "a'", '"hello world" * 1e-3', 'MAX(a, b', 'a b', 'a + ', '(a + b', '  {c} 1.5e3 {d}\n ', '', '{only}', 'a * * b', 'IF a THEN b', 'a #', '{oops', 'f()', 'NOT a AND b or c mod 2', 'ünïcödé_x + $y']) {
    const r = parseEquation(s, { file: 'm.xmile', line: 10, column: 5 });
    console.log(JSON.stringify(s), '=>', r.expr ? printEquation(r.expr) : '', JSON.stringify(r.diagnostics));
  }
  console.log(JSON.stringify(parseEquation('a +\n  b').expr));
});
