import { error, fail, ok, type Result } from '@sluice/ir';
import { overridesFrom } from './overrides.js';

/** A named set of constant overrides, stored as `{ "name", "description"?, "overrides" }` JSON. */
export interface Scenario {
  name: string;
  description?: string;
  overrides: Record<string, number>;
}

/** Read a scenario file. The file is untrusted: anything but a name and numeric overrides is an error. */
export function parseScenario(text: string, file: string): Result<Scenario> {
  const at = { file, line: 1, column: 1 };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail([error('scenario', `not JSON: ${e instanceof Error ? e.message : String(e)}`, at)]);
  }
  if (!isRecord(data)) return fail([error('scenario', 'a scenario is a JSON object with "name" and "overrides"', at)]);
  const name = typeof data.name === 'string' && data.name.trim() ? data.name.trim() : file.replace(/^.*\//, '').replace(/\.json$/i, '');
  const raw = data.overrides ?? {};
  if (!isRecord(raw)) return fail([error('scenario', '"overrides" must be an object of variable names to numbers', at)]);
  const pairs: [string, number][] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail([error('scenario', `override "${k}" must be a finite number`, at)]);
    pairs.push([k, v]);
  }
  const overrides = overridesFrom(pairs);
  const scenario: Scenario = { name, overrides };
  if (typeof data.description === 'string') scenario.description = data.description;
  return ok(scenario);
}

export function printScenario(s: Scenario): string {
  const out: Scenario = { name: s.name, ...(s.description ? { description: s.description } : {}), overrides: s.overrides };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A file name for a scenario: its name with anything but letters, digits, `-` and `_` dropped. */
export function scenarioFileName(s: Scenario): string {
  return `${s.name.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '') || 'scenario'}.json`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
