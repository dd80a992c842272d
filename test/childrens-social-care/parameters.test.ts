// Every parameter carries its provenance: units, and a doc that starts with its status (F found,
// D derived, A assumed, or a policy lever), so an analyst can see what to replace. And every
// parameter is a constant, so a scenario file can override it.
import { describe, expect, test } from 'vitest';
import { canonicalName } from '@sluice/ir';
import { loadProject, model } from './csc-model.js';

const statusOrLever = /^(?:(?:[FDA]\/)*[FDA]|Lever|Test lever)(?: \([^)]*\))?: /;
const variables = loadProject().models[0]!.variables;
const constants = variables.filter((v) => v.kind === 'aux' && !v.gf && v.equation?.expr?.kind === 'number');

describe('parameters', () => {
  test('the model has its parameters as constants', () => {
    expect(constants.length).toBeGreaterThan(100);
  });

  test.each(constants.map((v) => [v.name, v] as const))('%s has units and a doc that starts with its status', (_, v) => {
    expect(v.units).toBeTruthy();
    expect(v.doc ?? '').toMatch(statusOrLever);
  });

  test('every constant can be overridden by a scenario', () => {
    const overridable = new Set(model().constants.map((c) => c.ident));
    for (const v of constants) expect(overridable, v.name).toContain(canonicalName(v.name));
  });

  test('every graphical function has units and a doc with its status', () => {
    const tables = variables.filter((v) => v.gf);
    expect(tables).toHaveLength(10);
    for (const t of tables) {
      expect(t.units, t.name).toBeTruthy();
      expect(t.doc ?? '', t.name).toMatch(statusOrLever);
    }
  });

  test('every variable has units', () => {
    for (const v of variables) expect(v.units, v.name).toBeTruthy();
  });
});
