import { expect } from 'vitest';
import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { bucketRecord, UBLA_ON } from '../../../sources/gcp/records.ts';

const ID = '//storage.googleapis.com/b';
const PATH = 'resource.data.iamConfiguration.uniformBucketLevelAccess.enabled';

const table = [
  { name: 'enabled', iam: UBLA_ON, status: 'PASS', message: 'enabled', evidence: [[PATH, 'explicit', true]] },
  {
    name: 'only the former name bucketPolicyOnly',
    iam: { bucketPolicyOnly: { enabled: true } },
    status: 'PASS',
    message: 'enabled',
    evidence: [['resource.data.iamConfiguration.bucketPolicyOnly.enabled', 'explicit', true]],
  },
  {
    // A per-asset-type BigQuery export printed by `bq query --format=prettyjson`: BOOLEAN as strings.
    name: 'enabled, written as the string "true"',
    iam: { uniformBucketLevelAccess: { enabled: 'true' }, bucketPolicyOnly: { enabled: 'true' } },
    status: 'PASS',
    message: 'enabled',
    evidence: [[PATH, 'explicit', true]],
  },
  {
    name: 'disabled',
    iam: { uniformBucketLevelAccess: { enabled: false } },
    status: 'FAIL',
    message: 'disabled',
    evidence: [[PATH, 'explicit', false]],
  },
  {
    name: 'absent: the default (off)',
    iam: undefined,
    status: 'FAIL',
    message: 'disabled',
    evidence: [[PATH, 'default', false]],
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, iam, status, message, evidence }) => ({
    name,
    records: [bucketRecord('b', iam)],
    status,
    messageId: message,
    assert: (result: { evidence: readonly { path: string; source: string; value?: unknown }[] }) =>
      expect(result.evidence.map((e) => [e.path, e.source, e.value])).toEqual(evidence),
  })),
  {
    name: 'a search summary without the bucket settings',
    records: [
      searchAllResources([
        { name: ID, assetType: 'storage.googleapis.com/Bucket', project: 'projects/4', location: 'us-east1' },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
    evidence: [{ source: 'unknown' }],
  },
];

export default byVerdict(cases) satisfies RuleTests;
