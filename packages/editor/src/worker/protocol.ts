import type { RunRequest, RunResponse } from '../engine/run-model.js';
import type { ProjectMessage } from './project-delta.js';

/** Main thread → simulation worker. */
export interface WorkerRequest {
  id: number;
  request: RunRequest;
}

/** Simulation worker → main thread. */
export interface WorkerReply {
  id: number;
  /** The response with its project as the change from the one sent before. */
  response: Omit<RunResponse, 'project'> & { project: ProjectMessage };
  /**
   * A second, corrected reply to request `id`, sent on its own after a full parse found the
   * first (answered from a retyped constant) was not exact. It counts only while `id` is still
   * the newest request answered.
   */
  revised?: boolean;
}
