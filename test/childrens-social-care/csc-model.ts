// Loads the children's social care example and runs it, for the tests of the spec's §8.
// The model and its scenarios are read from examples/childrens-social-care, exactly as an
// analyst would use them: no numbers from the spec are copied here.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalName, formatDiagnostic, type Project, type Result } from '@sluice/ir';
import { parseSluice } from '@sluice/language';
import { compile, type CompiledModel } from '@sluice/compiler';
import { simulate, type SimulateOptions } from '@sluice/runtime';

const exampleDir = fileURLToPath(new URL('../../examples/childrens-social-care/', import.meta.url));
export const modelFile = `${exampleDir}childrens-social-care.sluice`;
const scenarioDir = `${exampleDir}scenarios/`;

export interface Scenario {
  name: string;
  description: string;
  overrides: Record<string, number>;
}

/** Every scenario shipped with the example, keyed by its name (S0, S1a, ... T2). */
export function loadScenarios(): Map<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const f of readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort()) {
    const s = JSON.parse(readFileSync(scenarioDir + f, 'utf8')) as Scenario;
    out.set(s.name, s);
  }
  return out;
}

function unwrap<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`${what} failed:\n${r.diagnostics.map((d) => formatDiagnostic(d, modelFile)).join('\n')}`);
  return r.value;
}

export function loadProject(): Project {
  return unwrap(parseSluice(readFileSync(modelFile, 'utf8'), { file: modelFile }), 'parsing the model');
}

export function compileProject(project: Project): CompiledModel {
  return unwrap(compile(project), 'compiling the model');
}

let compiled: CompiledModel | undefined;
/** The example as shipped, compiled once for all the tests of a file. */
export function model(): CompiledModel {
  compiled ??= compileProject(loadProject());
  return compiled;
}

/** One run's output, read by variable name and time. */
export class Run {
  readonly times: Float64Array;
  private readonly byIdent = new Map<string, Float64Array>();

  constructor(times: Float64Array, columns: { ident: string; values: Float64Array }[]) {
    this.times = times;
    for (const c of columns) this.byIdent.set(c.ident, c.values);
  }

  series(name: string): Float64Array {
    const s = this.byIdent.get(canonicalName(name));
    if (!s) throw new Error(`no column '${name}' in the run`);
    return s;
  }

  /** Index of the saved row at time t (an exact grid time). */
  row(t: number): number {
    const step = this.times[1]! - this.times[0]!;
    const k = Math.round((t - this.times[0]!) / step);
    if (Math.abs(this.times[k]! - t) > 1e-9) throw new Error(`time ${t} is not a saved time`);
    return k;
  }

  at(name: string, t: number): number {
    return this.series(name)[this.row(t)]!;
  }

  /**
   * Total of a flow over from <= t < to, as the Euler integration accumulates it: the flow
   * saved at each step times the step. Needs a run saved at every step.
   */
  total(name: string, from: number, to: number, dt: number): number {
    const s = this.series(name);
    let sum = 0;
    for (let k = this.row(from); k < this.row(to); k++) sum += s[k]! * dt;
    return sum;
  }

  /** The change of a cumulative stock over the financial year that ends at month `end`. */
  overYear(cumulative: string, end: number): number {
    return this.at(cumulative, end) - this.at(cumulative, end - 12);
  }
}

export function run(options: SimulateOptions = {}, compiledModel: CompiledModel = model()): Run {
  const r = unwrap(simulate(compiledModel, options), 'simulating the model');
  return new Run(r.times, r.columns);
}

export function runScenario(s: Scenario, options: SimulateOptions = {}): Run {
  return run({ ...options, overrides: { ...s.overrides, ...(options.overrides ?? {}) } });
}

/** Neutral value of every policy lever (§6): with these, a scenario is the baseline. */
export const neutralLevers: Readonly<Record<string, number>> = {
  Contact_Reduction: 0,
  Exit_Multiplier: 1,
  Reunification_Multiplier: 1,
  Care_Entry_Multiplier: 1,
  Extra_FTE: 0,
  Caseload_Cap_Policy: 0,
  Beds_to_Build: 0,
  Needs_Threshold: 0,
  Triage_Improvement: 0,
  Shock_Size: 0,
};

/** The eleven stocks of children (§3, stocks 1-11). */
export const childStocks = [
  'Early_Help_Cases',
  'Children_in_Assessment',
  'CP_Enquiries',
  'Children_on_CP_Plans',
  'Children_in_Need',
  'Recently_Closed_Cases',
  'CLA_In_house_Foster',
  'CLA_IFA',
  'CLA_In_house_Residential',
  'CLA_External_Residential',
  'CLA_Other_Placements',
] as const;

/** Stocks of people, places and beds, which must never go negative (§3 stock rules). */
export const countStocks = [
  ...childStocks,
  'In_house_Foster_Places',
  'In_house_Residential_Beds',
  'Residential_Beds_in_Development',
  'Social_Workers',
  'Recruits_in_Pipeline',
  'Agency_Social_Workers',
] as const;

/** Relative change of `value` against `base`, e.g. -0.115 for 11.5 % fewer. */
export function change(value: number, base: number): number {
  return value / base - 1;
}
