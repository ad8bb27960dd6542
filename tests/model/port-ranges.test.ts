import { describe, expect, it } from 'vitest';
import {
  ALL_PORTS,
  holdsAll,
  holdsEveryPort,
  includesPort,
  parsePortRange,
  parsePortRanges,
  stretches,
} from '../../src/model/port-ranges.ts';

describe('port ranges', () => {
  it('reads *, a port and a range; anything else is no range', () => {
    expect(parsePortRange('*')).toEqual(ALL_PORTS);
    expect(parsePortRange(' 22 ')).toEqual([22, 22]);
    expect(parsePortRange('3380-3390')).toEqual([3380, 3390]);
    for (const text of ['', 'ssh', '22,23', '30-20', '70000', '-1'])
      expect(parsePortRange(text), text).toBeUndefined();
  });

  it("reads a rule's list of ranges, leaving out the texts that are none", () => {
    expect(parsePortRanges(['22', 'ssh', '8000-8080', ''])).toEqual([
      [22, 22],
      [8000, 8080],
    ]);
    expect(parsePortRanges([])).toEqual([]);
  });

  it('tells whether ranges hold a port, every port, or all of other ranges', () => {
    expect(includesPort([[20, 30]], 22)).toBe(true);
    expect(includesPort([[20, 21]], 22)).toBe(false);
    expect(holdsEveryPort([[1, 65535]])).toBe(true);
    expect(holdsEveryPort([[0, 65534]])).toBe(false);
    expect(
      holdsAll(
        [
          [0, 1023],
          [1024, 65535],
        ],
        [ALL_PORTS],
      ),
    ).toBe(true);
    expect(holdsAll([[1024, 65535]], [ALL_PORTS])).toBe(false);
    expect(
      holdsAll(
        [ALL_PORTS],
        [
          [22, 22],
          [80, 90],
        ],
      ),
    ).toBe(true);
  });

  it('cuts 1–65535 where ranges start and end, each range holding a stretch whole or not at all', () => {
    expect(stretches([])).toEqual([[1, 65535]]);
    expect(
      stretches([
        [22, 22],
        [3389, 3389],
      ]),
    ).toEqual([
      [1, 21],
      [22, 22],
      [23, 3388],
      [3389, 3389],
      [3390, 65535],
    ]);
    expect(stretches([ALL_PORTS, [1, 1023]])).toEqual([
      [1, 1023],
      [1024, 65535],
    ]);
  });
});
