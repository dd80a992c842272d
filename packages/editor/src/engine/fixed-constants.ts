import { canonicalName, type Project, type Result } from '@sluice/ir';
import { compile, type CompiledModel } from '@sluice/compiler';
import { overridesFrom, type Overrides } from './overrides.js';

/** Overrides split into those a compiled model takes and those only a new compile can apply. */
export interface SplitOverrides {
  runnable: Overrides;
  /** Constants the compiler read while compiling (a DELAYN's order), by ident, with their new values. */
  fixed: [string, number][];
}

/**
 * A constant that sets a delay's or smooth's order shapes the compiled model (how many stocks
 * the delay has), so the runtime refuses to override it. A slider or scenario that sets one is
 * answered by compiling a copy of the model with the new value written in; the copies are kept
 * per compiled model and setting, so a drag that returns to a value does not compile again.
 */
export class FixedConstantCompiles {
  private base: CompiledModel | null = null;
  private copies = new Map<string, Result<CompiledModel>>();

  split(project: Project, compiled: CompiledModel, overrides: Overrides): SplitOverrides {
    const main = project.models[0];
    const accepted = new Set(compiled.constants.map((c) => c.ident));
    const runnable: [string, number][] = [];
    const fixed: [string, number][] = [];
    for (const [name, value] of Object.entries(overrides)) {
      const ident = canonicalName(name);
      const variable = main?.variables.find((v) => v.ident === ident);
      const takesOverride = accepted.has(ident) || compiled.constants.some((c) => c.ident.startsWith(`${ident}[`));
      if (!takesOverride && variable?.equation?.expr?.kind === 'number' && !variable.dimensions?.length) fixed.push([ident, value]);
      else runnable.push([name, value]);
    }
    return { runnable: overridesFrom(runnable), fixed };
  }

  compiledWith(project: Project, compiled: CompiledModel, fixed: [string, number][]): Result<CompiledModel> {
    if (this.base !== compiled) {
      this.base = compiled;
      this.copies.clear();
    }
    const key = fixed.map(([ident, value]) => `${ident}=${value}`).sort().join('\n');
    const known = this.copies.get(key);
    if (known) return known;
    const values = new Map(fixed);
    const [main, ...rest] = project.models;
    const variables = main!.variables.map((v) => {
      const value = values.get(v.ident);
      return value === undefined || !v.equation ? v : { ...v, equation: { ...v.equation, text: String(value), expr: { kind: 'number' as const, value } } };
    });
    const result = compile({ ...project, models: [{ ...main!, variables }, ...rest] });
    // A handful of settings is what a drag or a scenario list visits; more would only hold memory.
    if (this.copies.size >= 16) this.copies.clear();
    this.copies.set(key, result);
    return result;
  }
}
