#!/usr/bin/env node
// Long fuzzing run: the same fast-check properties as `npm test` (test/fuzz/*.test.ts), with
// many more cases. Runs vitest from source (no build needed) with SLUICE_FUZZ_CASES set, then
// prints one line per property and the `N passed, N failed` line CI reads.
//
//   node scripts/fuzz.mjs [--cases N] [--seed S] [--time-limit MS] [--max-minutes M] [--only NAME]
//
//   --cases N        cases per property (default 100000)
//   --seed S         replay a failure: fast-check prints the seed of every counterexample
//   --time-limit MS  the longest one call may take (default 10000)
//   --max-minutes M  stop the whole run after M minutes and report a hang (default 240); a
//                    parser stuck in a loop never returns, so only a wall clock can catch it
//   --only NAME      only properties whose name contains NAME (vitest -t)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string' },
      'time-limit': { type: 'string', default: '10000' },
      'max-minutes': { type: 'string', default: '240' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  console.error(`fuzz: ${e.message}`);
  process.exit(2);
}
if (args.help) {
  console.log('usage: node scripts/fuzz.mjs [--cases N] [--seed S] [--time-limit MS] [--max-minutes M] [--only NAME]');
  process.exit(0);
}
const positive = (name) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`fuzz: --${name} must be a positive whole number, not '${args[name]}'`);
    process.exit(2);
  }
  return n;
};
const cases = positive('cases');
const timeLimit = positive('time-limit');
const maxMinutes = positive('max-minutes');
if (args.seed !== undefined && !Number.isInteger(Number(args.seed))) {
  console.error(`fuzz: --seed must be a whole number, not '${args.seed}'`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'sluice-fuzz-'));
const report = join(dir, 'report.json');
const vitestArgs = [
  join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/fuzz',
  '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  // The properties are synchronous, so vitest's own timer cannot interrupt them: the wall
  // clock below is the guard against a hang.
  '--testTimeout=0',
  ...(args.only ? ['-t', args.only] : []),
];
const env = {
  ...process.env,
  SLUICE_FUZZ_CASES: String(cases),
  SLUICE_FUZZ_TIME_LIMIT_MS: String(timeLimit),
  ...(args.seed !== undefined ? { SLUICE_FUZZ_SEED: args.seed } : {}),
};

console.log(`fuzz: ${cases} cases per property, ${timeLimit} ms per call at most${args.seed !== undefined ? `, seed ${args.seed}` : ''}`);
const started = Date.now();
const child = spawn(process.execPath, vitestArgs, { cwd: root, env, stdio: 'inherit' });
let hung = false;
const watchdog = setTimeout(() => {
  hung = true;
  child.kill('SIGKILL');
}, maxMinutes * 60_000);

const status = await new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
clearTimeout(watchdog);

let passed = 0;
let failed = 0;
const lines = [];
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failed++;
      lines.push(`FAIL  ${file.name}: ${file.message}`);
    }
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') failed++;
      const secs = ((t.duration ?? 0) / 1000).toFixed(1);
      lines.push(`${t.status === 'passed' ? 'ok  ' : 'FAIL'}  ${t.fullName}  (${secs} s)`);
    }
  }
} catch {
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log('\nfuzz summary');
for (const line of lines) console.log(`  ${line}`);
if (hung) console.log(`  HUNG  the run did not finish in ${maxMinutes} minutes: a call may loop forever (rerun with --only to find which)`);
// What SECURITY.md records of a long run: when, how many cases, how long.
console.log(`  ${cases} cases per property, started ${new Date(started).toISOString()}, ${minutes} min`);
console.log(`${passed} passed, ${failed + (hung ? 1 : 0)} failed`);
process.exit(status === 0 && failed === 0 && !hung && passed > 0 ? 0 : 1);
