export { lowerProject } from './lower-project.js';
export { lowerStatefulBuiltins } from './lower-stateful.js';
