export { buildCausalGraph, projectGraph, type CausalGraph, type Link } from './graph/causal-graph.js';
export { linkSign, tableSign, type Sign, type SignContext } from './graph/polarity.js';
export { elementaryCycles } from './loops/elementary-cycles.js';
export { findLoops, type FeedbackLoop, type LoopPolarity, type LoopReport } from './loops/find-loops.js';
export { dependencyTree, formatDependencyTree, type DependencyNode } from './deps/dependency-tree.js';
