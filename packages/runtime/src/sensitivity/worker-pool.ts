import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { error, fail, ok, type Diagnostic, type Result } from '@sluice/ir';
import { Collector } from './collector.js';
import type { SensitivityOptions } from './run-sensitivity.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-protocol.js';

/** One worker per core the process may use. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

/**
 * Hand chunks to `count` workers until every run is back. The first worker ready says the
 * outputs and saved times (every worker compiles the same project); the failure of any worker
 * ends the batch with its diagnostics.
 */
export function runOnWorkers(
  setup: WorkerSetup,
  count: number,
  runs: number,
  chunk: number,
  onProgress: SensitivityOptions['onProgress'],
): Promise<Result<{ collector: Collector; warnings: Diagnostic[] }>> {
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    let finished = false;
    let collector: Collector | undefined;
    let warnings: Diagnostic[] = [];
    const pool: Worker[] = [];
    const finish = (problems: Diagnostic[] | undefined) => {
      if (finished) return;
      finished = true;
      for (const w of pool) void w.terminate();
      resolve(problems || !collector ? fail(problems ?? []) : ok({ collector, warnings }));
    };
    const give = (w: Worker) => {
      if (next >= runs) {
        w.postMessage({ kind: 'stop' } satisfies WorkerTask);
        return;
      }
      const n = Math.min(chunk, runs - next);
      w.postMessage({ kind: 'chunk', first: next, count: n } satisfies WorkerTask);
      next += n;
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
      pool.push(w);
      w.on('message', (reply: WorkerReply) => {
        if (finished) return;
        if (reply.kind === 'failed') return finish(reply.diagnostics);
        if (reply.kind === 'ready' && !collector) {
          const tooMany = Collector.check(runs, reply.times, reply.names);
          if (tooMany) return finish([tooMany]);
          collector = new Collector(runs, reply.times, reply.names);
          warnings = reply.warnings;
        }
        if (reply.kind === 'chunk') {
          collector!.store(reply.first, reply.count, reply.data);
          done += reply.count;
          onProgress?.(done, runs);
          if (done === runs) return finish(undefined);
        }
        give(w);
      });
      w.on('error', (e) => finish([error('worker-failed', `a sensitivity worker failed: ${e.message}`)]));
      w.on('exit', (code) => {
        if (code !== 0 && !finished) finish([error('worker-failed', `a sensitivity worker stopped with code ${code}`)]);
      });
    }
  });
}
