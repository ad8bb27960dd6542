import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { ArmReadPacer, GraphPacer } from '../../../src/sources/azure/live/pacer.ts';
import { VirtualClock } from '../../fakes/clock.ts';

/** A clock that only moves when the pacer sleeps. */
function clock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    timeout: () => new AbortController().signal,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('GraphPacer', () => {
  const quota = { requests: 2, windowMs: 1_000, marginMs: 100 };

  it('admits at most `requests` per window and margin', async () => {
    const time = clock();
    const pacer = new GraphPacer(quota, time);
    const admitted: number[] = [];
    for (let i = 0; i < 4; i++) {
      const ticket = await pacer.acquire();
      ticket.sent();
      admitted.push(time.now());
      ticket.release();
    }
    expect(admitted).toEqual([0, 0, 1_100, 1_100]);
  });

  it('counts a query from when it left, not from when it was admitted (a slow first token)', async () => {
    const time = clock();
    const pacer = new GraphPacer(quota, time);
    const first = await pacer.acquire();
    time.advance(3_000); // the credential's first token
    first.sent();
    const second = await pacer.acquire();
    second.sent();
    const third = await pacer.acquire();
    // Not at 1,100 (the first query's admission + the span) but a span after it left.
    expect(time.now()).toBe(3_000 + 1_100);
    for (const ticket of [first, second, third]) ticket.release();
  });

  it('frees the slot of a query that never left', async () => {
    const time = clock();
    const pacer = new GraphPacer(quota, time);
    const failed = await pacer.acquire();
    failed.release(); // e.g. the token could not be had
    const a = await pacer.acquire();
    a.sent();
    const b = await pacer.acquire();
    b.sent();
    expect(time.now()).toBe(0);
  });

  it('spreads queries over the window once another client of the identity shows (a 429)', async () => {
    const time = clock();
    const pacer = new GraphPacer({ requests: 4, windowMs: 1_000, marginMs: 0 }, time);
    pacer.throttled(500);
    const admitted: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ticket = await pacer.acquire();
      ticket.sent();
      admitted.push(time.now());
    }
    // One every window / requests, not a burst when the block ends.
    expect(admitted).toEqual([500, 750, 1_000]);
  });
});

describe('ArmReadPacer', () => {
  it('lets the burst through, then the refill rate, and never waits for a rounding error', async () => {
    const time = clock();
    time.advance(80.1); // a clock far from 0, where tiny steps round away
    const pacer = new ArmReadPacer({ burst: 3, perSecond: 10 }, time);
    const admitted: number[] = [];
    for (let i = 0; i < 6; i++) {
      const permit = await pacer.acquire();
      admitted.push(Math.round(time.now() - 80.1));
      permit.release();
    }
    expect(admitted).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('slows to what ARM reports left (another client of the subscription)', async () => {
    const time = clock();
    const pacer = new ArmReadPacer({ burst: 250, perSecond: 25 }, time);
    const first = await pacer.acquire();
    first.observe({
      get: (name) => (name === 'x-ms-ratelimit-remaining-subscription-global-reads' ? '0' : undefined),
    });
    first.release();
    await pacer.acquire();
    expect(time.now()).toBe(40);
  });
});

/** ARM's side of a read bucket, counting each read when it arrives (tests of the pacer against it). */
function serviceBucket(quota: { burst: number; perSecond: number }, time: { now(): number }) {
  let tokens = quota.burst;
  let at = time.now();
  const bucket = {
    over: 0,
    /** Takes a read now; what the answer reports left. */
    read(): number {
      const now = time.now();
      tokens = Math.min(quota.burst, tokens + ((now - at) / 1000) * quota.perSecond);
      at = now;
      if (tokens < 1 - 1e-9) bucket.over++;
      else tokens -= 1;
      return Math.floor(tokens);
    },
  };
  return bucket;
}

describe('ArmReadPacer with the scan slots', () => {
  const remaining = (left: number) => ({
    get: (name: string) =>
      name === 'x-ms-ratelimit-remaining-subscription-reads' ? String(left) : undefined,
  });

  it('never holds a shared slot while its own subscription waits for a token', async () => {
    const time = new VirtualClock();
    const slots = pLimit(1);
    const dry = new ArmReadPacer({ burst: 1, perSecond: 1 }, time, slots);
    const full = new ArmReadPacer({ burst: 10, perSecond: 1 }, time, slots);
    (await dry.acquire()).release();
    // The dry subscription's next read waits a second for its token, outside the slot…
    const waiting = dry.acquire().then((permit) => {
      permit.release();
      return time.now();
    });
    // …so the other subscription's reads have the slot: the first holds it half a second, and
    // the next goes when it is given back.
    const admitted = await Promise.all(
      [0, 1].map(async () => {
        const permit = await full.acquire();
        const at = time.now();
        await time.sleep(500);
        permit.release();
        return at;
      }),
    );
    expect(admitted).toEqual([0, 500]);
    expect(await waiting).toBe(1_000);
  });

  it('leaves no slot behind when a read gives up waiting for one', async () => {
    const time = new VirtualClock();
    const pacer = new ArmReadPacer({ burst: 10, perSecond: 1 }, time, pLimit(1));
    const holding = await pacer.acquire();
    const giveUp = new AbortController();
    const abandoned = pacer.acquire(giveUp.signal);
    giveUp.abort(new Error('deadline'));
    await expect(abandoned).rejects.toThrow('deadline');
    holding.release();
    const next = await pacer.acquire();
    expect(time.now()).toBe(0);
    next.release();
  });

  it('takes the token when the slot is had, so reads kept waiting for slots never exceed the bucket', async () => {
    const time = new VirtualClock();
    const quota = { burst: 5, perSecond: 10 };
    const service = serviceBucket(quota, time);
    const pacer = new ArmReadPacer(quota, time, pLimit(2));
    // 40 reads at once, two slots, 300 ms each: the slots bind first, then the bucket.
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const permit = await pacer.acquire();
        const left = service.read();
        await time.sleep(300);
        permit.observe(remaining(left));
        permit.release();
      }),
    );
    expect(service.over).toBe(0);
    // The bucket allows the last read at (40 − 5) / 10 = 3.5 s; two slots of 300 ms allow 20
    // reads in 3 s, so the slots are what the reads wait for: 20 rounds of 300 ms.
    expect(time.now()).toBe(6_000);
  });

  it('reads at the refill rate once the burst is spent, with the answers a latency late', async () => {
    const time = new VirtualClock();
    const quota = { burst: 10, perSecond: 25 };
    const service = serviceBucket(quota, time);
    const pacer = new ArmReadPacer(quota, time, pLimit(20));
    const reads = 300;
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next++ < reads) {
          const permit = await pacer.acquire();
          const left = service.read();
          // 200–219 ms: answers do not come back in step with the refill.
          await time.sleep(200 + ((next * 7) % 20));
          permit.observe(remaining(left));
          permit.release();
        }
      }),
    );
    expect(service.over).toBe(0);
    // The best the bucket allows: the last read arrives (300 − 10) / 25 = 11.6 s after the first
    // and is answered about 200 ms later. The answers, late by a latency, must not slow it down.
    const bestMs = ((reads - quota.burst) / quota.perSecond) * 1000 + 200;
    expect(time.now()).toBeGreaterThanOrEqual(bestMs - 1);
    expect(time.now()).toBeLessThan(bestMs * 1.05);
  });
});
