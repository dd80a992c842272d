// The CLI as the security tests drive it: in-process through `runCli` (fast, from source), and
// as a user would, by spawning the built binary (`npm test` builds it first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, vi } from 'vitest';
import { runCli } from '@sluice/cli';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `sluice ARGS` in this process, capturing what it writes. */
export async function cli(...args: string[]): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Run the built binary in `cwd`, as a user would. */
export function spawnSluice(cwd: string, ...args: string[]): CliOutcome {
  const r = spawnSync(process.execPath, [resolve('packages/cli/bin/sluice.js'), ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-security-'));
  made.push(dir);
  return dir;
}

export function writeIn(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A stack trace line, which a user must never see. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
