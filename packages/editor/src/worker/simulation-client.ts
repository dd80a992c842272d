import { error } from '@sluice/ir';
import type { RunRequest, RunResponse } from '../engine/run-model.js';
import { ProjectReceiver } from './project-delta.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

/** How long one request may run before the worker is judged stuck and replaced. */
const WATCHDOG_MS = 15_000;

/**
 * Talks to the simulation worker. Only the newest request matters: while one runs, later ones
 * replace each other and the last is sent when the worker is free. A worker that crashes or hangs
 * is replaced by a new one; the model text lives on the main thread, so nothing is lost.
 */
export class SimulationClient {
  private worker: Worker;
  /** Rebuilds each reply's project from the one before: every reply is decoded, shown or not. */
  private projects = new ProjectReceiver();
  private nextId = 1;
  private inFlight: { id: number; request: RunRequest; timer: ReturnType<typeof setTimeout>; retried: boolean } | null = null;
  private pending: RunRequest | null = null;
  /** The request whose response was shown last: a revised reply to it replaces that response. */
  private shown: { id: number; request: RunRequest } | null = null;
  /** How many times the worker has been replaced; shown in the status line, used by tests. */
  restarts = 0;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly onResponse: (response: RunResponse, request: RunRequest) => void,
  ) {
    this.worker = this.start();
  }

  run(request: RunRequest): void {
    if (this.inFlight) this.pending = request;
    else this.send(request, false);
  }

  /** Stop the worker as a crash would (used by tests and the status line's "restart" button). */
  crash(): void {
    this.restart(true);
  }

  private start(): Worker {
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const { response, ...rest } = event.data;
      this.received(rest, { ...response, project: this.projects.decode(response.project) });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.restart(true);
    };
    worker.onmessageerror = () => this.restart(true);
    return worker;
  }

  private send(request: RunRequest, retried: boolean): void {
    const id = this.nextId++;
    const timer = setTimeout(() => this.timedOut(id), WATCHDOG_MS);
    this.inFlight = { id, request, timer, retried };
    const message: WorkerRequest = { id, request };
    this.worker.postMessage(message);
  }

  private received(reply: Omit<WorkerReply, 'response'>, response: RunResponse): void {
    if (reply.revised) {
      // Stale once anything newer was asked for: that answer is on its way.
      if (!this.inFlight && !this.pending && this.shown?.id === reply.id) this.onResponse(response, this.shown.request);
      return;
    }
    const flight = this.inFlight;
    if (!flight || flight.id !== reply.id) return;
    clearTimeout(flight.timer);
    this.inFlight = null;
    if (!this.pending) {
      this.shown = { id: flight.id, request: flight.request };
      this.onResponse(response, flight.request);
    }
    this.flush();
  }

  private timedOut(id: number): void {
    const flight = this.inFlight;
    if (!flight || flight.id !== id) return;
    this.inFlight = null;
    this.replaceWorker();
    if (!this.pending) {
      this.onResponse(failure(flight.request, `the simulation took longer than ${WATCHDOG_MS / 1000} s and was stopped`), flight.request);
    }
    this.flush();
  }

  private restart(resend: boolean): void {
    const flight = this.inFlight;
    if (flight) clearTimeout(flight.timer);
    this.inFlight = null;
    this.replaceWorker();
    if (this.pending) {
      this.flush();
    } else if (flight && resend) {
      // Retry once: a second crash on the same request is reported rather than looped on.
      if (flight.retried) this.onResponse(failure(flight.request, 'the simulation worker crashed on this model'), flight.request);
      else this.send(flight.request, true);
    }
  }

  private replaceWorker(): void {
    this.worker.terminate();
    this.restarts++;
    this.worker = this.start();
  }

  private flush(): void {
    const next = this.pending;
    this.pending = null;
    if (next) this.send(next, false);
  }
}

function failure(request: RunRequest, message: string): RunResponse {
  return { project: null, diagnostics: [error('worker', message, { file: request.file, line: 1, column: 1 })], runs: [], elapsed: 0 };
}
