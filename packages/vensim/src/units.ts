/**
 * The units field of an entry: `Month [0,?]` or `Widgets [0,100,5]`. The bracket is the
 * range Vensim's sliders use; `?` leaves an end open.
 */
export interface UnitsField {
  units?: string;
  range?: { min?: number; max?: number; step?: number };
}

export function parseUnits(text: string): UnitsField {
  const m = /^([^[]*?)\s*(?:\[([^\]]*)\])?\s*$/.exec(text.trim());
  if (!m) return { units: text.trim() };
  const out: UnitsField = {};
  const units = (m[1] ?? '').trim();
  if (units !== '') out.units = units;
  if (m[2] !== undefined) {
    const [min, max, step] = m[2].split(',').map((s) => s.trim());
    const num = (s: string | undefined): number | undefined => (s === undefined || s === '' || s === '?' || !Number.isFinite(Number(s)) ? undefined : Number(s));
    const range: UnitsField['range'] = {};
    const lo = num(min);
    const hi = num(max);
    const st = num(step);
    if (lo !== undefined) range.min = lo;
    if (hi !== undefined) range.max = hi;
    if (st !== undefined) range.step = st;
    out.range = range;
  }
  return out;
}
