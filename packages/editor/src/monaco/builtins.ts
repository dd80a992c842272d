import { BUILTINS, builtinSignature, findBuiltin, type BuiltinSpec } from '@sluice/compiler';

/**
 * The compiler's builtin table: the one list completion, hover and signature help read. Internal
 * entries (`#CONVEYOR`, …) are written only by the compiler's lowering, and a model may not call
 * them, so they are never offered.
 */
export const builtins: readonly BuiltinSpec[] = BUILTINS.filter((b) => !b.internal);

export function builtinNamed(name: string): BuiltinSpec | undefined {
  const b = findBuiltin(name);
  return b && !b.internal ? b : undefined;
}

/** How a call is written, with each parameter's label for signature help (`[initial]` when optional). */
export function signatureOf(b: BuiltinSpec): { label: string; params: string[] } {
  if (b.bare && b.params.length === 0) return { label: b.name, params: [] };
  const params = b.params.map((p) => (p.optional ? `[${p.name}]` : p.repeats ? `${p.name}, …` : p.name));
  return { label: `${b.name}(${params.join(', ')})`, params };
}

/** The builtin's reference text as Markdown, in the words of the compiler's reference. */
export function builtinMarkdown(b: BuiltinSpec): string {
  const parts = [`\`\`\`\n${builtinSignature(b)}\n\`\`\``, b.summary];
  if (b.aliases?.length) parts.push(`Also written ${b.aliases.join(', ')}.`);
  if (b.differences) parts.push(`*Stella and Vensim:* ${b.differences}`);
  return parts.join('\n\n');
}
