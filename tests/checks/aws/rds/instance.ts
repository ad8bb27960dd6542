import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';

/** An RDS DB instance's Config item, for the aws.rds.* cases. */
export const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:resident-db`;
export const instance = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::RDS::DBInstance',
    'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
    {
      dBInstanceIdentifier: 'resident-db',
      engine: 'postgres',
      dbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
      ...configuration,
    },
    { arn, name: 'resident-db' },
  );

/**
 * An Aurora cluster's Config item as Config spells AWS::RDS::DBCluster (`dbclusterIdentifier`,
 * `dbclusterArn`: the acronym folded), and an instance of it, which names it by
 * `dBClusterIdentifier`: the cluster holds its instances' backups and encryption.
 */
export const CLUSTER_ARN = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:resident-aurora`;
export const auroraCluster = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::RDS::DBCluster',
    'cluster-ABCDEFGHIJKLMNOPQRSTUVWXY1',
    {
      dbclusterIdentifier: 'resident-aurora',
      dbclusterArn: CLUSTER_ARN,
      engine: 'aurora-postgresql',
      ...configuration,
    },
    { arn: CLUSTER_ARN, name: 'resident-aurora' },
  );
export const auroraInstance = (configuration: Record<string, unknown>) =>
  instance({ engine: 'aurora-postgresql', dBClusterIdentifier: 'resident-aurora', ...configuration });

/**
 * The source of a read replica (`readReplicaSourceDBInstanceIdentifier: 'primary-db'` on the
 * replica, `readReplicaDBInstanceIdentifiers` on the source): its automated backups hold the
 * replica's data.
 */
export const SOURCE_ARN = `arn:aws:rds:${REGION}:${ACCOUNT}:db:primary-db`;
export const sourceInstance = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::RDS::DBInstance',
    'db-ABCDEFGHIJKLMNOPQRSTUVWXY2',
    {
      dBInstanceIdentifier: 'primary-db',
      engine: 'postgres',
      dbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY2',
      readReplicaDBInstanceIdentifiers: ['resident-db'],
      ...configuration,
    },
    { arn: SOURCE_ARN, name: 'primary-db' },
  );
export const replica = (configuration: Record<string, unknown>) =>
  instance({ readReplicaSourceDBInstanceIdentifier: 'primary-db', ...configuration });
