import type { CloudQueryTable } from '../cloudquery-row.ts';
import { EFS_FILE_SYSTEM_COLUMNS, FLOW_LOG_COLUMNS, SECRET_COLUMNS, VPC_COLUMNS } from './api-columns.ts';
import { configItemTable } from './cloudquery-tables.ts';
import { asRecord } from './config-item.ts';
import { awsEksClusterTable } from './steampipe-tables.ts';

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

/**
 * `aws_cloudwatchlogs_log_groups`: `retention_in_days`, null when events never expire;
 * `log_group_class` (DescribeLogGroups' `logGroupClass`) where the plugin has the column.
 */
const logGroups = configItemTable({
  table: 'aws_cloudwatchlogs_log_groups',
  resourceType: 'AWS::Logs::LogGroup',
  idColumn: 'log_group_name',
  requiredColumns: ['retention_in_days', 'kms_key_id'],
  configuration: [
    ['log_group_name', 'LogGroupName'],
    ['retention_in_days', 'RetentionInDays'],
    ['kms_key_id', 'KmsKeyId'],
    ['log_group_class', 'LogGroupClass'],
  ],
});

/**
 * `aws_dynamodb_tables`: DescribeTable's `SSEDescription` (null: the AWS owned key) and a global
 * table's `replicas` (`[{"RegionName", "ReplicaStatus", …}]`, the SDK's ReplicaDescription).
 */
const dynamoDbTables = configItemTable({
  table: 'aws_dynamodb_tables',
  resourceType: 'AWS::DynamoDB::Table',
  idColumn: 'table_name',
  requiredColumns: ['sse_description'],
  jsonColumns: ['sse_description', 'replicas'],
  configuration: [
    ['table_name', 'tableName'],
    ['sse_description', 'SSEDescription'],
    ['replicas', 'Replicas'],
    ['global_table_version', 'GlobalTableVersion'],
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

/**
 * `aws_eks_clusters`: DescribeCluster's Cluster, `resources_vpc_config` and `logging` in the Go
 * SDK's names as Steampipe's `aws_eks_cluster` has them, read alike.
 */
const eksClusters: CloudQueryTable = {
  table: 'aws_eks_clusters',
  requiredColumns: ['arn', 'account_id', 'region', 'name', 'resources_vpc_config', 'logging'],
  jsonColumns: ['resources_vpc_config', 'logging', 'encryption_config', 'tags'],
  read: awsEksClusterTable.read,
};

const lambdaTable = configItemTable({
  table: 'aws_lambda_functions',
  resourceType: 'AWS::Lambda::Function',
  idColumn: 'function_name',
  requiredColumns: ['configuration', 'policy_document'],
  jsonColumns: ['configuration', 'policy_document'],
  configuration: [
    ['function_name', 'functionName'],
    ['runtime', 'runtime'],
    ['role', 'role'],
  ],
  supplementary: [['policy_document', 'Policy']],
});

/**
 * `aws_lambda_functions`: GetFunction's answer, its FunctionConfiguration in `configuration`,
 * and GetPolicy's document parsed into `policy_document`. The plugin leaves that column null
 * both where the function has no policy (ResourceNotFoundException) and where GetPolicy failed
 * (a column resolver's error only logged): a null policy is unknown, not none.
 */
const lambdaFunctions: CloudQueryTable = {
  ...lambdaTable,
  requiredColumns: ['arn', 'account_id', 'region', 'configuration', 'policy_document'],
  read(row, origin) {
    const configuration = asRecord(row.configuration);
    return lambdaTable.read(
      {
        ...row,
        function_name: configuration?.FunctionName,
        runtime: configuration?.Runtime,
        role: configuration?.Role,
      },
      origin,
    );
  },
};

export const AWS_CLOUDQUERY_SERVICE_TABLES: readonly CloudQueryTable[] = [
  eksClusters,
  lambdaFunctions,
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
