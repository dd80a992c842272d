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

/**
 * Every feedback loop of a model: the elementary cycles of its causal graph that pass through
 * accumulation (a stock or a delay). A cycle without one is a simultaneous equation, which the
 * compiler refuses. Declared loop names are attached to the shortest loop holding all the
 * variables the declaration lists.
 */
export function findLoops(model: Model, options: { limit?: number } = {}): LoopReport {
  const graph = buildCausalGraph(model);
  const nodes = [...graph.nodes.keys()];
  const { cycles, truncated } = elementaryCycles(nodes, (n) => graph.out.get(n)!.map((l) => l.to), options.limit ?? 10_000);
  const loops: FeedbackLoop[] = [];
  for (const cycle of cycles) {
    const idents = rotate(cycle, graph);
    const links = idents.map((id, i) => graph.out.get(id)!.find((l) => l.to === idents[(i + 1) % idents.length])!);
    if (!links.some((l) => l.delayed)) continue;
    loops.push({ idents, variables: idents.map((id) => graph.nodes.get(id)!.name), links, polarity: polarityOf(links) });
  }
  loops.sort((a, b) => a.idents.length - b.idents.length || a.variables.join().localeCompare(b.variables.join()));
  for (const declared of model.loops ?? []) {
    const wanted = declared.variables.map(canonicalName);
    const match = loops.find((l) => !l.name && wanted.every((w) => l.idents.includes(w)));
    if (match) match.name = declared.name;
  }
  return { loops, truncated };
}
