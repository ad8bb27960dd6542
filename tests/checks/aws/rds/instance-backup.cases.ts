import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import {
  arn,
  auroraCluster,
  auroraInstance,
  CLUSTER_ARN,
  instance,
  replica,
  SOURCE_ARN,
  sourceInstance,
} from './instance.ts';

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
  // RDS keeps no automated backups of a PostgreSQL, Oracle or SQL Server read replica (RDS user
  // guide, "Working with DB instance read replicas"), and a MySQL or MariaDB replica's are
  // optional: the replica's data is backed up on its source.
  {
    name: 'a read replica with retention 0 whose source keeps 7 days: the source’s retention decides',
    records: [replica({ backupRetentionPeriod: 0 }), sourceInstance({ backupRetentionPeriod: 7 })],
    target: arn,
    status: 'PASS',
    messageId: 'backedUp',
    evidence: [{ path: 'configuration.backupRetentionPeriod', value: 7, resourceId: SOURCE_ARN }],
  },
  {
    name: 'a read replica with retention 0 whose source keeps none',
    records: [replica({ backupRetentionPeriod: 0 }), sourceInstance({ backupRetentionPeriod: 0 })],
    target: arn,
    status: 'FAIL',
    messageId: 'noBackup',
    evidence: [{ path: 'configuration.backupRetentionPeriod', value: 0, resourceId: SOURCE_ARN }],
  },
  {
    name: 'a read replica with retention 0 whose source is not in the records',
    records: [replica({ backupRetentionPeriod: 0 })],
    status: 'UNKNOWN',
    messageId: 'unknown',
    evidence: [{ path: 'configuration.readReplicaSourceDBInstanceIdentifier', source: 'unknown' }],
  },
  {
    name: 'a read replica keeping 7 days of its own',
    records: [replica({ backupRetentionPeriod: 7 })],
    status: 'PASS',
    messageId: 'backedUp',
    evidence: [{ path: 'configuration.backupRetentionPeriod', value: 7 }],
  },
];

export default byVerdict(cases) satisfies RuleTests;
