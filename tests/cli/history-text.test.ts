import { describe, expect, it } from 'vitest';
import { renderHistory, renderScanHistory } from '../../src/cli/history-text.ts';
import { parseWaivers, WaiverMatcher } from '../../src/frameworks/waivers.ts';
import { FindingTally } from '../../src/report/summary.ts';
import type { ScanSummary } from '../../src/store/history.ts';

const WAIVERS = `waivers:
  - id: W-LAPSED
    check: c.x
    resources: { account: sub-1 }
    reason: r
    approver: a
    approved: 2026-10-01
    expires: 2026-11-29
  - id: W-LONG
    check: c.x
    resources: { account: sub-2 }
    reason: r
    approver: a
    approved: 2026-10-01
    expires: 2027-03-31
`;

/** The waiver lines of a scan's history text at this moment. */
function waiverLines(now: string, lang: 'ja' | 'en'): string[] {
  const matcher = new WaiverMatcher(parseWaivers('w.yaml', WAIVERS, new Set(['c.x'])), new Date(now));
  const text = renderScanHistory({ waivers: matcher.outcomes(), tally: new FindingTally(), lang });
  return text.split('\n').filter((line) => line.startsWith('  W-'));
}

describe('waivers after a scan', () => {
  it('count days since a waiver lapsed from the end of its expiry date, Japan time', () => {
    // 2026-12-02 00:05 in Japan: W-LAPSED held through 2026-11-29 and lapsed as 11-30 began, 2 days and 5 minutes ago.
    expect(waiverLines('2026-12-01T15:05:00Z', 'en')).toEqual([
      '  W-LAPSED  EXPIRED (not applied)    0 matched  2026-11-29 (expired 2 days ago)  w.yaml:2',
      '  W-LONG    stale (matches nothing)  0 matched  2027-03-31 (119 days left)  w.yaml:9',
    ]);
    // Six minutes earlier, still 12-01 in Japan: one day since it lapsed.
    expect(waiverLines('2026-12-01T14:59:59Z', 'ja')[0]).toMatch(/2026-11-29（1 日前に期限切れ）/);
    expect(waiverLines('2026-12-01T14:59:59Z', 'en')[0]).toMatch(/2026-11-29 \(expired 1 day ago\)/);
    // On 11-30 in Japan, the day it lapsed.
    expect(waiverLines('2026-11-30T14:59:59Z', 'en')[0]).toMatch(/2026-11-29 \(expired today\)/);
    expect(waiverLines('2026-11-30T14:59:59Z', 'ja')[0]).toMatch(/2026-11-29（本日期限切れ）/);
    // Its last day, in Japan, it still holds.
    expect(waiverLines('2026-11-29T14:59:59Z', 'en')[0]).toMatch(/stale .* 2026-11-29 \(0 days left\)/);
    expect(waiverLines('2026-11-28T14:59:59Z', 'en')[0]).toMatch(/ 2026-11-29 \(1 day left\)/);
  });

  it('put the expiry in full-width brackets in Japanese', () => {
    expect(waiverLines('2026-12-01T15:05:00Z', 'ja')).toEqual([
      '  W-LAPSED  期限切れ（適用せず）      0 件  2026-11-29（2 日前に期限切れ）  w.yaml:2',
      '  W-LONG    該当なし（不要の可能性）  0 件  2027-03-31（残り 119 日）  w.yaml:9',
    ]);
  });
});

describe('kansa history', () => {
  const scan = (seq: number, partial: boolean): ScanSummary => ({
    id: `0000000${seq}-scan`,
    seq,
    runId: `run-${seq}`,
    shard: { index: 1, count: 1 },
    startedAt: `2026-12-0${seq}T00:00:00Z`,
    finishedAt: `2026-12-0${seq}T00:01:00Z`,
    toolVersion: '1.0.0',
    framework: { id: 'osaka', version: '2024-04' },
    scopeKey: 'k',
    partial,
    accountsRead: [],
    checks: [],
    counts: { findings: 3, FAIL: 2, UNKNOWN: 0, PASS: 1, NOT_APPLICABLE: 0, WAIVED: 0, failedBySeverity: {} },
    changes: {},
  });
  const scans = [scan(1, false), scan(2, true)];

  it('marks a partial scan and the range of the trend in full-width brackets in Japanese', () => {
    const ja = renderHistory(scans, new Map(), 'ja');
    expect(ja).toMatch(/^ {2}#2 .* 新規 0 再発 0 解消 0 {2}（部分的）$/m);
    expect(ja).toContain('\n要件ごとの不適合件数の推移（#1 … #2）\n');
    const en = renderHistory(scans, new Map(), 'en');
    expect(en).toMatch(/^ {2}#2 .* new 0 reopened 0 resolved 0 {2}\(partial\)$/m);
    expect(en).toContain('\nFailures per requirement over time (#1 … #2)\n');
  });
});
