import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/sql/instance-cmek.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { sqlInstanceRecord } from '../../sources/gcp/records.ts';

const ID = '//cloudsql.googleapis.com/projects/osaka-juki-prod/instances/db';
const KEY = 'projects/osaka-juki-prod/locations/asia-northeast1/keyRings/r/cryptoKeys/k';

const cases = [
  {
    name: 'a Cloud KMS key',
    extra: { diskEncryptionConfiguration: { kmsKeyName: KEY, kind: 'sql#diskEncryptionConfiguration' } },
    status: 'PASS',
    source: 'explicit',
  },
  { name: 'no key: Google-managed (the default)', extra: {}, status: 'FAIL', source: 'default' },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ extra, status, source }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [sqlInstanceRecord('db', {}, extra)]), ID);
    expect([result.status, result.evidence[0]?.source]).toEqual([status, source]);
  });
});
