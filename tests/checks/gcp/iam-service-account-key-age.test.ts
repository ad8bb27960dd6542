import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/iam/service-account-key-age.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { resourceRecord } from '../../sources/gcp/records.ts';

const NAME =
  'projects/osaka-juki-prod/serviceAccounts/juki-app@osaka-juki-prod.iam.gserviceaccount.com/keys/0a1b2c3d';
const ID = `//iam.googleapis.com/${NAME}`;
const NOW = new Date('2026-11-20T00:00:00Z');
const key = (data: Record<string, unknown>) =>
  resourceRecord(ID, 'iam.googleapis.com/ServiceAccountKey', {
    name: NAME,
    keyAlgorithm: 'KEY_ALG_RSA_2048',
    keyOrigin: 'GOOGLE_PROVIDED',
    validBeforeTime: '9999-12-31T23:59:59Z',
    ...data,
  });
const USER = { keyType: 'USER_MANAGED' };

const cases = [
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
    name: 'a Google-managed key',
    data: { keyType: 'SYSTEM_MANAGED', validAfterTime: '2025-01-01T00:00:00Z' },
    status: 'NOT_APPLICABLE',
    message: 'systemManaged',
  },
  { name: 'no creation time', data: USER, status: 'UNKNOWN', message: 'unknown' },
  {
    name: 'no key type',
    data: { validAfterTime: '2025-01-01T00:00:00Z' },
    status: 'UNKNOWN',
    message: 'unknown',
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ data, status, message }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [key(data)]), ID, { now: NOW });
    expect([result.status, result.message]).toEqual([status, message]);
  });

  it('measures against the scan time and the maxKeyAgeDays parameter', () => {
    const records = readRecords(gcpAssetExport, [key({ ...USER, validAfterTime: '2026-05-04T00:00:00Z' })]);
    expect(evaluate(check, records, ID, { now: NOW }).data).toEqual({ days: 200, max: 90 });
    expect(evaluate(check, records, ID, { now: NOW, maxKeyAgeDays: 365 }).status).toBe('PASS');
  });
});
