import type { Clock } from '../../../base/calls/clock.ts';
import { type Pacer, type Permit, TurnQueue } from '../../../base/calls/pacer.ts';

/** ListAssets calls per minute: the consumer project's default quota. */
export const LIST_ASSETS_QUOTA_PER_MINUTE = 100;

/**
 * At most `limit` ListAssets calls in any `windowMs`: the Cloud Asset quota is counted per
 * consumer project per minute (ListAssets: 100), so every call of one collector goes through
 * one window. The service counts a call when it arrives, some time between when the client
 * sends it and when the answer is back; so a call holds its place in the window from the
 * moment it is sent until `windowMs` after its answer. The service then never counts more
 * than `limit` calls in its own window, however the network delays them.
 */
export class ListAssetsWindow implements Pacer {
  /** Per call: when its answer came back, or undefined while it is in flight. */
  readonly #calls: { done?: number }[] = [];
  readonly #turns = new TurnQueue();
  /** Wakes the waiting caller early: a call in flight came back, or a throttled wait ended. */
  #wake: AbortController | undefined;
  #blockedUntil = 0;
  #serial = 0;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #clock: Clock;

  constructor(limit: number, windowMs: number, clock: Clock) {
    this.#limit = Math.max(1, limit);
    this.#windowMs = windowMs;
    this.#clock = clock;
  }

  acquire(signal?: AbortSignal): Promise<Permit> {
    return this.#turns.take(() => this.#wait(signal));
  }

  throttled(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#clock.now() + ms);
  }

  async #wait(signal: AbortSignal | undefined): Promise<Permit> {
    for (;;) {
      const now = this.#clock.now();
      for (let i = this.#calls.length - 1; i >= 0; i--) {
        const done = this.#calls[i]!.done;
        if (done !== undefined && done <= now - this.#windowMs) this.#calls.splice(i, 1);
      }
      const blocked = this.#blockedUntil - now;
      if (this.#calls.length < this.#limit && blocked <= 0) {
        const call: { done?: number } = {};
        this.#calls.push(call);
        return {
          id: `list-${++this.#serial}`,
          sent: () => undefined,
          observe: () => undefined,
          release: () => {
            if (call.done !== undefined) return;
            call.done = this.#clock.now();
            this.#wake?.abort();
          },
        };
      }
      const finished = this.#calls.flatMap((c) => (c.done === undefined ? [] : [c.done]));
      const ageing = finished.length > 0 ? Math.min(...finished) + this.#windowMs - now + 1 : undefined;
      const until = Math.max(
        blocked,
        this.#calls.length < this.#limit ? 0 : (ageing ?? Number.POSITIVE_INFINITY),
      );
      // A call in flight coming back may free a place sooner (or start the clock on one).
      const wake = new AbortController();
      this.#wake = wake;
      const waits = signal ? AbortSignal.any([signal, wake.signal]) : wake.signal;
      try {
        if (Number.isFinite(until)) await this.#clock.sleep(until, waits);
        else
          await new Promise<never>((_, reject) =>
            waits.addEventListener('abort', () => reject(waits.reason), { once: true }),
          );
      } catch (error) {
        if (signal?.aborted) throw error;
      } finally {
        this.#wake = undefined;
      }
    }
  }
}
