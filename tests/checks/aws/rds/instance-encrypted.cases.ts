import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { auroraCluster, auroraInstance, CLUSTER_ARN, instance } from './instance.ts';

const table = [
  [
    { storageEncrypted: true, kmsKeyId: 'arn:aws:kms:ap-northeast-1:111122223333:key/k' },
    'PASS',
    'encrypted',
  ],
  [{ storageEncrypted: false }, 'FAIL', 'notEncrypted'],
  [{}, 'UNKNOWN', 'unknown'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([configuration, status, messageId]) => ({
    name: JSON.stringify(configuration),
    records: [instance(configuration)],
    status,
    messageId,
  })),
  {
    name: 'an Aurora instance whose item does not show its encryption: its cluster’s storageEncrypted decides',
    records: [auroraInstance({}), auroraCluster({ storageEncrypted: true })],
    status: 'PASS',
    messageId: 'encrypted',
    evidence: [{ path: 'configuration.storageEncrypted', value: true, resourceId: CLUSTER_ARN }],
  },
  {
    name: 'an Aurora instance of an unencrypted cluster',
    records: [auroraInstance({ storageEncrypted: false }), auroraCluster({ storageEncrypted: false })],
    status: 'FAIL',
    messageId: 'notEncrypted',
    evidence: [{ path: 'configuration.storageEncrypted', value: false, resourceId: CLUSTER_ARN }],
  },
];

export default byVerdict(cases) satisfies RuleTests;
