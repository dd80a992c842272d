export * from './diagnostics.js';
export * from './names.js';
export * from './expr.js';
export * from './model.js';
export * from './line-index.js';
export * from './fold.js';
export { checkSize, DEFAULT_MAX_BYTES, overByteLimit } from './size-limit.js';
