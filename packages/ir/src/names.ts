/**
 * The one name canonicaliser. XMILE (and Vensim) names are case-insensitive, treat spaces and
 * underscores as equal, may be quoted, and may hold `\n` (a literal backslash-n, or a real line
 * break) where the diagram wraps the name. Every part of Sluice that compares names calls this.
 *
 * The canonical form is lower case (Unicode-aware), with runs of spaces, underscores and
 * line breaks folded to one `_`, no surrounding quotes or blanks.
 */
export function canonicalName(name: string): string {
  let s = name.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  s = s.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return s
    .normalize('NFC')
    .replace(/\\n/g, ' ')
    .replace(/[\s_\u00a0]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/ /g, '_');
}

/**
 * The name as a person reads it: quotes dropped, `\n` and line breaks shown as a space,
 * original case kept. Used for result columns and messages.
 */
export function displayName(name: string): string {
  let s = name.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  return s.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Canonical form of a builtin function name: upper case, spaces and underscores as `_`. */
export function canonicalFunctionName(name: string): string {
  return name.trim().replace(/[\s_]+/g, '_').toUpperCase();
}
