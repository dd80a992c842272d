#!/usr/bin/env node
// Draws the README's charts from the model's own output: every scenario is run, and the results
// are plotted with uPlot in headless Chromium and saved as PNG images in ../charts/.
//
//   npx tsc -b && node examples/childrens-social-care/scripts/charts.mjs
//
// `chartData` (what is plotted) is a pure function of the runs, so a test can check the numbers
// without a browser; only `renderCharts` needs Chromium.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadModelFile } from '@sluice/cli';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { canonicalName, formatDiagnostic } from '@sluice/ir';
import { loadScenarios } from './results-table.mjs';

const exampleDir = fileURLToPath(new URL('../', import.meta.url));
export const chartsDir = `${exampleDir}charts/`;

/** 31 March 2024, the DfE snapshot the scenarios are compared at (month 0 is 1 April 2015). */
export const AT = 108;
const BASELINE = 'S0';
/** Month 0 is 1 April 2015, so month 12k is the 31 March snapshot of year 2015 + k. */
const FIRST_YEAR = 2015;

// The five terms of Placement_Spend_Rate, one per placement type. In-house residential homes are
// paid per bed, full or empty, so that term counts beds, not children. The test checks that the
// five add up to the model's own Placement_Spend_Rate, so this list cannot drift from the model.
export const PLACEMENT_TYPES = [
  { label: 'In-house foster', count: 'CLA_In_house_Foster', price: 'Price_In_house_Foster' },
  { label: 'Independent fostering agency', count: 'CLA_IFA', price: 'Price_IFA' },
  { label: 'In-house residential (per bed)', count: 'In_house_Residential_Beds', price: 'Price_In_house_Residential_Bed' },
  { label: 'External residential', count: 'CLA_External_Residential', price: 'Price_External_Residential' },
  { label: 'Other placements', count: 'CLA_Other_Placements', price: 'Price_Other' },
];

// A workforce scenario changes social-work staffing or caseload management and nothing else.
const WORKFORCE_LEVERS = ['Extra_FTE', 'Caseload_Cap_Policy', 'Maximum_Caseload'].map(canonicalName);

const VARS = [
  'Children_in_Care',
  'Caseload_per_SW',
  'Maximum_Caseload',
  'Caseload_Cap_Policy',
  'Policy_Start',
  'Placement_Spend_Rate',
  'Weeks_per_Month',
  'Months_per_Year',
  ...PLACEMENT_TYPES.flatMap((p) => [p.count, p.price]),
];

function unwrap(result, what) {
  if (!result.ok) throw new Error(`${what}:\n${result.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  return result.value;
}

export { loadScenarios };

/** Runs the model once per scenario: `[{ scenario, result }]`, result as `simulate` returns it. */
export function runScenarios() {
  const file = `${exampleDir}childrens-social-care.sluice`;
  const model = unwrap(compile(unwrap(loadModelFile(file), 'loading the model')), 'compiling the model');
  return loadScenarios().map((scenario) => ({
    scenario,
    result: unwrap(simulate(model, { overrides: scenario.overrides, vars: VARS }), `running ${scenario.name}`),
  }));
}

/** The series of a run, as a plain array, by variable name. */
function column(result, name) {
  const ident = canonicalName(name);
  const c = result.columns.find((col) => col.ident === ident);
  if (!c) throw new Error(`the run has no column ${name}`);
  return Array.from(c.values);
}

/** The saved row at time t (rows are computed from step numbers, so rounding finds it exactly). */
function rowAt(result, t) {
  const { times } = result;
  const row = Math.round((t - times[0]) / (times[1] - times[0]));
  if (!(row >= 0 && row < times.length)) throw new Error(`time ${t} is outside the run`);
  return row;
}

/** A scenario's short title: the first sentence of its description. */
const titleOf = (scenario) => scenario.description.split('. ')[0];

/**
 * Everything the four charts plot, computed from the runs alone:
 * - `months`: the saved times, shared by every series;
 * - `childrenInCare`: Children_in_Care per scenario;
 * - `changeAt2024`: per scenario but the baseline, % change in children in care at month `AT`
 *   against the baseline, sorted from the largest fall to the largest rise;
 * - `placementSpend`: the baseline's placement spend by placement type, £ million a year;
 * - `caseload`: Caseload_per_SW for the baseline and the workforce scenarios.
 */
export function chartData(runs) {
  const base = runs.find((r) => r.scenario.name === BASELINE);
  if (!base) throw new Error(`no baseline scenario ${BASELINE}`);
  const months = Array.from(base.result.times);
  for (const r of runs) {
    if (r.result.times.length !== months.length || r.result.times.some((t, i) => t !== months[i])) {
      throw new Error(`${r.scenario.name} is saved at other times than the baseline`);
    }
  }
  const at = rowAt(base.result, AT);
  const line = (r, name) => ({ name: r.scenario.name, title: titleOf(r.scenario), values: column(r.result, name) });
  const constant = (name) => column(base.result, name)[0];

  const baseCla = column(base.result, 'Children_in_Care')[at];
  const bars = runs
    .filter((r) => r !== base)
    .map((r) => {
      const cla = column(r.result, 'Children_in_Care')[at];
      return { name: r.scenario.name, title: titleOf(r.scenario), childrenInCare: cla, percent: (cla / baseCla - 1) * 100 };
    })
    .sort((a, b) => a.percent - b.percent);

  // £/month to £ million a year.
  const perYear = constant('Months_per_Year') / 1e6;
  const weeksPerMonth = constant('Weeks_per_Month');
  const types = PLACEMENT_TYPES.map((p) => {
    const count = column(base.result, p.count);
    const price = column(base.result, p.price);
    return { label: p.label, values: count.map((n, i) => weeksPerMonth * n * price[i] * perYear) };
  });

  const isWorkforce = (s) => {
    const levers = Object.keys(s.overrides).map(canonicalName);
    return levers.length > 0 && levers.every((l) => WORKFORCE_LEVERS.includes(l));
  };
  const workforce = runs.filter((r) => r !== base && isWorkforce(r.scenario));
  // The maximum caseload matters only where a scenario turns the cap on: read it from such a run.
  const capped = workforce.find((r) => column(r.result, 'Caseload_Cap_Policy')[0] > 0);

  return {
    at: AT,
    firstYear: FIRST_YEAR,
    policyStart: constant('Policy_Start'),
    months,
    childrenInCare: { baseline: baseCla, series: runs.map((r) => line(r, 'Children_in_Care')) },
    changeAt2024: { baseline: baseCla, bars },
    placementSpend: {
      scenario: BASELINE,
      types,
      total: column(base.result, 'Placement_Spend_Rate').map((x) => x * perYear),
    },
    caseload: {
      maximumCaseload: column((capped ?? base).result, 'Maximum_Caseload')[0],
      series: [base, ...workforce].map((r) => line(r, 'Caseload_per_SW')),
    },
  };
}

/**
 * Draws one chart into the page. It runs inside Chromium (serialised by Playwright), so it uses
 * nothing from this module: its data arrive as the argument, never as code.
 */
function drawInPage({ kind, data }) {
  /* global document, uPlot, devicePixelRatio */
  const W = 900;
  const H = 500;
  const dpr = devicePixelRatio;
  const font = '13px DejaVu Sans, sans-serif';
  const canvasFont = (px, weight = '') => `${weight} ${px * dpr}px DejaVu Sans, sans-serif`;
  const root = document.getElementById('chart');
  root.replaceChildren();
  for (const [tag, text] of [['h1', data.title], ['p', data.subtitle]]) {
    const el = document.createElement(tag);
    el.textContent = text;
    root.append(el);
  }
  const box = document.createElement('div');
  root.append(box);

  const yearAxis = (months) => ({
    label: 'Year (ticks at 31 March)',
    font,
    labelFont: font,
    labelSize: 22,
    splits: () => months.filter((m) => m % 12 === 0),
    values: (_u, splits) => splits.map((m) => String(data.firstYear + m / 12)),
  });
  const valueAxis = { label: data.yLabel, font, labelFont: font, size: 56 };
  // Labelled vertical lines: the snapshot date, the policy start.
  const markers = (u) => {
    const ctx = u.ctx;
    ctx.save();
    for (const [m, text, dash] of data.markers) {
      const x = u.valToPos(m, 'x', true);
      ctx.strokeStyle = '#333';
      ctx.lineWidth = 1.5 * dpr;
      ctx.setLineDash(dash.map((d) => d * dpr));
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#333';
      ctx.font = canvasFont(12);
      ctx.textAlign = 'right';
      ctx.textBaseline = 'top';
      ctx.fillText(text, x - 4 * dpr, u.bbox.top + 4 * dpr);
    }
    ctx.restore();
  };
  // Each line's name at its right end, nudged apart where lines end close together.
  const endLabels = (u) => {
    const gap = 13 * dpr;
    const bottom = u.bbox.top + u.bbox.height;
    const labels = data.series
      .map((s, i) => ({ text: s.endLabel, colour: s.colour, y: u.valToPos(s.values[s.values.length - 1], 'y', true), i }))
      .filter((l) => l.text)
      .sort((a, b) => a.y - b.y);
    labels.forEach((l, k) => {
      if (k > 0) l.y = Math.max(l.y, labels[k - 1].y + gap);
    });
    const overflow = labels.length > 0 ? labels[labels.length - 1].y - bottom : 0;
    if (overflow > 0) labels.forEach((l) => (l.y -= overflow));
    const ctx = u.ctx;
    ctx.save();
    ctx.font = canvasFont(11, 'bold');
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const l of labels) {
      ctx.fillStyle = l.colour;
      ctx.fillText(l.text, u.bbox.left + u.bbox.width + 5 * dpr, l.y);
    }
    ctx.restore();
  };

  // The data's span, padded a little and rounded out to half a power of ten.
  const niceRange = (min, max) => {
    const span = max - min || Math.abs(max) || 1;
    const unit = 10 ** Math.floor(Math.log10(span)) / 2;
    return [Math.floor((min - span * 0.04) / unit) * unit, Math.ceil((max + span * 0.04) / unit) * unit];
  };

  let opts;
  let aligned;
  if (kind === 'lines') {
    aligned = [data.months, ...data.series.map((s) => s.values)];
    opts = {
      padding: [12, 44, 0, 0],
      series: [
        {},
        ...data.series.map((s) => ({ label: s.label, stroke: s.colour, width: s.width, dash: s.dash, points: { show: false } })),
      ],
      scales: { x: { time: false }, y: { range: (_u, min, max) => niceRange(min, max) } },
      axes: [yearAxis(data.months), valueAxis],
      hooks: { draw: [markers, endLabels] },
    };
  } else if (kind === 'stacked') {
    // Each layer is drawn as its running total filled down to zero, top layer first, so every
    // layer below paints over the part that is not its own.
    const totals = [];
    let sum = data.months.map(() => 0);
    for (const t of data.types) {
      sum = sum.map((x, i) => x + t.values[i]);
      totals.push(sum);
    }
    const order = data.types.map((_, i) => i).reverse();
    aligned = [data.months, ...order.map((i) => totals[i])];
    opts = {
      padding: [12, 24, 0, 0],
      series: [
        {},
        ...order.map((i) => ({ label: data.types[i].label, stroke: '#fff', width: 0.5, fill: data.types[i].colour, points: { show: false } })),
      ],
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.ceil((max * 1.08) / 5) * 5] } },
      axes: [yearAxis(data.months), valueAxis],
      hooks: { draw: [markers] },
    };
  } else {
    // Horizontal bars, one scenario per row from the top: the category scale runs down the page.
    const n = data.bars.length;
    const rows = data.bars.map((_, i) => i);
    const fall = data.bars.map((b) => (b.percent < 0 ? b.percent : null));
    const rise = data.bars.map((b) => (b.percent >= 0 ? b.percent : null));
    const bars = uPlot.paths.bars({ size: [0.7, 40], align: 0 });
    const measure = document.createElement('canvas').getContext('2d');
    measure.font = font;
    const labelWidth = Math.max(...data.bars.map((b) => measure.measureText(b.label).width));
    // Room beyond each bar's end for its label: find the range whose pixels per per cent leave it.
    measure.font = '12px DejaVu Sans, sans-serif';
    const tagRoom = data.bars.map((b) => measure.measureText(b.tag).width + 12);
    const plotWidth = W - labelWidth - 18 - 24;
    let lo = Math.min(0, ...data.bars.map((b) => b.percent));
    let hi = Math.max(0, ...data.bars.map((b) => b.percent));
    for (let k = 0; k < 8; k++) {
      const perPixel = (hi - lo) / plotWidth;
      data.bars.forEach((b, i) => {
        if (b.percent < 0) lo = Math.min(lo, b.percent - tagRoom[i] * perPixel);
        else hi = Math.max(hi, b.percent + tagRoom[i] * perPixel);
      });
    }
    lo = Math.floor(lo / 5) * 5;
    hi = Math.ceil(hi / 5) * 5;
    const signed = (v) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)} %`;
    aligned = [rows, fall, rise];
    opts = {
      padding: [8, 24, 0, 0],
      series: [
        {},
        { label: data.fallLabel, fill: data.fallColour, stroke: data.fallColour, width: 0, paths: bars, points: { show: false } },
        { label: data.riseLabel, fill: data.riseColour, stroke: data.riseColour, width: 0, paths: bars, points: { show: false } },
      ],
      scales: {
        x: { time: false, ori: 1, dir: -1, range: [-0.5, n - 0.5] },
        y: { ori: 0, range: [lo, hi] },
      },
      axes: [
        {
          side: 3,
          font,
          size: Math.ceil(labelWidth) + 18,
          gap: 6,
          grid: { show: false },
          ticks: { show: false },
          splits: () => rows,
          values: (_u, splits) => splits.map((i) => data.bars[Math.round(i)]?.label ?? ''),
        },
        {
          side: 2,
          label: data.yLabel,
          font,
          labelFont: font,
          labelSize: 22,
          splits: (_u, _i, min, max) => {
            const at = [];
            for (let v = Math.ceil(min / 5) * 5; v <= max; v += 5) at.push(v);
            return at;
          },
          values: (_u, splits) => splits.map(signed),
        },
      ],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            // The zero line is the baseline.
            const x0 = u.valToPos(0, 'y', true);
            ctx.strokeStyle = '#222';
            ctx.lineWidth = dpr;
            ctx.beginPath();
            ctx.moveTo(x0, u.bbox.top);
            ctx.lineTo(x0, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.font = canvasFont(12);
            ctx.textBaseline = 'middle';
            ctx.fillStyle = '#222';
            data.bars.forEach((b, i) => {
              const y = u.valToPos(i, 'x', true);
              const x = u.valToPos(b.percent, 'y', true);
              ctx.textAlign = b.percent < 0 ? 'right' : 'left';
              ctx.fillText(b.tag, x + (b.percent < 0 ? -6 : 6) * dpr, y);
            });
            ctx.restore();
          },
        ],
      },
    };
  }
  opts = { ...opts, width: W, height: H / 2, legend: { live: false }, cursor: { show: false } };
  // The plot takes whatever height the headings and the legend leave.
  const u = new uPlot(opts, aligned, box);
  const legend = u.root.querySelector('.u-legend');
  const used = box.offsetTop - root.offsetTop + (legend ? legend.offsetHeight : 0);
  u.setSize({ width: W, height: H - used - 4 });
}

/** Month m (0 = April 2015) as a reader says it. */
const monthName = (firstYear, m) => {
  const months = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March'];
  const k = ((m % 12) + 12) % 12;
  return `${months[k]} ${firstYear + Math.floor(m / 12) + (k >= 9 ? 1 : 0)}`;
};

const signed = (p, digits) => `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(digits)} %`;

// 15 distinguishable colours, one per scenario in the README table's order, the same in every chart.
const PALETTE = [
  '#000000', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
  '#1f77b4', '#bcbd22', '#17becf', '#393b79', '#e7ba52', '#ad494a', '#6b6ecf', '#637939',
];
const STACK_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];

/** The four charts: file name, drawing kind and what each shows. */
function chartSpecs(d) {
  const scope = 'Average English local authority (England ÷ 150), model output.';
  const snapshot = [d.at, '31 March 2024', []];
  const policy = [d.policyStart, `Policies start, ${monthName(d.firstYear, d.policyStart)}`, [6, 4]];
  const order = d.childrenInCare.series.map((s) => s.name);
  const line = (s) => ({
    label: `${s.name}: ${s.title}`,
    endLabel: s.name,
    values: s.values,
    colour: PALETTE[order.indexOf(s.name) % PALETTE.length],
    width: s.name === BASELINE ? 3 : 2,
    dash: s.name.startsWith('T') ? [7, 4] : undefined,
  });
  const time = { firstYear: d.firstYear, months: d.months };
  return [
    {
      file: 'children-in-care.png',
      kind: 'lines',
      data: {
        title: 'Children in care by scenario, 2015–2030',
        subtitle: `${scope} Baseline S0 thick black; demand-shock tests T1, T2 dashed.`,
        yLabel: 'Children in care (number)',
        ...time,
        markers: [snapshot, policy],
        series: d.childrenInCare.series.map(line),
      },
    },
    {
      file: 'change-at-2024.png',
      kind: 'bars',
      data: {
        title: 'Change in children in care at 31 March 2024, against the baseline',
        subtitle: `${scope} Baseline S0: ${d.changeAt2024.baseline.toFixed(0)} children. Bar labels: change (children in care).`,
        yLabel: 'Change in children in care against the baseline S0 (%)',
        fallLabel: 'Fewer children in care than the baseline',
        fallColour: '#2a7ab0',
        riseLabel: 'More children in care than the baseline',
        riseColour: '#d0573b',
        bars: d.changeAt2024.bars.map((b) => ({
          label: `${b.name}: ${b.title}`,
          percent: b.percent,
          tag: `${signed(b.percent, 1)} (${b.childrenInCare.toFixed(0)})`,
        })),
      },
    },
    {
      file: 'placement-spend.png',
      kind: 'stacked',
      data: {
        title: `Placement spend by placement type, baseline (${d.placementSpend.scenario})`,
        subtitle: `${scope} Cash prices; in-house homes are paid per bed, full or empty.`,
        yLabel: 'Spend (£ million a year)',
        ...time,
        markers: [snapshot],
        types: d.placementSpend.types.map((t, i) => ({ ...t, colour: STACK_COLOURS[i % STACK_COLOURS.length] })),
      },
    },
    {
      file: 'caseload.png',
      kind: 'lines',
      data: {
        title: 'Caseload per social worker: baseline and workforce scenarios',
        subtitle: `${scope} Dotted: the managed maximum caseload under a cap.`,
        yLabel: 'Open cases per effective FTE',
        ...time,
        markers: [snapshot, policy],
        series: [
          ...d.caseload.series.map(line),
          {
            label: `Managed maximum caseload (${d.caseload.maximumCaseload})`,
            values: d.months.map(() => d.caseload.maximumCaseload),
            colour: '#555',
            width: 1.5,
            dash: [2, 4],
          },
        ],
      },
    },
  ];
}

const PAGE_CSS = `
  body { margin: 0; background: #fff; font: 13px 'DejaVu Sans', sans-serif; color: #222; }
  #chart { width: 900px; height: 500px; padding: 0; box-sizing: border-box; overflow: hidden; }
  h1 { font-size: 17px; margin: 10px 12px 2px; }
  p { font-size: 12px; margin: 0 12px 6px; color: #555; }
  .uplot { width: 900px; }
  .u-legend { font-size: 12px; text-align: left; padding: 0 8px; }
  .u-inline tr { margin-right: 12px; }
  .u-series > * { padding: 1px 2px; }
  .u-legend .u-series th { font-weight: normal; }
`;

/** Renders the charts with uPlot in headless Chromium and writes them as PNG files to `outDir`. */
export async function renderCharts(data, outDir = chartsDir) {
  const { chromium } = await import('playwright-core');
  const require = createRequire(import.meta.url);
  const uplotDir = `${require.resolve('uplot').replace(/[\\/]dist[\\/].*$/, '')}/dist/`;
  const uplotJs = readFileSync(`${uplotDir}uPlot.iife.min.js`, 'utf8');
  const uplotCss = readFileSync(`${uplotDir}uPlot.min.css`, 'utf8');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 500 }, deviceScaleFactor: 1 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>${uplotCss}${PAGE_CSS}</style></head>` +
        `<body><div id="chart"></div><script>${uplotJs}</script></body></html>`,
    );
    const written = [];
    for (const chart of chartSpecs(data)) {
      await page.evaluate(drawInPage, { kind: chart.kind, data: chart.data });
      if (errors.length > 0) throw new Error(`drawing ${chart.file}: ${errors.join('; ')}`);
      writeFileSync(`${outDir}${chart.file}`, await page.locator('#chart').screenshot());
      written.push(chart.file);
    }
    return written;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await renderCharts(chartData(runScenarios()));
  for (const f of written) console.log(`Wrote ${chartsDir}${f}`);
}
