/** Resource Graph's per-user quota: at most `requests` queries in any `windowMs` (docs: 15 per 5 s). */
export interface GraphQuota {
  readonly requests: number;
  readonly windowMs: number;
  /**
   * Added to the window on our side, so that network jitter between our send and the service's
   * count cannot put one query too many into the service's window.
   */
  readonly marginMs: number;
}

/** https://learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests */
export const RESOURCE_GRAPH_QUOTA: GraphQuota = { requests: 15, windowMs: 5_000, marginMs: 150 };

export type Sleep = (ms: number) => Promise<void>;
export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Paces Resource Graph queries to stay under the quota instead of bouncing off it: a sliding log
 * of our own send times admits at most `requests` per `windowMs + marginMs`, and the service's
 * quota headers (`x-ms-user-quota-remaining`, `x-ms-user-quota-resets-after`) stop us until the
 * reset when they show less quota than our own sends explain (another client of the same
 * identity), or after a 429.
 */
export class GraphPacer {
  readonly #quota: GraphQuota;
  readonly #sleep: Sleep;
  readonly #now: () => number;
  /** Send times of the queries in the current window, oldest first. */
  readonly #sent: number[] = [];
  #blockedUntil = 0;
  /** Serializes admissions, so that concurrent callers take distinct slots. */
  #queue: Promise<void> = Promise.resolve();

  constructor(quota: GraphQuota, sleepFn: Sleep = sleep, now: () => number = Date.now) {
    this.#quota = quota;
    this.#sleep = sleepFn;
    this.#now = now;
  }

  /** Resolves when one more query may be sent; the caller sends it at once. */
  acquire(): Promise<void> {
    const turn = this.#queue.then(() => this.#admit());
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #admit(): Promise<void> {
    const span = this.#quota.windowMs + this.#quota.marginMs;
    for (;;) {
      const now = this.#now();
      while (this.#sent.length > 0 && this.#sent[0]! <= now - span) this.#sent.shift();
      const wait = Math.max(
        this.#blockedUntil - now,
        this.#sent.length >= this.#quota.requests ? this.#sent[0]! + span - now : 0,
      );
      if (wait <= 0) {
        this.#sent.push(now);
        return;
      }
      await this.#sleep(wait);
    }
  }

  /**
   * Reads the quota headers of a response. The service counts fewer queries than we sent when
   * its window is younger than ours; it counts more when another client of the same identity
   * spends the quota: those are added to our log as if sent now, so that only `remaining`
   * more are admitted within the window.
   */
  observe(headers: { get(name: string): string | undefined }): void {
    const remaining = Number(headers.get('x-ms-user-quota-remaining') ?? Number.NaN);
    if (!Number.isFinite(remaining)) return;
    const now = this.#now();
    const ours = this.#sent.length;
    const foreign = this.#quota.requests - ours - 1 - remaining;
    for (let i = 0; i < foreign; i++) this.#sent.push(now);
  }

  /** Stops every query for `ms` (a 429's Retry-After, or the quota's reset). */
  block(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#now() + ms);
  }
}

/** `hh:mm:ss` or `hh:mm:ss.fffffff` (a .NET TimeSpan) → milliseconds. */
export function parseTimeSpan(value: string | undefined): number | undefined {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000;
}
