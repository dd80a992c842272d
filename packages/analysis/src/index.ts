export { buildCausalGraph, projectGraph, type CausalGraph, type Link } from './graph/causal-graph.js';
export { linkSign, tableSign, type Sign, type SignContext } from './graph/polarity.js';
export { elementaryCycles } from './loops/elementary-cycles.js';
export { findLoops, type FeedbackLoop, type LoopPolarity, type LoopReport } from './loops/find-loops.js';
export { dependencyTree, formatDependencyTree, type DependencyNode } from './deps/dependency-tree.js';
export { parseUnit, formatUnit, sameUnit, type Unit } from './units/unit.js';
export { unitContext, type UnitContext } from './units/unit-context.js';
export { checkUnits, type UnitFinding } from './units/check-units.js';
export * from './dominance/index.js';
