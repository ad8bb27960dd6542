// ARM's read throttling as the fake Azure applies it (opt-in, `armQuota`): the token buckets
// ARM has used since 2024, per subscription and principal, and per subscription for all
// principals, with the remaining-reads headers every answer carries.

/**
 * ARM's read limits since the 2024 migration ("Understand how Azure Resource Manager throttles
 * requests", learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling):
 * the table gives "Subscription | reads | 250 | 25" (bucket size, refill rate per second); the
 * page says these apply per subscription, service principal and operation type, and that a
 * global subscription limit of 15 times one principal's applies to all principals together.
 */
export interface ArmBucketQuota {
  /** Tokens of a full bucket (subscription and principal): 250. */
  readonly burst: number;
  /** Tokens added a second: 25. */
  readonly perSecond: number;
  /** The global bucket of a subscription is this many times the principal's (15; 0: none). */
  readonly globalFactor?: number;
}

/** ARM's headers without `armQuota`: the legacy hourly count, never running low. */
export const LEGACY_READ_HEADERS = { 'x-ms-ratelimit-remaining-subscription-reads': '11999' };

interface Bucket {
  tokens: number;
  at: number;
}

/** One read against ARM's buckets: let through or not, and what the answer's headers say. */
interface BucketRead {
  readonly admitted: boolean;
  readonly principal: string;
  /** Whole tokens left in the emptier bucket after this read. */
  readonly remaining: number;
  readonly retryAfterSeconds: number;
  readonly headers: Record<string, string>;
}

/**
 * ARM's read buckets (see ArmBucketQuota): one per subscription and principal (the bearer
 * token stands for the principal), and one per subscription for all principals. A read takes a
 * token from both or from neither. The fake cannot tell the caller's region: one region's
 * buckets. Every answer reports what is left as real ARM does (`…-subscription-reads: 249`,
 * `…-subscription-global-reads: 3749` on a first read): the principal's bucket and the global one.
 */
export class ArmReadBuckets {
  readonly #quota: ArmBucketQuota;
  readonly #buckets = new Map<string, Bucket>();
  readonly #principals = new Map<string, string>();

  constructor(quota: ArmBucketQuota) {
    this.#quota = quota;
  }

  take(subscription: string, auth: string, now: number): BucketRead {
    const factor = this.#quota.globalFactor ?? 15;
    const principal = this.#principal(auth);
    const own = this.#refill(`${subscription} ${principal}`, 1, now);
    const global = factor > 0 ? this.#refill(subscription, factor, now) : undefined;
    const admitted = own.tokens >= 1 && (!global || global.tokens >= 1);
    if (admitted) {
      own.tokens -= 1;
      if (global) global.tokens -= 1;
    }
    const short = Math.max(1 - own.tokens, global ? (1 - global.tokens) / factor : 0, 0);
    const headers: Record<string, string> = {
      'x-ms-ratelimit-remaining-subscription-reads': String(Math.floor(own.tokens)),
    };
    if (global)
      headers['x-ms-ratelimit-remaining-subscription-global-reads'] = String(Math.floor(global.tokens));
    return {
      admitted,
      principal,
      remaining: Math.floor(Math.min(own.tokens, global?.tokens ?? Number.POSITIVE_INFINITY)),
      retryAfterSeconds: Math.max(1, Math.ceil(short / this.#quota.perSecond)),
      headers,
    };
  }

  #refill(key: string, factor: number, now: number): Bucket {
    const size = this.#quota.burst * factor;
    const bucket = this.#buckets.get(key) ?? { tokens: size, at: now };
    bucket.tokens = Math.min(
      size,
      bucket.tokens + ((now - bucket.at) / 1000) * this.#quota.perSecond * factor,
    );
    bucket.at = now;
    this.#buckets.set(key, bucket);
    return bucket;
  }

  /** A stable short name per bearer token (ARM's message names the object id). */
  #principal(auth: string): string {
    let name = this.#principals.get(auth);
    if (!name) {
      name = `principal-${this.#principals.size + 1}`;
      this.#principals.set(auth, name);
    }
    return name;
  }
}

/** ARM's answer to a read over a bucket: 429 with `Retry-After` and what is left. */
export function throttledAnswer(
  subscription: string,
  read: BucketRead,
): { body: unknown; headers: Record<string, string> } {
  return {
    body: {
      error: {
        code: 'SubscriptionRequestsThrottled',
        message: `Number of 'read' requests for subscription '${subscription}' actor '${read.principal}' exceeded. Please try again after '${read.retryAfterSeconds}' seconds.`,
      },
    },
    headers: { ...read.headers, 'retry-after': String(read.retryAfterSeconds) },
  };
}
