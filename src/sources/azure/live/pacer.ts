import type { Clock } from '../../../base/calls/clock.ts';
import { type HeaderSource, type Pacer, type Permit, TurnQueue } from '../../../base/calls/pacer.ts';

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
export class GraphPacer implements Pacer {
  readonly #quota: GraphQuota;
  readonly #clock: Clock;
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
  readonly #turns = new TurnQueue();

  constructor(quota: GraphQuota, clock: Clock) {
    this.#quota = quota;
    this.#clock = clock;
  }

  /**
   * Resolves with a permit when one more query may be sent; the caller sends it at once with the
   * permit's id as its `x-ms-client-request-id`, and releases it when the call is over.
   */
  async acquire(signal?: AbortSignal): Promise<Permit> {
    const ticket = await this.#turns.take(() => this.#admit(signal));
    return {
      id: ticket,
      sent: () => this.sent(ticket),
      observe: (headers) => this.observe(headers),
      release: () => this.release(ticket),
    };
  }

  /** The query of `ticket` leaves now (called by a pipeline policy after the bearer token). */
  sent(ticket: string): void {
    const entry = this.#tickets.get(ticket);
    if (!entry) return;
    entry.at = this.#clock.now();
    entry.pending = false;
  }

  /** The call of `ticket` is over; a query that never left frees its slot. */
  release(ticket: string): void {
    const entry = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    if (entry?.pending) this.#sent = this.#sent.filter((other) => other !== entry);
  }

  async #admit(signal: AbortSignal | undefined): Promise<string> {
    const span = this.#quota.windowMs + this.#quota.marginMs;
    for (;;) {
      const now = this.#clock.now();
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
      // At least a millisecond: a wait of a rounding error would not move a clock along.
      await this.#clock.sleep(Math.max(1, wait), signal);
    }
  }

  /**
   * Reads the quota headers of a response. The service counts fewer queries than we sent when
   * its window is younger than ours; it counts more when another client of the same identity
   * spends the quota: those are added to our log as if sent now, so that only `remaining`
   * more are admitted within the window.
   */
  observe(headers: HeaderSource): void {
    const remaining = Number(headers.get('x-ms-user-quota-remaining') ?? Number.NaN);
    if (!Number.isFinite(remaining)) return;
    const now = this.#clock.now();
    const ours = this.#sent.length;
    const foreign = this.#quota.requests - ours - 1 - remaining;
    if (foreign > 0) this.#shared = true;
    for (let i = 0; i < foreign; i++) this.#sent.push({ at: now, pending: false });
  }

  /** Stops every query for `ms` (a 429's Retry-After, or the quota's reset). */
  throttled(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#clock.now() + ms);
    this.#shared = true;
  }
}

/** `hh:mm:ss` or `hh:mm:ss.fffffff` (a .NET TimeSpan) → milliseconds. */
export function parseTimeSpan(value: string | undefined): number | undefined {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000;
}

/**
 * ARM's read quota per subscription and principal (since 2024 a token bucket per region:
 * 250 reads, refilled at 25 a second; the global bucket of all principals is 15 times that).
 * https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling
 */
export interface ArmReadQuota {
  readonly burst: number;
  readonly perSecond: number;
}
export const ARM_READ_QUOTA: ArmReadQuota = { burst: 250, perSecond: 25 };

/** The headers ARM reports what is left of the read quota in (legacy hourly, and the token buckets). */
const REMAINING_READS = [
  'x-ms-ratelimit-remaining-subscription-reads',
  'x-ms-ratelimit-remaining-subscription-global-reads',
  'x-ms-ratelimit-remaining-subscription-local-reads',
];

/** Runs `run` when one of the slots is free (a p-limit), holding it until `run` settles. */
export type SlotLimit = <T>(run: () => Promise<T>) => Promise<T>;

/**
 * One subscription's ARM reads: a token bucket on our side that follows the service's (burst,
 * then the refill rate), corrected downwards by the remaining reads ARM reports on each answer
 * (another client of the subscription spends from the same bucket), so that a subscription
 * with a full bucket reads at full speed and one running dry slows to the refill rate instead
 * of meeting 429s.
 *
 * The slots of the scan (`--concurrency`) are shared by every subscription. A read takes one
 * only once its subscription has a token for it, and only the first read in line of each
 * subscription waits for one: reads waiting for their own subscription's tokens never hold the
 * slots that other subscriptions could use. The token is taken when the slot is had, just before
 * the read leaves, as ARM counts it: a read kept waiting for a slot after its token would reach
 * ARM later than the bucket allowed for, and bunch up with the next ones.
 */
export class ArmReadPacer implements Pacer {
  readonly #quota: ArmReadQuota;
  readonly #clock: Clock;
  readonly #slots: SlotLimit | undefined;
  #tokens: number;
  #at: number;
  #blockedUntil = 0;
  #serial = 0;
  readonly #turns = new TurnQueue();

  constructor(quota: ArmReadQuota, clock: Clock, slots?: SlotLimit) {
    this.#quota = quota;
    this.#clock = clock;
    this.#slots = slots;
    this.#tokens = quota.burst;
    this.#at = clock.now();
  }

  /** A permit holds one of the slots (when the pacer has them) until it is released. */
  acquire(signal?: AbortSignal): Promise<Permit> {
    return this.#turns.take(() => this.#take(signal));
  }

  throttled(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#clock.now() + ms);
    this.#tokens = 0;
  }

  /** Tokens now (refilled since the last look). */
  #refill(): number {
    const now = this.#clock.now();
    this.#tokens = Math.min(
      this.#quota.burst,
      this.#tokens + ((now - this.#at) / 1000) * this.#quota.perSecond,
    );
    this.#at = now;
    return this.#tokens;
  }

  /** How long until a read may leave (0: now). */
  #wait(): number {
    const tokens = this.#refill();
    const blocked = this.#blockedUntil - this.#clock.now();
    // Within rounding of a whole token is a token: waiting for the last 1e-12 of one would
    // wait for ever on a clock that cannot tell the difference.
    const short = tokens >= 1 - 1e-9 ? 0 : Math.max(1, ((1 - tokens) / this.#quota.perSecond) * 1000);
    return Math.max(blocked, short);
  }

  async #take(signal: AbortSignal | undefined): Promise<Permit> {
    let free: () => void = () => undefined;
    for (;;) {
      const wait = this.#wait();
      if (wait > 0) {
        await this.#clock.sleep(wait, signal);
        continue;
      }
      if (!this.#slots) break;
      free = await takeSlot(this.#slots, signal);
      // The slot may have taken a while: a 429 or another client's reads may have spent the
      // token meanwhile. Then the slot goes back to the others while this subscription waits.
      if (this.#wait() <= 0) break;
      free();
    }
    this.#tokens = Math.max(0, this.#tokens - 1);
    return {
      id: `arm-${++this.#serial}`,
      sent: () => undefined,
      observe: (headers) => this.#observe(headers),
      release: free,
    };
  }

  /** The service's count is the truth when it shows fewer reads left than ours. */
  #observe(headers: HeaderSource): void {
    const reported = REMAINING_READS.map((name) => Number(headers.get(name) ?? Number.NaN)).filter(
      Number.isFinite,
    );
    if (reported.length === 0) return;
    this.#refill();
    this.#tokens = Math.min(this.#tokens, Math.min(...reported));
  }
}

/**
 * One slot of a p-limit, held until the returned function is called. A caller that gives up
 * (`signal`) while waiting leaves no slot behind: one granted later is freed at once.
 */
function takeSlot(slots: SlotLimit, signal: AbortSignal | undefined): Promise<() => void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    let abandoned = false;
    const onAbort = () => {
      abandoned = true;
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    void slots(
      () =>
        new Promise<void>((free) => {
          signal?.removeEventListener('abort', onAbort);
          if (abandoned) free();
          else resolve(once(free));
        }),
    );
  });
}

/** `fn` the first time only: a slot freed twice would free another caller's. */
function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
