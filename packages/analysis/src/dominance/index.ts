export { loopDominance, MAX_LOOP_VALUES, type DominanceOptions, type LinkScoreSeries, type LoopDominance, type LoopScoreSeries } from './loop-dominance.js';
export { type DominancePeriod } from './relative-score.js';
export { ceterisParibus } from './ceteris-paribus.js';
export { instantLinkScore, flowToStockScore } from './link-score.js';
export { formatDominance, dominanceCsv, loopLabel } from './format.js';
