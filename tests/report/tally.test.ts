import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import { FindingTally } from '../../src/report/summary.ts';
import type { Finding } from '../../src/scan/finding.ts';

describe('FindingTally: counts by requirement', () => {
  it('counts findings that each bring their own list of requirements (more lists than it keeps apart)', async () => {
    const framework = await loadFramework('osaka');
    const [first, second] = framework.requirements;
    const tally = new FindingTally();
    const n = 25_000;
    const unknownByCheck = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const status = i % 5 === 0 ? 'UNKNOWN' : 'PASS';
      if (status === 'UNKNOWN') unknownByCheck.set(`c${i % 3}`, (unknownByCheck.get(`c${i % 3}`) ?? 0) + 1);
      tally.add({
        checkId: `c${i % 3}`,
        requirements: [first!.id, second!.id],
        status,
      } as unknown as Finding);
    }
    // A shared list, and counts without a finding, add to the same requirements.
    const shared = [second!.id];
    tally.add({ checkId: 'c0', requirements: shared, status: 'PASS' } as unknown as Finding);
    tally.countResult('c0', shared, 'NOT_APPLICABLE');
    const counts = new Map(tally.requirements(framework, new Set(['aws'])).map((r) => [r.id, r.counts]));
    expect(counts.get(first!.id)).toEqual({ FAIL: 0, UNKNOWN: n / 5, PASS: n - n / 5, NOT_APPLICABLE: 0 });
    expect(counts.get(second!.id)).toEqual({
      FAIL: 0,
      UNKNOWN: n / 5,
      PASS: n - n / 5 + 1,
      NOT_APPLICABLE: 1,
    });
    expect(tally.total).toBe(n + 2);
    // First seen first: c0 (i = 0), c2 (i = 5), c1 (i = 10).
    expect([...tally.unknownByCheck.keys()]).toEqual(['c0', 'c2', 'c1']);
    expect([...tally.unknownByCheck]).toEqual([...unknownByCheck]);
    // Read twice, the same counts.
    expect(new Map(tally.requirements(framework, new Set(['aws'])).map((r) => [r.id, r.counts]))).toEqual(
      counts,
    );
  });
});
