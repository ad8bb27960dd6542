import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { auroraCluster, auroraInstance, CLUSTER_ARN, instance } from './instance.ts';

// Daily automated backups: the retention in days is the number of generations kept. The national
// view asks for several (minBackupGenerations 2, policy 3.5 3)(2)); elsewhere 1 (backups on).
const table = [
  [{ backupRetentionPeriod: 7 }, 1, 'PASS', 'backedUp'],
  [{ backupRetentionPeriod: 0 }, 1, 'FAIL', 'noBackup'],
  [{ backupRetentionPeriod: 1 }, 2, 'FAIL', 'noBackup'],
  [{ backupRetentionPeriod: 2 }, 2, 'PASS', 'backedUp'],
  [{}, 1, 'UNKNOWN', 'unknown'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([configuration, minBackupGenerations, status, messageId]) => ({
    name: `${JSON.stringify(configuration)}, ${minBackupGenerations} generation(s) required`,
    records: [instance(configuration)],
    params: { minBackupGenerations },
    status,
    messageId,
  })),
  {
    name: 'an Aurora instance whose item shows 1 day, its cluster keeping 7: the cluster’s retention decides',
    records: [auroraInstance({ backupRetentionPeriod: 1 }), auroraCluster({ backupRetentionPeriod: 7 })],
    params: { minBackupGenerations: 2 },
    status: 'PASS',
    messageId: 'backedUp',
    data: { value: 7 },
    evidence: [{ path: 'configuration.backupRetentionPeriod', value: 7, resourceId: CLUSTER_ARN }],
  },
  {
    name: 'an Aurora instance whose cluster keeps its backups 1 day, 2 generations required',
    records: [auroraInstance({ backupRetentionPeriod: 1 }), auroraCluster({ backupRetentionPeriod: 1 })],
    params: { minBackupGenerations: 2 },
    status: 'FAIL',
    messageId: 'noBackup',
    evidence: [{ path: 'configuration.backupRetentionPeriod', value: 1, resourceId: CLUSTER_ARN }],
  },
  {
    name: 'an Aurora instance whose cluster is not in the records: its own item’s retention',
    records: [auroraInstance({ backupRetentionPeriod: 7 })],
    status: 'PASS',
    messageId: 'backedUp',
    evidence: [{ path: 'configuration.backupRetentionPeriod', value: 7 }],
  },
];

export default byVerdict(cases) satisfies RuleTests;
