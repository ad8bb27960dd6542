import { expect } from 'vitest';
import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { bucketRecord, UBLA_ON } from '../../../sources/gcp/records.ts';

const ID = '//storage.googleapis.com/b';
const PATH = 'resource.data.encryption.defaultKmsKeyName';
const KEY = 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k';

const cases: AnyCase[] = [
  {
    name: 'a Cloud KMS default key',
    records: [bucketRecord('b', UBLA_ON, { defaultKmsKeyName: KEY })],
    status: 'PASS',
    messageId: 'enabled',
    evidence: [{ path: PATH, source: 'explicit' }],
  },
  {
    name: 'encryption without a key',
    records: [bucketRecord('b', UBLA_ON, {})],
    status: 'FAIL',
    messageId: 'disabled',
    evidence: [{ path: PATH, source: 'default' }],
  },
  {
    name: 'the default evidence shows the key field unset and says which default applies',
    records: [bucketRecord('b', UBLA_ON)],
    status: 'FAIL',
    messageId: 'disabled',
    assert: (result) =>
      expect(result.evidence[0]).toMatchObject({
        path: PATH,
        source: 'default',
        value: null,
        note: { en: expect.stringContaining('Google-managed') },
      }),
  },
  {
    name: 'no bucket data in the export',
    records: [
      searchAllResources([{ name: ID, assetType: 'storage.googleapis.com/Bucket', project: 'projects/4' }]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
