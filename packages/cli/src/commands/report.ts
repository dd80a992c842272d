import { formatDiagnostic, type Diagnostic } from '@sluice/ir';

/** Thrown for a command-line mistake (exit code 2), as opposed to a problem in a model (exit 1). */
export class UsageError extends Error {}

/** Print diagnostics as `file:line:col: error: message`, errors first, and return the exit code. */
export function reportDiagnostics(diagnostics: Diagnostic[], file: string): number {
  const sorted = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const d of sorted) process.stderr.write(formatDiagnostic(d, file) + '\n');
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export function parseNumberOption(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${option} expects a number, got "${value}"`);
  return n;
}

/** `--set NAME=VALUE`, repeatable. */
export function collectAssignment(value: string, previous: Record<string, number> = {}): Record<string, number> {
  const eq = value.lastIndexOf('=');
  if (eq <= 0) throw new UsageError(`--set expects NAME=VALUE, got "${value}"`);
  return { ...previous, [value.slice(0, eq).trim()]: parseNumberOption(value.slice(eq + 1), '--set') };
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
