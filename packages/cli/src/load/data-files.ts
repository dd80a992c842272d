import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { error, fail, ok, type Diagnostic, type Project, type Result } from '@sluice/ir';
import { parseModel } from '@sluice/formats';
import { applyVensimData, decodeMdl, resolveVensimData, type DataFile, type DataFileAccess, type ReadOutcome } from '@sluice/vensim';
import { detectFormat, loadModelFile, parseModelText, type LoadOptions } from './model-file.js';
import { DEFAULT_MAX_BYTES, readModelText } from './read-text.js';

/**
 * Reads at most `maxBytes` of a file, refusing larger ones before reading them. The size comes
 * from the open descriptor, so a file swapped after the check cannot slip past it.
 */
export function readBoundedFile(path: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    const bytes = new Uint8Array(stat.size);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, null);
      if (n === 0) break;
      done += n;
    }
    return { ok: true, bytes: bytes.subarray(0, done) };
  } finally {
    closeSync(fd);
  }
}

/** The file a path reaches through any links; undefined when it reaches none. */
function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

const realOrResolved = (path: string): string => real(path) ?? resolve(path);

/**
 * The model's folder checks names as text; this also follows links, so a link inside the
 * folder cannot lead a model to a file outside it that the user did not name.
 */
function accessFor(modelPath: string, dataFiles: readonly string[], maxBytes: number): DataFileAccess {
  const modelDir = resolve(dirname(modelPath));
  const allowOutside = dataFiles.map((f) => resolve(f));
  const readFile = (path: string, max: number): ReadOutcome => {
    const target = real(path);
    const home = real(modelDir);
    if (target === undefined || home === undefined) return { ok: false, reason: 'missing' };
    const within = !relative(home, target).startsWith('..') && !isAbsolute(relative(home, target));
    if (!within && !allowOutside.some((a) => real(a) === target)) return { ok: false, reason: 'outside' };
    return readBoundedFile(path, max);
  };
  return { modelDir, readFile, allowOutside, maxBytes };
}

/**
 * Loads a model file; a Vensim one with access to its folder, where GET XLS SUBSCRIPT ranges
 * read their elements while the model is read.
 */
export function loadModelWithData(path: string, options: LoadOptions, dataFiles: readonly string[]): Result<Project> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const read = readModelText(path, maxBytes);
  if (!read.ok) return read;
  const format = options.format ?? detectFormat(path, read.value);
  if (format === 'mdl') return parseModel(read.value, 'mdl', { file: path, maxBytes, vensim: { dataFiles: accessFor(path, dataFiles, maxBytes) } });
  // Other formats, and the error for a file of no known format, as every command reads them.
  return format ? parseModelText(read.value, path, format, maxBytes) : loadModelFile(path, options);
}

/**
 * The data step of a Vensim model: GET XLS / GET DIRECT functions read from files beneath the
 * model's folder (or files the user named with --data), then data variables filled from the
 * `.tab`/`.csv` runs given with --data. Projects from other formats pass through unchanged.
 */
export function loadModelData(project: Project, modelPath: string, dataFiles: readonly string[], maxBytes: number): Result<Project> {
  if (project.dialect !== 'vensim') return ok(project);
  const access = accessFor(modelPath, dataFiles, maxBytes);
  // A file named with --data so that a GET function may read it from outside the model's
  // folder is that function's input, not also a data run to parse.
  const readByFunctions = new Set<string>();
  const resolved = resolveVensimData(project, {
    ...access,
    readFile: (path, max) => {
      const read = access.readFile(path, max);
      if (read.ok) readByFunctions.add(realOrResolved(path));
      return read;
    },
  });
  if (!resolved.ok) return resolved;
  const texts: DataFile[] = [];
  const problems: Diagnostic[] = [];
  for (const f of dataFiles) {
    if (!/\.(tab|csv|txt)$/i.test(f) || readByFunctions.has(realOrResolved(f))) continue;
    const read = readBoundedFile(f, maxBytes);
    if (read.ok) texts.push({ file: f, text: decodeMdl(read.bytes) });
    else {
      const why = read.reason === 'too-large' ? `is ${read.size ?? 'over'} bytes, over the limit of ${maxBytes} bytes` : read.reason === 'missing' ? 'not found' : 'is not a file';
      problems.push(error('data-file', `data file ${f} ${why}`, { file: f, line: 1, column: 1 }));
    }
  }
  if (problems.length > 0) return fail(problems);
  const filled = applyVensimData(resolved.value, texts);
  if (!filled.ok) return filled;
  return ok(filled.value, [...resolved.warnings, ...filled.warnings]);
}
