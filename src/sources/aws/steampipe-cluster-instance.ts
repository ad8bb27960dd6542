import { ARN, configItemTable } from './steampipe-tables.ts';

/**
 * Steampipe's `aws_rds_db_cluster` (`table_aws_rds_db_cluster.go`): DescribeDBClusters' DBCluster
 * with its fields as snake_case columns (`storage_encrypted`, `kms_key_id`, `publicly_accessible`,
 * null for an Aurora cluster, whose instances hold it; `enabled_cloudwatch_logs_exports`, null
 * when none); Config's `resourceId` is the `cluster-…` id.
 */
export const awsRdsClusterTable = configItemTable({
  table: 'aws_rds_db_cluster',
  resourceType: 'AWS::RDS::DBCluster',
  aka: /^arn:aws[a-z-]*:rds:[^:]+:\d{12}:cluster:[^:]+$/,
  idColumn: 'db_cluster_identifier',
  resourceIdColumn: 'resource_id',
  requiredColumns: [
    'arn',
    'storage_encrypted',
    'kms_key_id',
    'publicly_accessible',
    'enabled_cloudwatch_logs_exports',
  ],
  columnTypes: {
    storage_encrypted: 'boolean',
    publicly_accessible: 'boolean',
    enabled_cloudwatch_logs_exports: 'json',
    backup_retention_period: 'number',
    deletion_protection: 'boolean',
    iam_database_authentication_enabled: 'boolean',
    multi_az: 'boolean',
  },
  configuration: [
    ['db_cluster_identifier', 'dBClusterIdentifier'],
    ['arn', 'dBClusterArn'],
    ['engine', 'engine'],
    ['engine_version', 'engineVersion'],
    ['engine_mode', 'engineMode'],
    ['storage_encrypted', 'storageEncrypted'],
    ['kms_key_id', 'kmsKeyId'],
    ['publicly_accessible', 'publiclyAccessible'],
    ['enabled_cloudwatch_logs_exports', 'enabledCloudwatchLogsExports'],
    ['backup_retention_period', 'backupRetentionPeriod'],
    ['deletion_protection', 'deletionProtection'],
    ['iam_database_authentication_enabled', 'iAMDatabaseAuthenticationEnabled'],
    ['multi_az', 'multiAZ'],
  ],
});

/**
 * Steampipe's `aws_ec2_instance` (`table_aws_ec2_instance.go`): DescribeInstances' Instance, read
 * for where it runs (`region`) and its tags, which the location and classification checks judge.
 */
export const awsEc2InstanceTable = configItemTable({
  table: 'aws_ec2_instance',
  resourceType: 'AWS::EC2::Instance',
  aka: ARN('ec2', 'instance/i-'),
  idColumn: 'instance_id',
  requiredColumns: ['arn', 'instance_state'],
  configuration: [
    ['instance_id', 'instanceId'],
    ['instance_type', 'instanceType'],
    ['image_id', 'imageId'],
    ['vpc_id', 'vpcId'],
    ['subnet_id', 'subnetId'],
  ],
});
