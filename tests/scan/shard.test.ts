import { describe, expect, it } from 'vitest';
import { formatShard, inShard, parseShard, ShardError, shardOf } from '../../src/scan/shard.ts';

describe('parseShard', () => {
  it.each([
    ['0/1', {}, { index: 0, count: 1 }],
    ['3/4', {}, { index: 3, count: 4 }],
    [' 1/2 ', {}, { index: 1, count: 2 }],
    ['auto/4', { JOB_COMPLETION_INDEX: '2' }, { index: 2, count: 4 }],
    ['auto/1', { JOB_COMPLETION_INDEX: '0' }, { index: 0, count: 1 }],
  ])('%s with %j', (text, env, expected) => {
    expect(parseShard(text, env)).toEqual(expected);
    expect(formatShard(parseShard(text, env))).toBe(`${expected.index}/${expected.count}`);
  });

  it.each([
    ['4/4', {}, /index must be 0 to 3/],
    ['1/0', {}, /count must be 1 to/],
    ['0/100001', {}, /count must be 1 to 100000/],
    ['-1/4', {}, /expected I\/N/],
    ['1', {}, /expected I\/N/],
    ['a/4', {}, /expected I\/N/],
    ['1/4/2', {}, /expected I\/N/],
    ['auto/4', {}, /JOB_COMPLETION_INDEX is not set/],
    ['auto/4', { JOB_COMPLETION_INDEX: '' }, /JOB_COMPLETION_INDEX is not set/],
    ['auto/4', { JOB_COMPLETION_INDEX: '4' }, /JOB_COMPLETION_INDEX=4 .*index must be 0 to 3/],
    ['auto/4', { JOB_COMPLETION_INDEX: 'x' }, /not a whole number/],
  ])('%s with %j is refused', (text, env, message) => {
    expect(() => parseShard(text, env)).toThrow(ShardError);
    expect(() => parseShard(text, env)).toThrow(message);
  });
});

describe('inShard', () => {
  const keys = [
    ...Array.from(
      { length: 2000 },
      (_, i) => `0000${i.toString(16).padStart(4, '0')}-aaaa-bbbb-cccc-000000000000`,
    ),
    ...Array.from({ length: 1000 }, (_, i) => `${String(100000000000 + i)}/ap-northeast-1`),
    ...Array.from({ length: 1000 }, (_, i) => `project-${i}`),
  ];

  it.each([1, 2, 3, 4, 7, 16])(
    'every scope is in exactly one of %i shards, and the shards are balanced',
    (count) => {
      const sizes = new Array<number>(count).fill(0);
      const notExactlyOne: string[] = [];
      for (const key of keys) {
        const owners = Array.from({ length: count }, (_, index) => index).filter((index) =>
          inShard(key, { index, count }),
        );
        if (owners.length !== 1) notExactlyOne.push(key);
        else sizes[owners[0]!]!++;
      }
      expect(notExactlyOne).toEqual([]);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(keys.length);
      // A hash, not a round-robin: each shard within 25 % of an even share for 4,000 keys.
      const even = keys.length / count;
      for (const size of sizes) expect(Math.abs(size - even)).toBeLessThan(even * 0.25);
    },
  );

  it('is stable: the same key lands in the same shard in any order and process (SHA-256, pinned)', () => {
    expect(shardOf('sub-1', 4)).toBe(shardOf('sub-1', 4));
    const shuffled = [...keys].reverse();
    expect(shuffled.map((k) => shardOf(k, 5)).reverse()).toEqual(keys.map((k) => shardOf(k, 5)));
    // Pinned values: a change of hash would move scopes between shards of a running estate.
    expect(
      ['sub-1', '123456789012/ap-northeast-1', 'project-a'].map((k) => shardOf(k, 4)),
    ).toMatchInlineSnapshot(`
      [
        2,
        0,
        2,
      ]
    `);
  });
});
