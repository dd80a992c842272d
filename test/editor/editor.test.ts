import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startEditor, type EditorHarness } from './browser.js';

// The screenshots are always taken; they replace the README's pictures only when asked
// (`npm run screenshots`), so running the tests leaves the working tree as it was.
const intoDocs = process.env['SLUICE_SCREENSHOTS'] === '1';
const docs = intoDocs
  ? fileURLToPath(new URL('../../packages/editor/docs/', import.meta.url))
  : `${mkdtempSync(join(tmpdir(), 'sluice-screenshots-'))}/`;

const teacup = `# The teacup cools towards the room.
sim start 0 stop 30 dt 0.125 method euler units Minutes

stock Teacup_Temperature = 180
  outflow Heat_Loss_to_Room
  units Degrees Fahrenheit

flow Heat_Loss_to_Room = (Teacup_Temperature - Room_Temperature) / Characteristic_Time
  units Degrees Fahrenheit/Minute

const Room_Temperature = 70
  units Degrees Fahrenheit

const Characteristic_Time = 10
  units Minutes
`;

const teacupXmile = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><name>Teacup</name><vendor>Sluice tests</vendor><product version="1">hand</product></header>
  <sim_specs method="Euler"><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>
  <model>
    <variables>
      <stock name="Teacup Temperature"><eqn>180</eqn><outflow>Heat_Loss_to_Room</outflow></stock>
      <flow name="Heat Loss to Room"><eqn>(Teacup_Temperature - Room_Temperature) / Characteristic_Time</eqn></flow>
      <aux name="Room Temperature"><eqn>70</eqn></aux>
      <aux name="Characteristic Time"><eqn>10</eqn></aux>
    </variables>
  </model>
</xmile>
`;

/** Euler's answer for the teacup at t = 30, worked out here independently of the engine. */
function teacupAt30(room: number, characteristicTime = 10): number {
  let t = 180;
  for (let i = 0; i < 240; i++) t -= (0.125 * (t - room)) / characteristicTime;
  return t;
}

type Sluice = {
  editor: { getValue(): string; setSelection(r: object): void; focus(): void; getModel(): { uri: unknown } };
  client: { crash(): void; restarts: number };
  state: { run: { name: string; times: Float64Array; columns: { ident: string; values: Float64Array }[] } | null };
  monaco: { editor: { getModelMarkers(f: object): { startLineNumber: number; startColumn: number; message: string }[] } };
};
declare const window: { sluice: Sluice };

async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('#file-input', { name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

async function openFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.setInputFiles(
    '#file-input',
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
  );
}

/** The last value of a variable in the run the editor shows (the sliders' run, else the baseline). */
function finalValue(page: Page, ident: string): Promise<number | undefined> {
  return page.evaluate((id) => {
    const col = window.sluice.state.run?.columns.find((c) => c.ident === id);
    return col ? col.values[col.values.length - 1] : undefined;
  }, ident);
}

async function waitForFinal(page: Page, ident: string, expected: number): Promise<void> {
  await expect.poll(() => finalValue(page, ident), { timeout: 15_000 }).toBeCloseTo(expected, 6);
}

/** Select the text between two 1-based positions, then type over it as a user would. */
async function typeOver(page: Page, line: number, from: number, to: number, text: string): Promise<void> {
  await page.evaluate(
    ([l, a, b]) => {
      window.sluice.editor.setSelection({ startLineNumber: l, startColumn: a, endLineNumber: l, endColumn: b });
      window.sluice.editor.focus();
    },
    [line, from, to],
  );
  await page.keyboard.type(text);
}

const chartPixels = (page: Page) => page.$eval('[data-chart=time-series] canvas', (c) => (c as HTMLCanvasElement).toDataURL());

const run = chromiumAvailable() ? describe : describe.skip;

run('the editor in a browser', () => {
  let editor: EditorHarness;

  beforeAll(async () => {
    editor = await startEditor();
  }, 240_000);

  afterAll(async () => {
    await editor?.close();
    if (!intoDocs) rmSync(docs, { recursive: true, force: true });
  });

  it('opens the bundled example with a chart, sliders and no console errors', async () => {
    const { page, errors } = await editor.open();
    await expect.poll(() => page.textContent('#status'), { timeout: 20_000 }).toMatch(/\d+ runs? in \d+ ms/);
    expect(await page.locator('[data-chart=time-series] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('#sliders input[type=range]').count()).toBeGreaterThan(0);
    // Put the cursor on the first stock, so the screenshot shows its causes and uses.
    await page.evaluate(() => {
      const lines = window.sluice.editor.getValue().split('\n');
      const line = lines.findIndex((l) => l.startsWith('stock ')) + 1;
      const ed = window.sluice.editor as unknown as { setPosition(p: object): void; revealLineNearTop(l: number): void; focus(): void };
      ed.setPosition({ lineNumber: Math.max(1, line), column: 8 });
      ed.revealLineNearTop(Math.max(1, line - 2));
      ed.focus();
    });
    await expect.poll(() => page.textContent('#causes-uses')).toContain('causes');
    mkdirSync(docs, { recursive: true });
    await page.screenshot({ path: `${docs}editor.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs every scenario shipped with the bundled example', async () => {
    const { page, errors } = await editor.open();
    await expect.poll(() => page.textContent('#status'), { timeout: 20_000 }).toMatch(/\d+ runs? in \d+ ms/);
    await page.click('#tab-scenarios');
    const shipped = await page.locator('.scenario-list input[type=checkbox]').count();
    await page.click('text=Run all');
    await expect.poll(async () => (await page.textContent('#status'))?.match(/^(\d+) runs? in/)?.[1], { timeout: 60_000 }).toBe(String(shipped + 1));
    const rows = await page.locator('table.comparison tr').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows).toHaveLength(shipped + 1);
    for (const row of rows) expect(Number(row[1]?.replace(/,/g, ''))).not.toBeNaN();
    // Plot one variable across every run, the way an analyst compares strategies.
    await page.fill('#var-filter', 'in care');
    const boxes = page.locator('#var-list input[type=checkbox]');
    if ((await boxes.count()) > 0) {
      await page.click('#clear-plot');
      await boxes.first().check();
    }
    await page.click('#tab-chart');
    await page.screenshot({ path: `${docs}example-scenarios.png` });
    await page.click('#tab-change');
    await page.screenshot({ path: `${docs}example-change.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('re-runs as the model is typed and the chart changes', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    const before = await chartPixels(page);
    // Line 11 is `const Room_Temperature = 70`; columns 26-28 hold the 70.
    await typeOver(page, 11, 26, 28, '50');
    await waitForFinal(page, 'teacup_temperature', teacupAt30(50));
    await expect.poll(() => chartPixels(page)).not.toBe(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('marks a syntax error at its line and column', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    // Line 8's formula gets a stray `)` after `Characteristic_Time` (column 87).
    await typeOver(page, 8, 87, 87, ')');
    const markers = () => page.evaluate(() => window.sluice.monaco.editor.getModelMarkers({}).map((m) => [m.startLineNumber, m.startColumn]));
    await expect.poll(markers, { timeout: 15_000 }).toEqual([[8, 87]]);
    expect(await page.textContent('#problems')).toContain('8:87');
    await page.screenshot({ path: `${docs}syntax-error.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs a dragged slider live and writes the value into the text as one undo step', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    const slider = page.locator('#slider-room_temperature');
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => window.sluice.editor.getValue().split('\n')[10])).toBe('const Room_Temperature = 75');
    await waitForFinal(page, 'teacup_temperature', teacupAt30(75));
    // Each key press is one release of the slider, so one undo takes back one step.
    await page.evaluate(() => window.sluice.editor.focus());
    await page.keyboard.press('Control+z');
    expect(await page.evaluate(() => window.sluice.editor.getValue().split('\n')[10])).toBe('const Room_Temperature = 74');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('writes a slider into an XMILE file too', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.xmile', teacupXmile);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    await page.locator('#slider-room_temperature').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => window.sluice.editor.getValue().split('\n')[8])).toBe('      <aux name="Room Temperature"><eqn>69</eqn></aux>');
    await waitForFinal(page, 'teacup_temperature', teacupAt30(69));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs scenarios, overlays them and compares them at a chosen time', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    await openFiles(page, [
      { name: 'cold.json', text: JSON.stringify({ name: 'Cold room', overrides: { Room_Temperature: 20 } }) },
      { name: 'slow.json', text: JSON.stringify({ name: 'Slow cooling', overrides: { 'characteristic time': 20 } }) },
    ]);
    await page.click('#tab-scenarios');
    await page.click('text=Run all');
    await page.fill('#compare-time', '30');
    await page.press('#compare-time', 'Enter');
    const table = page.locator('table.comparison');
    await expect.poll(() => table.locator('tr').count(), { timeout: 15_000 }).toBe(4);
    const cells = await table.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    expect(cells.map((r) => r[0])).toEqual(['Run', 'Baseline', 'Cold room', 'Slow cooling']);
    expect(Number(cells[2]?.[1]?.replace(/,/g, ''))).toBeCloseTo(teacupAt30(20), 2);
    expect(Number(cells[3]?.[1]?.replace(/,/g, ''))).toBeCloseTo(teacupAt30(70, 20), 2);
    await page.screenshot({ path: `${docs}scenarios.png` });
    await page.click('#tab-chart');
    expect(await page.locator('[data-chart=time-series] .u-legend .u-series').count()).toBe(4);
    await page.screenshot({ path: `${docs}scenarios-overlaid.png` });
    await page.click('#tab-change');
    await expect.poll(() => page.locator('[data-chart=change] canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${docs}change.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('restores the work after a reload', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    await typeOver(page, 14, 29, 31, '12');
    await openFiles(page, [{ name: 'cold.json', text: JSON.stringify({ name: 'Cold room', overrides: { Room_Temperature: 20 } }) }]);
    await page.waitForTimeout(600);
    await page.reload();
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70, 12));
    expect(await page.evaluate(() => window.sluice.editor.getValue())).toContain('const Characteristic_Time = 12');
    expect(await page.inputValue('#file-name')).toBe('teacup.sluice');
    await page.click('#tab-scenarios');
    expect(await page.textContent('#panel-scenarios')).toContain('Cold room');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('replaces a crashed simulation worker without losing the text', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    await page.evaluate(() => window.sluice.client.crash());
    await typeOver(page, 11, 26, 28, '60');
    await waitForFinal(page, 'teacup_temperature', teacupAt30(60));
    expect(await page.evaluate(() => window.sluice.client.restarts)).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('hovers, completes, jumps to definitions and lists causes and uses', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    // Cursor on `Room_Temperature` in the flow's formula (line 8, column 50).
    await typeOver(page, 8, 50, 50, '');
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await expect.poll(() => hover.textContent(), { timeout: 10_000 }).toContain('= 70');
    expect(await hover.textContent()).toContain('units: Degrees Fahrenheit');
    await page.screenshot({ path: `${docs}hover.png` });
    expect(await page.textContent('#cu-title')).toBe('Room_Temperature (aux)');
    expect(await page.textContent('#causes-uses')).toContain('Heat_Loss_to_Room');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F12');
    await expect.poll(() => page.evaluate(() => (window.sluice.editor as unknown as { getPosition(): { lineNumber: number } }).getPosition().lineNumber)).toBe(11);
    // Completion offers the model's names and the compiler's builtins.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('aux probe = Chara');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget');
    await expect.poll(() => suggest.textContent(), { timeout: 10_000 }).toContain('Characteristic_Time');
    await page.keyboard.press('Escape');
    await page.keyboard.type(' + STEP');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => suggest.textContent(), { timeout: 10_000 }).toContain('STEP');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('saves the model as text and as XMILE, and the results as CSV', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    const saved = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };
    expect(await saved('#save-text')).toEqual({ name: 'teacup.sluice', text: teacup });
    const xmile = await saved('#save-xmile');
    expect(xmile.name).toBe('teacup.xmile');
    expect(xmile.text).toMatch(/<xmile[^>]*version="1.0"/);
    expect(xmile.text).toContain('<stop>30</stop>');
    const csv = await saved('#save-csv');
    expect(csv.name).toBe('teacup-results.csv');
    const rows = csv.text.trim().split('\n');
    expect(rows).toHaveLength(242);
    const header = rows[0]?.split(',') ?? [];
    const last = rows[241]?.split(',') ?? [];
    expect(Number(last[0])).toBe(30);
    expect(Number(last[header.indexOf('Teacup_Temperature')])).toBeCloseTo(teacupAt30(70), 9);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a stacked area of the picked variables', async () => {
    const { page, errors } = await editor.open();
    await openFile(page, 'teacup.sluice', teacup);
    await waitForFinal(page, 'teacup_temperature', teacupAt30(70));
    await page.check('#var-list input[data-ident=heat_loss_to_room]');
    await page.click('#tab-stacked');
    await expect.poll(() => page.locator('[data-chart=stacked] .u-legend .u-series').count()).toBe(3);
    await page.screenshot({ path: `${docs}stacked.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
  it('charts the relative scores of the declared loops through a picked stock, and follows the cursor', async () => {
    const { page, errors } = await editor.open();
    await page.selectOption('#example-select', 'sir');
    await expect.poll(() => page.evaluate(() => window.sluice.state.run?.columns.some((c) => c.ident === 'infectious') ?? false), { timeout: 20_000 }).toBe(true);
    await page.click('#tab-loops');
    await page.selectOption('#loops-variable', 'infectious');
    const loops = page.locator('.loop-list li');
    await expect.poll(() => loops.allTextContents(), { timeout: 30_000 }).toEqual([
      expect.stringMatching(/^R1 Contagion reinforcing\s*Infectious → Infection → Infectious$/),
      expect.stringMatching(/^B2 Recovery balancing\s*Infectious → Recovery → Infectious$/),
    ]);
    expect(await page.locator('[data-chart=loops] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-chart=loops] .u-legend .u-series').allTextContents()).toEqual([
      expect.stringContaining('Time'),
      expect.stringContaining('R1 Contagion'),
      expect.stringContaining('B2 Recovery'),
    ]);
    await expect.poll(() => page.textContent('.loops-note')).toMatch(/^2 loops through Infectious, scored in \d+ ms$/);
    await page.screenshot({ path: `${docs}loops.png` });
    // Back to the variable under the cursor: the susceptibles' stock has its own loop.
    await page.selectOption('#loops-variable', '');
    await page.evaluate(() => {
      const line = window.sluice.editor.getValue().split('\n').findIndex((l) => l.startsWith('stock Susceptible')) + 1;
      (window.sluice.editor as unknown as { setPosition(p: object): void }).setPosition({ lineNumber: line, column: 8 });
    });
    await expect.poll(() => loops.allTextContents(), { timeout: 30_000 }).toEqual([expect.stringMatching(/^B1 Depletion of susceptibles balancing/)]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
