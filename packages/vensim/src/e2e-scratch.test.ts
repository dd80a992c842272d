import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { canonicalName, formatDiagnostic } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { importVensim } from './index.js';
const root = '/work/shared/test-models/';
test('e2e', () => {
  const rows = readFileSync(root + 'manifest.tsv', 'utf8').split('\n').slice(1).map((l) => l.split('\t')).filter((c) => c[2] === 'mdl' && (c[3] === 'primary' || c[3] === 'variant'));
  const lines: string[] = [];
  for (const [folder, file, , , expected, , rtol, atol, excl] of rows) {
    const id = `${folder}/${file}`;
    const bytes = readFileSync(`${root}${folder}/${file}`);
    let text: string; try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = new TextDecoder('latin1').decode(bytes); }
    const imp = importVensim(text, { file: file! });
    if (!imp.ok) { lines.push(`IMPORT ${id}: ${formatDiagnostic(imp.diagnostics[0]!)}`); continue; }
    const c = compile(imp.value);
    if (!c.ok) { lines.push(`COMPILE ${id}: ${c.diagnostics.filter(d=>d.severity==='error').slice(0,2).map((d) => formatDiagnostic(d)).join(' | ')}`); continue; }
    const r = simulate(c.value);
    if (!r.ok) { lines.push(`RUN ${id}: ${formatDiagnostic(r.diagnostics[0]!)}`); continue; }
    const tab = readFileSync(`${root}${folder}/${expected}`, 'latin1').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').map((l) => l.split('\t'));
    const header = tab[0]!;
    const cols = new Map(r.value.columns.map((col) => [canonicalName(col.name.replace(/\\n/g, ' ')), col]));
    let bad = 0; const msgs: string[] = [];
    for (let j = 1; j < header.length; j++) {
      const key = canonicalName(header[j]!.replace(/^"|"$/g, '').replace(/\\n/g, ' '));
      if (excl && excl !== '-' && excl.includes(header[j]!)) continue;
      const col = cols.get(key);
      if (!col) { if (!['initial_time','final_time','time_step','saveper'].includes(key)) { bad++; msgs.push(`missing ${header[j]}`); } continue; }
      for (let i = 1; i < tab.length; i++) {
        const cell = tab[i]![j]; if (cell === undefined || cell.trim() === '') continue;
        const t = Number(tab[i]![0]); const want = Number(cell);
        let k = -1; for (let q = 0; q < r.value.times.length; q++) if (Math.abs(r.value.times[q]! - t) <= Math.max(5e-4, 5e-6 * Math.abs(t))) { k = q; break; }
        if (k < 0) { bad++; msgs.push(`no time ${t}`); break; }
        const got = col.values[k]!;
        if (!(Math.abs(got - want) <= Number(atol) + Number(rtol) * Math.abs(want))) { bad++; msgs.push(`${header[j]}@${t}: got ${got} want ${want}`); break; }
      }
    }
    lines.push(`${bad === 0 ? 'PASS' : 'FAIL'} ${id} ${msgs.slice(0, 3).join('; ')}`);
  }
  console.log(lines.sort().join('\n'));
});
