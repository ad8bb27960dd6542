import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import type { Clock } from '../../src/base/calls/clock.ts';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
  /** A fake server's reply held back (latency, a slow answer): it stands for a request in flight. */
  readonly parked: boolean;
  /** A sleep or a held reply moves time; a timeout only fires when time passes it. */
  readonly drives: boolean;
}

/**
 * Virtual time shared by a collector and a fake cloud: quota windows, backoffs, latencies and
 * timeouts cost no real time, and a slow test machine cannot make a call time out. Time moves
 * only when nothing else can: every timer's owner waits, and every HTTP request in flight (as
 * counted by `httpClient`) is held by the fake in a parked timer. Then the clock jumps to the
 * earliest timer. A request never travels while time jumps, so the fake counts it at the
 * virtual moment the collector sent it, as a quota would with a fast network. Timeouts and
 * deadlines never move time by themselves: work the clock cannot see (a file being written)
 * must not look like a wait that only a deadline ends.
 */
export class VirtualClock implements Clock {
  #now = 0;
  #seq = 0;
  #timers: Timer[] = [];
  #inFlight = 0;

  /** Bumped on every change; time moves only after some turns of the event loop without one. */
  #generation = 0;
  #scheduled = false;

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.#timer(ms, { parked: false, drives: true }, signal);
  }

  /** A fake server's wait: it counts as the request in flight being held, not as a waiting caller. */
  park(ms: number, signal?: AbortSignal): Promise<void> {
    return this.#timer(ms, { parked: true, drives: true }, signal);
  }

  timeout(ms: number): AbortSignal {
    const controller = new AbortController();
    this.#timer(ms, { parked: false, drives: false }).then(
      () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
      () => undefined,
    );
    return controller.signal;
  }

  /** Wraps an HTTP client so that the clock knows which requests are in flight. */
  httpClient(inner: HttpClient): HttpClient {
    return {
      sendRequest: async (request: PipelineRequest): Promise<PipelineResponse> => {
        this.#inFlight++;
        this.#changed();
        try {
          return await inner.sendRequest(request);
        } finally {
          this.#inFlight--;
          this.#changed();
        }
      },
    };
  }

  #timer(ms: number, kind: { parked: boolean; drives: boolean }, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const timer: Timer = {
        at: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        ...kind,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.#timers = this.#timers.filter((t) => t !== timer);
        this.#changed();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
      this.#changed();
    });
  }

  #changed(): void {
    this.#generation++;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#settle(this.#generation, 0);
  }

  /** Waits for a few quiet turns of the event loop (I/O callbacks included), then moves time. */
  #settle(generation: number, quietTurns: number): void {
    setImmediate(() => {
      if (this.#generation !== generation) return this.#settle(this.#generation, 0);
      if (quietTurns < 3) return this.#settle(generation, quietTurns + 1);
      this.#scheduled = false;
      const parked = this.#timers.filter((t) => t.parked).length;
      if (!this.#timers.some((t) => t.drives) || this.#inFlight > parked) return;
      this.#timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.#timers.shift()!;
      this.#now = Math.max(this.#now, next.at);
      next.fire();
      this.#changed();
    });
  }
}
