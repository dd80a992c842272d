import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunRequest } from '../engine/run-model.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';
import { SimulationClient } from './simulation-client.js';

/** A stand-in for the worker: records what it is sent; the test answers, crashes or stalls it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: WorkerRequest): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(text = this.sent[this.sent.length - 1]?.request.text): void {
    const last = this.sent[this.sent.length - 1];
    if (!last) throw new Error('nothing was sent');
    const response: WorkerReply['response'] = { project: { kind: 'whole', project: null }, diagnostics: [], runs: [], elapsed: text?.length ?? 0 };
    this.onmessage?.({ data: { id: last.id, response } } as MessageEvent<WorkerReply>);
  }
  /** A corrected second reply to the `nth` request sent, as the worker sends after confirming a retyped constant. */
  revise(nth: number, message: string): void {
    const sent = this.sent[nth];
    if (!sent) throw new Error(`no request ${nth} was sent`);
    const response: WorkerReply['response'] = { project: { kind: 'whole', project: null }, diagnostics: [{ severity: 'warning', code: 'test', message }], runs: [], elapsed: 0 };
    this.onmessage?.({ data: { id: sent.id, response, revised: true } } as MessageEvent<WorkerReply>);
  }
  crash(): void {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
}

const request = (text: string): RunRequest => ({ text, format: 'sluice', file: 'm.sluice', runs: [{ name: 'Baseline', overrides: {} }] });

function client() {
  FakeWorker.made = [];
  const seen: string[] = [];
  const errors: string[] = [];
  const c = new SimulationClient(
    () => new FakeWorker() as unknown as Worker,
    (response, req) => {
      seen.push(req.text);
      errors.push(...response.diagnostics.map((d) => d.message));
    },
  );
  const worker = () => FakeWorker.made[FakeWorker.made.length - 1] as FakeWorker;
  return { c, seen, errors, worker };
}

afterEach(() => vi.useRealTimers());

describe('the simulation client', () => {
  it('sends only the newest of the requests made while one runs', () => {
    const { c, seen, worker } = client();
    c.run(request('a'));
    c.run(request('b'));
    c.run(request('c'));
    expect(worker().sent.map((m) => m.request.text)).toEqual(['a']);
    worker().answer();
    // The answer to `a` is stale (c is waiting), so it is not shown; c is sent at once.
    expect(seen).toEqual([]);
    expect(worker().sent.map((m) => m.request.text)).toEqual(['a', 'c']);
    worker().answer();
    expect(seen).toEqual(['c']);
  });

  it('shows a revised reply to the request shown last, and no other', () => {
    const { c, seen, errors, worker } = client();
    c.run(request('a'));
    worker().answer();
    worker().revise(0, 'a revised');
    expect(seen).toEqual(['a', 'a']);
    expect(errors).toEqual(['a revised']);
    // Once `b` is asked for, a revision of `a` is stale, in flight or after `b` is shown.
    c.run(request('b'));
    worker().revise(0, 'a revised again');
    worker().answer();
    worker().revise(0, 'a revised too late');
    expect(seen).toEqual(['a', 'a', 'b']);
    expect(errors).toEqual(['a revised']);
  });

  it('replaces a crashed worker and retries the request once', () => {
    const { c, seen, errors, worker } = client();
    c.run(request('a'));
    const first = worker();
    first.crash();
    expect(first.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    expect(worker().sent.map((m) => m.request.text)).toEqual(['a']);
    worker().answer();
    expect(seen).toEqual(['a']);
    expect(errors).toEqual([]);
    expect(c.restarts).toBe(1);
  });

  it('reports a request that crashes the worker twice instead of looping', () => {
    const { c, errors, worker } = client();
    c.run(request('bad'));
    worker().crash();
    worker().crash();
    expect(errors).toEqual(['the simulation worker crashed on this model']);
    expect(FakeWorker.made).toHaveLength(3);
    c.run(request('good'));
    expect(worker().sent.map((m) => m.request.text)).toEqual(['good']);
  });

  it('stops a run that takes too long and says so', () => {
    vi.useFakeTimers();
    const { c, errors, worker } = client();
    c.run(request('slow'));
    const stuck = worker();
    vi.advanceTimersByTime(15_001);
    expect(stuck.terminated).toBe(true);
    expect(errors).toEqual(['the simulation took longer than 15 s and was stopped']);
    c.run(request('next'));
    expect(worker().sent.map((m) => m.request.text)).toEqual(['next']);
  });
});
