import type { CstNode, IToken } from 'chevrotain';
import type { Dialect, IntegrationMethod, SimSpecs } from '@sluice/ir';
import { firstToken, nodesOf, tokenLoc, tokenOf, tokensOf } from './cst.js';
import { readNumber, report, type BuildContext } from './context.js';
import { readUnits } from './build-variable.js';

/** The `sim` line: sim specs, and the dialect of the builtins. */

const methods: readonly IntegrationMethod[] = ['euler', 'rk2', 'rk4'];

/** What a `sim` line says beyond the sim specs: the builtins' dialect, and whether its units were misplaced. */
export interface SimExtras {
  value?: Dialect;
  unitsMisplaced?: boolean;
  /** Settings the line names, with or without a usable value (a bad value is reported where it is). */
  named?: Set<string>;
}

/** A `sim` line's settings; `dialect` receives what the line says beyond them. */
export function buildSim(node: CstNode, ctx: BuildContext, dialect: SimExtras = {}): Partial<SimSpecs> {
  const spec: Partial<SimSpecs> = {};
  const seen = new Set<string>();
  for (const setting of nodesOf(node, 'simSetting')) {
    const key = firstToken(setting);
    const nums = tokensOf(setting, 'Number').sort((a, b) => a.startOffset - b.startOffset);
    if (key === undefined) continue;
    if (seen.has(key.image)) {
      report(ctx, 'duplicate-attribute', `the sim line already sets ${key.image}`, key);
      continue;
    }
    seen.add(key.image);
    (dialect.named ??= new Set()).add(key.image);
    if (key.image === 'dialect') {
      const word = tokenOf(setting, 'Identifier');
      if (word === undefined) continue;
      if (word.image === 'xmile' || word.image === 'vensim') dialect.value = word.image;
      else report(ctx, 'invalid-value', `unknown dialect '${word.image}': expected xmile or vensim`, word);
      continue;
    }
    if (key.image === 'method') {
      const word = tokenOf(setting, 'Identifier');
      if (word === undefined) continue;
      const method = methods.find((m) => m === word.image.toLowerCase());
      if (method) spec.method = method;
      else report(ctx, 'invalid-value', `unknown integration method '${word.image}': expected euler, rk2 or rk4`, word);
      continue;
    }
    const unusable = nums.find((n) => !Number.isFinite(Number(n.image)));
    if (unusable) {
      report(ctx, 'invalid-number', `${key.image} ${unusable.image} is not a finite number`, unusable);
      continue;
    }
    const values = nums.map((n) => readNumber(n, ctx));
    if (values.length === 0 || values.some((v) => v === undefined)) continue;
    const value = values[0]!;
    if (key.image === 'start') spec.start = value;
    else if (key.image === 'stop') spec.stop = value;
    else if (key.image === 'save_step') {
      if (value > 0) spec.saveStep = value;
      else report(ctx, 'invalid-value', `save_step must be a positive number, not ${value}`, nums[0]!);
    }
    else if (key.image === 'dt') {
      if (values.length === 2) {
        spec.dt = value / values[1]!;
        if (value === 1) spec.dtReciprocal = true;
      } else spec.dt = value;
      if (!(spec.dt! > 0) || !Number.isFinite(spec.dt!)) report(ctx, 'invalid-value', `dt must be a positive number, not ${spec.dt}`, nums[0]!);
    }
  }
  const units = tokenOf(node, 'Units');
  if (units) {
    const text = readUnits(units, ctx);
    if (text !== undefined && /(^|\s)(start|stop|dt|save_step|method|dialect)\s/.test(text)) {
      report(ctx, 'syntax', "'units' must come last on the sim line: it takes the rest of the line", units);
      dialect.unitsMisplaced = true;
    } else if (text !== undefined) {
      spec.timeUnits = text;
    }
  }
  return spec;
}

export function completeSim(spec: Partial<SimSpecs>, at: IToken, ctx: BuildContext, extras: SimExtras): SimSpecs {
  // Settings swallowed by a misplaced `units`, or lost after a value that is not a number, are
  // that one mistake, already reported where it is.
  const spoilt = extras.unitsMisplaced === true || ctx.diagnostics.some((d) => d.severity === 'error' && d.loc?.line === at.startLine);
  for (const key of ['start', 'stop'] as const) {
    if (spec[key] === undefined && !spoilt && extras.named?.has(key) !== true) report(ctx, 'missing-sim-specs', `the sim line needs '${key}'`, at);
  }
  const sim: SimSpecs = { start: spec.start ?? 0, stop: spec.stop ?? 0, dt: spec.dt ?? 1, method: spec.method ?? 'euler' };
  if (spec.dtReciprocal) sim.dtReciprocal = true;
  if (spec.saveStep !== undefined) sim.saveStep = spec.saveStep;
  if (spec.timeUnits !== undefined) sim.timeUnits = spec.timeUnits;
  // The run limits (too many steps, too many saved numbers) are found only when a run is
  // planned, long after parsing: they point at the sim line through this.
  sim.loc = tokenLoc(at, ctx.file);
  if (sim.stop < sim.start) report(ctx, 'invalid-value', `stop (${sim.stop}) comes before start (${sim.start})`, at);
  return sim;
}
