import { canonicalName, checkSize, DEFAULT_MAX_BYTES, error, fail, ok, type Diagnostic, type Macro, type Model, type Project, type Result } from '@sluice/ir';
import { checkArgumentCounts } from './argument-counts.js';
import { simSpecsOf } from './control.js';
import { DataFiles, type DataFileAccess } from './data/open-file.js';
import { readSubscriptElements } from './data/subscripts.js';
import { buildDimensions, DimensionIndex } from './dimensions.js';
import { splitFile, type Part, type Span } from './entries.js';
import { isRealityCheck, parseEntry, type ParsedEntry } from './parse-entry.js';
import { displayOf, type EntryAst } from './parser.js';
import { unitsFromSettings } from './settings.js';
import { diagramOf } from './sketch/diagram.js';
import { SourceMap } from './source.js';
import { buildVariables } from './variables.js';

export interface ImportVensimOptions {
  /** File name used in diagnostics. */
  file?: string;
  /** Refuse a text of more than this many UTF-8 bytes (default 50 MB, as every format). */
  maxBytes?: number;
  /** Where `GET XLS SUBSCRIPT` / `GET DIRECT SUBSCRIPT` ranges read their elements (the model's folder). */
  dataFiles?: DataFileAccess;
}

/** One `:MACRO:` … `:END OF MACRO:` block while it is read. */
interface MacroScope {
  header: Span;
  start: number;
  entries: ParsedEntry[];
}

/**
 * Reads a Vensim `.mdl` file into a `Project` with Vensim semantics (`dialect: 'vensim'`).
 * Every problem found is reported, each with file, line and column; nothing throws.
 */
export function importVensim(text: string, options: ImportVensimOptions = {}): Result<Project> {
  const tooLarge = checkSize(text, options.maxBytes ?? DEFAULT_MAX_BYTES, options.file);
  if (tooLarge) return fail([tooLarge]);
  const source = new SourceMap(text, options.file);
  const split = splitFile(text);
  const diagnostics: Diagnostic[] = [];

  const main: ParsedEntry[] = [];
  const macros: MacroScope[] = [];
  const groups: { name: string; variables: string[] }[] = [];
  let macro: MacroScope | undefined;
  for (const part of split.parts) {
    if (part.kind === 'macro-start') {
      if (macro) diagnostics.push(error('syntax', 'a macro starts inside another macro', source.loc(part.start)));
      macro = { header: part.header, start: part.start, entries: [] };
      macros.push(macro);
    } else if (part.kind === 'macro-end') {
      if (!macro) diagnostics.push(error('syntax', ':END OF MACRO: without :MACRO:', source.loc(part.start)));
      macro = undefined;
    } else if (part.kind === 'group') {
      if (!macro) groups.push({ name: part.name, variables: [] });
    } else {
      const parsed = readEntry(part, source, diagnostics);
      if (!parsed) continue;
      (macro ? macro.entries : main).push(parsed);
      const defined = definedName(parsed.ast);
      const group = groups[groups.length - 1];
      if (!macro && group && defined !== undefined && !group.variables.includes(defined)) group.variables.push(defined);
    }
  }
  if (macro) diagnostics.push(error('syntax', 'the macro has no :END OF MACRO:', source.loc(macro.start)));

  const dimensionEntries = [...main, ...macros.flatMap((m) => m.entries)]
    .map((e) => e.ast)
    .filter((a): a is Extract<EntryAst, { kind: 'dimension' | 'equivalence' }> => a.kind === 'dimension' || a.kind === 'equivalence');
  const files = options.dataFiles ? new DataFiles(options.dataFiles) : undefined;
  const dimensions = buildDimensions(dimensionEntries, diagnostics, files ? (call, d) => readSubscriptElements(call, files, d) : undefined);
  const index = new DimensionIndex(dimensions);

  const model: Model = { variables: buildVariables(main, index, diagnostics) };
  checkArgumentCounts(model.variables, diagnostics);
  if (split.sketch !== undefined) {
    model.views = split.sketch;
    const diagram = diagramOf(split.sketch, model.variables);
    if (diagram.length > 0) model.diagram = diagram;
  }
  const dimensionNames = new Set(dimensions.map((d) => d.ident));
  const kept = groups
    .map((g) => ({ ...g, variables: g.variables.filter((v) => !dimensionNames.has(v)) }))
    .filter((g) => g.variables.length > 0 || g.name !== '');
  if (kept.length > 0) model.groups = kept;

  const project: Project = {
    dialect: 'vensim',
    source: { format: 'mdl', vendor: 'Ventana Systems', product: 'Vensim', ...(options.file !== undefined ? { file: options.file } : {}) },
    simSpecs: simSpecsOf(model.variables, diagnostics),
    units: unitsFromSettings(split.sketch),
    dimensions,
    models: [model],
    macros: macros.flatMap((m) => macroOf(m, source, index, diagnostics) ?? []),
  };
  if (split.encoding !== undefined) project.extra = { encoding: split.encoding };
  // A .mdl file holds no model name: the file's own name is the one Vensim shows.
  const base = options.file?.split(/[\\/]/).pop()?.replace(/\.mdl$/i, '');
  if (base) project.name = base;

  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return fail(diagnostics);
  return ok(project, diagnostics);
}

function readEntry(part: Extract<Part, { kind: 'entry' }>, source: SourceMap, diagnostics: Diagnostic[]): ParsedEntry | undefined {
  if (part.equation.text.trim() === '' && part.units.text.trim() === '' && part.comment.text.trim() === '') return undefined;
  if (part.equation.text.trim() === '') {
    diagnostics.push(error('missing-equation', 'an entry has units or a comment but no equation', source.loc(part.start)));
    return undefined;
  }
  if (isRealityCheck(part)) return undefined;
  return parseEntry(part, source, diagnostics);
}

function definedName(a: EntryAst): string | undefined {
  if (a.kind === 'dimension' || a.kind === 'equivalence') return canonicalName(a.name.raw);
  return canonicalName(a.lhs.name.raw);
}

/** `:MACRO: NAME(in1, in2 : out1)`: the macro's value is its variable named like it. */
function macroOf(scope: MacroScope, source: SourceMap, dims: DimensionIndex, diagnostics: Diagnostic[]): Macro | undefined {
  const loc = source.loc(scope.start);
  const m = /^\s*([^(]+?)\s*\(([^)]*)\)\s*$/s.exec(scope.header.text.replace(/\\\s*\r?\n/g, ' '));
  if (!m) {
    diagnostics.push(error('syntax', 'a macro header must read :MACRO: NAME(input, ... : output, ...)', loc));
    return undefined;
  }
  const name = displayOf(m[1] ?? '');
  const [inputs, outputs] = (m[2] ?? '').split(':');
  const names = (s: string | undefined): string[] =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '')
      .map(canonicalName);
  const macro: Macro = { name, ident: canonicalName(name), parameters: names(inputs), variables: buildVariables(scope.entries, dims, diagnostics), loc };
  const outs = names(outputs);
  if (outs.length > 0) macro.outputs = outs;
  const self = macro.variables.find((v) => v.ident === macro.ident);
  if (!self) diagnostics.push(error('missing-equation', `macro ${name} has no variable named ${name} to give its value`, loc));
  else if (self.kind !== 'stock' && self.equation) macro.equation = self.equation;
  return macro;
}
