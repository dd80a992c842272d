import './style.css';
import { canonicalName, type Diagnostic } from '@sluice/ir';
import { exportXmile } from '@sluice/xmile';
import { setUpFileOpening, type OpenedFile } from './app/open-files.js';
import { setUpTabs } from './app/tabs.js';
import { ChangePanel } from './charts/change-panel.js';
import { LoopsPanel } from './charts/loops-panel.js';
import type { ResultsView } from './charts/results-view.js';
import { StackedAreaPanel } from './charts/stacked-area-panel.js';
import { TimeSeriesPanel } from './charts/time-series-panel.js';
import { download } from './download.js';
import { constantEdit } from './engine/constant-edit.js';
import { formatOfFile, type ModelFormat } from './engine/model-format.js';
import { ModelIndex, type VariableInfo } from './engine/model-index.js';
import { overrideOf, overridesFrom } from './engine/overrides.js';
import { resultsCsv } from './engine/results-csv.js';
import type { RunRequest, RunResponse, RunSpec } from './engine/run-model.js';
import { parseScenario, type Scenario } from './engine/scenario.js';
import { examples } from './examples.js';
import { LanguageState } from './monaco/language-state.js';
import { registerSluice, SLUICE } from './monaco/language-features.js';
import { showDiagnostics } from './monaco/markers.js';
import { monaco } from './monaco/setup.js';
import { showCausesUses } from './panels/causes-uses-panel.js';
import { showProblems } from './panels/problems-panel.js';
import { ScenariosPanel } from './panels/scenarios-panel.js';
import { SlidersPanel } from './panels/sliders-panel.js';
import { VariablePicker } from './panels/variable-picker.js';
import { loadWorkspace, saveWorkspace } from './storage/workspace-store.js';
import { SimulationClient } from './worker/simulation-client.js';

/** The run of the model text as written; every other run is compared against it. */
const BASELINE = 'Baseline';
/** The run with the sliders' overrides, present while a slider differs from the text. */
const CURRENT = 'Sliders';

const $ = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
};

const languageOf = (format: ModelFormat) => (format === 'sluice' ? SLUICE : format === 'xmile' ? 'xml' : 'vensim');
monaco.languages.register({ id: 'vensim', extensions: ['.mdl'], aliases: ['Vensim'] });
const state = new LanguageState();
registerSluice(monaco, state, [SLUICE, 'xml', 'vensim']);

// ---- the document -------------------------------------------------------------------------
const saved = loadWorkspace();
const first = examples[0];
let fileName = saved?.fileName ?? first?.fileName ?? 'untitled.sluice';
let format: ModelFormat = saved?.format ?? 'sluice';
const initialText = saved?.text ?? first?.text ?? 'sim start 0 stop 10 dt 1\n';

const editor = monaco.editor.create($('editor'), {
  value: initialText,
  language: languageOf(format),
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  wordBasedSuggestions: 'off',
  'semanticHighlighting.enabled': false,
  ariaLabel: 'Model text',
  tabSize: 2,
});
const textModel = () => {
  const m = editor.getModel();
  if (!m) throw new Error('the editor has no model');
  return m;
};

/** Slider values not (yet) written into the text, by ident. */
let overrides: Record<string, number> = {};
let lastResponse: RunResponse | null = null;

const fileNameBox = $<HTMLInputElement>('file-name');
fileNameBox.value = fileName;
fileNameBox.addEventListener('change', () => {
  fileName = fileNameBox.value.trim() || fileName;
  fileNameBox.value = fileName;
  persist();
});

// ---- panels -------------------------------------------------------------------------------
const status = $('status');
const timeSeries = new TimeSeriesPanel($('panel-chart'));
const change = new ChangePanel($('panel-change'), (t) => scenarios.setTime(t));
const stacked = new StackedAreaPanel($('panel-stacked'));
const loops = new LoopsPanel($('panel-loops'), () => new Worker(new URL('./worker/loops.worker.ts', import.meta.url), { type: 'module' }));
const picker = new VariablePicker($('var-list'), $<HTMLInputElement>('var-filter'), () => {
  showResults();
  persist();
});
const sliders = new SlidersPanel($('sliders'), $<HTMLInputElement>('slider-filter'), {
  drag: (v, value) => {
    overrides = { ...overrides, [v.ident]: value };
    requestRun();
  },
  commit: (v, value) => writeConstant(v, value),
});
const scenarios = new ScenariosPanel($('panel-scenarios'), {
  changed: () => {
    requestRun();
    persist();
  },
  saveCurrent: (name) => {
    scenarios.add([{ name, overrides: currentSettings() }], true);
    persist();
  },
  apply: (s) => {
    overrides = overridesFrom(Object.entries(s.overrides).map(([k, v]) => [canonicalName(k), v] as const));
    requestRun();
  },
  open: () => openFiles(),
});
$('clear-plot').addEventListener('click', () => picker.set([]));
$('reset-sliders').addEventListener('click', () => {
  overrides = {};
  requestRun();
});
setUpTabs(document.querySelector<HTMLElement>('[role=tablist]') ?? document.body, () => showResults());

/** Every constant's value as the sliders show it now: the text's value unless overridden. */
function currentSettings(): Record<string, number> {
  const out: [string, number][] = [];
  for (const c of state.index?.constants() ?? []) {
    const v = overrideOf(overrides, c.ident) ?? c.constant;
    if (v !== undefined && v !== c.constant) out.push([c.name, v]);
  }
  return overridesFrom(out);
}

/** Values the sliders wrote into the text that the last parse has not seen yet, by ident. */
const writtenSinceParse = new Map<string, { text: string; version: number }>();

/** Write a slider's value into the text as one undo step; keep it as an override if that cannot be done. */
function writeConstant(v: VariableInfo, value: number): void {
  const edit = constantEdit(textModel().getValue(), v, value, writtenSinceParse.get(v.ident)?.text);
  if (!edit) {
    overrides = { ...overrides, [v.ident]: value };
    requestRun();
    return;
  }
  const rest = { ...overrides };
  delete rest[v.ident];
  overrides = rest;
  editor.pushUndoStop();
  editor.executeEdits('slider', [{ range: new monaco.Range(edit.startLine, edit.startColumn, edit.endLine, edit.endColumn), text: edit.text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  // The version that holds this write: only a parse of that version (or later) has seen it. Taken
  // before the edit, a parse still in flight from the text before it would drop the record, and
  // the next quick slider step would find the text changed under it and be lost.
  writtenSinceParse.set(v.ident, { text: edit.text, version: textModel().getVersionId() });
}

// ---- running ------------------------------------------------------------------------------
const client = new SimulationClient(
  () => new Worker(new URL('./worker/simulation.worker.ts', import.meta.url), { type: 'module' }),
  (response, request) => received(response, request),
);

/**
 * Run the text now, with no pause after a keystroke: a pause is part of the keystroke-to-chart
 * time (bench/editor-latency.mjs), and sending from the keystroke's own task, not a timer's,
 * spares waiting behind the editor's rendering. The client coalesces requests made while a run
 * is in flight (only the newest runs next), so fast typing or dragging queues nothing.
 */
function requestRun(): void {
  client.run(runRequest());
}

function runRequest(): RunRequest {
  const runs: RunSpec[] = [{ name: BASELINE, overrides: {} }];
  if (Object.keys(overrides).length > 0) runs.push({ name: CURRENT, overrides });
  for (const s of scenarios.active()) {
    const name = runs.some((r) => r.name === s.name) ? `${s.name} (scenario)` : s.name;
    runs.push({ name, overrides: s.overrides });
  }
  return { text: textModel().getValue(), format, file: fileName, runs, version: textModel().getVersionId() };
}

function received(response: RunResponse, request: RunRequest): void {
  lastResponse = response;
  if (response.project) {
    state.index = new ModelIndex(response.project);
    for (const [ident, written] of writtenSinceParse) {
      if ((request.version ?? 0) >= written.version) writtenSinceParse.delete(ident);
    }
    // A slider whose constant was deleted or turned into a formula has nothing left to set.
    const constants = new Set(state.index.constants().map((c) => c.ident));
    const kept = Object.entries(overrides).filter(([ident]) => constants.has(ident));
    if (kept.length !== Object.keys(overrides).length) {
      overrides = Object.fromEntries(kept);
      requestRun();
    }
    picker.update(state.index);
  }
  state.run = response.runs.find((r) => r.name === CURRENT) ?? response.runs.find((r) => r.name === BASELINE) ?? null;
  const markers = showDiagnostics(monaco, textModel(), response.diagnostics, fileName);
  showProblems($('problems'), response.diagnostics, reveal);
  sliders.update(state.index, overrides);
  showResults();
  updateCausesUses();
  const errors = response.diagnostics.filter((d: Diagnostic) => d.severity === 'error').length;
  status.classList.toggle('error', errors > 0);
  status.textContent =
    errors > 0
      ? `${errors} error${errors > 1 ? 's' : ''}${response.runs.length ? '' : ': showing the last results'}`
      : `${response.runs.length} run${response.runs.length === 1 ? '' : 's'} in ${Math.round(response.elapsed)} ms`;
  status.dataset.markers = String(markers.length);
}

/** The results every chart shows; runs of a model that no longer parses stay on screen. */
let shownRuns: RunResponse['runs'] = [];
function showResults(): void {
  if (lastResponse && lastResponse.runs.length > 0) shownRuns = lastResponse.runs;
  const view: ResultsView = {
    runs: shownRuns,
    baseline: BASELINE,
    plotted: picker.selected.flatMap((ident) => {
      const v = state.index?.get(ident);
      return v ? [{ ident, name: v.name, ...(v.units ? { units: v.units } : {}) }] : [];
    }),
    ...(state.index?.project.simSpecs.timeUnits ? { timeUnits: state.index.project.simSpecs.timeUnits } : {}),
  };
  const visible = (id: string) => !$(id).hidden;
  if (visible('panel-chart')) timeSeries.update(view);
  if (visible('panel-change')) change.update(view);
  if (visible('panel-stacked')) stacked.update(view);
  if (visible('panel-scenarios')) scenarios.update(view);
  if (visible('panel-loops')) showLoops();
}

/** The Loops view scores the loops through the variable under the cursor (or a picked stock). */
function showLoops(): void {
  const stocks = [...(state.index?.variables.values() ?? [])].filter((v) => v.kind === 'stock');
  const cursor = variableAtCursor();
  loops.update({ text: textModel().getValue(), format, file: fileName, overrides, stocks, ...(cursor ? { cursor } : {}) });
}

// ---- the cursor ---------------------------------------------------------------------------
function variableAtCursor(): VariableInfo | undefined {
  const pos = editor.getPosition();
  if (!pos) return undefined;
  const word = textModel().getWordAtPosition(pos)?.word;
  return state.variableAt(pos.lineNumber, pos.column, word) ?? state.variableDeclaredAbove(pos.lineNumber);
}

/** The variable the causes and uses panel shows, and the index it was read from. */
let causesShown: { variable: VariableInfo | undefined; index: ModelIndex | null } | null = null;
function updateCausesUses(): void {
  const variable = variableAtCursor();
  causesShown = { variable, index: state.index };
  showCausesUses($('cu-title'), $('causes-uses'), variable, state, goToVariable);
  if (!$('panel-loops').hidden) showLoops();
}
// Typing moves the cursor on every keystroke: redraw only when it reaches another variable.
editor.onDidChangeCursorPosition(() => {
  if (!causesShown || causesShown.index !== state.index || causesShown.variable?.ident !== variableAtCursor()?.ident) updateCausesUses();
});

function goToVariable(ident: string): void {
  const loc = state.index?.get(ident)?.loc;
  if (loc) reveal(loc.line, loc.column);
}

function reveal(line: number, column: number): void {
  editor.setPosition({ lineNumber: line, column });
  editor.revealPositionInCenter({ lineNumber: line, column });
  editor.focus();
}

// ---- keeping the work ---------------------------------------------------------------------
let persistTimer: ReturnType<typeof setTimeout> | undefined;
function persist(): void {
  clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    const ok = saveWorkspace({
      fileName,
      format,
      text: textModel().getValue(),
      plotted: picker.selected,
      scenarios: scenarios.scenarios,
      shownScenarios: [...scenarios.shown],
    });
    if (!ok) status.textContent = 'Could not save the work in this browser (storage full or disabled)';
  }, 250);
}
window.addEventListener('beforeunload', () => {
  clearTimeout(persistTimer);
  saveWorkspace({ fileName, format, text: textModel().getValue(), plotted: picker.selected, scenarios: scenarios.scenarios, shownScenarios: [...scenarios.shown] });
});

textModel().onDidChangeContent(() => {
  requestRun();
  persist();
});

// ---- files --------------------------------------------------------------------------------
function openModel(name: string, text: string, modelFormat: ModelFormat, modelScenarios: Scenario[]): void {
  fileName = name;
  fileNameBox.value = name;
  format = modelFormat;
  overrides = {};
  state.index = null;
  picker.reset();
  monaco.editor.setModelLanguage(textModel(), languageOf(format));
  scenarios.set(modelScenarios, []);
  editor.setValue(text);
  editor.setPosition({ lineNumber: 1, column: 1 });
  persist();
}

function opened(files: OpenedFile[], refused: string[]): void {
  const problems = [...refused];
  for (const f of files) {
    if (f.name.toLowerCase().endsWith('.json')) {
      const s = parseScenario(f.text, f.name);
      if (s.ok) scenarios.add([s.value], true);
      else problems.push(`${f.name}: ${s.diagnostics.map((d) => d.message).join('; ')}`);
      continue;
    }
    const fmt = formatOfFile(f.name, f.text);
    if (!fmt) problems.push(`${f.name}: not a .sluice, .xmile, .stmx or .mdl model`);
    else openModel(f.name, f.text, fmt, []);
  }
  if (problems.length) {
    status.classList.add('error');
    status.textContent = problems.join('; ');
  }
  persist();
}
const openFiles = setUpFileOpening($<HTMLInputElement>('file-input'), opened);
$('open-file').addEventListener('click', () => openFiles());

const exampleSelect = $<HTMLSelectElement>('example-select');
exampleSelect.append(new Option('Examples…', ''), ...examples.map((e) => new Option(e.fileName, e.id)));
exampleSelect.addEventListener('change', () => {
  const e = examples.find((x) => x.id === exampleSelect.value);
  if (e) openModel(e.fileName, e.text, 'sluice', e.scenarios);
  exampleSelect.value = '';
});

const baseName = () => fileName.replace(/\.[^.]+$/, '') || 'model';
function saveText(): void {
  download(fileName, textModel().getValue(), format === 'xmile' ? 'application/xml' : 'text/plain');
}
$('save-text').addEventListener('click', saveText);
$('save-xmile').addEventListener('click', () => {
  const project = lastResponse?.project ?? state.index?.project;
  if (!project) {
    status.textContent = 'Fix the errors first: XMILE is written from a model that parses';
    return;
  }
  download(`${baseName()}.xmile`, exportXmile(project), 'application/xml');
});
$('save-csv').addEventListener('click', () => {
  if (shownRuns.length) download(`${baseName()}-results.csv`, resultsCsv(shownRuns), 'text/csv');
});
editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, saveText);
editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyO, () => openFiles());
window.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
    e.preventDefault();
    openFiles();
  }
});

// ---- start --------------------------------------------------------------------------------
if (saved) {
  picker.reset();
  picker.set(saved.plotted);
  scenarios.set(saved.scenarios, saved.shownScenarios);
} else if (first) {
  scenarios.set(first.scenarios, []);
}
requestRun();

/** For the browser tests and the curious: the pieces, reachable from the console. */
Object.assign(window, { sluice: { editor, client, state, monaco, lastResponse: () => lastResponse } });
