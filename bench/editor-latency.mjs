#!/usr/bin/env node
// Keystroke to chart in the editor, for the children's social care model.
//
// 1. Node, from the built packages (`npx tsc -b` first): what the editor's worker does for an
//    edit it must parse in full (parse the text, compile, simulate the baseline), each stage
//    timed, median over N edits that each change one constant's text, so no cache can answer.
// 2. Chromium (Debian's `/usr/bin/chromium` or CHROMIUM_PATH, driven by playwright-core), when it
//    is there: the editor is built with Vite into a temporary folder and served; characters are
//    typed and the time from each keydown to the first frame painted after the chart's data
//    changed is measured in the page, for two kinds of edit: a digit typed into a constant's
//    number (which the worker answers from the compiled model with an override) and a digit
//    typed into a formula's number (which it parses and compiles in full). How the worker
//    answered each edit is counted beside it.
//
//   node bench/editor-latency.mjs [--edits N] [--no-browser]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median } from './models.mjs';
const root = fileURLToPath(new URL('../', import.meta.url));
const MODEL = join(root, 'examples/childrens-social-care/childrens-social-care.sluice');
/** The constant each edit changes, as the model writes it. */
const CONSTANT = 'const Child_Population = 80000';
/** A formula ending in a number, for edits the worker must parse and compile in full. */
const FORMULA = 'aux CLA_Rate_per_10000 = Children_in_Care / Child_Population * 10000';

const args = process.argv.slice(2);
const edits = args.includes('--edits') ? Math.max(1, Number(args[args.indexOf('--edits') + 1]) || 1) : 21;
const browser = !args.includes('--no-browser');

const text = readFileSync(MODEL, 'utf8');
for (const line of [CONSTANT, FORMULA]) if (!text.includes(line)) throw new Error(`${MODEL} no longer holds "${line}": pick another line`);

console.log(await machineLine());
console.log(`${MODEL.slice(root.length)}: ${text.split('\n').length} lines, ${edits} edits\n`);

const node = await nodeStages();
const rows = [
  ['parse (text language)', node.parse],
  ['compile', node.compile],
  ['simulate (baseline)', node.simulate],
  ['worker total per edit', node.total],
];
if (browser) {
  const kinds = await browserLatency();
  if (kinds) {
    for (const [kind, m] of Object.entries(kinds)) {
      rows.push([`keystroke to chart, ${kind} (browser; worker: ${m.paths})`, m.latencies]);
      rows.push([`  its CPU time in the page's process (all threads, the worker's too)`, m.cpu]);
      rows.push([`  its CPU time on the page's main thread`, m.mainCpu]);
    }
  }
}
console.log(table(rows));
console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

async function nodeStages() {
  const { parseSluice } = await import('@sluice/language');
  const { compile } = await import('@sluice/compiler');
  const { simulate } = await import('@sluice/runtime');
  const out = { parse: [], compile: [], simulate: [], total: [] };
  // Two warm-up edits: the first parse builds chevrotain's parser, the JIT warms up.
  for (let i = -2; i < edits; i++) {
    const edited = text.replace(CONSTANT, `const Child_Population = ${80001 + i + 2}`);
    const t0 = performance.now();
    const project = parseSluice(edited, { file: 'childrens-social-care.sluice' });
    const t1 = performance.now();
    if (!project.ok) throw new Error(project.diagnostics[0].message);
    const compiled = compile(project.value);
    const t2 = performance.now();
    if (!compiled.ok) throw new Error(compiled.diagnostics[0].message);
    const run = simulate(compiled.value);
    const t3 = performance.now();
    if (!run.ok) throw new Error(run.diagnostics[0].message);
    if (i < 0) continue;
    out.parse.push(t1 - t0);
    out.compile.push(t2 - t1);
    out.simulate.push(t3 - t2);
    out.total.push(t3 - t0);
  }
  return out;
}

async function browserLatency() {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    console.log(`(no Chromium at ${chromiumPath}: the browser measurement is skipped)\n`);
    return null;
  }
  const { chromium } = await import('playwright-core');
  const editorDir = join(root, 'packages/editor');
  const out = mkdtempSync(join(tmpdir(), 'sluice-latency-'));
  const built = spawnSync(process.execPath, [join(editorDir, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: editorDir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  const server = await serve(out);
  const b = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await (await b.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => /\d+ runs? in \d+ ms/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 60_000 });
    // Let the page settle (Monaco tokenises the whole text in the background after it opens).
    await page.waitForTimeout(3000);
    const kinds = {
      'digit in a constant': await typeInto(page, CONSTANT),
      'digit in a formula': await typeInto(page, FORMULA),
    };
    return kinds;
  } finally {
    await b.close();
    await new Promise((r) => server.close(r));
    rmSync(out, { recursive: true, force: true });
  }
}

/** Type a digit at the end of `lineText` and delete it again, alternately; each keystroke's latency and how the worker answered. */
async function typeInto(page, lineText) {
  const line = await page.evaluate((c) => window.sluice.editor.getValue().split('\n').findIndex((l) => l.startsWith(c)) + 1, lineText);
  if (line < 1) throw new Error(`the editor did not open the children's social care example with "${lineText}"`);
  const latencies = [];
  const cpu = [];
  const mainCpu = [];
  const paths = {};
  // CPU time, unlike wall time, hardly depends on what else the machine runs.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpuNow = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]));
  for (let i = -2; i < edits; i++) {
    // Put the cursor at the end of the line's number and arm the measurement in the page.
    await page.evaluate(
      ([l, col]) => {
        const w = window;
        w.sluice.editor.setPosition({ lineNumber: l, column: col });
        w.sluice.editor.focus();
        w.latency = new Promise((resolve) => {
          const before = w.sluice.state.run;
          let typed = 0;
          window.addEventListener('keydown', () => (typed = performance.now()), { capture: true, once: true });
          const poll = () => {
            // The chart is drawn in the same task that replaces the run; the next frame paints it.
            if (typed && w.sluice.state.run !== before) requestAnimationFrame(() => resolve([performance.now() - typed, w.sluice.lastResponse()?.path]));
            else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        });
      },
      [line, lineText.length + 1],
    );
    // Alternately type a digit and delete it, so the model keeps parsing and the text stays short.
    const before = await cpuNow();
    await page.keyboard.press(i % 2 === 0 ? 'Digit1' : 'Backspace');
    const [ms, path] = await page.evaluate(() => window.latency);
    const after = await cpuNow();
    if (i < 0) continue;
    latencies.push(ms);
    cpu.push(after.ProcessTime - before.ProcessTime);
    mainCpu.push(after.ThreadTime - before.ThreadTime);
    paths[path] = (paths[path] ?? 0) + 1;
  }
  // Let the worker confirm the last retyped formula (after its 1 s pause) before the next kind of edit starts.
  await page.waitForTimeout(2500);
  await cdp.detach();
  return { latencies, cpu, mainCpu, paths: Object.entries(paths).map(([p, n]) => `${n} ${p}`).join(', ') };
}

function table(rows) {
  const fmt = (x) => x.toFixed(1);
  const lines = ['| stage | median ms | min ms | max ms |', '|---|---:|---:|---:|'];
  for (const [name, xs] of rows) lines.push(`| ${name} | ${fmt(median(xs))} | ${fmt(Math.min(...xs))} | ${fmt(Math.max(...xs))} |`);
  return lines.join('\n');
}

function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    let body;
    try {
      body = await readFile(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
