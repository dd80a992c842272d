export { importVensim, type ImportVensimOptions } from './import.js';
export { VENSIM_NA } from './parser.js';
export { decodeMdl } from './decode.js';
export { applyVensimData, type DataFile } from './data.js';
export { resolveVensimData, type DataFileAccess, type ReadOutcome } from './data/index.js';
