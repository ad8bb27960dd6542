import { describe, expect, it } from 'vitest';
import { GraphPacer } from '../../../src/sources/azure/live/pacer.ts';

/** A clock that only moves when the pacer sleeps. */
function clock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('GraphPacer', () => {
  const quota = { requests: 2, windowMs: 1_000, marginMs: 100 };

  it('admits at most `requests` per window and margin', async () => {
    const time = clock();
    const pacer = new GraphPacer(quota, time.sleep, time.now);
    const admitted: number[] = [];
    for (let i = 0; i < 4; i++) {
      const ticket = await pacer.acquire();
      pacer.sent(ticket);
      admitted.push(time.now());
      pacer.release(ticket);
    }
    expect(admitted).toEqual([0, 0, 1_100, 1_100]);
  });

  it('counts a query from when it left, not from when it was admitted (a slow first token)', async () => {
    const time = clock();
    const pacer = new GraphPacer(quota, time.sleep, time.now);
    const first = await pacer.acquire();
    time.advance(3_000); // the credential's first token
    pacer.sent(first);
    const second = await pacer.acquire();
    pacer.sent(second);
    const third = await pacer.acquire();
    // Not at 1,100 (the first query's admission + the span) but a span after it left.
    expect(time.now()).toBe(3_000 + 1_100);
    for (const ticket of [first, second, third]) pacer.release(ticket);
  });

  it('frees the slot of a query that never left', async () => {
    const time = clock();
    const pacer = new GraphPacer(quota, time.sleep, time.now);
    const failed = await pacer.acquire();
    pacer.release(failed); // e.g. the token could not be had
    const a = await pacer.acquire();
    pacer.sent(a);
    const b = await pacer.acquire();
    pacer.sent(b);
    expect(time.now()).toBe(0);
  });

  it('spreads queries over the window once another client of the identity shows (a 429)', async () => {
    const time = clock();
    const pacer = new GraphPacer({ requests: 4, windowMs: 1_000, marginMs: 0 }, time.sleep, time.now);
    pacer.block(500);
    const admitted: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ticket = await pacer.acquire();
      pacer.sent(ticket);
      admitted.push(time.now());
    }
    // One every window / requests, not a burst when the block ends.
    expect(admitted).toEqual([500, 750, 1_000]);
  });
});
