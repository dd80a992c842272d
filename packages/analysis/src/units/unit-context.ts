import { canonicalName, type Project } from '@sluice/ir';
import { DIMENSIONLESS, parseUnit, type Unit } from './unit.js';

/** Spellings of the same unit that Stella and Vensim both accept without a declaration. */
const BUILTIN_ALIASES: Record<string, string[]> = {
  second: ['seconds', 's', 'sec', 'secs'],
  minute: ['minutes', 'min', 'mins'],
  hour: ['hours', 'hr', 'hrs', 'h'],
  day: ['days', 'd'],
  week: ['weeks', 'wk', 'wks'],
  month: ['months', 'mo', 'mos'],
  quarter: ['quarters', 'qtr'],
  year: ['years', 'yr', 'yrs', 'y', 'a'],
  person: ['people', 'persons'],
};

/** Resolves unit names of one project: built-in aliases, the project's units and their aliases. */
export interface UnitContext {
  /** Parse a units string of this project; undefined when it does not parse. */
  parse(text: string): Unit | undefined;
  /** The project's time unit. */
  time: Unit | undefined;
}

export function unitContext(project: Project): UnitContext {
  const aliasOf = new Map<string, string>();
  for (const [unit, aliases] of Object.entries(BUILTIN_ALIASES)) for (const a of aliases) aliasOf.set(a, unit);
  const defined = new Map<string, string>();
  for (const u of project.units) {
    const name = canonicalName(u.name);
    for (const a of u.aliases) aliasOf.set(canonicalName(a), name);
    if (u.equation && u.equation.trim() !== '') defined.set(name, u.equation);
  }
  // A plural and its singular used in one model (`contacts` and `contact`) are one unit.
  const used = new Set<string>();
  for (const model of project.models) {
    for (const v of model.variables) {
      for (const part of (v.units ?? '').split(/[*/^()]/)) used.add(canonicalName(part));
    }
  }
  for (const name of used) {
    const singular = name.endsWith('s') ? name.slice(0, -1) : '';
    if (singular.length > 0 && !aliasOf.has(name) && (used.has(singular) || BUILTIN_ALIASES[singular])) aliasOf.set(name, aliasOf.get(singular) ?? singular);
  }
  const resolving = new Set<string>();
  const resolve = (raw: string): Unit => {
    const name = aliasOf.get(raw) ?? raw;
    const equation = defined.get(name);
    if (equation === undefined || resolving.has(name)) return new Map([[name, 1]]);
    resolving.add(name);
    const parsed = parseUnit(equation, resolve);
    resolving.delete(name);
    // A definition with a scale (`1000 * person`) is the same dimension as its base.
    return parsed.ok ? parsed.unit : new Map([[name, 1]]);
  };
  const parse = (text: string): Unit | undefined => {
    const r = parseUnit(text, resolve);
    return r.ok ? r.unit : undefined;
  };
  const timeUnits = project.simSpecs.timeUnits;
  return { parse, time: timeUnits ? parse(timeUnits) ?? DIMENSIONLESS : undefined };
}
