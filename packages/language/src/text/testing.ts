import { formatDiagnostic, type Project } from '@sluice/ir';
import { parseSluice } from './parse.js';

/** For tests: helpers the language's round-trip tests share. */

/** A text that must parse: its project, or an error listing every diagnostic. */
export function parseOrThrow(text: string, file?: string): Project {
  const r = parseSluice(text, file === undefined ? {} : { file });
  if (!r.ok) throw new Error(`${text}\n${r.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  return r.value;
}

/** A value without its source locations (`loc`): what a round trip through text must keep. */
export function withoutLocs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocs);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'loc').map(([k, v]) => [k, withoutLocs(v)]));
  }
  return value;
}
