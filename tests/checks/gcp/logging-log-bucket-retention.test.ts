import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/logging/log-bucket-retention.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { resourceRecord } from '../../sources/gcp/records.ts';

const ID = '//logging.googleapis.com/projects/111111111111/locations/global/buckets/b';
const bucket = (data: Record<string, unknown>) =>
  resourceRecord(
    ID,
    'logging.googleapis.com/LogBucket',
    { name: 'projects/111111111111/locations/global/buckets/b', lifecycleState: 'ACTIVE', ...data },
    'global',
  );

const cases = [
  {
    name: '400 days (_Required)',
    data: { retentionDays: 400, locked: true },
    status: 'PASS',
    days: 400,
    source: 'explicit',
  },
  { name: 'exactly 365 days', data: { retentionDays: 365 }, status: 'PASS', days: 365, source: 'explicit' },
  { name: '30 days', data: { retentionDays: 30 }, status: 'FAIL', days: 30, source: 'explicit' },
  { name: 'absent: the default 30 days', data: {}, status: 'FAIL', days: 30, source: 'default' },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ data, status, days, source }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [bucket(data)]), ID);
    expect([result.status, result.data, result.evidence[0]?.source]).toEqual([
      status,
      { days, required: 365 },
      source,
    ]);
  });

  it('follows the framework parameter', () => {
    const result = evaluate(check, readRecords(gcpAssetExport, [bucket({ retentionDays: 90 })]), ID, {
      logRetentionDays: 90,
    });
    expect(result.status).toBe('PASS');
  });
});
