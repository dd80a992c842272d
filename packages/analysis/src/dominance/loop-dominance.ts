import { compile, lowerProject } from '@sluice/compiler';
import { simulate, type SimulateOptions } from '@sluice/runtime';
import { canonicalName, error, fail, ok, warning, type Diagnostic, type Project, type Result, type Variable } from '@sluice/ir';
import { buildCausalGraph } from '../graph/causal-graph.js';
import { findLoops, type FeedbackLoop } from '../loops/find-loops.js';
import { ceterisParibus } from './ceteris-paribus.js';
import { flowToStockScore, instantLinkScore, loopScores, productOf } from './link-score.js';
import { describeLink, linkKey, loweredPath, type LoweredLink } from './lowered-links.js';
import { cyclePartitions, dominantPeriods, relativeScores, type DominancePeriod } from './relative-score.js';

/** At most this many loop scores in all (loops × steps, 8 bytes each, twice): about 800 MB. */
export const MAX_LOOP_VALUES = 50_000_000;

export interface DominanceOptions {
  /** Only the loops through this variable (display name or ident); all loops when absent. */
  variable?: string;
  /** How to run the model; the run is always saved at every DT. */
  run?: Omit<SimulateOptions, 'saveStep' | 'vars'>;
  /** At most this many loops are enumerated (see `findLoops`). */
  limit?: number;
  /** At most this many loop scores (loops × steps); `MAX_LOOP_VALUES` by default. */
  maxValues?: number;
}

/** The score of one causal link of the model as written, at every time. */
export interface LinkScoreSeries {
  from: string;
  to: string;
  score: Float64Array;
}

export interface LoopScoreSeries {
  loop: FeedbackLoop;
  /** 1-based position in `findLoops`' list, so an unnamed loop reads `L<number>` as `sluice loops` prints it. */
  number: number;
  /** Product of the loop's link scores. */
  score: Float64Array;
  /** Score over the sum of |scores| of every loop in its cycle partition: in [-1, 1]. */
  relativeScore: Float64Array;
}

export interface LoopDominance {
  /** Every DT of the run; index 0 has no scores (NaN): a score needs a previous step. */
  times: Float64Array;
  loops: LoopScoreSeries[];
  links: LinkScoreSeries[];
  /** Periods in which one loop (an index into `loops`) has the largest |relative score|. */
  dominant: DominancePeriod[];
}

/**
 * Loop dominance by the Loops That Matter method. The model is lowered (stateful builtins
 * become hidden stocks), and for every link on a feedback loop an extra auxiliary re-evaluates
 * the target's equation with only the source at its new value (`ceterisParibus`); one run saved
 * at every DT then gives every link score. A link through a SMTH1 or DELAY3 is the product of
 * the scores along the hidden chain, so loops are the ones `findLoops` reports.
 */
export function loopDominance(project: Project, options: DominanceOptions = {}): Result<LoopDominance> {
  const main = project.models[0];
  if (!main) return fail([error('no-model', 'the project has no model')]);
  const report = findLoops(main, options.limit === undefined ? {} : { limit: options.limit });
  const warnings: Diagnostic[] = [];
  if (report.truncated) warnings.push(warning('loops-truncated', `more than ${report.loops.length} loops: relative scores leave the rest out`));
  let wanted: string | undefined;
  if (options.variable !== undefined) {
    wanted = canonicalName(options.variable);
    if (!main.variables.some((v) => v.ident === wanted)) return fail([error('unknown-variable', `no variable named "${options.variable}"`)]);
  }

  const lowered = lowerProject(project);
  if (!lowered.ok) return lowered;
  const flat = lowered.value.models[0]!;
  const byIdent = new Map<string, Variable>(flat.variables.map((v) => [v.ident, v]));
  const graph = buildCausalGraph(flat);

  // Each link of a loop, as its chain of lowered links.
  const paths = new Map<string, string[] | undefined>();
  const lowLinks = new Map<string, LoweredLink>();
  const unscored = new Map<string, string>();
  for (const loop of report.loops) {
    for (const link of loop.links) {
      const key = linkKey(link.from, link.to);
      if (paths.has(key)) continue;
      const path = loweredPath(graph, link.from, link.to);
      paths.set(key, path);
      if (!path) unscored.set(key, 'no path between them in the lowered model');
      for (let i = 0; path && i + 1 < path.length; i++) {
        const k = linkKey(path[i]!, path[i + 1]!);
        if (lowLinks.has(k)) continue;
        const d = describeLink(byIdent, path[i]!, path[i + 1]!);
        if (typeof d === 'string') unscored.set(key, d);
        else lowLinks.set(k, d);
      }
    }
  }

  // The extra auxiliaries: one per instantaneous link, one per stock's net flow expression.
  const extra: Variable[] = [];
  const partialOf = new Map<string, string>();
  const netOf = new Map<string, string>();
  const add = (kind: 'aux' | 'flow', expr: Variable['equation'], template?: Variable): string => {
    const ident = `#ltm_${extra.length + 1}`;
    const v: Variable =
      kind === 'flow'
        ? { kind: 'flow', name: ident, ident, nonNegative: template?.kind === 'flow' && template.nonNegative }
        : { kind: 'aux', name: ident, ident };
    if (expr) v.equation = expr;
    if (template?.gf) v.gf = template.gf;
    extra.push(v);
    return ident;
  };
  for (const [key, l] of lowLinks) {
    if (l.kind !== 'instant') continue;
    const expr = ceterisParibus(l.equation, l.from);
    const text = `(link score of ${l.from} -> ${l.to})`;
    if (l.target.kind === 'stock') {
      if (!netOf.has(l.to)) netOf.set(l.to, add('aux', { text, expr: l.equation }));
      partialOf.set(key, add('aux', { text, expr }));
    } else {
      partialOf.set(key, add(l.target.kind === 'flow' ? 'flow' : 'aux', { text, expr }, l.target));
    }
  }
  const visible = flat.variables.map((v) => (v.hidden ? { ...v, hidden: false } : v));
  const augmented: Project = { ...lowered.value, models: [{ ...flat, variables: [...visible, ...extra] }, ...lowered.value.models.slice(1)] };
  const compiled = compile(augmented);
  if (!compiled.ok) return compiled;
  const dt = options.run?.dt ?? project.simSpecs.dt;
  const run = simulate(compiled.value, { ...options.run, saveStep: dt });
  if (!run.ok) return run;
  const columns = new Map(run.value.columns.map((c) => [c.ident, c.values]));
  const n = run.value.times.length;
  const maxValues = options.maxValues ?? MAX_LOOP_VALUES;
  if (report.loops.length * n > maxValues) {
    return fail([error('too-many-values', `${report.loops.length} loops over ${n} steps is more than ${maxValues} scores: lower the loop limit, shorten the run or take a larger DT`)]);
  }
  const column = (ident: string): Float64Array => columns.get(ident) ?? new Float64Array(n).fill(NaN);

  const netFlow = (stock: string): Float64Array => {
    const s = byIdent.get(stock);
    const net = new Float64Array(n);
    if (s?.kind !== 'stock') return net.fill(NaN);
    for (const f of s.inflows) column(f).forEach((x, t) => (net[t] = net[t]! + x));
    for (const f of s.outflows) column(f).forEach((x, t) => (net[t] = net[t]! - x));
    return net;
  };
  const lowScores = new Map<string, Float64Array>();
  for (const [key, l] of lowLinks) {
    if (l.kind === 'flow-to-stock') lowScores.set(key, flowToStockScore(column(l.from), netFlow(l.to), l.direction));
    else {
      const z = l.target.kind === 'stock' ? column(netOf.get(l.to)!) : column(l.to);
      lowScores.set(key, instantLinkScore(column(l.from), z, column(partialOf.get(key)!)));
    }
  }

  const links: LinkScoreSeries[] = [];
  const linkScore = new Map<string, Float64Array>();
  for (const [key, path] of paths) {
    const [from, to] = key.split('\n') as [string, string];
    let score: Float64Array;
    if (!path || unscored.has(key)) score = new Float64Array(n).fill(NaN);
    else score = productOf(path.slice(1).map((p, i) => lowScores.get(linkKey(path[i]!, p))!), n);
    linkScore.set(key, score);
    links.push({ from, to, score });
  }
  for (const [key, why] of unscored) {
    const [from, to] = key.split('\n');
    warnings.push(warning('unscored-link', `the link ${from} -> ${to} has no score (${why}); loops through it are NaN`, undefined, to));
  }

  const scores = loopScores(
    report.loops.map((loop) => loop.links.map((l) => linkKey(l.from, l.to))),
    (key) => linkScore.get(key)!,
    n,
  );
  const relative = relativeScores(scores, cyclePartitions(report.loops));
  const all: LoopScoreSeries[] = report.loops.map((loop, i) => ({ loop, number: i + 1, score: scores[i]!, relativeScore: relative[i]! }));
  const loops = wanted === undefined ? all : all.filter((l) => l.loop.idents.includes(wanted!));
  return ok({ times: run.value.times, loops, links, dominant: dominantPeriods(run.value.times, loops.map((l) => l.relativeScore)) }, warnings);
}
