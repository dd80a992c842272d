import { parentPort, workerData } from 'node:worker_threads';
import { compile } from '@sluice/compiler';
import { prepareBatch } from './run-batch.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-protocol.js';

// One compile per worker; then each chunk of runs is computed into a fresh buffer that is
// transferred (not copied) back to the main thread.
const port = parentPort!;
const setup = workerData as WorkerSetup;
const send = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

const compiled = compile(setup.project, setup.method ? { method: setup.method } : {});
const batch = compiled.ok ? prepareBatch(compiled.value, setup.spec) : compiled;
if (!batch.ok) send({ kind: 'failed', diagnostics: batch.diagnostics });
else {
  const { run, times, names } = batch.value;
  const perRun = times.length * names.length;
  send({ kind: 'ready', times, names, warnings: [...(compiled.ok ? compiled.warnings : []), ...batch.warnings] });
  port.on('message', (task: WorkerTask) => {
    if (task.kind === 'stop') {
      port.close();
      return;
    }
    const data = new Float64Array(task.count * perRun);
    run(setup.samples, task.first, task.count, data);
    send({ kind: 'chunk', first: task.first, count: task.count, data }, [data.buffer as ArrayBuffer]);
  });
}
