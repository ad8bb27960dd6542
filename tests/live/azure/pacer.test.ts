import { describe, expect, it } from 'vitest';
import { ArmReadPacer, GraphPacer } from '../../../src/sources/azure/live/pacer.ts';

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
