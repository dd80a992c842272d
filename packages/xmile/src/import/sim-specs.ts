import type { IntegrationMethod, SimSpecs } from '@sluice/ir';
import type { ImportContext } from './context.js';
import { readSimSpecEquations } from './extensions.js';
import { readNumber, readNumberAttr } from './numbers.js';
import { attr, child, type XNode } from './xml-tree.js';

const METHODS: Record<string, IntegrationMethod> = { euler: 'euler', rk2: 'rk2', rk4: 'rk4' };
/** Methods other tools write that Sluice does not integrate with: refused, never run as Euler. */
const UNSUPPORTED = new Set(['rk45', 'gear']);

/**
 * `<sim_specs>`: start and stop are required; dt defaults to 1 and may be written as its
 * reciprocal; the save interval (`save_interval`, also as `isee:save_interval`) defaults to dt.
 * `partial` is for a macro's own specs, where every field is optional.
 */
export function readSimSpecs(node: XNode, ctx: ImportContext): SimSpecs | undefined;
export function readSimSpecs(node: XNode, ctx: ImportContext, partial: true): Partial<SimSpecs>;
export function readSimSpecs(node: XNode, ctx: ImportContext, partial = false): Partial<SimSpecs> | undefined {
  const before = ctx.diagnostics.length;
  const out: Partial<SimSpecs> = {};
  const startNode = child(node, 'start');
  const stopNode = child(node, 'stop');
  if (startNode) out.start = readTime(startNode, ctx, 'start time');
  else if (!partial) ctx.error('missing-sim-spec', '<sim_specs> has no <start>', node);
  if (stopNode) out.stop = readTime(stopNode, ctx, 'stop time');
  else if (!partial) ctx.error('missing-sim-spec', '<sim_specs> has no <stop>', node);

  const dtNode = child(node, 'dt');
  if (dtNode) {
    const written = readTime(dtNode, ctx, 'dt');
    const reciprocal = attr(dtNode, 'reciprocal')?.trim().toLowerCase() === 'true';
    if (written !== undefined) {
      if (written <= 0) ctx.error('bad-dt', `dt must be greater than 0, not ${written}`, dtNode);
      else out.dt = reciprocal ? 1 / written : written;
    }
    if (reciprocal) out.dtReciprocal = true;
  } else if (!partial) out.dt = 1;

  const saveNode = child(node, 'save_interval') ?? child(node, 'savestep');
  const saveAttr = attr(node, 'save_interval');
  const save = saveNode
    ? readTime(saveNode, ctx, 'save interval')
    : saveAttr !== undefined
      ? finite(readNumberAttr(node, 'save_interval', saveAttr, ctx, 'save interval'), node, ctx, 'save interval')
      : undefined;
  if (save !== undefined) {
    if (save <= 0) ctx.error('bad-save-interval', `the save interval must be greater than 0, not ${save}`, saveNode ?? node);
    else out.saveStep = save;
  }

  const method = readMethod(node, ctx);
  if (method) out.method = method;
  else if (!partial && attr(node, 'method') === undefined) out.method = 'euler';
  const timeUnits = attr(node, 'time_units');
  if (timeUnits !== undefined && timeUnits.trim() !== '') out.timeUnits = timeUnits;

  if (out.start !== undefined && out.stop !== undefined && out.stop < out.start) {
    ctx.error('bad-stop', `stop time (${out.stop}) is before start time (${out.start})`, stopNode ?? node);
  }
  const equations = readSimSpecEquations(node, ctx);
  if (equations) out.equations = equations;
  if (partial) return out;
  // The run limits (too many steps, too many saved numbers) are found only when a run is
  // planned: they point at the time step, the number a modeller changes to meet them.
  out.loc = ctx.locOf(dtNode ?? node);
  if (ctx.diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  return out as SimSpecs;
}

/** A time setting: a number XMILE can write (`1e400` parses) that no run can use is refused here. */
function readTime(node: XNode, ctx: ImportContext, what: string): number | undefined {
  return finite(readNumber(node, ctx, what), node.contentStart, ctx, what);
}

function finite(value: number | undefined, at: XNode | number, ctx: ImportContext, what: string): number | undefined {
  if (value === undefined || Number.isFinite(value)) return value;
  ctx.error('not-a-number', `${what} must be a finite number, not ${value}`, at);
  return undefined;
}

function readMethod(node: XNode, ctx: ImportContext): IntegrationMethod | undefined {
  const written = attr(node, 'method');
  if (written === undefined) return undefined;
  const key = written.trim().toLowerCase();
  const method = METHODS[key];
  if (method) return method;
  if (UNSUPPORTED.has(key)) {
    ctx.error('unsupported-method', `integration method "${written}" is not supported (use Euler, RK2 or RK4)`, node);
  } else {
    ctx.error('unknown-method', `unknown integration method "${written}" (expected Euler, RK2 or RK4)`, node);
  }
  return undefined;
}
