// Seed inputs for the fuzzers: every model file of the shared suite, the hostile corpus, the
// example .sluice models and the grammar's examples, and the equations found in XMILE files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const suite = resolve(repo, '../shared/test-models');

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

const read = (paths: string[]) => paths.map((p) => readFileSync(p, 'utf8'));

export const xmileSeeds: string[] = read([...filesUnder(suite, /\.(xmile|stmx|itmx)$/i), ...filesUnder(join(repo, 'test/security/hostile'), /\.xmile$/)]);
export const mdlSeeds: string[] = read([...filesUnder(suite, /\.mdl$/i), ...filesUnder(join(repo, 'test/security/hostile'), /\.mdl$/)]);

const grammarBlocks = (() => {
  const doc = join(repo, 'grammar/sluice.md');
  if (!existsSync(doc)) return [];
  return [...readFileSync(doc, 'utf8').matchAll(/```sluice\n([\s\S]*?)```/g)].map((m) => m[1]!);
})();
export const sluiceSeeds: string[] = [
  ...read([...filesUnder(join(repo, 'examples'), /\.sluice$/), ...filesUnder(join(repo, 'test/security/hostile'), /\.sluice$/)]),
  ...grammarBlocks,
];

/** The text of every <eqn> in the XMILE seeds, with XML's predefined entities undone. */
export const equationSeeds: string[] = [
  ...new Set(
    xmileSeeds.flatMap((x) =>
      [...x.matchAll(/<eqn>([\s\S]*?)<\/eqn>/g)].map((m) =>
        m[1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&'),
      ),
    ),
  ),
];
