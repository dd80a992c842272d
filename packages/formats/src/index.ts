export { detectFormat, type ModelFormat } from './detect-format.js';
export { parseModel, type ParseModelOptions } from './parse-model.js';
export { DEFAULT_MAX_BYTES, overByteLimit } from '@sluice/ir';
