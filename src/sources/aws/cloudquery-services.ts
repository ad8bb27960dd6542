import type { CloudQueryTable } from '../cloudquery-row.ts';
import { EFS_FILE_SYSTEM_COLUMNS, FLOW_LOG_COLUMNS, SECRET_COLUMNS, VPC_COLUMNS } from './api-columns.ts';
import { configItemTable } from './cloudquery-tables.ts';

// CloudQuery's AWS tables of networks, detectors and data stores (plugins/source/aws
// docs/tables/<table>.md), read as their Config items as Steampipe's are (steampipe-tables.ts,
// steampipe-store-tables.ts). A null key column is the API's absent attribute: no KMS key (SQS-
// managed encryption, the AWS owned or managed key), as the Config item's adapter reads it.

/** `aws_ec2_vpcs`: DescribeVpcs' Vpc. */
const vpcs = configItemTable({
  table: 'aws_ec2_vpcs',
  resourceType: 'AWS::EC2::VPC',
  idColumn: 'vpc_id',
  requiredColumns: [],
  configuration: VPC_COLUMNS,
});

/** `aws_ec2_flow_logs`: DescribeFlowLogs' FlowLog (`resource_id` the VPC, subnet or interface). */
const flowLogs = configItemTable({
  table: 'aws_ec2_flow_logs',
  resourceType: 'AWS::EC2::FlowLog',
  idColumn: 'flow_log_id',
  requiredColumns: ['resource_id', 'flow_log_status'],
  configuration: FLOW_LOG_COLUMNS,
});

const detectorTable = configItemTable({
  table: 'aws_guardduty_detectors',
  resourceType: 'AWS::GuardDuty::Detector',
  idColumn: 'id',
  requiredColumns: ['status'],
  configuration: [
    ['id', 'Id'],
    ['status', 'Status'],
    ['finding_publishing_frequency', 'FindingPublishingFrequency'],
  ],
});

/**
 * `aws_guardduty_detectors`: GetDetector's answer, its account and region in
 * `request_account_id` and `request_region` (the table has no `account_id` and `region`).
 */
const guardDutyDetectors: CloudQueryTable = {
  ...detectorTable,
  requiredColumns: ['arn', 'request_account_id', 'request_region', 'id', 'status'],
  read: (row, origin) =>
    detectorTable.read({ ...row, account_id: row.request_account_id, region: row.request_region }, origin),
};

/** `aws_cloudwatchlogs_log_groups`: `retention_in_days`, null when events never expire. */
const logGroups = configItemTable({
  table: 'aws_cloudwatchlogs_log_groups',
  resourceType: 'AWS::Logs::LogGroup',
  idColumn: 'log_group_name',
  requiredColumns: ['retention_in_days', 'kms_key_id'],
  configuration: [
    ['log_group_name', 'LogGroupName'],
    ['retention_in_days', 'RetentionInDays'],
    ['kms_key_id', 'KmsKeyId'],
  ],
});

/** `aws_dynamodb_tables`: DescribeTable's `SSEDescription` (null: the AWS owned key). */
const dynamoDbTables = configItemTable({
  table: 'aws_dynamodb_tables',
  resourceType: 'AWS::DynamoDB::Table',
  idColumn: 'table_name',
  requiredColumns: ['sse_description'],
  jsonColumns: ['sse_description'],
  configuration: [
    ['table_name', 'tableName'],
    ['sse_description', 'SSEDescription'],
  ],
});

/** `aws_efs_filesystems`: `encrypted`, `kms_key_id`. */
const efsFileSystems = configItemTable({
  table: 'aws_efs_filesystems',
  resourceType: 'AWS::EFS::FileSystem',
  idColumn: 'file_system_id',
  requiredColumns: ['encrypted', 'kms_key_id'],
  configuration: EFS_FILE_SYSTEM_COLUMNS,
});

/** `aws_sqs_queues`: GetQueueAttributes' `KmsMasterKeyId` and `SqsManagedSseEnabled`; `url` the queue's URL. */
const sqsQueues = configItemTable({
  table: 'aws_sqs_queues',
  resourceType: 'AWS::SQS::Queue',
  idColumn: 'url',
  requiredColumns: ['kms_master_key_id', 'sqs_managed_sse_enabled'],
  jsonColumns: ['policy'],
  configuration: [
    ['arn', 'QueueArn'],
    ['url', 'QueueUrl'],
    ['kms_master_key_id', 'KmsMasterKeyId'],
    ['sqs_managed_sse_enabled', 'SqsManagedSseEnabled'],
    ['fifo_queue', 'FifoQueue'],
    ['policy', 'Policy'],
  ],
});

/** `aws_sns_topics`: GetTopicAttributes' `KmsMasterKeyId`. */
const snsTopics = configItemTable({
  table: 'aws_sns_topics',
  resourceType: 'AWS::SNS::Topic',
  idColumn: 'arn',
  requiredColumns: ['kms_master_key_id'],
  configuration: [
    ['arn', 'TopicArn'],
    ['kms_master_key_id', 'KmsMasterKeyId'],
    ['display_name', 'DisplayName'],
    ['owner', 'Owner'],
  ],
});

/** `aws_secretsmanager_secrets`: DescribeSecret's `KmsKeyId` (null: the AWS managed key) and rotation. */
const secrets = configItemTable({
  table: 'aws_secretsmanager_secrets',
  resourceType: 'AWS::SecretsManager::Secret',
  idColumn: 'name',
  resourceIdColumn: 'arn',
  requiredColumns: ['kms_key_id'],
  jsonColumns: ['rotation_rules'],
  configuration: SECRET_COLUMNS,
});

export const AWS_CLOUDQUERY_SERVICE_TABLES: readonly CloudQueryTable[] = [
  vpcs,
  flowLogs,
  guardDutyDetectors,
  logGroups,
  dynamoDbTables,
  efsFileSystems,
  sqsQueues,
  snsTopics,
  secrets,
];
