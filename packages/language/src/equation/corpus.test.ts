import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEquation } from './parse.js';
import { parseConstantList } from './constant-list.js';

// Every equation Stella wrote in the shared conformance suite must parse.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const suite = join(repoRoot, '..', 'shared', 'test-models');

function modelFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...modelFiles(path));
    else if (/\.(xmile|stmx)$/i.test(entry)) out.push(path);
  }
  return out.sort();
}

function brokenFiles(): Set<string> {
  const rows = readFileSync(join(suite, 'manifest.tsv'), 'utf8').split(/\r?\n/).slice(1);
  const broken = new Set<string>();
  for (const row of rows) {
    const [folder, file, , role] = row.split('\t');
    if (role === 'broken' && folder !== undefined && file !== undefined) broken.add(`${folder}/${file}`);
  }
  return broken;
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

interface FoundEquation {
  text: string;
  line: number;
  column: number;
}

function equations(xml: string): FoundEquation[] {
  const found: FoundEquation[] = [];
  for (const m of xml.matchAll(/<eqn>([\s\S]*?)<\/eqn>/g)) {
    const start = (m.index ?? 0) + '<eqn>'.length;
    const before = xml.slice(0, start).split('\n');
    found.push({ text: decodeXml(m[1] ?? ''), line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 });
  }
  return found;
}

const files = existsSync(suite) ? modelFiles(suite) : [];
const broken = existsSync(suite) ? brokenFiles() : new Set<string>();
const usable = files.filter((f) => !broken.has(relative(suite, f).split('\\').join('/')));

describe('every equation in the conformance suite parses', () => {
  it('finds the suite and its models', () => {
    expect(usable.length).toBeGreaterThan(40);
    const total = usable.reduce((n, f) => n + equations(readFileSync(f, 'utf8')).length, 0);
    expect(total).toBeGreaterThan(400);
  });

  it.each(usable.map((f) => [relative(suite, f), f]))('%s', (_name, path) => {
    const failures: string[] = [];
    for (const eqn of equations(readFileSync(path, 'utf8'))) {
      if (parseConstantList(eqn.text) !== null) continue;
      const { expr, diagnostics } = parseEquation(eqn.text, { file: path, line: eqn.line, column: eqn.column });
      // Stella leaves a comment as the whole equation of a module input that a connection feeds.
      const onlyComment = /^\s*(\{[^}]*\}\s*)+$/.test(eqn.text);
      if (onlyComment && diagnostics[0]?.code === 'empty-equation') continue;
      if (expr === null) failures.push(`${eqn.line}:${eqn.column} ${JSON.stringify(eqn.text)}: ${diagnostics[0]?.message}`);
    }
    expect(failures).toEqual([]);
  });
});
