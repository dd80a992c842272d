/**
 * Where a data file a model names may be read from. A model file is untrusted input: the files
 * it names are read only from beneath its own folder, unless the user named the same file
 * explicitly (`sluice run --data FILE`). Paths are handled as text, without `node:path`, so the
 * package also runs in a browser; both `/` and Vensim's `\` separate folders.
 */

export type PathCheck = { ok: true; path: string } | { ok: false; reason: string };

const isAbsolute = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');

/** Folds `.` and `..` segments; a `..` that climbs above the start is kept in front. */
export function normalizePath(p: string): string {
  const slashed = p.replace(/\\/g, '/');
  const lead = /^[A-Za-z]:\//.test(slashed) ? slashed.slice(0, 3) : slashed.startsWith('/') ? '/' : '';
  const out: string[] = [];
  for (const seg of slashed.slice(lead.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg === '..' && lead !== '') continue;
    else out.push(seg);
  }
  const joined = lead + out.join('/');
  return joined === '' ? '.' : joined;
}

/**
 * The path to read for a file name written in a model: beneath `modelDir`, or one of
 * `allowed` (paths the user gave, compared after normalising).
 */
export function dataFilePath(name: string, modelDir: string, allowed: readonly string[] = []): PathCheck {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, reason: 'the data file name is empty' };
  const target = normalizePath(isAbsolute(trimmed) ? trimmed : `${modelDir.replace(/[\\/]+$/, '')}/${trimmed}`);
  if (allowed.some((a) => normalizePath(a) === target)) return { ok: true, path: target };
  const inside = normalizePath(trimmed.replace(/\\/g, '/'));
  if (isAbsolute(trimmed) || inside === '..' || inside.startsWith('../'))
    return {
      ok: false,
      reason: `data file '${name}' is outside the model's folder; data files are read only from beneath it unless named on the command line (--data)`,
    };
  return { ok: true, path: target };
}
