// Model files are untrusted: their names, equations, units, docs, dimensions, modules, macros
// and sim specs must never become code. Each file of the hostile corpus (hostile/) is written
// to break out of a JavaScript string, comment, template or <script> if any of its text were
// ever pasted into generated code; each must run with the values its equations say, or be
// refused with a located diagnostic, and nothing in it may execute.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { column, errorLines, travel, type Trip } from './pipeline.js';
import { cli, spawnSluice, STACK_LINE, tempDir, writeIn } from './cli.js';

const hostilePath = (file: string) => fileURLToPath(new URL(`./hostile/${file}`, import.meta.url));
const hostile = (file: string) => readFileSync(fileURLToPath(new URL(`./hostile/${file}`, import.meta.url)), 'utf8');

/** Fragments of the corpus that could only reach generated code by copying model text. */
const FORBIDDEN = [
  'pwned', 'globalThis', 'process', 'exit', 'require', 'child_process', 'passwd', 'script', '__proto__',
  'constructor', 'prototype', 'hasOwnProperty', 'valueOf', 'toString', 'tick', 'quoted', 'macro',
  '`', '${', '*/', '/*', '//', "'", '"', '\u2028', '\u2029',
];

/**
 * Every piece of JavaScript the compiled model holds: the generated bodies and the functions
 * built from them, less the one directive `new Function` bodies open with.
 */
function generatedCode(trip: Trip): string {
  const m = trip.compiled;
  if (!m) return '';
  const functions = [m.initial, m.step, m.rates, m.afterStep].map((f) => String(f).replaceAll("'use strict';", ''));
  return [...Object.values(m.source), ...functions].join('\n');
}

const sentinel = globalThis as { __pwned?: unknown };
let exits: unknown[];

beforeEach(() => {
  delete sentinel.__pwned;
  exits = [];
  vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    exits.push(code);
    throw new Error('process.exit called by model text');
  }) as typeof process.exit);
});

afterEach(() => {
  vi.restoreAllMocks();
  expect(sentinel.__pwned).toBeUndefined();
  expect(exits).toEqual([]);
});

describe('hostile names, equations, units and docs', () => {
  // The same model in the three formats: a stock, a flow, auxiliaries named like code, an
  // arrayed auxiliary over a dimension named `constructor`, a module and a macro.
  const cases: [file: string, moduleOutput: string | undefined, macroUser: string][] = [
    ['names.xmile', "require('child_process').*/ process.exit(6) //", 'macro user'],
    ['names.mdl', undefined, 'macro user'],
    ['names.sluice', "require('child_process').*/ process.exit(6) //", 'macro_user'],
  ];

  for (const [file, moduleOutput, macroUser] of cases) {
    describe(file, () => {
      it('runs with the values its equations give', () => {
        const trip = travel(hostile(file), file);
        expect(errorLines(trip)).toEqual([]);
        expect(trip.reached).toBe('done');
        expect([...trip.run!.times]).toEqual([0, 1, 2, 3, 4]);
        // constructor = 2 + 1; the stock __proto__ starts at 1 and gains 3 a step.
        expect(column(trip, '__proto__')).toEqual([1, 4, 7, 10, 13]);
        expect(column(trip, 'constructor')).toEqual([3, 3, 3, 3, 3]);
        expect(column(trip, "it's ${require('fs').readFileSync('/etc/passwd')}")).toEqual([2, 2, 2, 2, 2]);
        expect(column(trip, 'back`tick`')).toEqual([1, 1, 1, 1, 1]);
        expect(column(trip, 'quoted " name')).toEqual([3, 3, 3, 3, 3]);
        expect(column(trip, 'end */ globalThis.__pwned = 6 /* start')).toEqual([7, 7, 7, 7, 7]);
        expect(column(trip, '</script><script>globalThis.__pwned=7</script>')).toEqual([10, 40, 70, 100, 130]);
        expect(column(trip, 'hasOwnProperty')).toEqual([3, 4, 5, 6, 7]);
        expect(column(trip, 'valueOf[__proto__]')).toEqual([7, 7, 7, 7, 7]);
        expect(column(trip, 'valueOf[${globalThis.__pwned=2}]')).toEqual([7, 7, 7, 7, 7]);
        expect(column(trip, 'process.exit()')).toEqual([21, 21, 21, 21, 21]);
        expect(column(trip, macroUser)).toEqual([6, 6, 6, 6, 6]);
        expect(column(trip, "require('fs').writeFileSync('pwned', '1')")).toEqual([8, 8, 8, 8, 8]);
        expect(column(trip, '<img src=x onerror=globalThis.__pwned=8>')).toEqual([9, 9, 9, 9, 9]);
        if (moduleOutput) expect(column(trip, moduleOutput)).toEqual([6, 8, 10, 12, 14]);
      });

      it('leaves no text of the model in the generated code', () => {
        const code = generatedCode(travel(hostile(file), file));
        expect(code).toMatch(/v\[\d+\]/);
        for (const fragment of FORBIDDEN) expect(code, fragment).not.toContain(fragment);
      });
    });
  }

  it('reads U+2028 and U+2029 in a .sluice quoted name as characters, not line ends, and keeps them out of the code', () => {
    // Lines end at LF, CRLF or CR, as editors count them; JavaScript's other line ends are text.
    const trip = travel(hostile('line-separator.sluice'), 'line-separator.sluice');
    expect(errorLines(trip)).toEqual([]);
    expect(column(trip, 'b')).toEqual([5, 5]);
    const code = generatedCode(trip);
    for (const fragment of FORBIDDEN) expect(code, fragment).not.toContain(fragment);
  });
});

describe('hostile sim specs are refused, never evaluated', () => {
  it('XMILE names each field that is not a number', () => {
    const trip = travel(hostile('sim-specs.xmile'), 'sim-specs.xmile');
    expect(trip.reached).toBe('import');
    expect(errorLines(trip)).toEqual([
      'sim-specs.xmile:5:49: error: start time must be a number, not "globalThis.__pwned = 1"',
      'sim-specs.xmile:5:85: error: stop time must be a number, not "${process.exit(2)}"',
      `sim-specs.xmile:5:114: error: dt must be a number, not "require('fs')"`,
      'sim-specs.xmile:5:1: error: unknown integration method "`${process.exit(9)}`" (expected Euler, RK2 or RK4)',
    ]);
  });

  it('.mdl stops at the first character no equation may hold', () => {
    const trip = travel(hostile('sim-specs.mdl'), 'sim-specs.mdl');
    expect(trip.reached).toBe('import');
    expect(errorLines(trip)).toEqual(['sim-specs.mdl:7:25: error: unexpected character "."']);
  });

  it('.sluice refuses the sim line', () => {
    const trip = travel(hostile('sim-specs.sluice'), 'sim-specs.sluice');
    expect(trip.reached).toBe('import');
    expect(errorLines(trip)).toEqual(["sim-specs.sluice:2:11: error: 'globalThis' is not a number: the sim line's start, stop, dt and save_step take finite numbers"]);
  });
});

describe('through the CLI', () => {
  for (const file of ['names.xmile', 'names.mdl', 'names.sluice']) {
    it(`sluice run ${file} -f json prints the values under the hostile names`, async () => {
      const r = await cli('run', hostilePath(file), '-f', 'json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { time: number[]; variables: Record<string, number[]> };
      expect(out.time).toEqual([0, 1, 2, 3, 4]);
      expect(out.variables["it's ${require('fs').readFileSync('/etc/passwd')}"]).toEqual([2, 2, 2, 2, 2]);
      expect(out.variables['</script><script>globalThis.__pwned=7</script>']).toEqual([10, 40, 70, 100, 130]);
      expect(out.variables['end */ globalThis.__pwned = 6 /* start']).toEqual([7, 7, 7, 7, 7]);
      expect(out.variables['constructor']).toEqual([3, 3, 3, 3, 3]);
    });
  }

  // A plain object would take a variable named __proto__ as its prototype and lose the column.
  it('sluice run -f json keeps a variable named __proto__', async () => {
    const r = await cli('run', hostilePath('names.xmile'), '-f', 'json');
    const out = JSON.parse(r.stdout) as { variables: Record<string, number[]> };
    expect(Object.hasOwn(out.variables, '__proto__')).toBe(true);
  });

  it('sluice run --set overrides a constant named __proto__', async () => {
    const r = await cli('run', hostilePath('names.xmile'), '--set', '__proto__=100', '--vars', '__proto__');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['time,__proto__', '0,100', '1,103']);
  });

  // Copied into a plain object, an override of a constant named __proto__ would be dropped.
  it('sluice run --scenario overrides a constant named __proto__', async () => {
    const scenario = writeIn(tempDir(), 'proto.json', '{"name": "proto", "overrides": {"__proto__": 100}}');
    const r = await cli('run', hostilePath('names.xmile'), '--scenario', scenario, '--vars', '__proto__');
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['time,__proto__', '0,100', '1,103']);
  });

  it('sluice run refuses hostile sim specs: exit 1, the located errors, no output, no stack trace', async () => {
    const path = hostilePath('sim-specs.xmile');
    const r = await cli('run', path);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual(errorLines(travel(hostile('sim-specs.xmile'), path)));
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('the built binary runs each hostile file in a fresh folder and writes nothing there', () => {
    const dir = tempDir();
    for (const file of ['names.xmile', 'names.mdl', 'names.sluice']) {
      const path = writeIn(dir, file, hostile(file));
      const r = spawnSluice(dir, 'run', path, '-f', 'json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { variables: Record<string, number[]> };
      expect(out.variables["require('fs').writeFileSync('pwned', '1')"]).toEqual([8, 8, 8, 8, 8]);
      expect(out.variables['process.exit()']).toEqual([21, 21, 21, 21, 21]);
    }
    expect(readdirSync(dir).sort()).toEqual(['names.mdl', 'names.sluice', 'names.xmile']);
  }, 180_000);
});
