/** One column put back under the field AWS Config records it as. */
export type ColumnMap = readonly (readonly [column: string, field: string])[];

// Column → Config field maps of AWS API records that Steampipe (turbot/steampipe-plugin-aws)
// and CloudQuery (cloudquery/cloudquery plugins/source/aws) both name alike: each tool makes
// one snake_case column of each field of the API's record, so one map reads either tool's row.

/**
 * RDS DescribeDBInstances' `DBInstance`, whose columns Steampipe's `aws_rds_db_instance` and
 * CloudQuery's `aws_rds_instances` follow.
 */
export const DB_INSTANCE_COLUMNS: ColumnMap = [
  ['db_instance_identifier', 'dBInstanceIdentifier'],
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

/**
 * EC2 DescribeFlowLogs' `FlowLog`, whose columns Steampipe's `aws_vpc_flow_log` and CloudQuery's
 * `aws_ec2_flow_logs` follow (`resource_id` the VPC, subnet or interface logged).
 */
export const FLOW_LOG_COLUMNS: ColumnMap = [
  ['flow_log_id', 'flowLogId'],
  ['resource_id', 'resourceId'],
  ['flow_log_status', 'flowLogStatus'],
  ['traffic_type', 'trafficType'],
  ['log_destination_type', 'logDestinationType'],
];

/**
 * Secrets Manager DescribeSecret's response, whose columns Steampipe's `aws_secretsmanager_secret`
 * and CloudQuery's `aws_secretsmanager_secrets` follow (Config records these fields PascalCase).
 */
export const SECRET_COLUMNS: ColumnMap = [
  ['name', 'Name'],
  ['arn', 'ARN'],
  ['kms_key_id', 'KmsKeyId'],
  ['primary_region', 'PrimaryRegion'],
  ['rotation_enabled', 'RotationEnabled'],
  ['rotation_rules', 'RotationRules'],
];

/**
 * EC2 DescribeVolumes' `Volume`, whose columns Steampipe's `aws_ebs_volume` and CloudQuery's
 * `aws_ec2_ebs_volumes` follow.
 */
export const EBS_VOLUME_COLUMNS: ColumnMap = [
  ['volume_id', 'volumeId'],
  ['encrypted', 'encrypted'],
  ['kms_key_id', 'kmsKeyId'],
  ['availability_zone', 'availabilityZone'],
];

/** EC2 DescribeVpcs' `Vpc`, whose columns Steampipe's `aws_vpc` and CloudQuery's `aws_ec2_vpcs` follow. */
export const VPC_COLUMNS: ColumnMap = [
  ['vpc_id', 'vpcId'],
  ['cidr_block', 'cidrBlock'],
  ['is_default', 'isDefault'],
];

/**
 * EFS DescribeFileSystems' `FileSystemDescription`, whose columns Steampipe's
 * `aws_efs_file_system` and CloudQuery's `aws_efs_filesystems` follow (Config records these fields
 * PascalCase).
 */
export const EFS_FILE_SYSTEM_COLUMNS: ColumnMap = [
  ['file_system_id', 'FileSystemId'],
  ['encrypted', 'Encrypted'],
  ['kms_key_id', 'KmsKeyId'],
];

/**
 * KMS DescribeKey's `KeyMetadata` but its id, whose columns Steampipe's `aws_kms_key` (`id`) and
 * CloudQuery's `aws_kms_keys` (`key_id`) follow: each puts its own id column first.
 */
export const KMS_KEY_COLUMNS: ColumnMap = [
  ['arn', 'arn'],
  ['key_manager', 'keyManager'],
  ['key_state', 'keyState'],
  ['origin', 'origin'],
  ['key_spec', 'keySpec'],
  ['customer_master_key_spec', 'customerMasterKeySpec'],
  ['key_usage', 'keyUsage'],
  ['enabled', 'enabled'],
  ['deletion_date', 'deletionDate'],
];
