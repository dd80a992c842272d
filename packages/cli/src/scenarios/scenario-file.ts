import { error, fail, ok, type Result } from '@sluice/ir';
import { readModelText } from '../load/read-text.js';

/** A portable scenario: named constant overrides that authorities can share as a file. */
export interface Scenario {
  name: string;
  description?: string;
  overrides: Record<string, number>;
  file: string;
}

/** Read `{ "name": ..., "description": ..., "overrides": { NAME: number } }`, checking every field. */
export function readScenarioFile(path: string): Result<Scenario> {
  const text = readModelText(path, 1024 * 1024);
  if (!text.ok) return text;
  const at = { file: path, line: 1, column: 1 };
  let data: unknown;
  try {
    data = JSON.parse(text.value);
  } catch (e) {
    return fail([error('scenario-json', `${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, at)]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail([error('scenario-shape', 'a scenario file must be a JSON object with "name" and "overrides"', at)]);
  }
  const obj = data as Record<string, unknown>;
  const name = obj['name'];
  const overrides = obj['overrides'] ?? {};
  if (typeof name !== 'string' || name.trim() === '') return fail([error('scenario-shape', 'the scenario has no "name"', at)]);
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    return fail([error('scenario-shape', '"overrides" must be an object of variable names and numbers', at)]);
  }
  const entries = Object.entries(overrides as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return fail([error('scenario-shape', `override "${key}" must be a finite number`, at)]);
    }
  }
  // fromEntries defines own properties, so an override of a variable named __proto__ is kept.
  const values = Object.fromEntries(entries) as Record<string, number>;
  const scenario: Scenario = { name, overrides: values, file: path };
  if (typeof obj['description'] === 'string') scenario.description = obj['description'];
  return ok(scenario);
}
