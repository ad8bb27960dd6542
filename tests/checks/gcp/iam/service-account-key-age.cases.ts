import { expect } from 'vitest';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { resourceRecord } from '../../../sources/gcp/records.ts';

const NAME =
  'projects/osaka-juki-prod/serviceAccounts/juki-app@osaka-juki-prod.iam.gserviceaccount.com/keys/0a1b2c3d';
const ID = `//iam.googleapis.com/${NAME}`;
const NOW = '2026-11-20T00:00:00Z';
const key = (data: Record<string, unknown>) =>
  resourceRecord(ID, 'iam.googleapis.com/ServiceAccountKey', {
    name: NAME,
    keyAlgorithm: 'KEY_ALG_RSA_2048',
    keyOrigin: 'GOOGLE_PROVIDED',
    validBeforeTime: '9999-12-31T23:59:59Z',
    ...data,
  });
const USER = { keyType: 'USER_MANAGED' };

const table = [
  {
    name: '30 days old',
    data: { ...USER, validAfterTime: '2026-10-21T00:00:00Z' },
    status: 'PASS',
    message: 'recent',
  },
  {
    name: 'exactly 90 days',
    data: { ...USER, validAfterTime: '2026-08-22T00:00:00Z' },
    status: 'PASS',
    message: 'recent',
  },
  {
    name: '200 days old',
    data: { ...USER, validAfterTime: '2026-05-04T00:00:00Z' },
    status: 'FAIL',
    message: 'tooOld',
  },
  {
    name: 'old but disabled',
    data: { ...USER, validAfterTime: '2025-01-01T00:00:00Z', disabled: true },
    status: 'NOT_APPLICABLE',
    message: 'disabled',
  },
  {
    // Keys made under the iam.serviceAccountKeyExpiryHours constraint stop at validBeforeTime.
    name: 'old but expired',
    data: { ...USER, validAfterTime: '2026-01-05T00:00:00Z', validBeforeTime: '2026-02-04T00:00:00Z' },
    status: 'NOT_APPLICABLE',
    message: 'expired',
  },
  {
    name: 'old, with an expiry still ahead',
    data: { ...USER, validAfterTime: '2026-05-04T00:00:00Z', validBeforeTime: '2026-12-31T00:00:00Z' },
    status: 'FAIL',
    message: 'tooOld',
  },
  {
    name: 'a Google-managed key',
    data: { keyType: 'SYSTEM_MANAGED', validAfterTime: '2025-01-01T00:00:00Z' },
    status: 'NOT_APPLICABLE',
    message: 'systemManaged',
  },
  {
    name: 'a key type the API leaves unspecified',
    data: { keyType: 'KEY_TYPE_UNSPECIFIED', validAfterTime: '2025-01-01T00:00:00Z' },
    status: 'UNKNOWN',
    message: 'unknown',
  },
  { name: 'no creation time', data: USER, status: 'UNKNOWN', message: 'unknown' },
  {
    // Two years fit a Google-managed key as well as a user-managed one.
    name: 'no key type, valid for two years',
    data: { validAfterTime: '2025-01-01T00:00:00Z', validBeforeTime: '2027-01-01T00:00:00Z' },
    status: 'UNKNOWN',
    message: 'unknown',
  },
  {
    // policy-library's key fixtures: Cloud Asset records without keyType.
    name: 'no key type, never expiring (user-managed)',
    data: { validAfterTime: '2025-01-01T00:00:00Z' },
    status: 'FAIL',
    message: 'tooOld',
  },
  {
    name: 'no key type, uploaded (keyOrigin USER_PROVIDED)',
    data: {
      validAfterTime: '2025-01-01T00:00:00Z',
      validBeforeTime: '2027-01-01T00:00:00Z',
      keyOrigin: 'USER_PROVIDED',
    },
    status: 'FAIL',
    message: 'tooOld',
  },
  {
    name: 'no key type, expired',
    data: { validAfterTime: '2017-08-21T07:55:36Z', validBeforeTime: '2017-08-22T19:55:36Z' },
    status: 'NOT_APPLICABLE',
    message: 'expired',
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, data, status, message }) => ({
    name,
    records: [key(data)],
    now: NOW,
    status,
    messageId: message,
  })),
  {
    name: 'measures against the scan time',
    records: [key({ ...USER, validAfterTime: '2026-05-04T00:00:00Z' })],
    now: NOW,
    status: 'FAIL',
    messageId: 'tooOld',
    assert: (result) => expect(result.data).toEqual({ days: 200, max: 90 }),
  },
  {
    name: 'measures against the maxKeyAgeDays parameter',
    records: [key({ ...USER, validAfterTime: '2026-05-04T00:00:00Z' })],
    now: NOW,
    params: { maxKeyAgeDays: 365 },
    status: 'PASS',
    messageId: 'recent',
  },
];

export default byVerdict(cases) satisfies RuleTests;
