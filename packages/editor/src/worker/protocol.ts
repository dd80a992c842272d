import type { RunRequest, RunResponse } from '../engine/run-model.js';

/** Main thread → simulation worker. */
export interface WorkerRequest {
  id: number;
  request: RunRequest;
}

/** Simulation worker → main thread. */
export interface WorkerReply {
  id: number;
  response: RunResponse;
  /**
   * A second, corrected reply to request `id`, sent on its own after a full parse found the
   * first (answered from a retyped constant) was not exact. It counts only while `id` is still
   * the newest request answered.
   */
  revised?: boolean;
}
