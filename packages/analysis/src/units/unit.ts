import { canonicalName } from '@sluice/ir';

/**
 * A unit of measure as a product of named base units with integer powers:
 * `children/month` is { children: 1, month: -1 }. Dimensionless is the empty product.
 */
export type Unit = ReadonlyMap<string, number>;

export const DIMENSIONLESS: Unit = new Map();

/** Words every tool reads as "no unit". */
const DIMENSIONLESS_NAMES = new Set(['dmnl', 'dimensionless', 'unitless', 'fraction', 'percent', 'nondimensional', '1']);

export function multiply(a: Unit, b: Unit, power = 1): Unit {
  const out = new Map(a);
  for (const [name, p] of b) {
    const sum = (out.get(name) ?? 0) + p * power;
    if (sum === 0) out.delete(name);
    else out.set(name, sum);
  }
  return out;
}

export function power(a: Unit, n: number): Unit {
  const out = new Map<string, number>();
  if (n === 0) return out;
  for (const [name, p] of a) out.set(name, p * n);
  return out;
}

export function sameUnit(a: Unit, b: Unit): boolean {
  if (a.size !== b.size) return false;
  for (const [name, p] of a) if (b.get(name) !== p) return false;
  return true;
}

/** `children/month`, `1/month`, `GBP*week^-1`, `dmnl`: how the unit reads back. */
export function formatUnit(u: Unit): string {
  const num: string[] = [];
  const den: string[] = [];
  for (const [name, p] of [...u].sort(([a], [b]) => a.localeCompare(b))) {
    const abs = Math.abs(p);
    const text = abs === 1 ? name : `${name}^${abs}`;
    (p > 0 ? num : den).push(text);
  }
  if (num.length === 0 && den.length === 0) return 'dmnl';
  const top = num.length === 0 ? '1' : num.join('*');
  if (den.length === 0) return top;
  return `${top}/${den.length === 1 ? den[0] : `(${den.join('*')})`}`;
}

export type UnitParse = { ok: true; unit: Unit } | { ok: false; message: string };

/**
 * Parse a units string as XMILE and Vensim write them: names (which may hold spaces, hyphens
 * and symbols such as £), `*`, `/`, `^n`, parentheses and `1`. Names go through `resolve`
 * (aliases, model-defined units) after `canonicalName`.
 */
export function parseUnit(text: string, resolve: (name: string) => Unit = (n) => new Map([[n, 1]])): UnitParse {
  const src = text.trim();
  let pos = 0;
  const fail = (message: string): UnitParse => ({ ok: false, message });
  const skip = (): void => {
    while (pos < src.length && /\s/.test(src[pos]!)) pos++;
  };
  const expression = (): Unit | string => {
    let left = term();
    if (typeof left === 'string') return left;
    for (;;) {
      skip();
      const op = src[pos];
      if (op !== '*' && op !== '/') return left;
      pos++;
      const right = term();
      if (typeof right === 'string') return right;
      left = multiply(left, right, op === '*' ? 1 : -1);
    }
  };
  const term = (): Unit | string => {
    const base = factor();
    if (typeof base === 'string') return base;
    skip();
    if (src[pos] !== '^') return base;
    pos++;
    skip();
    const m = /^[-+]?\d+/.exec(src.slice(pos));
    if (!m) return `expected a whole number after ^ in "${src}"`;
    pos += m[0].length;
    return power(base, Number(m[0]));
  };
  const factor = (): Unit | string => {
    skip();
    if (src[pos] === '(') {
      pos++;
      const inner = expression();
      if (typeof inner === 'string') return inner;
      skip();
      if (src[pos] !== ')') return `expected ')' in "${src}"`;
      pos++;
      return inner;
    }
    const m = /^[^*/^()]+/.exec(src.slice(pos));
    if (!m) return `expected a unit name at "${src.slice(pos) || 'the end'}" in "${src}"`;
    pos += m[0].length;
    const name = canonicalName(m[0]);
    if (/^[\d.]+$/.test(name)) return DIMENSIONLESS;
    if (DIMENSIONLESS_NAMES.has(name)) return DIMENSIONLESS;
    return resolve(name);
  };
  if (src === '') return { ok: true, unit: DIMENSIONLESS };
  const unit = expression();
  if (typeof unit === 'string') return fail(unit);
  skip();
  if (pos < src.length) return fail(`unexpected "${src.slice(pos)}" in "${src}"`);
  return { ok: true, unit };
}
