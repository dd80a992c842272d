export { resolveVensimData } from './resolve.js';
export type { DataFileAccess, ReadOutcome } from './open-file.js';
