export { simulate, DEFAULT_SEED, type RunResult, type RunColumn } from './simulate.js';
export { MAX_STEPS, MAX_SAVED_VALUES, type SimulateOptions } from './run-plan.js';
export * from './sensitivity/index.js';
