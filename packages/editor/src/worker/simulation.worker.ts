/// <reference lib="webworker" />
// Parses, compiles and runs the model off the main thread, so typing never waits for a simulation.
import { error } from '@sluice/ir';
import { ModelRunner, type RunResponse } from '../engine/run-model.js';
import { ProjectSender } from './project-delta.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

/**
 * How long typing must pause before an answer from a retyped formula is confirmed by a full
 * parse (and compile): long enough that a keystroke seldom arrives while one runs and waits for it.
 */
const CONFIRM_PAUSE_MS = 1000;

const runner = new ModelRunner();
const projects = new ProjectSender();
let confirmTimer: ReturnType<typeof setTimeout> | undefined;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  clearTimeout(confirmTimer);
  const { id, request } = event.data;
  reply(id, request.file, () => runner.run(request), false);
  if (runner.unconfirmed) confirmTimer = setTimeout(() => reply(id, request.file, () => runner.confirm(), true), CONFIRM_PAUSE_MS);
};

function reply(id: number, file: string, work: () => RunResponse | null, revised: boolean): void {
  let response: RunResponse | null;
  try {
    response = work();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    response = { project: null, diagnostics: [error('internal', `simulation failed: ${message}`, { file, line: 1, column: 1 })], runs: [], elapsed: 0 };
  }
  if (!response) return;
  // The columns are views of one buffer per run: transferred, not copied.
  const transfer = response.runs.flatMap((r) => [r.times.buffer, ...r.columns.map((c) => c.values.buffer)]);
  const wire = { ...response, project: projects.encode(response.project) };
  const message: WorkerReply = revised ? { id, response: wire, revised } : { id, response: wire };
  try {
    self.postMessage(message, { transfer: [...new Set(transfer)] as ArrayBuffer[] });
  } catch {
    // A project holding something structured clone refuses: send the numbers without it.
    self.postMessage({ ...message, response: { ...wire, project: projects.encode(null) } } satisfies WorkerReply);
  }
}
