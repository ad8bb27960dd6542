import { describe, expect, it } from 'vitest';
import { shareOf } from '../../src/base/calls/pacer.ts';
import { RESOURCE_GRAPH_QUOTA } from '../../src/sources/azure/live/pacer.ts';

describe('shareOf: one process’s part of a quota N processes share (--quota-share N)', () => {
  it('keeps the whole quota for one process', () => {
    expect(shareOf(RESOURCE_GRAPH_QUOTA, 1)).toBe(RESOURCE_GRAPH_QUOTA);
    expect(shareOf(RESOURCE_GRAPH_QUOTA)).toBe(RESOURCE_GRAPH_QUOTA);
  });

  it('gives each a whole part of the window, never more than the quota together', () => {
    for (const share of [2, 3, 4, 5, 7, 15]) {
      const part = shareOf(RESOURCE_GRAPH_QUOTA, share);
      expect(part.windowMs).toBe(RESOURCE_GRAPH_QUOTA.windowMs);
      expect(part.marginMs).toBe(RESOURCE_GRAPH_QUOTA.marginMs);
      expect(part.requests).toBeGreaterThanOrEqual(1);
      expect(part.requests * share).toBeLessThanOrEqual(RESOURCE_GRAPH_QUOTA.requests);
    }
    expect(shareOf({ requests: 100, windowMs: 60_000 }, 4)).toEqual({ requests: 25, windowMs: 60_000 });
  });

  it('past one request each, stretches the window: the quota’s rate on average', () => {
    const part = shareOf({ requests: 15, windowMs: 5_000 }, 30);
    expect(part).toEqual({ requests: 1, windowMs: 10_000 });
    expect((30 * part.requests) / part.windowMs).toBeCloseTo(15 / 5_000);
  });
});
