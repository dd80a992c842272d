import { canonicalName, type DiagramElement, type DiagramPoint, type DiagramView, type Variable } from '@sluice/ir';
import { ATTACHED_TO_VALVE, readSketchViews, type SketchRecord, type SketchViewRecords } from './records.js';

type VariableRecord = Extract<SketchRecord, { type: 'variable' }>;
type ValveRecord = Extract<SketchRecord, { type: 'valve' }>;
type ArrowRecord = Extract<SketchRecord, { type: 'arrow' }>;

/** Pipe shape Vensim gives the end a flow comes from (the other end, where it goes, is 4). */
const PIPE_FROM = 100;

/** Half the length of a pipe drawn for a valve whose pipes could not be read. */
const LOOSE_PIPE = 30;

/**
 * The views of a Vensim sketch as typed diagrams. Objects are matched to the model's
 * variables by name (`Time` and names the model lacks are left out, with the arrows that touch
 * them); a valve becomes a flow named by the variable drawn beside it, with its pipe's ends as
 * points. Anything unreadable is skipped.
 */
export function diagramOf(sketch: string, variables: Variable[]): DiagramView[] {
  const byIdent = new Map(variables.map((v) => [v.ident, v]));
  return readSketchViews(sketch).map((view) => viewOf(view, (name) => byIdent.get(canonicalName(name))));
}

function viewOf(view: SketchViewRecords, variable: (name: string) => Variable | undefined): DiagramView {
  const records = new Map(view.records.map((r) => [r.id, r]));
  const flowName = namesOfValves(view.records);
  /** A variable drawn as a flow's name stands for its valve. */
  const valveOf = new Map([...flowName].map(([valve, name]) => [name.id, valve]));
  const elements: DiagramElement[] = [];
  const drawn = new Set<number>();
  const defined = new Set<string>();
  const pipes = new Set(view.records.filter((r): r is ArrowRecord => r.type === 'arrow' && records.get(r.from)?.type === 'valve' && isPipeEnd(records.get(r.to))));
  const pipesOf = new Map<number, ArrowRecord[]>();
  for (const p of pipes) pipesOf.set(p.from, [...(pipesOf.get(p.from) ?? []), p]);

  for (const r of view.records) {
    if (r.type === 'variable') {
      const v = valveOf.has(r.id) ? undefined : variable(r.name);
      if (!v) continue;
      const { x, y } = r;
      // Vensim marks a shadow variable by clearing bit 0; a second drawing is one too.
      if ((r.bits & 1) === 0 || defined.has(v.ident)) elements.push({ kind: 'alias', uid: r.id, variable: v.ident, x, y });
      else if (v.kind === 'stock') elements.push({ kind: 'stock', uid: r.id, variable: v.ident, x, y, width: 2 * r.w, height: 2 * r.h });
      else elements.push({ kind: 'aux', uid: r.id, variable: v.ident, x, y });
      defined.add(v.ident);
      drawn.add(r.id);
    } else if (r.type === 'valve') {
      const name = flowName.get(r);
      const v = name ? variable(name.name) : undefined;
      if (!v || defined.has(v.ident)) continue;
      const points = pipePoints(r, pipesOf.get(r.id) ?? [], records);
      elements.push({ kind: 'flow', uid: r.id, variable: v.ident, x: r.x, y: r.y, points });
      defined.add(v.ident);
      drawn.add(r.id);
    } else if (r.type === 'cloud') {
      elements.push({ kind: 'cloud', uid: r.id, x: r.x, y: r.y });
      drawn.add(r.id);
    } else if (r.type === 'comment') {
      elements.push({ kind: 'comment', uid: r.id, x: r.x, y: r.y, width: 2 * r.w, height: 2 * r.h, text: r.text });
    }
  }

  const end = (id: number): number | undefined => {
    const at = valveOf.get(id)?.id ?? id;
    return drawn.has(at) ? at : undefined;
  };
  for (const r of view.records) {
    if (r.type !== 'arrow' || pipes.has(r)) continue;
    const from = end(r.from);
    const to = end(r.to);
    if (from === undefined || to === undefined || from === to) continue;
    const arrow: DiagramElement = { kind: 'connector', uid: r.id, from, to };
    // (0,0) is what Vensim writes for an arrow it draws straight.
    const via = r.points[0];
    if (via && (via.x !== 0 || via.y !== 0)) arrow.via = via;
    if (r.polarity === 43) arrow.polarity = '+';
    if (r.polarity === 45) arrow.polarity = '-';
    elements.push(arrow);
  }
  const name = view.name.trim();
  return name === '' ? { elements } : { name, elements };
}

/**
 * The variable naming each valve's flow. Vensim writes it on the line after its valve; a name
 * written elsewhere is matched to the nearest valve still without one.
 */
function namesOfValves(records: SketchRecord[]): Map<ValveRecord, VariableRecord> {
  const names = new Map<ValveRecord, VariableRecord>();
  const taken = new Set<VariableRecord>();
  const attached = (r: SketchRecord | undefined): r is VariableRecord => r?.type === 'variable' && (r.shape & ATTACHED_TO_VALVE) !== 0;
  records.forEach((r, i) => {
    const next = records[i + 1];
    if (r.type === 'valve' && attached(next)) {
      names.set(r, next);
      taken.add(next);
    }
  });
  for (const r of records) {
    if (r.type !== 'valve' || names.has(r)) continue;
    let best: VariableRecord | undefined;
    for (const c of records) {
      if (!attached(c) || taken.has(c)) continue;
      if (!best || distance(c, r) < distance(best, r)) best = c;
    }
    if (best) {
      names.set(r, best);
      taken.add(best);
    }
  }
  return names;
}

function isPipeEnd(r: SketchRecord | undefined): boolean {
  return r?.type === 'cloud' || (r?.type === 'variable' && (r.shape & ATTACHED_TO_VALVE) === 0);
}

const distance = (a: DiagramPoint, b: DiagramPoint): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * A flow's points from where it comes from to where it goes: each pipe's far end (a stock's
 * edge, or a cloud's centre), with the valve between them when the pipe bends there.
 */
function pipePoints(valve: ValveRecord, pipes: ArrowRecord[], records: Map<number, SketchRecord>): DiagramPoint[] {
  const ends = pipes.map((p) => ({ at: endPoint(records.get(p.to)!, valve), from: p.shape === PIPE_FROM }));
  const source = ends.find((e) => e.from) ?? ends[1];
  const target = ends.find((e) => e !== source);
  const v = { x: valve.x, y: valve.y };
  const a = source?.at ?? (target ? mirror(target.at, v) : { x: v.x - LOOSE_PIPE, y: v.y });
  const b = target?.at ?? mirror(a, v);
  const cross = (v.x - a.x) * (b.y - a.y) - (v.y - a.y) * (b.x - a.x);
  return Math.abs(cross) <= distance(a, b) ? [a, b] : [a, v, b];
}

/** `p` reflected through `centre`. */
const mirror = (p: DiagramPoint, centre: DiagramPoint): DiagramPoint => ({ x: 2 * centre.x - p.x, y: 2 * centre.y - p.y });

/** Where a pipe from `valve` meets `r`: a stock's box edge on the line to its centre, or a cloud's centre. */
function endPoint(r: SketchRecord, valve: DiagramPoint): DiagramPoint {
  if (r.type !== 'variable') return r.type === 'arrow' ? { ...valve } : { x: r.x, y: r.y };
  const dx = valve.x - r.x;
  const dy = valve.y - r.y;
  if (dx === 0 && dy === 0) return { x: r.x, y: r.y };
  const t = Math.min(dx === 0 ? Infinity : r.w / Math.abs(dx), dy === 0 ? Infinity : r.h / Math.abs(dy), 1);
  return { x: r.x + t * dx, y: r.y + t * dy };
}
