import { type SteampipeTable, steampipeTags } from '../steampipe-row.ts';
import { configItemToResource } from './adapters/index.ts';

/**
 * Steampipe's `aws_rds_db_instance` (turbot/steampipe-plugin-aws `table_aws_rds_db_instance.go`):
 * DescribeDBInstances' DBInstance with its fields as snake_case columns, read as the instance's
 * AWS Config item (whose `configuration` is the same structure in lower camel case). The
 * columns the checks read are put back under their API names.
 */
export const awsRdsInstanceTable: SteampipeTable = {
  table: 'aws_rds_db_instance',
  matches: (row) =>
    (row.akas as unknown[]).some(
      (aka) => typeof aka === 'string' && /^arn:aws[a-z-]*:rds:[^:]+:\d{12}:db:[^:]+$/.test(aka),
    ),
  requiredColumns: [
    'db_instance_identifier',
    'arn',
    'region',
    'account_id',
    'publicly_accessible',
    'storage_encrypted',
    'kms_key_id',
    'backup_retention_period',
    'enabled_cloudwatch_logs_exports',
  ],
  read(row, origin) {
    const identifier = typeof row.db_instance_identifier === 'string' ? row.db_instance_identifier : '';
    const account = typeof row.account_id === 'string' ? row.account_id : '';
    const region = typeof row.region === 'string' ? row.region.toLowerCase() : '';
    if (identifier === '' || !/^\d{12}$/.test(account) || region === '')
      return { skip: 'an aws_rds_db_instance row without its db_instance_identifier, account_id or region' };
    const configuration: Record<string, unknown> = { dBInstanceIdentifier: identifier };
    for (const [column, field] of COLUMNS) {
      const value = row[column];
      if (value !== null && value !== undefined) configuration[field] = value;
    }
    const resource = configItemToResource(
      {
        accountId: account,
        region,
        resourceType: 'AWS::RDS::DBInstance',
        resourceId: typeof row.resource_id === 'string' ? row.resource_id : identifier,
        resourceName: identifier,
        arn: typeof row.arn === 'string' ? row.arn : undefined,
        tags: steampipeTags(row.tags),
        configuration,
        supplementary: {},
        partial: false,
        captureTime: undefined,
        deleted: false,
      },
      origin,
    );
    return [resource];
  },
};

/** Column → the DBInstance field (as AWS Config spells it). */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['arn', 'dBInstanceArn'],
  ['db_cluster_identifier', 'dBClusterIdentifier'],
  ['engine', 'engine'],
  ['engine_version', 'engineVersion'],
  ['publicly_accessible', 'publiclyAccessible'],
  ['storage_encrypted', 'storageEncrypted'],
  ['kms_key_id', 'kmsKeyId'],
  ['backup_retention_period', 'backupRetentionPeriod'],
  ['enabled_cloudwatch_logs_exports', 'enabledCloudwatchLogsExports'],
  ['read_replica_source_db_instance_identifier', 'readReplicaSourceDBInstanceIdentifier'],
  ['deletion_protection', 'deletionProtection'],
  ['iam_database_authentication_enabled', 'iAMDatabaseAuthenticationEnabled'],
  ['multi_az', 'multiAZ'],
  ['availability_zone', 'availabilityZone'],
  ['ca_certificate_identifier', 'cACertificateIdentifier'],
];
