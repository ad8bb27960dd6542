import type { Resource } from '../../../model/resource.ts';
import type { ConfigItem } from '../../aws/config-item.ts';
import type { TfInstance } from '../document.ts';
import { isCreated } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, isLeftOut, PLACED_BY_PLAN, type TerraformAdapter, type Unit } from './adapter.ts';
import {
  configItem,
  fromConfigItem,
  keyOrAwsManaged,
  kmsKeyOf,
  readInto,
  withPlanKey,
} from './aws-record.ts';

/**
 * Data stores the location and classification checks judge (where the data is, whether a
 * customer-managed key protects it, whether it is reachable from the internet): DynamoDB tables,
 * EFS file systems, SQS queues, SNS topics, Redshift clusters, OpenSearch / Elasticsearch
 * domains, Secrets Manager secrets and Kinesis data streams, as the Config items the export
 * adapters read.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs
 */

/**
 * aws_dynamodb_table: DynamoDB encrypts every table. Without a `server_side_encryption` block (or
 * with `enabled = false`) the key is an AWS owned key; `enabled = true` uses `kms_key_arn`, or the
 * AWS managed `aws/dynamodb` key when the configuration names none (the attribute is then known
 * only after apply). As Config's `SSEDescription`. Each `replica { region_name }` block makes the
 * table a global table with a replica in that Region (DescribeTable's `Replicas[].RegionName`),
 * which the export adapter places the table by.
 */
function dynamoDbTable(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const table = unit.primary;
  const replicas = dynamoDbReplicas(tr, table);
  const ssePath = 'configuration.SSEDescription';
  const block = 'server_side_encryption';
  // Optional+Computed: a new table whose configuration leaves the block out has none.
  const enabled = isLeftOut(tr, ctx, table, block)
    ? undefined
    : tr.read(table, `${block}.0.enabled`, `${ssePath}.Status`);
  if (enabled !== true) {
    // No block, or `enabled = false`: the AWS owned key, an absent SSEDescription.
    tr.mark(ssePath, `${table.address}.${block}`, 'known');
    return fromConfigItem(dynamoDbItem(replicas), tr);
  }
  return dynamoDbSse(tr, ctx, table, `${block}.0.kms_key_arn`, (sse) =>
    dynamoDbItem({ SSEDescription: sse, ...replicas }),
  );
}

/**
 * A table (or replica) encrypted with a KMS key: `kmsKeyAttribute`, or the AWS managed
 * `aws/dynamodb` key where the configuration names none, as Config's `SSEDescription` that
 * `item` puts in the table's item.
 */
function dynamoDbSse(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  kmsKeyAttribute: string,
  item: (sse: JsonObject) => ConfigItem,
): Resource {
  const key = keyOrAwsManaged(
    tr,
    ctx,
    instance,
    kmsKeyAttribute,
    'configuration.SSEDescription.KMSMasterKeyArn',
    'aws/dynamodb',
  );
  const sse: JsonObject = { Status: 'ENABLED', SSEType: 'KMS' };
  if (key.value !== undefined) sse.KMSMasterKeyArn = key.value;
  return withPlanKey(fromConfigItem(item(sse), tr), key.planKey);
}

/** A table's item, placed by the plan unless its replicas place it (the adapter's `dataRegion`). */
function dynamoDbItem(configuration: JsonObject): ConfigItem {
  return { ...configItem('AWS::DynamoDB::Table', configuration), region: PLACED_BY_PLAN };
}

/**
 * The `replica` blocks as DescribeTable's `Replicas` (none: not a global table). A Region known
 * only after apply leaves its entry without `RegionName`, and blocks known only after apply (a
 * `dynamic "replica"` over a value the plan cannot show) an unnamed one: that replica may be
 * anywhere.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#replica
 */
function dynamoDbReplicas(tr: Translation, table: TfInstance): JsonObject {
  const values = tr.valuesOf(table);
  const replicas: JsonObject[] = [];
  for (let i = 0; values.present(`replica.${i}`); i++) {
    const region = tr.read(table, `replica.${i}.region_name`, 'configuration.Replicas');
    replicas.push(typeof region === 'string' ? { RegionName: region } : {});
  }
  if (replicas.length === 0 && values.read('replica').state === 'unknown') {
    tr.read(table, 'replica', 'configuration.Replicas');
    replicas.push({});
  }
  return replicas.length > 0 ? { Replicas: replicas } : {};
}

/**
 * aws_dynamodb_table_replica: a replica of a global table (version 2019.11.21), made through the
 * provider of its Region (`provider = aws.<alias>`): a full copy of the table that takes writes,
 * kept where the plan places it. Its `kms_key_arn` is the replica's key (left out: the AWS managed
 * `aws/dynamodb` key).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table_replica
 */
function dynamoDbTableReplica(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  return dynamoDbSse(tr, ctx, unit.primary, 'kms_key_arn', (sse) =>
    configItem('AWS::DynamoDB::Table', { SSEDescription: sse }),
  );
}

/**
 * aws_efs_file_system: `encrypted` (Optional+Computed; a new file system that leaves it out is
 * unencrypted, CreateFileSystem's default) and `kms_key_id` (the AWS managed key when left out).
 * https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html
 */
function efsFileSystem(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const fs = unit.primary;
  const configuration: JsonObject = {};
  const encryptedPath = 'configuration.Encrypted';
  if (isLeftOut(tr, ctx, fs, 'encrypted', { orAbsent: true })) {
    tr.mark(encryptedPath, `${fs.address}.encrypted`, 'assumed', {
      ja: '構成にないため、EFS の作成時の既定値（暗号化なし）です',
      en: 'not in the configuration: EFS’s default at creation (not encrypted)',
    });
    configuration.Encrypted = false;
  } else {
    const encrypted = tr.read(fs, 'encrypted', encryptedPath);
    if (encrypted !== undefined) configuration.Encrypted = encrypted;
  }
  if (configuration.Encrypted === false)
    return fromConfigItem(configItem('AWS::EFS::FileSystem', configuration), tr);
  const key = keyOrAwsManaged(tr, ctx, fs, 'kms_key_id', 'configuration.KmsKeyId', 'aws/elasticfilesystem');
  if (key.value !== undefined) configuration.KmsKeyId = key.value;
  return withPlanKey(fromConfigItem(configItem('AWS::EFS::FileSystem', configuration), tr), key.planKey);
}

/**
 * aws_redshift_cluster: `publicly_accessible` and `encrypted`, read as the plan shows them (their
 * defaults changed across provider versions, so one left unknown stays unknown), and `kms_key_id`
 * (a key AWS manages when an encrypted cluster names none). Provider 5.x and before default
 * `encrypted` to false and send it only when true: since 10 January 2025 Redshift encrypts every
 * new provisioned cluster it is not told about, so a new cluster whose configuration leaves it out
 * is encrypted (6.x defaults it to true, and shows that).
 */
function redshiftCluster(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const cluster = unit.primary;
  const configuration = readInto(tr, cluster, { publiclyAccessible: 'publicly_accessible' }, 'configuration');
  const encrypted = tr.valuesOf(cluster).read('encrypted');
  if (
    isCreated(cluster) &&
    encrypted.state === 'known' &&
    encrypted.value === false &&
    !ctx.config.sets(cluster, 'encrypted')
  ) {
    tr.mark('configuration.encrypted', `${cluster.address}.encrypted`, 'assumed', {
      ja: '構成にありません: プロバイダー 5.x 以前は false を送らず、Redshift は 2025 年 1 月 10 日から新しいクラスターを既定で暗号化します',
      en: 'not in the configuration: provider 5.x and before do not send false, and Redshift has encrypted new clusters by default since 10 January 2025',
    });
    configuration.encrypted = true;
  } else {
    Object.assign(configuration, readInto(tr, cluster, { encrypted: 'encrypted' }, 'configuration'));
  }
  if (configuration.encrypted === false)
    return fromConfigItem(configItem('AWS::Redshift::Cluster', configuration), tr);
  const key = keyOrAwsManaged(tr, ctx, cluster, 'kms_key_id', 'configuration.kmsKeyId', 'aws/redshift');
  if (key.value !== undefined) configuration.kmsKeyId = key.value;
  return withPlanKey(fromConfigItem(configItem('AWS::Redshift::Cluster', configuration), tr), key.planKey);
}

/**
 * aws_opensearch_domain and aws_elasticsearch_domain: `encrypt_at_rest { enabled, kms_key_id }`
 * (the AWS managed `aws/es` key when enabled without one), as Config's EncryptionAtRestOptions.
 */
function searchDomain(configType: 'AWS::OpenSearch::Domain' | 'AWS::Elasticsearch::Domain') {
  return (unit: Unit, tr: Translation, ctx: BuildContext): Resource => {
    const domain = unit.primary;
    const base = 'configuration.EncryptionAtRestOptions';
    const options: JsonObject = {};
    const enabled = tr.read(domain, 'encrypt_at_rest.0.enabled', `${base}.Enabled`);
    if (enabled !== undefined) options.enabled = enabled;
    if (enabled === true) {
      const key = keyOrAwsManaged(
        tr,
        ctx,
        domain,
        'encrypt_at_rest.0.kms_key_id',
        `${base}.KmsKeyId`,
        'aws/es',
      );
      if (key.value !== undefined) options.kmsKeyId = key.value;
      return withPlanKey(
        fromConfigItem(configItem(configType, { encryptionAtRestOptions: options }), tr),
        key.planKey,
      );
    }
    return fromConfigItem(configItem(configType, { encryptionAtRestOptions: options }), tr);
  };
}

/**
 * Types the export adapters read for no setting but where they are (the location checks; the
 * classification checks find nothing to judge): their Config item has no configuration.
 */
const LOCATED_ONLY: Readonly<Record<string, string>> = {
  aws_ecr_repository: 'AWS::ECR::Repository',
  aws_elasticache_cluster: 'AWS::ElastiCache::CacheCluster',
  aws_elasticache_replication_group: 'AWS::ElastiCache::ReplicationGroup',
  aws_elasticache_serverless_cache: 'AWS::ElastiCache::ServerlessCache',
  aws_msk_cluster: 'AWS::MSK::Cluster',
  aws_kinesis_firehose_delivery_stream: 'AWS::Kinesis::DeliveryStream',
  aws_docdb_cluster: 'AWS::DocDB::DBCluster',
  aws_fsx_lustre_file_system: 'AWS::FSx::FileSystem',
  aws_fsx_windows_file_system: 'AWS::FSx::FileSystem',
  aws_fsx_ontap_file_system: 'AWS::FSx::FileSystem',
  aws_fsx_openzfs_file_system: 'AWS::FSx::FileSystem',
  aws_sagemaker_notebook_instance: 'AWS::SageMaker::NotebookInstance',
  aws_ecs_cluster: 'AWS::ECS::Cluster',
  aws_glue_job: 'AWS::Glue::Job',
  aws_qldb_ledger: 'AWS::QLDB::Ledger',
};

/** aws_sqs_queue (`kms_master_key_id`, `sqs_managed_sse_enabled`) and aws_sns_topic (`kms_master_key_id`). */
function queueOrTopic(configType: 'AWS::SQS::Queue' | 'AWS::SNS::Topic') {
  return (unit: Unit, tr: Translation, ctx: BuildContext): Resource => {
    const store = unit.primary;
    const configuration: JsonObject = {};
    const key = kmsKeyOf(tr, ctx, store, 'kms_master_key_id', 'configuration.KmsMasterKeyId');
    if (key.value !== undefined && key.value !== '') configuration.KmsMasterKeyId = key.value;
    if (configType === 'AWS::SQS::Queue') {
      const managed = tr.read(store, 'sqs_managed_sse_enabled', 'configuration.SqsManagedSseEnabled');
      if (managed !== undefined) configuration.SqsManagedSseEnabled = managed;
    }
    return withPlanKey(fromConfigItem(configItem(configType, configuration), tr), key.planKey);
  };
}

/**
 * aws_secretsmanager_secret: `kms_key_id` (none: the AWS managed key aws/secretsmanager, which the
 * export adapter assumes of a secret that names no key).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret
 */
function secret(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const key = kmsKeyOf(tr, ctx, unit.primary, 'kms_key_id', 'configuration.KMSKeyId');
  const configuration: JsonObject = {};
  if (key.value !== undefined && key.value !== '') configuration.KmsKeyId = key.value;
  return withPlanKey(
    fromConfigItem(configItem('AWS::SecretsManager::Secret', configuration), tr),
    key.planKey,
  );
}

/**
 * aws_kinesis_stream: `encryption_type` (default NONE) and `kms_key_id` (the AWS managed key
 * `alias/aws/kinesis`, or a customer managed key) as the stream's `StreamEncryption`.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream
 */
function kinesisStream(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const stream = unit.primary;
  const keyPath = 'configuration.StreamEncryption.KeyId';
  const configuration: JsonObject = {};
  const type = tr.read(stream, 'encryption_type', keyPath);
  const key = type === 'KMS' ? kmsKeyOf(tr, ctx, stream, 'kms_key_id', keyPath) : { value: undefined };
  if (typeof key.value === 'string' && key.value !== '')
    configuration.StreamEncryption = { KeyId: key.value };
  return withPlanKey(fromConfigItem(configItem('AWS::Kinesis::Stream', configuration), tr), key.planKey);
}

/**
 * aws_athena_workgroup: `configuration.result_configuration.encryption_configuration`
 * (`encryption_option`, and `kms_key_arn` with SSE_KMS or CSE_KMS), as Config's
 * `WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration`; without one, the output
 * bucket's own encryption applies, which the workgroup does not show.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_workgroup
 */
function athenaWorkGroup(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const workGroup = unit.primary;
  const block = 'configuration.0.result_configuration.0.encryption_configuration.0';
  const base = 'configuration.WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration';
  const encryption: JsonObject = {};
  const option = tr.read(workGroup, `${block}.encryption_option`, `${base}.EncryptionOption`);
  if (option !== undefined) encryption.EncryptionOption = option;
  const key =
    option === 'SSE_S3'
      ? { value: undefined }
      : kmsKeyOf(tr, ctx, workGroup, `${block}.kms_key_arn`, `${base}.KmsKey`);
  if (typeof key.value === 'string' && key.value !== '') encryption.KmsKey = key.value;
  return withPlanKey(
    fromConfigItem(
      configItem('AWS::Athena::WorkGroup', {
        WorkGroupConfiguration: { ResultConfiguration: { EncryptionConfiguration: encryption } },
      }),
      tr,
    ),
    key.planKey,
  );
}

export const awsStoreAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_secretsmanager_secret: { provider: 'aws', build: secret },
  aws_kinesis_stream: { provider: 'aws', build: kinesisStream },
  aws_athena_workgroup: { provider: 'aws', build: athenaWorkGroup },
  aws_dynamodb_table: { provider: 'aws', build: dynamoDbTable, dataRegion: true },
  aws_dynamodb_table_replica: { provider: 'aws', build: dynamoDbTableReplica },
  aws_efs_file_system: { provider: 'aws', build: efsFileSystem },
  aws_sqs_queue: { provider: 'aws', build: queueOrTopic('AWS::SQS::Queue') },
  aws_sns_topic: { provider: 'aws', build: queueOrTopic('AWS::SNS::Topic') },
  aws_redshift_cluster: { provider: 'aws', build: redshiftCluster },
  aws_opensearch_domain: { provider: 'aws', build: searchDomain('AWS::OpenSearch::Domain') },
  aws_elasticsearch_domain: { provider: 'aws', build: searchDomain('AWS::Elasticsearch::Domain') },
  ...Object.fromEntries(
    Object.entries(LOCATED_ONLY).map(([type, configType]): [string, TerraformAdapter] => [
      type,
      { provider: 'aws', build: (_unit, tr) => fromConfigItem(configItem(configType, {}), tr) },
    ]),
  ),
};
