import { describe, expect, it } from 'vitest';
import { parseScenario, printScenario, scenarioFileName } from './scenario.js';

describe('scenario files', () => {
  it('reads the name, description and overrides', () => {
    const r = parseScenario('{ "name": "S1b", "description": "Fewer contacts", "overrides": { "Contact_Reduction": 0.2 } }', 'S1b.json');
    expect(r).toEqual({ ok: true, value: { name: 'S1b', description: 'Fewer contacts', overrides: { Contact_Reduction: 0.2 } }, warnings: [] });
  });

  it('names a scenario without a name after its file', () => {
    const r = parseScenario('{ "overrides": {} }', 'dir/high demand.json');
    expect(r.ok && r.value.name).toBe('high demand');
  });

  it('refuses overrides that are not finite numbers, with the file named', () => {
    const r = parseScenario('{ "name": "x", "overrides": { "a": "1" } }', 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ message: 'override "a" must be a finite number', loc: { file: 'x.json', line: 1 } });
  });

  it('keeps overrides of constants named __proto__ and constructor', () => {
    const r = parseScenario('{ "name": "x", "overrides": { "__proto__": 1, "constructor": 2 } }', 'x.json');
    expect(r.ok && Object.entries(r.value.overrides)).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
    ]);
  });

  it('refuses text that is not JSON', () => {
    const r = parseScenario('name = x', 'x.json');
    expect(r.ok).toBe(false);
  });

  it('prints what it reads', () => {
    const s = { name: 'S2', overrides: { Exit_Multiplier: 1.2 } };
    const again = parseScenario(printScenario(s), 'S2.json');
    expect(again.ok && again.value).toEqual(s);
  });

  it('makes a safe file name', () => {
    expect(scenarioFileName({ name: 'More staff / fewer beds', overrides: {} })).toBe('More_staff_fewer_beds.json');
    expect(scenarioFileName({ name: '../..', overrides: {} })).toBe('scenario.json');
  });
});
