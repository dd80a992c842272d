// IR → XMILE → IR gives the IR back, for projects that did not come from XMILE: every Vensim
// model of the suite and the text-language examples. Equations come back as the same parse
// (their text is printed anew in XMILE syntax), and what XMILE itself cannot say travels in
// Sluice's namespace.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunnable, readManifest, runModelFile } from '@sluice/cli';
import { formatDiagnostic, type Project } from '@sluice/ir';
import { parseSluice, printSluice } from '@sluice/language';
import { exportXmile, importXmile, withDrawnFlows } from '@sluice/xmile';

/**
 * What a trip through XMILE may change: source locations, equation text (printed anew), where
 * the project came from, the kept header and the drawn diagram (views written from a Vensim
 * sketch come back as raw XMILE views), and format-specific `extra`
 * notes the importer of the other format made (a Vensim data source, already resolved), and
 * whether a negative literal is one number or a negated one.
 */
function comparable(p: Project): unknown {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') {
      // `-2` is one number to the Vensim parser and a negated 2 to the XMILE one: the same value.
      const u = x as { kind?: string; op?: string; operand?: { kind?: string; value?: number } };
      if (u.kind === 'unary' && u.op === '-' && u.operand?.kind === 'number') return { kind: 'number', value: -(u.operand.value ?? 0) };
      const out: Record<string, unknown> = {};
      // A builtin's spelling (`display` beside `fn`) is kept by text, not by meaning.
      const spelling = (x as { kind?: string }).kind === 'call';
      const isEquation = 'expr' in x;
      for (const [k, v] of Object.entries(x)) {
        if (v === undefined || k === 'loc' || k === 'extra' || k === 'source' || k === 'views' || k === 'diagram') continue;
        if ((k === 'text' && isEquation) || (k === 'display' && spelling)) continue;
        out[k] = strip(v);
      }
      return out;
    }
    return x;
  };
  return strip(p);
}

/** The IR export writes: rates a Vensim diagram draws at valves become flows (`withDrawnFlows`). */
function asExported(p: Project): Project {
  return { ...p, models: p.models.map((m) => (m.diagram?.length ? { ...m, variables: withDrawnFlows(m.variables, m.diagram) } : m)) };
}

function throughXmile(project: Project, file: string): Project {
  const back = importXmile(exportXmile(project), { file: `${file}.xmile` });
  if (!back.ok) throw new Error(back.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return back.value;
}

function parsedExample(file: string): Project {
  const path = resolve('examples', file);
  const parsed = parseSluice(readFileSync(path, 'utf8'), { file: path });
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return parsed.value;
}

describe('a text-language project survives XMILE', () => {
  it('the children\'s social care model, with its named loops', () => {
    const project = parsedExample('childrens-social-care/childrens-social-care.sluice');
    const back = throughXmile(project, 'csc');
    expect(back.models[0]?.loops?.map((l) => l.name)).toEqual(project.models[0]?.loops?.map((l) => l.name));
    expect(back.models[0]?.loops?.length).toBeGreaterThan(3);
    expect(comparable(back)).toEqual(comparable(project));
  });
  for (const file of ['sir/sir.sluice', 'teacup/teacup.sluice']) {
    it(file, () => {
      const project = parsedExample(file);
      expect(comparable(throughXmile(project, file))).toEqual(comparable(project));
    });
  }
});

const suite = resolve('../shared/test-models');
const vensim = readManifest(suite).filter((e) => isRunnable(e) && e.role !== 'broken' && e.modelFile.endsWith('.mdl'));

describe('every runnable Vensim model of the suite survives XMILE', () => {
  it('finds the suite', () => expect(vensim.length).toBeGreaterThan(50));
  for (const entry of vensim) {
    const id = `${entry.folder}/${entry.modelFile}`;
    it(id, () => {
      const path = join(suite, entry.folder, entry.modelFile);
      const run = runModelFile(path, { dataFiles: entry.dataFiles.map((f) => join(dirname(path), f)) });
      if (!run.ok) return; // the conversion test holds models that do not run to known-gaps.tsv
      const project = run.value.project;
      const back = throughXmile(project, id);
      expect(back.dialect).toBe('vensim');
      expect(comparable(back)).toEqual(comparable(asExported(project)));
      // The same model written in the text language, as a user converting it would.
      const text = parseSluice(printSluice(project), { file: `${id}.sluice` });
      if (!text.ok) throw new Error(text.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
      expect(comparable(throughXmile(text.value, id))).toEqual(comparable(text.value));
    });
  }
});
