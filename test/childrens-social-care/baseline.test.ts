// §8.2 Neutral baseline: a scenario changes constants only, and every lever has a neutral value.
// With its levers set to neutral, any scenario must reproduce the baseline S0 exactly, and
// before Policy_Start no policy lever may have any effect.
import { describe, expect, test } from 'vitest';
import { canonicalName } from '@sluice/ir';
import { loadScenarios, model, neutralLevers, run, runScenario, type Run } from './csc-model.js';

const scenarios = loadScenarios();
const baseline = run();

/** Every reported variable identical in both runs, except the constants a scenario sets. */
function expectIdentical(a: Run, b: Run, upToRow = a.times.length, overridden: Record<string, number> = {}): void {
  const set = new Set(Object.keys(overridden).map(canonicalName));
  for (const o of model().outputs) {
    if (set.has(o.ident)) continue;
    const x = a.series(o.ident);
    const y = b.series(o.ident);
    for (let k = 0; k < upToRow; k++) {
      if (!Object.is(x[k], y[k])) expect.fail(`${o.name} differs at t = ${a.times[k]}: ${x[k]} vs ${y[k]}`);
    }
  }
}

describe('neutral baseline (§8.2)', () => {
  test('the spec lists 15 scenarios, and the example ships each of them', () => {
    expect([...scenarios.keys()].sort()).toEqual(
      ['S0', 'S1a', 'S1b', 'S2', 'S3', 'S3b', 'S4a', 'S4b', 'S5a', 'S5b', 'S6', 'S6b', 'S7', 'T1', 'T2'].sort(),
    );
  });

  test('every scenario overrides constants of the model only', () => {
    const constants = new Set(model().constants.map((c) => c.ident));
    for (const s of scenarios.values()) {
      for (const name of Object.keys(s.overrides)) expect(constants, `${s.name}: ${name}`).toContain(canonicalName(name));
    }
  });

  test('S0 sets every lever to its neutral value and equals a run with no overrides', () => {
    const s0 = scenarios.get('S0')!;
    expect(s0.overrides).toEqual(neutralLevers);
    expectIdentical(runScenario(s0), baseline, undefined, s0.overrides);
  });

  test.each([...scenarios.keys()])('%s with its levers neutral equals S0 exactly', (name) => {
    const s = scenarios.get(name)!;
    const levers = Object.fromEntries(Object.keys(s.overrides).filter((k) => k in neutralLevers).map((k) => [k, neutralLevers[k]!]));
    const overrides = { ...s.overrides, ...levers };
    expectIdentical(run({ overrides }), baseline, undefined, overrides);
  });

  test.each([...scenarios.keys()].filter((n) => !n.startsWith('T')))('%s equals S0 exactly before Policy_Start (month 48)', (name) => {
    const s = scenarios.get(name)!;
    expectIdentical(runScenario(s), baseline, baseline.row(48), s.overrides);
  });

  test('moving Policy_Start with every lever neutral changes nothing', () => {
    const overrides = { ...neutralLevers, Policy_Start: 24 };
    // Policy_On itself switches earlier; nothing that depends on it may change.
    expectIdentical(run({ overrides }), baseline, undefined, { ...overrides, Policy_On: 1 });
  });
});
