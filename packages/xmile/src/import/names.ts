import { canonicalName } from '@sluice/ir';

/** A name attribute as the IR keeps it: case and `\n` kept, surrounding quotes dropped. */
export function nameAsWritten(raw: string): string {
  const t = raw.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/**
 * A possibly module-qualified reference (`lynxes.hare_density`, `.area`), canonical part by
 * part. A leading dot means "in the model that holds the module" and is dropped: the IR's
 * connection `from` is already relative to that model. Dots inside quotes belong to the name.
 */
export function canonicalPath(raw: string): string {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of raw.trim()) {
    if (c === '"') quoted = !quoted;
    if (c === '.' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  while (parts.length > 1 && parts[0]?.trim() === '') parts.shift();
  return parts.map(canonicalName).join('.');
}
