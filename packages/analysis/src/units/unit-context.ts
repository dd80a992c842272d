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
  // Spellings of one unit form a class; its representative is a unit the project declares,
  // else the built-in name. Classes, not single hops, so `unit months` with `alias month`
  // and the built-in `month`/`months` agree.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const declared = new Set(project.units.map((u) => canonicalName(u.name)));
  const union = (a: string, b: string): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    // Keep a declared unit as the representative.
    if (declared.has(rb) && !declared.has(ra)) parent.set(ra, rb);
    else parent.set(rb, ra);
  };
  for (const [unit, aliases] of Object.entries(BUILTIN_ALIASES)) for (const a of aliases) union(unit, a);
  const defined = new Map<string, string>();
  for (const u of project.units) {
    const name = canonicalName(u.name);
    find(name);
    for (const a of u.aliases) union(name, canonicalName(a));
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
    if (singular.length > 0 && (used.has(singular) || parent.has(singular))) union(singular, name);
  }
  const resolving = new Set<string>();
  const resolve = (raw: string): Unit => {
    const name = find(raw);
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
