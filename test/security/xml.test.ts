// XML and file-size safety: a DOCTYPE is the door to entity expansion (billion laughs) and to
// external entities (reading local files or the network), so it is refused before any parsing;
// inputs over the size limit are refused before they are read into a tree.
import { importXmile } from '@sluice/xmile';
import { parseSluice } from '@sluice/language';
import { importVensim } from '@sluice/vensim';
import { DEFAULT_MAX_BYTES, formatDiagnostic, type Project, type Result } from '@sluice/ir';
import { describe, expect, it } from 'vitest';
import { cli, STACK_LINE, tempDir, writeIn } from './cli.js';

function errors(r: Result<Project>): string[] {
  return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
}

/** Runs `work` and reports how long it took and how much the heap grew, so a test can bound both. */
function measured<T>(work: () => T): { value: T; ms: number; heapGrowth: number } {
  const heap = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const value = work();
  return { value, ms: performance.now() - t0, heapGrowth: process.memoryUsage().heapUsed - heap };
}

const SPECS = '<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>';

/** Ten levels of ten: 10^10 copies of "lol" if anything ever expanded it. */
function billionLaughs(): string {
  const lines = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', ' <!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 10; i++) lines.push(` <!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  lines.push(']>');
  lines.push(`<xmile version="1.0">${SPECS}<model><variables><aux name="a"><eqn>&lol10;</eqn></aux></variables></model></xmile>`);
  return lines.join('\n');
}

describe('DOCTYPE and ENTITY declarations', () => {
  it('refuses a billion laughs at its DOCTYPE, quickly and without growing the heap', () => {
    const { value, ms, heapGrowth } = measured(() => importXmile(billionLaughs(), { file: 'lol.xmile' }));
    expect(errors(value)).toEqual([
      'lol.xmile:2:1: error: the file contains a <!DOCTYPE> declaration; XMILE files have none, and it is refused for safety',
    ]);
    expect(ms).toBeLessThan(2000);
    expect(heapGrowth).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses an external entity that would read a local file', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE xmile [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<xmile version="1.0">${SPECS}<model><variables><aux name="a"><eqn>&xxe;</eqn></aux></variables></model></xmile>`;
    const r = importXmile(text, { file: 'xxe.xmile' });
    expect(errors(r)).toEqual([
      'xxe.xmile:2:1: error: the file contains a <!DOCTYPE> declaration; XMILE files have none, and it is refused for safety',
    ]);
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it('refuses an ENTITY declaration even without a DOCTYPE around it', () => {
    const text = `<?xml version="1.0"?>\n<xmile version="1.0"><!ENTITY xxe SYSTEM "http://example.com/x">${SPECS}</xmile>`;
    expect(errors(importXmile(text, { file: 'e.xmile' }))).toEqual([
      'e.xmile:2:22: error: the file contains an <!ENTITY> declaration; XMILE files have none, and it is refused for safety',
    ]);
  });

  it('refuses a parameter entity in a DOCTYPE after a comment', () => {
    const text = `<?xml version="1.0"?>\n<!-- a comment first -->\n<!DOCTYPE x [ <!ENTITY % remote SYSTEM "http://example.com/evil.dtd"> %remote; ]>\n<xmile/>`;
    expect(errors(importXmile(text, { file: 'p.xmile' }))).toEqual([
      'p.xmile:3:1: error: the file contains a <!DOCTYPE> declaration; XMILE files have none, and it is refused for safety',
    ]);
  });

  it('does not mistake declaration-like text in a comment or CDATA for a declaration', () => {
    const text = `<?xml version="1.0"?>\n<!-- <!DOCTYPE x> -->\n<xmile version="1.0">${SPECS}<model><variables><aux name="a"><doc><![CDATA[<!ENTITY a "b">]]></doc><eqn>1</eqn></aux></variables></model></xmile>`;
    const r = importXmile(text, { file: 'c.xmile' });
    expect(errors(r)).toEqual([]);
    expect(r.ok && r.value.models[0]?.variables.map((v) => v.name)).toEqual(['a']);
  });

  it('expands only the predefined entities and character references', () => {
    const text = `<xmile version="1.0">${SPECS}<model><variables><aux name="a &amp; b &#x3C; c"><eqn>1</eqn></aux></variables></model></xmile>`;
    const r = importXmile(text, { file: 'ok.xmile' });
    expect(r.ok && r.value.models[0]?.variables.map((v) => v.name)).toEqual(['a & b < c']);
  });

  it('leaves an undeclared entity unexpanded, so it can only fail as equation text', () => {
    const text = `<xmile version="1.0">${SPECS}<model><variables><aux name="a"><eqn>&xxe;</eqn></aux></variables></model></xmile>`;
    const r = importXmile(text, { file: 'u.xmile' });
    expect(r.ok).toBe(false);
    // The message today speaks of a logical AND; one naming the undeclared entity would be clearer.
    expect(!r.ok && r.diagnostics[0]).toMatchObject({ severity: 'error', code: 'syntax', loc: { file: 'u.xmile', line: 1, column: 122 } });
  });
});

describe('hostile XML structure', () => {
  it('refuses elements nested thousands deep, quickly', () => {
    const text = '<xmile>' + '<model>'.repeat(100_000) + '</model>'.repeat(100_000) + '</xmile>';
    const { value, ms } = measured(() => importXmile(text, { file: 'deep.xmile' }));
    expect(errors(value)).toEqual(['deep.xmile:1:3501: error: elements are nested more than 500 deep; the file is refused']);
    expect(ms).toBeLessThan(10_000);
  });

  it('reports malformed XML with its place', () => {
    const text = `<xmile version="1.0">\n${SPECS}\n<model><variables><aux name="a"><eqn>1</eqn></aux></model>\n</xmile>`;
    expect(errors(importXmile(text, { file: 'bad.xmile' }))).toEqual([
      "bad.xmile:3:51: error: malformed XML: Expected closing tag 'variables' (opened in line 3, col 8) instead of closing tag 'model'.",
    ]);
  });

  it('refuses a document whose root is not <xmile>', () => {
    expect(errors(importXmile('<?xml version="1.0"?>\n<html><script>globalThis.__pwned = 1</script></html>', { file: 'h.xmile' }))).toEqual([
      'h.xmile:2:1: error: not an XMILE file: expected a single <xmile> root element, found <html>',
    ]);
  });
});

describe('size limits', () => {
  it('XMILE: the default limit is 50 MB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  it('XMILE: refuses a file over maxBytes, counting UTF-8 bytes rather than characters', () => {
    const ascii = `<xmile>${'x'.repeat(1000)}</xmile>`;
    expect(errors(importXmile(ascii, { file: 'big.xmile', maxBytes: 1000 }))).toEqual(['big.xmile:1:1: error: the model is larger than the limit of 1000 bytes']);
    // 600 two-byte characters: 615 characters but 1215 bytes.
    const accented = `<xmile>${'é'.repeat(600)}</xmile>`;
    expect(accented.length).toBeLessThan(1000);
    expect(errors(importXmile(accented, { file: 'big.xmile', maxBytes: 1000 }))).toEqual(['big.xmile:1:1: error: the model is larger than the limit of 1000 bytes']);
  });

  it('XMILE: a file just under the limit is read', () => {
    const text = `<xmile version="1.0">${SPECS}<model><variables><aux name="a"><eqn>1</eqn></aux></variables></model></xmile>`;
    expect(importXmile(text, { file: 'ok.xmile', maxBytes: text.length }).ok).toBe(true);
    expect(errors(importXmile(text, { file: 'ok.xmile', maxBytes: text.length - 1 }))).toEqual([`ok.xmile:1:1: error: the model is larger than the limit of ${text.length - 1} bytes`]);
  });

  it('Vensim and the text language: the same limit, in UTF-8 bytes, called directly', () => {
    const text = 'a = 1 ~~|\n'.repeat(200);
    expect(errors(importVensim(text, { file: 'big.mdl', maxBytes: 1000 }))).toEqual(['big.mdl:1:1: error: the model is larger than the limit of 1000 bytes']);
    // 400 characters, 800 bytes in UTF-8.
    const named = `sim start 0 stop 1 dt 1\nconst "${'é'.repeat(376)}" = 1\n`;
    expect(errors(parseSluice(named, { file: 'big.sluice', maxBytes: 500 }))).toEqual(['big.sluice:1:1: error: the model is larger than the limit of 500 bytes']);
    expect(parseSluice(named, { file: 'big.sluice', maxBytes: 1000 }).ok).toBe(true);
  });
});

describe('through the CLI', () => {
  it('sluice run refuses a billion laughs with exit 1 and the located error', async () => {
    const path = writeIn(tempDir(), 'lol.xmile', billionLaughs());
    const r = await cli('run', path);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${path}:2:1: error: the file contains a <!DOCTYPE> declaration; XMILE files have none, and it is refused for safety\n`);
  });

  it('sluice run --max-bytes refuses a larger file before reading it, in every format', async () => {
    const dir = tempDir();
    for (const [name, text] of [
      ['big.xmile', `<xmile version="1.0">${SPECS}<model><variables><aux name="a"><eqn>1</eqn></aux></variables></model></xmile>`],
      ['big.mdl', 'a = 1 ~~|\n'.repeat(20)],
      ['big.sluice', 'sim start 0 stop 1 dt 1\n' + 'aux a = 1\n'.repeat(20)],
    ] as const) {
      const path = writeIn(dir, name, text);
      const size = Buffer.byteLength(text);
      const r = await cli('run', path, '--max-bytes', '100');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`${path}:1:1: error: ${path} is ${size} bytes, over the limit of 100 bytes (raise it with --max-bytes)\n`);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('sluice run --max-bytes with a non-number is a usage error (exit 2)', async () => {
    const path = writeIn(tempDir(), 'a.sluice', 'sim start 0 stop 1 dt 1\naux a = 1\n');
    const r = await cli('run', path, '--max-bytes', 'lots');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sluice: --max-bytes expects a number, got "lots"\n');
  });
});
