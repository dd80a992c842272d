import type { Dialect } from '@sluice/ir';
import { BUILTINS } from './registry.js';
import type { BuiltinSpec } from './types.js';

const FAMILY_TITLES: Record<BuiltinSpec['family'], string> = {
  math: 'Mathematics',
  constant: 'Constants',
  logic: 'Logic',
  'time-input': 'Time and test inputs',
  lookup: 'Graphical functions',
  memory: 'Memory and delays',
  array: 'Array functions',
  random: 'Random numbers',
};

const DIALECT_NAMES: Record<Dialect, string> = { xmile: 'XMILE and Stella', vensim: 'Vensim' };

/**
 * `NAME(a, b [, c])`: the form shown in the reference and the editor's completion. With a
 * dialect, that dialect's form when it differs (Vensim's DELAY1 has no initial value).
 */
export function builtinSignature(b: BuiltinSpec, dialect?: Dialect): string {
  const params = (dialect && b.forms?.[dialect]) || b.params;
  if (params.length === 0) return b.name;
  const parts = params.map((p, i) => {
    const sep = i === 0 ? '' : ', ';
    const name = p.repeats ? `${p.name}, ...` : p.name;
    return p.optional ? `[${sep}${name}]` : `${sep}${name}`;
  });
  return `${b.name}(${parts.join('')})`;
}

const INTRO = [
  '# Builtin functions',
  '',
  '<!-- Generated from the builtin table of @sluice/compiler (`builtinReference()`): do not edit.',
  '     Regenerate with `npx tsc -b && node scripts/builtin-reference.mjs`. -->',
  '',
  'Every function Sluice compiles, by family. Names are matched ignoring case, and spaces and',
  'underscores are the same (`IF THEN ELSE` is `IF_THEN_ELSE`). "Dialects" says whose files',
  'define the function: XMILE (the OASIS standard, and Stella, which writes it) or Vensim; a',
  'function of the other dialect is still accepted, and where both define a name the file\'s own',
  'dialect decides what it means. Functions marked *lowered* keep their state in hidden stocks',
  'and flows, written out before code generation.',
  '',
];

/** The builtin reference as Markdown, generated from the table so it never disagrees with it. */
export function builtinReference(): string {
  const out: string[] = [...INTRO];
  for (const family of Object.keys(FAMILY_TITLES) as BuiltinSpec['family'][]) {
    const members = BUILTINS.filter((b) => b.family === family && !b.internal);
    if (members.length === 0) continue;
    out.push(`## ${FAMILY_TITLES[family]}`, '');
    for (const b of members) {
      out.push(`### \`${builtinSignature(b)}\``, '');
      for (const [d, params] of Object.entries(b.forms ?? {}) as [Dialect, unknown][]) {
        if (params) out.push(`${DIALECT_NAMES[d]}: \`${builtinSignature(b, d)}\``, '');
      }
      if (b.aliases?.length) out.push(`Also: ${b.aliases.map((a) => `\`${a}\``).join(', ')}.`, '');
      out.push(b.summary, '');
      out.push(`Dialects: ${b.dialects.map((d) => DIALECT_NAMES[d]).join('; ')}.${b.lowered ? ' *Lowered* to stocks and flows.' : ''}`, '');
      if (b.differences) out.push(`Differences: ${b.differences}`, '');
    }
  }
  return out.join('\n');
}
