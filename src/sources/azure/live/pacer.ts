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

/** One admitted query: pending until it leaves for the wire (after the token), then its send time. */
interface Sent {
  at: number;
  pending: boolean;
}

/** How often a full log of queries not yet on the wire is looked at again. */
const PENDING_POLL_MS = 20;

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
  /**
   * The queries in the current window. An admitted query is pending (it never ages out) until
   * `sent` gives the time it left (a first token can take seconds): the service counts it when
   * it arrives, not when we admitted it.
   */
  #sent: Sent[] = [];
  readonly #tickets = new Map<string, Sent>();
  #blockedUntil = 0;
  /**
   * Set once another client of the identity shows (a 429, or quota spent that our queries do
   * not explain): from then on queries are spread over the window instead of sent in a burst,
   * so that the quota headers show the other client's use before a burst meets it.
   */
  #shared = false;
  #lastAdmitted = Number.NEGATIVE_INFINITY;
  /** Serializes admissions, so that concurrent callers take distinct slots. */
  #queue: Promise<void> = Promise.resolve();

  constructor(quota: GraphQuota, sleepFn: Sleep = sleep, now: () => number = Date.now) {
    this.#quota = quota;
    this.#sleep = sleepFn;
    this.#now = now;
  }

  /**
   * Resolves with a ticket when one more query may be sent; the caller sends it at once with the
   * ticket as its `x-ms-client-request-id`, and calls `release` when the call is over.
   */
  acquire(): Promise<string> {
    const turn = this.#queue.then(() => this.#admit());
    this.#queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** The query of `ticket` leaves now (called by a pipeline policy after the bearer token). */
  sent(ticket: string): void {
    const entry = this.#tickets.get(ticket);
    if (!entry) return;
    entry.at = this.#now();
    entry.pending = false;
  }

  /** The call of `ticket` is over; a query that never left frees its slot. */
  release(ticket: string): void {
    const entry = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    if (entry?.pending) this.#sent = this.#sent.filter((other) => other !== entry);
  }

  async #admit(): Promise<string> {
    const span = this.#quota.windowMs + this.#quota.marginMs;
    for (;;) {
      const now = this.#now();
      this.#sent = this.#sent.filter((entry) => entry.pending || entry.at > now - span);
      let full = 0;
      if (this.#sent.length >= this.#quota.requests) {
        const ageing = this.#sent.filter((entry) => !entry.pending).map((entry) => entry.at + span - now);
        full = ageing.length > 0 ? Math.min(...ageing) : PENDING_POLL_MS;
      }
      const spacing = this.#shared
        ? this.#lastAdmitted + this.#quota.windowMs / this.#quota.requests - now
        : 0;
      const wait = Math.max(this.#blockedUntil - now, full, spacing);
      if (wait <= 0) {
        this.#lastAdmitted = now;
        const entry = { at: now, pending: true };
        this.#sent.push(entry);
        const ticket = crypto.randomUUID();
        this.#tickets.set(ticket, entry);
        return ticket;
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
    if (foreign > 0) this.#shared = true;
    for (let i = 0; i < foreign; i++) this.#sent.push({ at: now, pending: false });
  }

  /** Stops every query for `ms` (a 429's Retry-After, or the quota's reset). */
  block(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#now() + ms);
    this.#shared = true;
  }
}

/** `hh:mm:ss` or `hh:mm:ss.fffffff` (a .NET TimeSpan) → milliseconds. */
export function parseTimeSpan(value: string | undefined): number | undefined {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000;
}
