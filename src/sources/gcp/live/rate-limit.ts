/**
 * At most `limit` ListAssets calls in any `windowMs`: the Cloud Asset quota is counted per
 * consumer project per minute (ListAssets: 100), so every call of one collector goes through
 * one limiter. The service counts a call when it arrives, some time between when the client
 * sends it and when the answer is back; so a call holds its place in the window from the
 * moment it is sent until `windowMs` after its answer. The service then never counts more
 * than `limit` calls in its own window, however the network delays them.
 */
export class SlidingWindowLimiter {
  /** Per call: when its answer came back, or undefined while it is in flight. */
  private readonly calls: { done?: number }[] = [];
  private queue: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(limit: number, windowMs: number, now = () => performance.now()) {
    this.limit = Math.max(1, limit);
    this.windowMs = windowMs;
    this.now = now;
  }

  /** Resolves when one more call may be sent, with the function to call once its answer is back. */
  take(): Promise<() => void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn.then(() => undefined);
    return turn;
  }

  private async wait(): Promise<() => void> {
    for (;;) {
      const now = this.now();
      for (let i = this.calls.length - 1; i >= 0; i--) {
        const done = this.calls[i]!.done;
        if (done !== undefined && done <= now - this.windowMs) this.calls.splice(i, 1);
      }
      if (this.calls.length < this.limit) {
        const call: { done?: number } = {};
        this.calls.push(call);
        return () => {
          call.done = this.now();
          this.wake?.();
        };
      }
      const finished = this.calls.flatMap((c) => (c.done === undefined ? [] : [c.done]));
      const until = finished.length > 0 ? Math.min(...finished) + this.windowMs - now + 1 : undefined;
      await new Promise<void>((resolve) => {
        const timer = until === undefined ? undefined : setTimeout(resolve, until);
        // A call in flight coming back may free a place sooner (or start the clock on one).
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
    }
  }
}
