import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { computeRecord } from '../../../sources/gcp/records.ts';

const PATH = 'zones/asia-northeast1-b/disks/d';
const ID = `//compute.googleapis.com/projects/osaka-juki-prod/${PATH}`;
const KEY = 'projects/osaka-juki-prod/locations/asia-northeast1/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1';
const disk = (extra: Record<string, unknown>) =>
  computeRecord('Disk', PATH, { name: 'd', sizeGb: '100', status: 'READY', ...extra }, 'asia-northeast1-b');

const cases: AnyCase[] = [
  {
    name: 'a Cloud KMS key',
    records: [disk({ diskEncryptionKey: { kmsKeyName: KEY } })],
    status: 'PASS',
    messageId: 'enabled',
    evidence: [{ source: 'explicit' }],
  },
  {
    name: 'a customer-supplied key',
    records: [disk({ diskEncryptionKey: { sha256: 'vbTz3V6sT1f9kf1pTMQ9nO2xV2Xq3bq8Qf8u0x3y5z4=' } })],
    status: 'PASS',
    messageId: 'enabled',
    evidence: [{ source: 'explicit' }],
  },
  {
    name: 'no key: Google-managed (the default)',
    records: [disk({})],
    status: 'FAIL',
    messageId: 'disabled',
    evidence: [{ source: 'default' }],
  },
  {
    name: 'a search summary without the disk settings',
    records: [
      searchAllResources([
        { name: ID, assetType: 'compute.googleapis.com/Disk', project: 'projects/111111111111' },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
