import type { Diagnostic, IntegrationMethod, Project } from '@sluice/ir';
import type { BatchSpec } from './run-batch.js';

/** What a sensitivity worker is started with: it compiles the project once, then runs chunks. */
export interface WorkerSetup {
  project: Project;
  method?: IntegrationMethod;
  spec: BatchSpec;
  /** Every run's inputs, row-major (`samples[run * inputs + d]`). */
  samples: Float64Array;
}

/** Main thread to worker: run runs [first, first + count), or stop. */
export type WorkerTask = { kind: 'chunk'; first: number; count: number } | { kind: 'stop' };

/** Worker to main thread. `data` is laid out as `BatchRunner` writes it and is transferred. */
export type WorkerReply =
  | { kind: 'ready'; times: Float64Array; names: string[]; warnings: Diagnostic[] }
  | { kind: 'failed'; diagnostics: Diagnostic[] }
  | { kind: 'chunk'; first: number; count: number; data: Float64Array };
