import { describe, expect, it } from 'vitest';
import { findingId } from '../../src/scan/finding.ts';
import { ByFinding, inFindingIdOrder } from '../../src/store/observation.ts';

describe('recording order and lookups', () => {
  it('orders rows by their finding id, every row once; ids not hex keep their order', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [
      'scan',
      findingId('c.a', 'aws', `arn:aws:s3:::b${i}`),
      i,
    ]);
    const ordered = inFindingIdOrder(rows, 1);
    expect(ordered).toHaveLength(rows.length);
    expect(new Set(ordered.map((r) => r[2])).size).toBe(rows.length);
    const ids = ordered.map((r) => r[1] as string);
    // By the first 32 bits: ids sharing them (rare) may stand in either order.
    const prefixes = ids.map((id) => Number.parseInt(id.slice(0, 8), 16));
    expect(prefixes).toEqual([...prefixes].sort((a, b) => a - b));
    const odd = [
      ['s', 'zz', 0],
      ['s', '00', 1],
    ];
    expect(inFindingIdOrder(odd, 1)).toEqual(odd);
    expect(inFindingIdOrder([], 1)).toEqual([]);
  });

  it('finds a value by check, provider and resource, the last set of a finding listed twice', () => {
    const byFinding = new ByFinding<number>();
    byFinding.set('aws', 'r1', 'c.a', 1);
    byFinding.set('azure', 'r1', 'c.a', 2);
    byFinding.set('aws', 'r1', 'c.b', 3);
    byFinding.set('aws', 'r1', 'c.a', 4);
    expect(byFinding.get('aws', 'r1', 'c.a')).toBe(4);
    expect(byFinding.get('azure', 'r1', 'c.a')).toBe(2);
    expect(byFinding.get('aws', 'r1', 'c.b')).toBe(3);
    expect(byFinding.get('aws', 'r2', 'c.a')).toBeUndefined();
    expect(byFinding.get('gcp', 'r1', 'c.a')).toBeUndefined();
  });
});
