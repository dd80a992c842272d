/// <reference lib="webworker" />
// Scores the loops through a variable off the main thread: Loops That Matter runs an augmented
// model, which on a large model takes seconds, so it has a worker of its own and never delays a run.
import { error } from '@sluice/ir';
import { loopScores, type LoopScoresResponse } from '../engine/loop-scores.js';
import type { LoopsReply, LoopsRequest } from './loops-protocol.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<LoopsRequest>) => {
  const { id, request } = event.data;
  let response: LoopScoresResponse;
  try {
    response = loopScores(request);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    response = { variable: request.variable, times: new Float64Array(0), loops: [], total: 0, diagnostics: [error('internal', `loop scores failed: ${message}`, { file: request.file, line: 1, column: 1 })], elapsed: 0 };
  }
  const transfer = [response.times.buffer, ...response.loops.map((l) => l.relativeScore.buffer)] as ArrayBuffer[];
  const reply: LoopsReply = { id, response };
  self.postMessage(reply, { transfer: [...new Set(transfer)] });
};
