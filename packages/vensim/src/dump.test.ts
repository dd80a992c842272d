import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { importVensim } from './index.js';
test('dump', () => {
  for (const f of (process.env.DUMP ?? '').split(';')) {
    const r = importVensim(readFileSync(f, 'utf8'), { file: f });
    const strip = (k: string, v: unknown) => (k === 'loc' || k === 'views' ? undefined : v);
    console.log(JSON.stringify(r.ok ? { ...r.value, models: r.value.models.map((m) => ({ ...m, variables: m.variables.map((v) => ({ ...v, eq: v.equation?.text, equation: undefined })) })) } : r, strip, 1).replace(/\n\s*/g, ' '));
  }
});
