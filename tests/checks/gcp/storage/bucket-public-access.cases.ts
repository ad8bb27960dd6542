import { expect } from 'vitest';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { bucketPolicyRecord, bucketRecord, UBLA_ON } from '../../../sources/gcp/records.ts';

const ALL_USERS = { role: 'roles/storage.objectViewer', members: ['allUsers'] };
const withAcl = (acl: unknown[]) => {
  const record = bucketRecord('b', undefined);
  (record.resource.data as Record<string, unknown>).acl = acl;
  return record;
};

const table = [
  {
    name: 'enforced prevention overrides a public binding',
    records: [
      bucketRecord('b', { ...UBLA_ON, publicAccessPrevention: 'enforced' }),
      bucketPolicyRecord('b', [ALL_USERS]),
    ],
    status: 'PASS',
    message: 'preventionEnforced',
    evidence: [['resource.data.iamConfiguration.publicAccessPrevention', 'explicit']],
  },
  {
    name: 'no public grant, uniform access on, prevention inherited',
    records: [
      bucketRecord('b', { ...UBLA_ON, publicAccessPrevention: 'inherited' }),
      bucketPolicyRecord('b'),
    ],
    status: 'PASS',
    message: 'notPublic',
    evidence: [
      ['iam_policy.bindings', 'explicit'],
      ['resource.data.iamConfiguration.uniformBucketLevelAccess.enabled', 'explicit'],
      ['resource.data.iamConfiguration.publicAccessPrevention', 'explicit'],
    ],
  },
  {
    name: 'prevention absent (default inherited) and allUsers bound',
    records: [bucketRecord('b', UBLA_ON), bucketPolicyRecord('b', [ALL_USERS])],
    status: 'FAIL',
    message: 'publicBinding',
    evidence: [
      ['iam_policy.bindings', 'explicit'],
      ['resource.data.iamConfiguration.publicAccessPrevention', 'default'],
    ],
  },
  {
    name: 'allAuthenticatedUsers bound',
    records: [
      bucketRecord('b', UBLA_ON),
      bucketPolicyRecord('b', [{ role: 'roles/storage.objectAdmin', members: ['allAuthenticatedUsers'] }]),
    ],
    status: 'FAIL',
    message: 'publicBinding',
    evidence: [
      ['iam_policy.bindings', 'explicit'],
      ['resource.data.iamConfiguration.publicAccessPrevention', 'default'],
    ],
  },
  {
    name: 'a public ACL entry with uniform access off',
    records: [withAcl([{ entity: 'allUsers', role: 'READER' }]), bucketPolicyRecord('b')],
    status: 'FAIL',
    message: 'publicAcl',
    evidence: [
      ['resource.data.acl', 'explicit'],
      ['resource.data.iamConfiguration.uniformBucketLevelAccess.enabled', 'default'],
      ['resource.data.iamConfiguration.publicAccessPrevention', 'default'],
    ],
  },
  {
    name: 'no IAM-policy record in the export',
    records: [bucketRecord('b', UBLA_ON)],
    status: 'UNKNOWN',
    message: 'noIamPolicy',
    evidence: [
      ['iamPolicy.bindings', 'unknown'],
      ['resource.data.iamConfiguration.publicAccessPrevention', 'default'],
    ],
  },
  {
    name: 'uniform access off and the ACLs not in the export',
    records: [bucketRecord('b', { uniformBucketLevelAccess: { enabled: false } }), bucketPolicyRecord('b')],
    status: 'UNKNOWN',
    message: 'aclUnknown',
    evidence: [
      ['resource.data.iamConfiguration.uniformBucketLevelAccess.enabled', 'explicit'],
      ['resource.data.acl', 'unknown'],
      ['resource.data.iamConfiguration.publicAccessPrevention', 'default'],
    ],
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, records, status, message, evidence }) => ({
    name,
    records,
    status,
    messageId: message,
    assert: (result: { evidence: readonly { path: string; source: string }[] }) =>
      expect(result.evidence.map((e) => [e.path, e.source])).toEqual(evidence),
  })),
  {
    name: 'names the public grants in the message data',
    records: [bucketRecord('b', UBLA_ON), bucketPolicyRecord('b', [ALL_USERS])],
    status: 'FAIL',
    messageId: 'publicBinding',
    assert: (result) => expect(result.data).toEqual({ grants: ['allUsers (roles/storage.objectViewer)'] }),
  },
];

export default byVerdict(cases) satisfies RuleTests;
