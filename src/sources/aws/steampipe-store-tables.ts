import { SECRET_COLUMNS } from './api-columns.ts';
import { ARN, configItemTable } from './steampipe-tables.ts';

// Steampipe's AWS tables of stores whose data is encrypted with a KMS key or AWS's own
// (turbot/steampipe-plugin-aws `table_aws_<table>.go`), read as their Config items. A null key
// column is the API's absent attribute: no KMS key (SQS-managed encryption, no encryption, the
// AWS managed key), as the Config item's adapter reads it.

/** `aws_sqs_queue`: GetQueueAttributes' `KmsMasterKeyId` and `SqsManagedSseEnabled`. */
export const awsSqsQueueTable = configItemTable({
  table: 'aws_sqs_queue',
  resourceType: 'AWS::SQS::Queue',
  aka: ARN('sqs', '[^:]+$'),
  idColumn: 'title',
  resourceIdColumn: 'queue_url',
  requiredColumns: ['queue_arn', 'kms_master_key_id', 'sqs_managed_sse_enabled'],
  columnTypes: {
    sqs_managed_sse_enabled: 'boolean',
    fifo_queue: 'boolean',
    content_based_deduplication: 'boolean',
    policy: 'json',
    policy_std: 'json',
    redrive_policy: 'json',
  },
  configuration: [
    ['queue_arn', 'QueueArn'],
    ['queue_url', 'QueueUrl'],
    ['kms_master_key_id', 'KmsMasterKeyId'],
    ['sqs_managed_sse_enabled', 'SqsManagedSseEnabled'],
    ['fifo_queue', 'FifoQueue'],
    ['policy', 'Policy'],
  ],
});

/** `aws_sns_topic`: GetTopicAttributes' `KmsMasterKeyId`. */
export const awsSnsTopicTable = configItemTable({
  table: 'aws_sns_topic',
  resourceType: 'AWS::SNS::Topic',
  aka: ARN('sns', '[^:]+$'),
  idColumn: 'title',
  resourceIdColumn: 'topic_arn',
  requiredColumns: ['topic_arn', 'kms_master_key_id'],
  columnTypes: {
    policy: 'json',
    policy_std: 'json',
    delivery_policy: 'json',
    effective_delivery_policy: 'json',
  },
  configuration: [
    ['topic_arn', 'TopicArn'],
    ['kms_master_key_id', 'KmsMasterKeyId'],
    ['display_name', 'DisplayName'],
    ['owner', 'Owner'],
  ],
});

/** `aws_secretsmanager_secret`: DescribeSecret's `KmsKeyId` (null: the AWS managed key) and `PrimaryRegion`. */
export const awsSecretTable = configItemTable({
  table: 'aws_secretsmanager_secret',
  resourceType: 'AWS::SecretsManager::Secret',
  aka: ARN('secretsmanager', 'secret:'),
  idColumn: 'name',
  resourceIdColumn: 'arn',
  requiredColumns: ['arn', 'kms_key_id'],
  columnTypes: {
    rotation_enabled: 'boolean',
    policy: 'json',
    policy_std: 'json',
    replication_status: 'json',
    rotation_rules: 'json',
    secret_versions_to_stages: 'json',
    tags_src: 'json',
  },
  configuration: SECRET_COLUMNS,
});
