export { parseDistribution, quantile, normalQuantile, type Distribution } from './distributions.js';
export { unitSamples, sampleInputs, type SamplingMethod } from './sampling.js';
export { DEFAULT_PERCENTILES, percentileOfSorted, percentiles } from './percentiles.js';
export { prepareBatch, type BatchSpec, type BatchRunner, type PreparedBatch } from './run-batch.js';
export {
  runSensitivity,
  MAX_RUNS,
  MAX_KEPT_VALUES,
  type SensitivityOptions,
  type SensitivityResult,
  type VariedInput,
} from './run-sensitivity.js';
export { percentileBands, formatBandsCsv, type PercentileBands } from './summary.js';
