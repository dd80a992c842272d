// The benchmark suite: which models, where they come from, and how many timed runs each gets.
// Synthetic models are generated on demand into models/generated/ (git-ignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = resolve(BENCH_DIR, '..');
const SHARED = resolve(REPO_DIR, '../shared');
const GENERATED = join(BENCH_DIR, 'models/generated');

/** Write synthetic-NxM.mdl with the shared generator unless it is already there. */
export function syntheticModel(n, m) {
  const path = join(GENERATED, `synthetic-${n}x${m}.mdl`);
  if (!existsSync(path)) {
    mkdirSync(GENERATED, { recursive: true });
    const text = execFileSync(process.execPath, [join(SHARED, 'bench/gen-synthetic.mjs'), String(n), String(m)], { maxBuffer: 1 << 28 });
    writeFileSync(path, text);
  }
  return path;
}

/**
 * `vensim` marks the .mdl models SDEverywhere can also run. `runs` is sized so the suite takes
 * minutes, not hours, on a shared 2-core machine; the 2000x20 model is there for compile time.
 */
export function suiteModels() {
  return [
    { name: 'teacup (XMILE)', path: join(SHARED, 'test-models/samples/teacup/teacup.xmile'), runs: 300 },
    { name: 'teacup (Vensim)', path: join(SHARED, 'test-models/samples/teacup/teacup.mdl'), runs: 300, vensim: true },
    { name: 'SIR (Sluice)', path: join(REPO_DIR, 'examples/sir/sir.sluice'), runs: 300 },
    { name: 'SIR (Vensim)', path: join(BENCH_DIR, 'models/sir.mdl'), runs: 300, vensim: true },
    { name: "children's social care", path: join(REPO_DIR, 'examples/childrens-social-care/childrens-social-care.sluice'), runs: 100 },
    { name: 'synthetic 100x10', path: syntheticModel(100, 10), runs: 7, vensim: true },
    { name: 'synthetic 300x20', path: syntheticModel(300, 20), runs: 5, vensim: true },
    { name: 'synthetic 1000x20', path: syntheticModel(1000, 20), runs: 3, vensim: true },
    { name: 'synthetic 2000x20', path: syntheticModel(2000, 20), runs: 1, vensim: true },
  ];
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds as a table shows them: three significant digits, no exponent. */
export function ms(x) {
  if (!Number.isFinite(x)) return String(x);
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
}

/** Where and when a table was measured, for the results file. */
export async function machineLine() {
  const os = await import('node:os');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.cpus().length} x ${cpu}, load average ${load}`;
}
