// The hostile corpus in the editor: the engine the editor's worker runs (ModelRunner), in Node,
// and the whole editor in Chromium, where a name could also break out into the page's HTML
// (`<img onerror>` in a slider's label, `</script>` in a legend). Each file runs with the values
// its equations give, nothing in it executes, and the page gains no element from it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelRunner } from '../../packages/editor/src/engine/run-model.js';
import type { ModelFormat } from '../../packages/editor/src/engine/model-format.js';
import { chromiumAvailable, editorForSuite } from '../editor/browser.js';

const hostile = (file: string) => readFileSync(fileURLToPath(new URL(`./hostile/${file}`, import.meta.url)), 'utf8');

const FILES: [file: string, format: ModelFormat][] = [
  ['names.xmile', 'xmile'],
  ['names.mdl', 'mdl'],
  ['names.sluice', 'sluice'],
];

/** Hostile names and the values their equations give at times 0..4. */
const EXPECTED: Record<string, number[]> = {
  __proto__: [1, 4, 7, 10, 13],
  "it's ${require('fs').readFileSync('/etc/passwd')}": [2, 2, 2, 2, 2],
  '</script><script>globalThis.__pwned=7</script>': [10, 40, 70, 100, 130],
  '<img src=x onerror=globalThis.__pwned=8>': [9, 9, 9, 9, 9],
  'process.exit()': [21, 21, 21, 21, 21],
};

const sentinel = globalThis as { __pwned?: unknown };
afterEach(() => expect(sentinel.__pwned).toBeUndefined());

describe("the editor's engine runs the hostile corpus", () => {
  for (const [file, format] of FILES) {
    it(`${file}: the values its equations give, and no diagnostics`, () => {
      const response = new ModelRunner().run({ text: hostile(file), format, file, runs: [{ name: 'Baseline', overrides: {} }] });
      expect(response.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const run = response.runs[0]!;
      expect([...run.times]).toEqual([0, 1, 2, 3, 4]);
      for (const [name, values] of Object.entries(EXPECTED)) {
        expect([...(run.columns.find((c) => c.name === name)?.values ?? [])], name).toEqual(values);
      }
    });
  }

  it('a slider over a constant named <img onerror> is an override by that name, not markup', () => {
    const runner = new ModelRunner();
    const name = '<img src=x onerror=globalThis.__pwned=8>';
    const response = runner.run({ text: hostile('names.sluice'), format: 'sluice', file: 'names.sluice', runs: [{ name: 'Sliders', overrides: { [name]: 4 } }] });
    expect([...response.runs[0]!.columns.find((c) => c.name === name)!.values]).toEqual([4, 4, 4, 4, 4]);
  });

  it('hostile sim specs: the located errors, no run', () => {
    const response = new ModelRunner().run({ text: hostile('sim-specs.xmile'), format: 'xmile', file: 'sim-specs.xmile', runs: [{ name: 'Baseline', overrides: {} }] });
    expect(response.runs).toEqual([]);
    expect(response.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.column} ${d.message}`)).toEqual([
      '5:49 start time must be a number, not "globalThis.__pwned = 1"',
      '5:85 stop time must be a number, not "${process.exit(2)}"',
      `5:114 dt must be a number, not "require('fs')"`,
      '5:1 unknown integration method "`${process.exit(9)}`" (expected Euler, RK2 or RK4)',
    ]);
  });
});

type Shown = { name: string; values: number[] }[];
declare const window: {
  __pwned?: unknown;
  sluice: {
    state: { run: { columns: { name: string; values: Float64Array }[] } | null };
    monaco: { editor: { getModelMarkers(f: object): { startLineNumber: number; startColumn: number; message: string }[] } };
  };
};

/** The columns of the run the editor shows, as plain numbers. */
function shownRun(page: Page): Promise<Shown> {
  return page.evaluate(() => (window.sluice.state.run?.columns ?? []).map((c) => ({ name: c.name, values: [...c.values] })));
}

/** What model text could have added to the page: elements with handlers, scripts, images. */
function injected(page: Page): Promise<{ handlers: number; scripts: number; images: number; pwned: unknown }> {
  return page.evaluate(() => ({
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
    pwned: window.__pwned,
  }));
}

const inBrowser = chromiumAvailable() ? describe : describe.skip;

inBrowser('the hostile corpus in the editor, in Chromium', () => {
  const editor = editorForSuite();

  for (const [file] of FILES) {
    it(`${file}: opened, run and shown with its names as text; nothing runs and the page gains no element`, async () => {
      const { page, errors } = await editor().open();
      await expect.poll(() => page.textContent('#status'), { timeout: 20_000 }).toMatch(/\d+ runs? in \d+ ms/);
      const before = await injected(page);
      await page.setInputFiles('#file-input', { name: file, mimeType: 'text/plain', buffer: Buffer.from(hostile(file)) });
      await expect
        .poll(async () => (await shownRun(page)).find((c) => c.name === '<img src=x onerror=globalThis.__pwned=8>')?.values, { timeout: 20_000 })
        .toEqual([9, 9, 9, 9, 9]);
      const shown = await shownRun(page);
      for (const [name, values] of Object.entries(EXPECTED)) expect(shown.find((c) => c.name === name)?.values, name).toEqual(values);
      // The slider of the constant named as markup carries the name as its text.
      expect(await page.textContent('#sliders')).toContain('<img src=x onerror=globalThis.__pwned=8>');
      expect(await injected(page)).toEqual(before);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('sim-specs.xmile: the located errors as markers, and nothing runs', async () => {
    const { page, errors } = await editor().open();
    await expect.poll(() => page.textContent('#status'), { timeout: 20_000 }).toMatch(/\d+ runs? in \d+ ms/);
    const before = await injected(page);
    await page.setInputFiles('#file-input', { name: 'sim-specs.xmile', mimeType: 'text/plain', buffer: Buffer.from(hostile('sim-specs.xmile')) });
    const markers = () => page.evaluate(() => window.sluice.monaco.editor.getModelMarkers({}).map((m) => `${m.startLineNumber}:${m.startColumn} ${m.message}`));
    await expect.poll(markers, { timeout: 20_000 }).toContain('5:49 start time must be a number, not "globalThis.__pwned = 1"');
    expect(await markers()).toContain('5:85 stop time must be a number, not "${process.exit(2)}"');
    expect(await injected(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
