import { describe, expect, it } from 'vitest';
import { requirementNote } from '../../src/report/requirement-note.ts';

const monitoring = {
  id: 'OSK-8.1',
  orgParameters: [{ name: 'changeMonitoring', value: { requirement: 'OSK-8.1', maxScanIntervalDays: 8 } }],
};

describe("a requirement row's note", () => {
  it('says the change-monitoring requirement is judged from the scan history, and why it has no verdict yet', () => {
    expect(requirementNote({ ...monitoring, status: 'PASS' })).toEqual({
      ja: 'スキャン履歴から判定',
      en: 'judged from the scan history',
    });
    expect(requirementNote({ ...monitoring, status: 'FAIL' })?.en).toBe('judged from the scan history');
    expect(requirementNote({ ...monitoring, status: 'UNKNOWN' })?.ja).toBe(
      'スキャン履歴から判定（比較する過去のスキャンがまだ記録されていません）',
    );
    expect(requirementNote({ ...monitoring, status: 'MANUAL' })?.en).toMatch(/--store, kansa report shows/);
  });

  it('is absent for a requirement judged on its findings, and where another requirement monitors changes', () => {
    expect(requirementNote({ id: 'OSK-3.1', status: 'FAIL', orgParameters: [] })).toBeUndefined();
    expect(requirementNote({ ...monitoring, id: 'KOBE-9', status: 'MANUAL' })).toBeUndefined();
    // Findings files written before requirements carried their parameters.
    expect(requirementNote({ id: 'OSK-8.1', status: 'MANUAL' })).toBeUndefined();
  });
});
