export { MAX_EQUATION_DEPTH, parseEquation, type EquationOrigin, type ParsedEquation } from './equation/parse.js';
export { printEquation } from './equation/print.js';
export { parseConstantList } from './equation/constant-list.js';
export * from './equation/build.js';
export * from './text/index.js';
