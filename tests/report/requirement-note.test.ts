import { describe, expect, it } from 'vitest';
import { type NotedRequirement, requirementNote } from '../../src/report/requirement-note.ts';

const counts = (FAIL: number) => ({ FAIL, UNKNOWN: 0, PASS: 3, NOT_APPLICABLE: 0 });
const requirement = (r: Partial<NotedRequirement> & Pick<NotedRequirement, 'id'>): NotedRequirement => ({
  status: 'PASS',
  force: 'must',
  checks: [],
  counts: counts(0),
  orgParameters: [],
  ...r,
});
const monitoring = requirement({
  id: 'OSK-8.1',
  orgParameters: [{ name: 'changeMonitoring', value: { requirement: 'OSK-8.1', maxScanIntervalDays: 8 } }],
});
const note = (r: NotedRequirement, all: readonly NotedRequirement[] = [r]) => requirementNote(r, all);

describe("a requirement row's note", () => {
  it('says the change-monitoring requirement is judged from the scan history, and why it has no verdict yet', () => {
    expect(note({ ...monitoring, status: 'PASS' })).toEqual({
      ja: 'スキャン履歴から判定',
      en: 'judged from the scan history',
    });
    expect(note({ ...monitoring, status: 'FAIL' })?.en).toBe('judged from the scan history');
    expect(note({ ...monitoring, status: 'UNKNOWN' })?.ja).toBe(
      'スキャン履歴から判定（比較する過去のスキャンがまだ記録されていません）',
    );
    expect(note({ ...monitoring, status: 'MANUAL' })?.en).toBe(
      'judged from the scan history: none in this report',
    );
  });

  it('names the requirements a confirm requirement’s failures are judged under', () => {
    const confirm = requirement({
      id: 'OSK-7.1',
      force: 'confirm',
      status: 'MANUAL',
      checks: ['common.location.data-in-japan'],
      counts: counts(16),
    });
    const all = [
      confirm,
      requirement({
        id: 'LOC-1',
        status: 'FAIL',
        checks: ['common.location.data-in-japan'],
        counts: counts(16),
      }),
      requirement({
        id: 'OSK-3.1',
        status: 'FAIL',
        checks: ['aws.s3.bucket-public-access'],
        counts: counts(2),
      }),
      requirement({
        id: 'CLS-1',
        status: 'FAIL',
        checks: ['x', 'common.location.data-in-japan'],
        counts: counts(5),
      }),
    ];
    expect(note(confirm, all)).toEqual({
      ja: '不適合は LOC-1・CLS-1 で判定',
      en: 'failures judged under LOC-1, CLS-1',
    });
    // Nothing failed: MANUAL says all there is (a person confirms it).
    expect(note({ ...confirm, counts: counts(0) }, all)).toBeUndefined();
    // No requirement forbids what its checks show: the failures are information for the person.
    expect(note(confirm)?.en).toBe('failures listed for the person confirming it');
  });

  it('is absent for a requirement judged on its findings, and where another requirement monitors changes', () => {
    expect(note(requirement({ id: 'OSK-3.1', status: 'FAIL', counts: counts(2) }))).toBeUndefined();
    expect(note({ ...monitoring, id: 'KOBE-9', status: 'MANUAL' })).toBeUndefined();
  });
});
