export { parseSluice, type ParseSluiceOptions } from './parse.js';
export { printSluice } from './print.js';
export { sluiceTokens } from './tokens.js';
