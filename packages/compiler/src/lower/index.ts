export { lowerProject } from './lower-project.js';
export { flattenModules } from './flatten-modules.js';
export { expandMacros } from './expand-macros.js';
export { lowerStatefulBuiltins } from './lower-stateful.js';
export { loweredArity, loweredNames } from './stateful/builtins.js';
