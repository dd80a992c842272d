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

/** `NAME(a, b [, c])`: the form shown in the reference and the editor's completion. */
export function builtinSignature(b: BuiltinSpec): string {
  if (b.params.length === 0) return b.name;
  const parts = b.params.map((p, i) => {
    const sep = i === 0 ? '' : ', ';
    const name = p.repeats ? `${p.name}, ...` : p.name;
    return p.optional ? `[${sep}${name}]` : `${sep}${name}`;
  });
  return `${b.name}(${parts.join('')})`;
}

/** The builtin reference as Markdown, generated from the table so it never disagrees with it. */
export function builtinReference(): string {
  const out: string[] = ['# Builtin functions', ''];
  for (const family of Object.keys(FAMILY_TITLES) as BuiltinSpec['family'][]) {
    const members = BUILTINS.filter((b) => b.family === family);
    if (members.length === 0) continue;
    out.push(`## ${FAMILY_TITLES[family]}`, '');
    for (const b of members) {
      out.push(`### \`${builtinSignature(b)}\``, '');
      if (b.aliases?.length) out.push(`Also: ${b.aliases.map((a) => `\`${a}\``).join(', ')}.`, '');
      out.push(b.summary, '', `Dialects: ${b.dialects.join(', ')}.`, '');
      if (b.differences) out.push(`Differences: ${b.differences}`, '');
    }
  }
  return out.join('\n');
}
