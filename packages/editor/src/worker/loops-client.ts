import { error } from '@sluice/ir';
import type { LoopScoresRequest, LoopScoresResponse } from '../engine/loop-scores.js';
import type { LoopsReply, LoopsRequest } from './loops-protocol.js';

/** Loop scores of a large model take seconds; past this the worker is judged stuck. */
const WATCHDOG_MS = 120_000;

/**
 * Talks to the loops worker. Only the newest request matters, and scoring a large model takes
 * seconds, so a new request stops the worker at once (terminate, start afresh) rather than
 * waiting for scores nobody will look at. A crash or a stall is reported, not retried: the next
 * edit or pick asks again.
 */
export class LoopsClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private inFlight: { id: number; request: LoopScoresRequest; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly onResponse: (response: LoopScoresResponse, request: LoopScoresRequest) => void,
  ) {}

  get busy(): boolean {
    return this.inFlight !== null;
  }

  run(request: LoopScoresRequest): void {
    if (this.inFlight) this.stop();
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const timer = setTimeout(() => this.failed(id, `loop scores took longer than ${WATCHDOG_MS / 1000} s and were stopped`), WATCHDOG_MS);
    this.inFlight = { id, request, timer };
    const message: LoopsRequest = { id, request };
    worker.postMessage(message);
  }

  private start(): Worker {
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<LoopsReply>) => this.received(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (this.inFlight) this.failed(this.inFlight.id, 'the loops worker crashed on this model');
    };
    worker.onmessageerror = () => {
      if (this.inFlight) this.failed(this.inFlight.id, 'the loops worker sent an unreadable reply');
    };
    this.worker = worker;
    return worker;
  }

  private received(reply: LoopsReply): void {
    const flight = this.inFlight;
    if (!flight || flight.id !== reply.id) return;
    clearTimeout(flight.timer);
    this.inFlight = null;
    this.onResponse(reply.response, flight.request);
  }

  private failed(id: number, message: string): void {
    const flight = this.inFlight;
    if (!flight || flight.id !== id) return;
    this.stop();
    const loc = { file: flight.request.file, line: 1, column: 1 };
    this.onResponse({ variable: flight.request.variable, times: new Float64Array(0), loops: [], total: 0, diagnostics: [error('worker', message, loc)], elapsed: 0 }, flight.request);
  }

  /** Drop the running request and the worker computing it. */
  private stop(): void {
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    this.worker?.terminate();
    this.worker = null;
  }
}
