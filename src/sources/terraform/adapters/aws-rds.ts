import type { AwsRdsInstanceFacts } from '../../../model/aws.ts';
import { explicit } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import type { Resource } from '../../../model/resource.ts';
import type { TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, isLeftOut, type TerraformAdapter, type Unit } from './adapter.ts';
import {
  configItem,
  fromConfigItem,
  keyOrAwsManaged,
  kmsKeyOf,
  readInto,
  withPlanKey,
} from './aws-record.ts';

/**
 * RDS: DB instances, Aurora (and Multi-AZ DB) clusters and their instances, as Config's
 * AWS::RDS::DBInstance and AWS::RDS::DBCluster items.
 */

function dbInstance(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const db = unit.primary;
  const encrypted = defaultStorageEncryption(db, tr, ctx);
  const configuration = readInto(
    tr,
    db,
    {
      ...(encrypted === undefined && { storageEncrypted: 'storage_encrypted' }),
      publiclyAccessible: 'publicly_accessible',
      enabledCloudwatchLogsExports: 'enabled_cloudwatch_logs_exports',
      readReplicaSourceDBInstanceIdentifier: 'replicate_source_db',
    },
    'configuration',
  );
  if (encrypted !== undefined) configuration.storageEncrypted = encrypted;
  const retention = backupRetention(db, tr, ctx, configuration.readReplicaSourceDBInstanceIdentifier);
  if (retention !== undefined) configuration.backupRetentionPeriod = retention;
  const key = storageKey(db, tr, ctx, configuration.storageEncrypted, DB_SOURCES);
  if (key.value !== undefined) configuration.kmsKeyId = key.value;
  const resource = fromConfigItem(configItem('AWS::RDS::DBInstance', configuration), tr);
  return configuration.storageEncrypted === false ? resource : withPlanKey(resource, key.planKey);
}

/**
 * `storage_encrypted` left out of a new instance (null in plans of provider v2–v4, computed in
 * later ones): RDS creates it unencrypted
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html,
 * `StorageEncrypted`), unless it is a read replica or restored from a snapshot, which inherit
 * their source's encryption. Undefined when that default does not apply.
 */
function defaultStorageEncryption(
  db: TfInstance,
  tr: Translation,
  ctx: BuildContext,
  sources: readonly string[] = DB_SOURCES,
): false | undefined {
  const attribute = 'storage_encrypted';
  if (!isLeftOut(tr, ctx, db, attribute, { orAbsent: true }) || inheritsStorage(db, tr, ctx, sources))
    return undefined;
  tr.mark('configuration.storageEncrypted', `${db.address}.${attribute}`, 'assumed', {
    ja: '構成にないため、RDS の作成時の既定値（暗号化なし）です',
    en: 'not in the configuration: RDS’s default at creation (not encrypted)',
  });
  return false;
}

/** What an instance made from another inherits its storage encryption and key from. */
const DB_SOURCES = ['replicate_source_db', 'snapshot_identifier', 'restore_to_point_in_time', 's3_import'];
const CLUSTER_SOURCES = [
  'snapshot_identifier',
  'replication_source_identifier',
  'global_cluster_identifier',
  'restore_to_point_in_time',
  's3_import',
];

/**
 * Whether the storage is made from a source. AWS provider 5.x computes `snapshot_identifier`
 * (known after apply when left out): unknown, it counts only when the configuration sets it.
 */
function inheritsStorage(
  db: TfInstance,
  tr: Translation,
  ctx: BuildContext,
  sources: readonly string[],
): boolean {
  const configured = ctx.config.resourceOf(db) !== undefined;
  return sources.some((source) => {
    const read = tr.valuesOf(db).read(source);
    if (read.state === 'unknown') return !configured || ctx.config.sets(db, source);
    return read.state === 'known' && !isEmptyValue(read.value);
  });
}

/**
 * The storage's KMS key: the configuration's; for new encrypted storage that names none and is
 * made from no source, RDS's AWS managed key `aws/rds` ("If you don't specify a value for the
 * KmsKeyId parameter, then Amazon RDS uses your default KMS key", CreateDBInstance /
 * CreateDBCluster), which the plan shows as known only after apply.
 */
function storageKey(
  db: TfInstance,
  tr: Translation,
  ctx: BuildContext,
  encrypted: unknown,
  sources: readonly string[],
): { value: unknown; planKey?: string } {
  return encrypted === true && !inheritsStorage(db, tr, ctx, sources)
    ? keyOrAwsManaged(tr, ctx, db, 'kms_key_id', 'configuration.kmsKeyId', 'aws/rds')
    : kmsKeyOf(tr, ctx, db, 'kms_key_id', 'configuration.kmsKeyId');
}

/**
 * aws_rds_cluster: `storage_encrypted` Optional+Computed, "false for provisioned engine_mode and
 * true for serverless engine_mode" (Aurora Serverless v1 is always encrypted); a cluster made
 * from a snapshot, a replication source or a global cluster inherits its source's.
 */
function rdsCluster(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const cluster = unit.primary;
  const encryption = clusterEncryption(cluster, tr, ctx);
  const configuration = {
    ...encryption.configuration,
    ...readInto(
      tr,
      cluster,
      { enabledCloudwatchLogsExports: 'enabled_cloudwatch_logs_exports' },
      'configuration',
    ),
  };
  const resource = fromConfigItem(configItem('AWS::RDS::DBCluster', configuration), tr);
  return configuration.storageEncrypted === false ? resource : withPlanKey(resource, encryption.planKey);
}

/** A cluster's storage encryption and key (`storageEncrypted`, `kmsKeyId`), which its instances share. */
function clusterEncryption(
  cluster: TfInstance,
  tr: Translation,
  ctx: BuildContext,
): { configuration: JsonObject; planKey?: string } {
  const mode = tr.valuesOf(cluster).read('engine_mode');
  const provisioned = mode.state === 'absent' || (mode.state === 'known' && mode.value === 'provisioned');
  const serverless = mode.state === 'known' && mode.value === 'serverless';
  const encrypted = provisioned
    ? defaultStorageEncryption(cluster, tr, ctx, CLUSTER_SOURCES)
    : serverless
      ? serverlessEncryption(cluster, tr, ctx)
      : undefined;
  const configuration =
    encrypted === undefined
      ? readInto(tr, cluster, { storageEncrypted: 'storage_encrypted' }, 'configuration')
      : { storageEncrypted: encrypted };
  const key = storageKey(cluster, tr, ctx, configuration.storageEncrypted, CLUSTER_SOURCES);
  if (key.value !== undefined) configuration.kmsKeyId = key.value;
  return key.planKey ? { configuration, planKey: key.planKey } : { configuration };
}

/**
 * aws_rds_cluster_instance: an instance of an Aurora (or Multi-AZ DB) cluster, as Config records
 * it (AWS::RDS::DBInstance): its own `publicly_accessible` (default false), and the cluster's
 * storage encryption, key and backup retention, which DescribeDBInstances reports for each
 * instance; its log exports are the cluster's (`clusterArn`). The cluster is the plan's
 * `aws_rds_cluster` that `cluster_identifier` names; a cluster outside the plan has settings the
 * plan cannot show.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_instance
 */
function rdsClusterInstance(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const instance = unit.primary;
  const configuration = readInto(
    tr,
    instance,
    { publiclyAccessible: 'publicly_accessible' },
    'configuration',
  );
  const link = `${instance.address}.cluster_identifier`;
  const [cluster] = ctx.referenced(instance, 'cluster_identifier', ['aws_rds_cluster']);
  if (!cluster) {
    for (const path of [
      'storageEncrypted',
      'kmsKeyId',
      'backupRetentionPeriod',
      'enabledCloudwatchLogsExports',
    ])
      tr.mark(`configuration.${path}`, link, 'unmanaged', CLUSTER_OUTSIDE_PLAN);
    return fromConfigItem(configItem('AWS::RDS::DBInstance', configuration), tr);
  }
  const encryption = clusterEncryption(cluster, tr, ctx);
  Object.assign(configuration, encryption.configuration);
  const retention = tr.read(cluster, 'backup_retention_period', 'configuration.backupRetentionPeriod');
  if (retention !== undefined) configuration.backupRetentionPeriod = retention;
  const resource = fromConfigItem(configItem('AWS::RDS::DBInstance', configuration), tr);
  const facts: Pick<AwsRdsInstanceFacts, 'clusterArn'> = { clusterArn: explicit(ctx.idOf(cluster), link) };
  const linked = { ...resource, facts: { ...resource.facts, ...facts } };
  return configuration.storageEncrypted === false ? linked : withPlanKey(linked, encryption.planKey);
}

/**
 * Aurora Serverless v1 (`engine_mode = "serverless"`) storage is always encrypted: a new cluster
 * that leaves `storage_encrypted` out is (the provider's documentation: "true for serverless
 * engine_mode"). https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster
 */
function serverlessEncryption(cluster: TfInstance, tr: Translation, ctx: BuildContext): true | undefined {
  if (!isLeftOut(tr, ctx, cluster, 'storage_encrypted')) return undefined;
  tr.mark('configuration.storageEncrypted', `${cluster.address}.storage_encrypted`, 'assumed', {
    ja: '構成にないため、Aurora Serverless v1 の既定値（常に暗号化）です',
    en: 'not in the configuration: Aurora Serverless v1 storage is always encrypted',
  });
  return true;
}

const CLUSTER_OUTSIDE_PLAN: Localized = {
  ja: 'この設定は DB クラスターのもので、クラスターはこの計画にありません',
  en: 'this is a setting of the DB cluster, which is not in this plan',
};

function isEmptyValue(value: unknown): boolean {
  return value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * `backup_retention_period` is Optional+Computed: a new instance whose configuration leaves it
 * out (terraform-aws-modules/rds passes null by default) gets RDS's default, 1 day
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html). A read
 * replica's default differs: it stays unknown.
 */
function backupRetention(db: TfInstance, tr: Translation, ctx: BuildContext, replicaOf: unknown): unknown {
  const attribute = 'backup_retention_period';
  const replica = replicaOf !== undefined || tr.valuesOf(db).read('replicate_source_db').state === 'unknown';
  if (isLeftOut(tr, ctx, db, attribute) && !replica) {
    tr.mark('configuration.backupRetentionPeriod', `${db.address}.${attribute}`, 'assumed', {
      ja: '構成にないため、RDS の作成時の既定値（1日）です',
      en: 'not in the configuration: RDS’s default at creation (1 day)',
    });
    return 1;
  }
  return tr.read(db, attribute, 'configuration.backupRetentionPeriod');
}

export const awsRdsAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_db_instance: { provider: 'aws', build: dbInstance },
  aws_rds_cluster: { provider: 'aws', build: rdsCluster },
  aws_rds_cluster_instance: { provider: 'aws', build: rdsClusterInstance },
};
