export { parseSluice, type ParseSluiceOptions } from './parse.js';
export { printSluice } from './print.js';
export { sluiceTokens } from './tokens.js';
export {
  DATA_METHODS,
  DEFAULT_DATA_METHOD,
  addDataSource,
  dataMethodOf,
  dataSourcesOf,
  isDataElement,
  isDataMethod,
  setDataMethod,
  type DataMethod,
  type DataSource,
} from './data-variable.js';
