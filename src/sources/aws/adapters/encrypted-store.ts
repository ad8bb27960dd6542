import type { AwsEncryptedStoreFacts, AwsRdsClusterFacts, AwsRdsInstanceFacts } from '../../../model/aws.ts';
import { cloudDefault, derived, explicit, type Fact } from '../../../model/fact.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';
import {
  absent,
  carries,
  configBoolean,
  configNumber,
  configString,
  field,
  stringsOf,
  toBoolean,
  toStringValue,
} from './fields.ts';
import { customerManagedKeyOf } from './kms.ts';

/** Where a resource type keeps its encryption flag and key in `configuration`. */
interface EncryptionFields {
  readonly encrypted: string;
  readonly kmsKeyId: string;
}

/**
 * Resources encrypted at rest with a KMS key: EBS volumes (`encrypted`, `kmsKeyId`), RDS
 * instances and clusters (`storageEncrypted`, `kmsKeyId`), EFS (`Encrypted`, `KmsKeyId`).
 * An encrypted EBS volume always names its key, the AWS managed `aws/ebs` key included, so the
 * key ARN alone does not say whether it is customer managed.
 */
export function encryptedStoreFacts(item: ConfigItem, fields: EncryptionFields): AwsEncryptedStoreFacts {
  const encrypted = configBoolean(item, fields.encrypted);
  const kmsKeyId = configString(item, fields.kmsKeyId);
  const customerManagedKey =
    encrypted.source !== 'unknown' && !encrypted.value
      ? explicit(false, encrypted.path)
      : kmsKeyId.source === 'unknown'
        ? absent<boolean>(item, kmsKeyId.path)
        : customerManagedKeyOf(kmsKeyId.value, kmsKeyId.path);
  return { encrypted, kmsKeyId, customerManagedKey };
}

export function ebsVolumeFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'encrypted', kmsKeyId: 'kmsKeyId' });
}

/**
 * AWS::RDS::DBInstance (the DBInstance structure of DescribeDBInstances).
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBInstance.html
 */
export function rdsInstanceFacts(item: ConfigItem): AwsRdsInstanceFacts {
  const source = toStringValue(field(item.configuration, 'readReplicaSourceDBInstanceIdentifier'));
  const publiclyAccessible = configBoolean(item, 'publiclyAccessible');
  return {
    ...encryptedStoreFacts(item, { encrypted: 'storageEncrypted', kmsKeyId: 'kmsKeyId' }),
    publiclyAccessible,
    reachableFromInternet: publiclyAccessible,
    backupRetentionPeriod: configNumber(item, 'backupRetentionPeriod'),
    enabledLogExports: enabledLogExports(item),
    ...clusterOf(item),
    ...(source
      ? {
          replicaOf: explicit(
            rdsInstanceArn(source, item),
            'configuration.readReplicaSourceDBInstanceIdentifier',
          ),
        }
      : {}),
  };
}

/** An instance of an Aurora or Multi-AZ DB cluster names it; the cluster's id is its ARN. */
function clusterOf(item: ConfigItem): Pick<AwsRdsInstanceFacts, 'clusterArn'> {
  const cluster = toStringValue(field(item.configuration, 'dBClusterIdentifier'));
  if (!cluster) return {};
  const partition = item.arn?.split(':')[1] ?? 'aws';
  const clusterArn = cluster.startsWith('arn:')
    ? cluster
    : `arn:${partition}:rds:${item.region}:${item.accountId}:cluster:${cluster}`;
  return { clusterArn: explicit(clusterArn, 'configuration.dBClusterIdentifier') };
}

/**
 * AWS::RDS::DBSnapshot: a snapshot names the instance it was taken from; a copy made in another
 * region names the region it came from (`sourceRegion`). LOC-2 reads where that instance is.
 */
export function rdsSnapshotFacts(item: ConfigItem): AwsEncryptedStoreFacts & CommonFacts {
  const instance = toStringValue(field(item.configuration, 'dBInstanceIdentifier'));
  const sourceRegion = toStringValue(field(item.configuration, 'sourceRegion'));
  return {
    ...encryptedStoreFacts(item, { encrypted: 'encrypted', kmsKeyId: 'kmsKeyId' }),
    ...(instance && {
      replicaOf: explicit(rdsInstanceArn(instance, item, sourceRegion), 'configuration.dBInstanceIdentifier'),
    }),
  };
}

/**
 * An instance named by identifier is in the item's account and region (a same-region replica or
 * snapshot); a cross-region source is named by its ARN. Either way, the inventory id: the ARN.
 */
function rdsInstanceArn(reference: string, item: ConfigItem, region = item.region): string {
  if (reference.startsWith('arn:')) return reference;
  const partition = item.arn?.split(':')[1] ?? 'aws';
  return `arn:${partition}:rds:${region}:${item.accountId}:db:${reference}`;
}

/** DescribeDBInstances leaves `EnabledCloudwatchLogsExports` out when no log is exported (the default). */
function enabledLogExports(item: ConfigItem): Fact<readonly string[]> {
  const path = 'configuration.enabledCloudwatchLogsExports';
  const exports = field(item.configuration, 'enabledCloudwatchLogsExports');
  if (Array.isArray(exports)) return explicit(stringsOf(exports), path);
  if (!carries(item, path)) return absent(item, path);
  return cloudDefault([], path, {
    ja: 'ログのエクスポート設定がありません: RDS の既定ではデータベースのログは CloudWatch Logs に発行されません',
    en: 'no log exports: by default RDS publishes no database log to CloudWatch Logs',
  });
}

/**
 * AWS::RDS::DBCluster (the DBCluster structure of DescribeDBClusters). `publiclyAccessible` is
 * the cluster's own only for Multi-AZ DB clusters; Aurora keeps it on each instance, and an
 * Aurora cluster's item leaves it out.
 */
export function rdsClusterFacts(item: ConfigItem): AwsRdsClusterFacts {
  const publiclyAccessible = toBoolean(field(item.configuration, 'publiclyAccessible'));
  return {
    ...encryptedStoreFacts(item, { encrypted: 'storageEncrypted', kmsKeyId: 'kmsKeyId' }),
    enabledLogExports: enabledLogExports(item),
    backupRetentionPeriod: configNumber(item, 'backupRetentionPeriod'),
    ...(publiclyAccessible !== undefined && {
      reachableFromInternet: explicit(publiclyAccessible, 'configuration.publiclyAccessible'),
    }),
  };
}

/** AWS::RDS::DBClusterSnapshot (`storageEncrypted`, `kmsKeyId`). */
export function rdsClusterSnapshotFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'storageEncrypted', kmsKeyId: 'kmsKeyId' });
}

/** AWS::EC2::Snapshot (the Snapshot structure of DescribeSnapshots: `encrypted`, `kmsKeyId`). */
export function ebsSnapshotFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'encrypted', kmsKeyId: 'kmsKeyId' });
}

/** AWS::Backup::RecoveryPoint (`IsEncrypted`, `EncryptionKeyArn`). */
export function recoveryPointFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'IsEncrypted', kmsKeyId: 'EncryptionKeyArn' });
}

/**
 * AWS::Redshift::Cluster (the Cluster structure of DescribeClusters: `encrypted`, `kmsKeyId`,
 * `publiclyAccessible`).
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_Cluster.html
 */
export function redshiftClusterFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const publiclyAccessible = configBoolean(item, 'publiclyAccessible');
  return {
    ...encryptedStoreFacts(item, { encrypted: 'encrypted', kmsKeyId: 'kmsKeyId' }),
    publiclyAccessible,
    reachableFromInternet: publiclyAccessible,
  };
}

/**
 * AWS::Elasticsearch::Domain (`encryptionAtRestOptions.{enabled, kmsKeyId}`, the API's names in
 * lower camel case) and AWS::OpenSearch::Domain (`EncryptionAtRestOptions.{Enabled, KmsKeyId}`,
 * CloudFormation's): encryption at rest is off unless enabled.
 * https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_EncryptionAtRestOptions.html
 */
export function searchDomainFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const base = 'configuration.EncryptionAtRestOptions';
  const options = asRecord(field(item.configuration, 'encryptionAtRestOptions'));
  const enabled = toBoolean(field(options, 'enabled'));
  const keyId = toStringValue(field(options, 'kmsKeyId'));
  if (enabled === undefined) {
    return {
      encrypted: absent(item, `${base}.Enabled`),
      customerManagedKey: absent(item, `${base}.Enabled`),
    };
  }
  const encrypted = explicit(enabled, `${base}.Enabled`);
  if (!enabled) return { encrypted, customerManagedKey: explicit(false, encrypted.path) };
  const keyPath = `${base}.KmsKeyId`;
  return keyId
    ? {
        encrypted,
        kmsKeyId: explicit(keyId, keyPath),
        customerManagedKey: customerManagedKeyOf(keyId, keyPath),
      }
    : { encrypted, customerManagedKey: absent(item, keyPath) };
}

export function efsFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'Encrypted', kmsKeyId: 'KmsKeyId' });
}

/**
 * AWS::ECR::Repository: `EncryptionConfiguration` (`EncryptionType` AES256, KMS or KMS_DSSE, and
 * `KmsKey`; describe-repositories spells them `encryptionConfiguration.{encryptionType, kmsKey}`).
 * Every repository is encrypted: AES256 with an AWS owned key, KMS without a key named with the
 * AWS managed `aws/ecr`.
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_EncryptionConfiguration.html
 */
export function ecrRepositoryFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  const typePath = 'configuration.EncryptionConfiguration.EncryptionType';
  const configuration = asRecord(field(item.configuration, 'EncryptionConfiguration'));
  const type = toStringValue(field(configuration, 'EncryptionType'));
  if (type === undefined)
    return { encrypted: absent(item, typePath), customerManagedKey: absent(item, typePath) };
  const encrypted = derived(true, explicit(type, typePath));
  if (type.toUpperCase() === 'AES256')
    return { encrypted, customerManagedKey: derived(false, explicit(type, typePath)) };
  const keyPath = 'configuration.EncryptionConfiguration.KmsKey';
  const key = toStringValue(field(configuration, 'KmsKey'));
  return key
    ? { encrypted, kmsKeyId: explicit(key, keyPath), customerManagedKey: customerManagedKeyOf(key, keyPath) }
    : { encrypted, customerManagedKey: derived(false, explicit(type, typePath)) };
}

/**
 * AWS::ElastiCache::CacheCluster and ::ReplicationGroup (`AtRestEncryptionEnabled`, and on a
 * replication group `KmsKeyId`): a cache cluster's key is its replication group's, so an
 * encrypted cluster's key is unknown from its own record.
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CacheCluster.html
 */
export function elastiCacheFacts(item: ConfigItem): AwsEncryptedStoreFacts {
  return encryptedStoreFacts(item, { encrypted: 'AtRestEncryptionEnabled', kmsKeyId: 'KmsKeyId' });
}
