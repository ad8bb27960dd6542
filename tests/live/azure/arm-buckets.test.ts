import { describe, expect, it } from 'vitest';
import { ArmReadBuckets } from '../../fakes/azure/arm-buckets.ts';

// The fake Azure's model of ARM's read throttling, which the ARM bench measures against.
describe("the fake's ARM read buckets", () => {
  const SUB = '00000000-0000-4000-8000-000000000001';

  it('lets the burst through, then the refill rate, and reports what is left as ARM does', () => {
    const buckets = new ArmReadBuckets({ burst: 250, perSecond: 25 });
    const first = buckets.take(SUB, 'Bearer a', 0);
    expect(first.headers).toEqual({
      'x-ms-ratelimit-remaining-subscription-reads': '249',
      'x-ms-ratelimit-remaining-subscription-global-reads': '3749',
    });
    for (let i = 1; i < 250; i++) expect(buckets.take(SUB, 'Bearer a', 0).admitted).toBe(true);
    const over = buckets.take(SUB, 'Bearer a', 0);
    expect(over).toMatchObject({ admitted: false, remaining: 0, retryAfterSeconds: 1 });
    expect(over.headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('0');
    // 25 a second: one token every 40 ms.
    expect(buckets.take(SUB, 'Bearer a', 39).admitted).toBe(false);
    expect(buckets.take(SUB, 'Bearer a', 40).admitted).toBe(true);
    expect(buckets.take(SUB, 'Bearer a', 40).admitted).toBe(false);
  });

  it('keeps a bucket per subscription and principal, under a global one for all principals', () => {
    const buckets = new ArmReadBuckets({ burst: 2, perSecond: 1, globalFactor: 2 });
    const other = '00000000-0000-4000-8000-000000000002';
    const admitted = (sub: string, auth: string) => buckets.take(sub, auth, 0).admitted;
    expect([admitted(SUB, 'Bearer a'), admitted(SUB, 'Bearer a'), admitted(SUB, 'Bearer a')]).toEqual([
      true,
      true,
      false,
    ]);
    // Another subscription, and another principal of the same one, have their own.
    expect(admitted(other, 'Bearer a')).toBe(true);
    expect(admitted(SUB, 'Bearer b')).toBe(true);
    expect(admitted(SUB, 'Bearer b')).toBe(true);
    // The subscription's global bucket (2 × 2) is spent by the two principals together.
    const third = buckets.take(SUB, 'Bearer c', 0);
    expect(third.admitted).toBe(false);
    expect(third.headers).toEqual({
      'x-ms-ratelimit-remaining-subscription-reads': '2',
      'x-ms-ratelimit-remaining-subscription-global-reads': '0',
    });
  });
});
