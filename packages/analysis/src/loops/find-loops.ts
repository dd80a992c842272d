import { canonicalName, type Model } from '@sluice/ir';
import { buildCausalGraph, type CausalGraph, type Link } from '../graph/causal-graph.js';
import { elementaryCycles } from './elementary-cycles.js';

export type LoopPolarity = 'R' | 'B' | '?';

export interface FeedbackLoop {
  /** The name the model gives this loop (e.g. `R1`), if it declares one that matches. */
  name?: string;
  /** Canonical names in causal order: each influences the next, the last the first. */
  idents: string[];
  /** Display names in the same order. */
  variables: string[];
  links: Link[];
  /** Reinforcing when the product of link signs is +, balancing when it is -. */
  polarity: LoopPolarity;
}

export interface LoopReport {
  loops: FeedbackLoop[];
  /** True when the model has more loops than the limit and the list stops there. */
  truncated: boolean;
}

function polarityOf(links: Link[]): LoopPolarity {
  let negatives = 0;
  for (const l of links) {
    if (l.sign === '?' || l.sign === '0') return '?';
    if (l.sign === '-') negatives++;
  }
  return negatives % 2 === 0 ? 'R' : 'B';
}

/** Rotate a cycle to start at its stock (or first delayed link), so loops read the way modellers draw them. */
function rotate(idents: string[], graph: CausalGraph): string[] {
  const start = idents.findIndex((id) => graph.nodes.get(id)?.kind === 'stock');
  return start <= 0 ? idents : [...idents.slice(start), ...idents.slice(0, start)];
}

/** Shortest path of links from `from` to `to` (breadth first), as the nodes after `from`. */
function shortestPath(graph: CausalGraph, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const link of graph.out.get(node) ?? []) {
      if (previous.has(link.to) || link.to === from) {
        if (link.to === to && to === from) return [...pathTo(previous, node, from), to];
        continue;
      }
      previous.set(link.to, node);
      if (link.to === to) return pathTo(previous, to, from);
      queue.push(link.to);
    }
  }
  return undefined;
}

function pathTo(previous: Map<string, string>, end: string, start: string): string[] {
  const path: string[] = [];
  for (let n = end; n !== start; n = previous.get(n)!) path.unshift(n);
  return path;
}

/**
 * The loop a declaration names: through its variables in the order listed, each to the next
 * by the shortest causal path, the last back to the first. Built directly, so a declared loop
 * is found even where enumeration stopped at its limit.
 */
function declaredLoop(graph: CausalGraph, variables: string[]): string[] | undefined {
  const wanted = variables.map(canonicalName);
  if (wanted.length === 0 || wanted.some((w) => !graph.nodes.has(w))) return undefined;
  const cycle: string[] = [];
  for (let i = 0; i < wanted.length; i++) {
    const from = wanted[i]!;
    const to = wanted[(i + 1) % wanted.length]!;
    const path = shortestPath(graph, from, to);
    if (!path) return undefined;
    cycle.push(from, ...path.slice(0, -1));
  }
  return new Set(cycle).size === cycle.length ? cycle : undefined;
}

function loopOf(idents: string[], graph: CausalGraph): FeedbackLoop {
  const links = idents.map((id, i) => graph.out.get(id)!.find((l) => l.to === idents[(i + 1) % idents.length])!);
  return { idents, variables: idents.map((id) => graph.nodes.get(id)!.name), links, polarity: polarityOf(links) };
}

/** Two cycles are the same loop when one is a rotation of the other. */
function sameCycle(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const start = b.indexOf(a[0]!);
  return start >= 0 && a.every((x, i) => b[(start + i) % b.length] === x);
}

/**
 * Every feedback loop of a model: the elementary cycles of its causal graph that pass through
 * accumulation (a stock or a delay). A cycle without one is a simultaneous equation, which the
 * compiler refuses. A loop the model declares (`loop R1: a -> b`) is the shortest cycle
 * through its variables in the order given; it carries the declared name.
 */
export function findLoops(model: Model, options: { limit?: number } = {}): LoopReport {
  const graph = buildCausalGraph(model);
  const nodes = [...graph.nodes.keys()];
  const { cycles, truncated } = elementaryCycles(nodes, (n) => graph.out.get(n)!.map((l) => l.to), options.limit ?? 10_000);
  const loops: FeedbackLoop[] = [];
  for (const cycle of cycles) {
    const loop = loopOf(rotate(cycle, graph), graph);
    if (loop.links.some((l) => l.delayed)) loops.push(loop);
  }
  loops.sort((a, b) => a.idents.length - b.idents.length || a.variables.join().localeCompare(b.variables.join()));
  for (const declared of model.loops ?? []) {
    const cycle = declaredLoop(graph, declared.variables);
    if (!cycle) continue;
    const existing = loops.find((l) => sameCycle(l.idents, cycle));
    if (existing) {
      if (!existing.name) existing.name = declared.name;
    } else {
      loops.push({ ...loopOf(rotate(cycle, graph), graph), name: declared.name });
    }
  }
  return { loops, truncated };
}
