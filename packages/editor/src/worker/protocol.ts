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
}
