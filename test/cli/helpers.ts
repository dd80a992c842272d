import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built `sluice` binary as a user would (the test command builds it first). */
export function sluice(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [resolve('packages/cli/bin/sluice.js'), ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sluice-cli-'));
}

export function writeTemp(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((l) => l.split(','));
}

export const TEACUP = resolve('examples/teacup/teacup.sluice');
export const TEACUP_XMILE = resolve('../shared/test-models/samples/teacup/teacup.xmile');
