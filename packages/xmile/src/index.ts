export { importXmile, type ImportXmileOptions } from './import/import-xmile.js';
export { exportXmile } from './export/export-xmile.js';
export { withDrawnFlows } from './export/drawn-flows.js';
