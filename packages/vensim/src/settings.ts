import type { UnitDefinition } from '@sluice/ir';

/**
 * The settings block Vensim writes after the sketch (from the `:L<%^E!@` line on): numbered
 * lines `n:value`. Lines `22:` list unit equivalents, `Person,People,Persons`: the first name
 * and the names that mean the same.
 */
export function unitsFromSettings(sketch: string | undefined): UnitDefinition[] {
  if (sketch === undefined) return [];
  const start = sketch.indexOf(':L<%^E!@');
  if (start < 0) return [];
  const out: UnitDefinition[] = [];
  for (const line of sketch.slice(start).split(/\r\n|\r|\n/)) {
    if (!line.startsWith('22:')) continue;
    const names = line
      .slice(3)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const [name, ...aliases] = names;
    if (name !== undefined) out.push({ name, aliases });
  }
  return out;
}
