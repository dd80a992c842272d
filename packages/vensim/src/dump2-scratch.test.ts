import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import type { Expr } from '@sluice/ir';
import { importVensim } from './index.js';
const pr = (e: Expr | null | undefined): string => {
  if (!e) return '∅';
  switch (e.kind) {
    case 'number': return String(e.value);
    case 'var': return e.name + (e.subscripts ? '[' + e.subscripts.map((s) => s.kind === 'index' ? pr(s.expr) : s.kind === 'wildcard' ? `*:${s.dimension}` : '..').join(',') + ']' : '');
    case 'call': return `${e.fn}(${e.args.map(pr).join(', ')})`;
    case 'unary': return `${e.op}${pr(e.operand)}`;
    case 'binary': return `(${pr(e.left)} ${e.op} ${pr(e.right)})`;
    case 'if': return `if`;
    case 'table': return 'TABLE';
    case 'transpose': return 'T';
  }
};
test('dump', () => {
  for (const f of (process.env.DUMP ?? '').split(';')) {
    const r = importVensim(readFileSync(f, 'utf8'), { file: f });
    if (!r.ok) { console.log(r.diagnostics); continue; }
    const out: string[] = [f];
    for (const d of r.value.dimensions) out.push(`DIM ${d.name}: ${d.elements.join(',')}${d.parent ? ' <' + d.parent : ''}${d.aliasOf ? ' =' + d.aliasOf : ''}${d.mappings ? ' ->' + JSON.stringify(d.mappings) : ''}`);
    for (const v of r.value.models[0]!.variables) {
      if (['initial_time','final_time','time_step','saveper'].includes(v.ident)) continue;
      out.push(`${v.kind} ${v.name}[${(v.dimensions ?? []).join(',')}] = ${pr(v.equation?.expr)}${v.kind === 'stock' && v.netFlow ? ' rate ' + pr(v.netFlow.expr) : ''}${v.gf ? ' GF' : ''}`);
      for (const el of v.elements ?? []) out.push(`    [${el.subscripts.join(',')}] = ${pr(el.equation.expr)}${el.netFlow ? ' rate ' + pr(el.netFlow.expr) : ''}${el.gf ? ' GF' : ''}`);
    }
    console.log(out.join('\n'));
  }
});
