import { expect } from 'vitest';
import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { resourceRecord } from '../../../sources/gcp/records.ts';

const ID = '//logging.googleapis.com/projects/111111111111/locations/global/buckets/b';
const bucket = (data: Record<string, unknown>) =>
  resourceRecord(
    ID,
    'logging.googleapis.com/LogBucket',
    { name: 'projects/111111111111/locations/global/buckets/b', lifecycleState: 'ACTIVE', ...data },
    'global',
  );

const table = [
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
  // The Go client's int64 (Steampipe's retention_days) writes the API's unset retention as 0.
  {
    name: 'zero: the default 30 days',
    data: { retentionDays: 0 },
    status: 'FAIL',
    days: 30,
    source: 'default',
  },
  {
    name: 'zero as proto JSON text',
    data: { retentionDays: '0' },
    status: 'FAIL',
    days: 30,
    source: 'default',
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, data, status, days, source }) => ({
    name,
    records: [bucket(data)],
    status,
    messageId: status === 'PASS' ? 'longEnough' : 'tooShort',
    evidence: [{ source }],
    assert: (result: { data?: unknown }) => expect(result.data).toEqual({ days, required: 365 }),
  })),
  {
    name: '_Required without retentionDays: its fixed 400 days',
    records: [
      resourceRecord(
        '//logging.googleapis.com/projects/111111111111/locations/global/buckets/_Required',
        'logging.googleapis.com/LogBucket',
        { name: 'projects/111111111111/locations/global/buckets/_Required', lifecycleState: 'ACTIVE' },
        'global',
      ),
    ],
    status: 'PASS',
    messageId: 'longEnough',
    evidence: [{ source: 'default', value: 400 }],
  },
  {
    name: 'follows the framework parameter',
    records: [bucket({ retentionDays: 90 })],
    params: { logRetentionDays: 90 },
    status: 'PASS',
    messageId: 'longEnough',
  },
  {
    name: 'a search summary without the bucket settings',
    records: [
      searchAllResources([
        { name: ID, assetType: 'logging.googleapis.com/LogBucket', project: 'projects/111111111111' },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
