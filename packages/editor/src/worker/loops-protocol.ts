import type { LoopScoresRequest, LoopScoresResponse } from '../engine/loop-scores.js';

/** Main thread → loops worker. */
export interface LoopsRequest {
  id: number;
  request: LoopScoresRequest;
}

/** Loops worker → main thread. */
export interface LoopsReply {
  id: number;
  response: LoopScoresResponse;
}
