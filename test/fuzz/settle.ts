// What every fuzzed call must do: return (never throw) within a time bound, with an outcome
// of the documented shape, every diagnostic well-formed, and nothing from the input executed.
import { expect } from 'vitest';
import type { Diagnostic, Result } from '@sluice/ir';
import type { ParsedEquation } from '@sluice/language';

/** Cases per property: 100 in `npm test` (two or three properties per target), 100,000 from `scripts/fuzz.mjs`. */
export const CASES = Number(process.env['SLUICE_FUZZ_CASES']) || 100;
/** One call may take this long: a bound that catches hangs, generous because test machines are shared and loaded. */
export const TIME_LIMIT_MS = Number(process.env['SLUICE_FUZZ_TIME_LIMIT_MS']) || 10_000;
/** fast-check options: the case count, and a fixed seed when SLUICE_FUZZ_SEED is set to replay a failure. */
export const RUN = {
  numRuns: CASES,
  ...(process.env['SLUICE_FUZZ_SEED'] ? { seed: Number(process.env['SLUICE_FUZZ_SEED']) } : {}),
};

function wellFormed(d: Diagnostic): void {
  expect(['error', 'warning']).toContain(d.severity);
  expect(typeof d.code).toBe('string');
  expect(d.message.length).toBeGreaterThan(0);
  if (d.loc) {
    expect(Number.isInteger(d.loc.line) && d.loc.line >= 1, `line of ${d.message}`).toBe(true);
    expect(Number.isInteger(d.loc.column) && d.loc.column >= 1, `column of ${d.message}`).toBe(true);
  }
}

function timed<T>(what: string, call: () => T): T {
  const sentinel = globalThis as { __pwned?: unknown };
  const t0 = performance.now();
  let value: T;
  try {
    value = call();
  } catch (e) {
    throw new Error(`${what} threw instead of returning diagnostics: ${e instanceof Error ? e.stack : String(e)}`);
  }
  const ms = performance.now() - t0;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(TIME_LIMIT_MS);
  expect(sentinel.__pwned, `${what} executed model text`).toBeUndefined();
  return value;
}

/** Calls a stage and checks its Result. */
export function settles<T>(what: string, call: () => Result<T>): Result<T> {
  const r = timed(what, call);
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) r.warnings.forEach(wellFormed);
  else {
    expect(r.diagnostics.some((d) => d.severity === 'error'), `${what} failed without an error`).toBe(true);
    r.diagnostics.forEach(wellFormed);
  }
  return r;
}

/** Calls the equation parser and checks its outcome: a tree, or a diagnostic saying why not. */
export function parses(call: () => ParsedEquation): ParsedEquation {
  const r = timed('parseEquation', call);
  r.diagnostics.forEach(wellFormed);
  if (r.expr === null) expect(r.diagnostics.length, 'no tree and no diagnostic').toBeGreaterThan(0);
  return r;
}
