/// <reference lib="webworker" />
// Parses, compiles and runs the model off the main thread, so typing never waits for a simulation.
import { error } from '@sluice/ir';
import { ModelRunner, type RunResponse } from '../engine/run-model.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const runner = new ModelRunner();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, request } = event.data;
  let response: RunResponse;
  try {
    response = runner.run(request);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    response = { project: null, diagnostics: [error('internal', `simulation failed: ${message}`, { file: request.file, line: 1, column: 1 })], runs: [], elapsed: 0 };
  }
  const transfer = response.runs.flatMap((r) => [r.times.buffer, ...r.columns.map((c) => c.values.buffer)]);
  const reply: WorkerReply = { id, response };
  try {
    self.postMessage(reply, { transfer: [...new Set(transfer)] as ArrayBuffer[] });
  } catch {
    // A project holding something structured clone refuses: send the numbers without it.
    self.postMessage({ id, response: { ...response, project: null } } satisfies WorkerReply);
  }
};
