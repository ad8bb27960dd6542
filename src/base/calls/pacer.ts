/**
 * Pacing is what p-limit does not do: keeping a cloud's request rate under its quota (Resource
 * Graph's per-user window, Cloud Asset's per-minute window, ARM's per-subscription token
 * bucket) rather than bouncing off it. Concurrency stays p-limit's job. Each quota has its
 * own implementation of this one interface.
 */
export interface Pacer {
  /** Resolves when one more request may be sent; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<Permit>;
  /** A throttled answer said to wait `ms`: hold every caller that long. */
  throttled(ms: number): void;
}

/** One admitted request. */
export interface Permit {
  /** Unique per request (Resource Graph carries it as `x-ms-client-request-id`). */
  readonly id: string;
  /** The request leaves for the wire now (after the credential's token, which may take seconds). */
  sent(): void;
  /** The answer's headers, for pacers driven by the quota the service reports. */
  observe(headers: HeaderSource): void;
  /** The call is over (answered, failed, or never sent). */
  release(): void;
}

export interface HeaderSource {
  get(name: string): string | null | undefined;
}

/** A quota as a pacer sees it: at most `requests` in any `windowMs`. */
export interface RateQuota {
  readonly requests: number;
  readonly windowMs: number;
}

/**
 * This process's part of a quota that `share` processes spend together (`--quota-share N`:
 * shards under one identity or consumer project). Each keeps the window and takes a whole
 * `requests ÷ share` of it, so that the parts never add up to more than the quota in any
 * window, however the processes' windows fall. More processes than requests: each takes one
 * request per `share ÷ requests` windows, the quota's rate on average. Every pacer that guards
 * a shared quota (Resource Graph, Cloud Asset) is built from its part: one mechanism.
 */
export function shareOf<Q extends RateQuota>(quota: Q, share = 1): Q {
  const n = Math.max(1, Math.floor(share));
  if (n === 1) return quota;
  const requests = Math.floor(quota.requests / n);
  if (requests >= 1) return { ...quota, requests };
  return { ...quota, requests: 1, windowMs: (quota.windowMs * n) / quota.requests };
}

/**
 * Turns taken one at a time, in the order they were asked for: a pacer admits its callers in
 * order, each after the previous one was admitted or gave up (a failed turn does not stop the
 * next).
 */
export class TurnQueue {
  #last: Promise<void> = Promise.resolve();

  take<T>(turn: () => Promise<T>): Promise<T> {
    const next = this.#last.then(turn);
    this.#last = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }
}
