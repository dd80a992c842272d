export { detectFormat, type ModelFormat } from './detect-format.js';
export { parseModel, type ParseModelOptions } from './parse-model.js';
