import { expect } from 'vitest';
import { credentialReportFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { CREDENTIAL_REPORT_HEADER, iamUserItem, userArn } from '../../../sources/aws/builders.ts';

const NOW = '2026-11-01T00:00:00Z';
/** A credential-report row of a user without console access and with the given access keys. */
const row = (key1: [string, string], key2: [string, string] = ['false', 'N/A']) =>
  [
    'ci-deploy',
    userArn('ci-deploy'),
    '2024-04-01T02:00:00+00:00',
    'false',
    'N/A',
    'N/A',
    'N/A',
    'false',
    key1[0],
    key1[1],
    key1[0] === 'true' ? '2026-10-31T23:00:00+00:00' : 'N/A',
    key1[0] === 'true' ? 'ap-northeast-1' : 'N/A',
    key1[0] === 'true' ? 's3' : 'N/A',
    key2[0],
    key2[1],
    'N/A',
    'N/A',
    'N/A',
    'false',
    'N/A',
    'false',
    'N/A',
  ].join(',');
const staleSecond = row(['true', '2026-09-01T00:00:00+00:00'], ['true', '2025-06-01T00:00:00+00:00']);

const table = [
  ['one key rotated 61 days ago', row(['true', '2026-09-01T00:00:00+00:00']), {}, 'PASS', 'fresh'],
  ['key 2 rotated 518 days ago', staleSecond, {}, 'FAIL', 'stale'],
  [
    '61 days against a 30-day policy',
    row(['true', '2026-09-01T00:00:00+00:00']),
    { maxKeyAgeDays: 30 },
    'FAIL',
    'stale',
  ],
  ['an inactive old key', row(['false', '2020-01-01T00:00:00+00:00']), {}, 'NOT_APPLICABLE', 'noKeys'],
  ['access_key_1_active not_supported', row(['not_supported', 'N/A']), {}, 'UNKNOWN', 'noReport'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, reportRow, params, status, messageId]) => ({
    name,
    records: [credentialReportFile([reportRow])],
    now: NOW,
    params,
    status,
    messageId,
  })),
  {
    name: 'names the stale key by its column and rotation time, in both languages',
    records: [credentialReportFile([staleSecond])],
    now: NOW,
    status: 'FAIL',
    messageId: 'stale',
    data: { keys: ['access_key_2_last_rotated = 2025-06-01T00:00:00+00:00'] },
    message: {
      ja: 'のアクセスキーが 90 日を超えてローテーションされていません: access_key_2_last_rotated = 2025-06-01T00:00:00+00:00',
      en: 'were not rotated for more than 90 days: access_key_2_last_rotated = 2025-06-01T00:00:00+00:00',
    },
    assert: () => expect(CREDENTIAL_REPORT_HEADER.split(',')).toHaveLength(staleSecond.split(',').length),
  },
  {
    name: 'a Config IAM user without a credential report row',
    records: [iamUserItem('ci-deploy')],
    now: NOW,
    status: 'UNKNOWN',
    messageId: 'noReport',
  },
];

export default byVerdict(cases) satisfies RuleTests;
