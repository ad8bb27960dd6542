import { sharedString } from '../../../base/memo.ts';
import type { KansaType, Origin, Resource } from '../../../model/resource.ts';
import type { ConfigItem } from '../config-item.ts';
import { cloudTrailFacts, trailAccount } from './cloudtrail.ts';
import { athenaWorkGroupFacts, backupVaultFacts, secretFacts, workspaceFacts } from './data-services.ts';
import { dynamoDbTableFacts, dynamoDbTableRegion } from './dynamodb.ts';
import { eksClusterFacts } from './eks.ts';
import {
  ebsSnapshotFacts,
  ebsVolumeFacts,
  ecrRepositoryFacts,
  efsFacts,
  elastiCacheFacts,
  rdsClusterFacts,
  rdsClusterSnapshotFacts,
  rdsInstanceFacts,
  rdsSnapshotFacts,
  recoveryPointFacts,
  redshiftClusterFacts,
  searchDomainFacts,
} from './encrypted-store.ts';
import { guardDutyDetectorFacts } from './guardduty.ts';
import { iamGroupFacts, iamPolicyFacts, iamRoleFacts, iamUserFacts } from './iam.ts';
import { kmsKeyFacts } from './kms.ts';
import { lambdaFunctionFacts } from './lambda.ts';
import { logGroupFacts } from './logs.ts';
import { flowLogFacts, prefixListFacts, securityGroupFacts, vpcFacts } from './network.ts';
import { kinesisStreamFacts, snsTopicFacts, sqsQueueFacts } from './queues.ts';
import { s3AccountPublicAccessBlockFacts, s3BucketFacts } from './s3.ts';

interface NativeType {
  readonly kansaType: KansaType;
  /** Reads the facts checks decide on; types no check reads yet carry none. */
  readonly facts?: (item: ConfigItem) => object;
  /** Where the resource's data is when that is not only its own Region (its replicas'). */
  readonly dataRegion?: (item: ConfigItem) => string | undefined;
}

/**
 * The AWS Config resource types kansa recognises. Data-handling types (volumes, databases,
 * buckets, file systems, queues, caches, registries, clusters, keys, snapshots) must map to
 * their data-handling kansa type: the data-location check reads it.
 * https://docs.aws.amazon.com/config/latest/developerguide/resource-config-reference.html
 *
 * Each type's kansa type is one whose AWS checks read it, or none: no AWS check reads
 * `database.server`, `cache.cluster`, `compute.vm`, `compute.snapshot`, `kms.vault` or
 * `analytics.service` (the RDS checks read `database.instance`, the KMS checks `kms.key`), so a
 * Backup vault, a secret, a QLDB ledger or a desktop meets only the cross-cloud checks (location,
 * classification). A secret is a `kms.vault`, a store of secrets as Key Vault is, not a
 * `kms.key`, whose rotation and deletion checks would misread it. Neptune clusters are recorded
 * as AWS::RDS::DBCluster (engine `neptune`) and read as such.
 */
const NATIVE_TYPES: Readonly<Record<string, NativeType>> = {
  'AWS::Athena::WorkGroup': { kansaType: 'analytics.service', facts: athenaWorkGroupFacts },
  'AWS::Backup::BackupVault': { kansaType: 'compute.snapshot', facts: backupVaultFacts },
  'AWS::Backup::RecoveryPoint': { kansaType: 'compute.snapshot', facts: recoveryPointFacts },
  'AWS::CloudTrail::Trail': { kansaType: 'audit.trail', facts: cloudTrailFacts },
  'AWS::DynamoDB::Table': {
    kansaType: 'database.table',
    facts: dynamoDbTableFacts,
    dataRegion: dynamoDbTableRegion,
  },
  'AWS::DocDB::DBCluster': { kansaType: 'database.server' },
  'AWS::EC2::Instance': { kansaType: 'compute.vm' },
  'AWS::EC2::FlowLog': { kansaType: 'network.flow-log', facts: flowLogFacts },
  'AWS::EC2::PrefixList': { kansaType: 'network.prefix-list', facts: prefixListFacts },
  'AWS::EC2::SecurityGroup': { kansaType: 'network.firewall', facts: securityGroupFacts },
  'AWS::EC2::Snapshot': { kansaType: 'compute.snapshot', facts: ebsSnapshotFacts },
  'AWS::EC2::VPC': { kansaType: 'network.vpc', facts: vpcFacts },
  'AWS::EC2::Volume': { kansaType: 'compute.disk', facts: ebsVolumeFacts },
  'AWS::ECR::Repository': { kansaType: 'container.registry', facts: ecrRepositoryFacts },
  'AWS::ECS::Cluster': { kansaType: 'container.cluster' },
  'AWS::Elasticsearch::Domain': { kansaType: 'database.server', facts: searchDomainFacts },
  'AWS::EFS::FileSystem': { kansaType: 'storage.file-system', facts: efsFacts },
  'AWS::EKS::Cluster': { kansaType: 'container.cluster', facts: eksClusterFacts },
  'AWS::ElastiCache::CacheCluster': { kansaType: 'cache.cluster', facts: elastiCacheFacts },
  'AWS::ElastiCache::ReplicationGroup': { kansaType: 'cache.cluster', facts: elastiCacheFacts },
  'AWS::ElastiCache::ServerlessCache': { kansaType: 'cache.cluster' },
  'AWS::FSx::FileSystem': { kansaType: 'storage.file-system' },
  'AWS::Glue::Job': { kansaType: 'analytics.service' },
  'AWS::GuardDuty::Detector': { kansaType: 'security.service', facts: guardDutyDetectorFacts },
  'AWS::IAM::Group': { kansaType: 'iam.group', facts: iamGroupFacts },
  'AWS::IAM::Policy': { kansaType: 'iam.policy', facts: iamPolicyFacts },
  'AWS::IAM::Role': { kansaType: 'iam.role', facts: iamRoleFacts },
  'AWS::IAM::User': { kansaType: 'iam.user', facts: iamUserFacts },
  'AWS::KMS::Key': { kansaType: 'kms.key', facts: kmsKeyFacts },
  'AWS::Kinesis::Stream': { kansaType: 'storage.queue', facts: kinesisStreamFacts },
  'AWS::Kinesis::DeliveryStream': { kansaType: 'storage.queue' },
  'AWS::Lambda::Function': { kansaType: 'compute.serverless', facts: lambdaFunctionFacts },
  'AWS::Logs::LogGroup': { kansaType: 'monitoring.log-group', facts: logGroupFacts },
  'AWS::MSK::Cluster': { kansaType: 'storage.queue' },
  'AWS::OpenSearch::Domain': { kansaType: 'database.server', facts: searchDomainFacts },
  'AWS::QLDB::Ledger': { kansaType: 'database.server' },
  'AWS::RDS::DBCluster': { kansaType: 'database.server', facts: rdsClusterFacts },
  'AWS::RDS::DBClusterSnapshot': { kansaType: 'compute.snapshot', facts: rdsClusterSnapshotFacts },
  'AWS::RDS::DBInstance': { kansaType: 'database.instance', facts: rdsInstanceFacts },
  'AWS::RDS::DBSnapshot': { kansaType: 'compute.snapshot', facts: rdsSnapshotFacts },
  'AWS::Redshift::Cluster': { kansaType: 'database.server', facts: redshiftClusterFacts },
  'AWS::S3::AccountPublicAccessBlock': {
    kansaType: 'storage.account-public-access-block',
    facts: s3AccountPublicAccessBlockFacts,
  },
  'AWS::S3::Bucket': { kansaType: 'storage.bucket', facts: s3BucketFacts },
  'AWS::SageMaker::NotebookInstance': { kansaType: 'compute.vm' },
  'AWS::SecretsManager::Secret': { kansaType: 'kms.vault', facts: secretFacts },
  'AWS::SNS::Topic': { kansaType: 'storage.queue', facts: snsTopicFacts },
  'AWS::SQS::Queue': { kansaType: 'storage.queue', facts: sqsQueueFacts },
  'AWS::WorkSpaces::Workspace': { kansaType: 'compute.vm', facts: workspaceFacts },
};

/** The AWS Config resource types kansa reads (what a live scan asks Config for). */
export const KNOWN_CONFIG_TYPES: readonly string[] = Object.keys(NATIVE_TYPES).sort();

/** Config type names by their lower-cased spelling, for exports that spell them otherwise. */
const CONFIG_TYPES_BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(
  KNOWN_CONFIG_TYPES.map((type) => [type.toLowerCase(), type]),
);

/**
 * The Config type an export names in another casing (`AWS::ec2::instance`) and the kansa type it
 * maps to; a type kansa does not read keeps its spelling and is `other`.
 */
export function nativeTypeNamed(type: string): { nativeType: string; kansaType: KansaType } {
  const nativeType = CONFIG_TYPES_BY_LOWER_CASE.get(type.toLowerCase()) ?? type;
  return { nativeType, kansaType: NATIVE_TYPES[nativeType]?.kansaType ?? 'other' };
}

/**
 * The id of the account's S3 Block Public Access resource. Config records it with the account
 * id as resourceId (and no ARN) in every region it records: one id, so the copies merge.
 */
export function accountPublicAccessBlockId(account: string): string {
  return `arn:aws:s3::${account}:account-public-access-block`;
}

/**
 * The types by their lower-case spelling: Config's first change notifications (MessageVersion
 * 1.0, as the developer guide's example prints them) wrote `AWS::EC2::VOLUME`.
 */
const TYPE_BY_LOWER_CASE = new Map(Object.keys(NATIVE_TYPES).map((type) => [type.toLowerCase(), type]));

export function configItemToResource(given: ConfigItem, origin: Origin): Resource {
  const canonical = NATIVE_TYPES[given.resourceType]
    ? undefined
    : TYPE_BY_LOWER_CASE.get(given.resourceType.toLowerCase());
  const item = canonical ? { ...given, resourceType: canonical } : given;
  const native = NATIVE_TYPES[item.resourceType];
  const accountWide = item.resourceType === 'AWS::S3::AccountPublicAccessBlock';
  return {
    provider: 'aws',
    // A trail is in the account its ARN names; its facts keep the account that listed it.
    account: sharedString(trailAccount(item)),
    region: accountWide ? 'global' : sharedString(native?.dataRegion?.(item) ?? item.region),
    kansaType: native?.kansaType ?? 'other',
    nativeType: sharedString(item.resourceType),
    id: accountWide ? accountPublicAccessBlockId(item.accountId) : (item.arn ?? syntheticId(item)),
    name: item.resourceName,
    tags: item.tags,
    facts: native?.facts?.(item) ?? {},
    origin,
    // In the literal even when undefined: a field added afterwards would be kept outside the
    // object, in a property array of its own for every resource.
    observedAt: item.captureTime,
    unknownTags: item.unknownTags,
  };
}

/** A deletion item: it has no configuration, only the id it removes and when. */
export function deletedItemToResource(item: ConfigItem, origin: Origin): Resource {
  return {
    ...configItemToResource({ ...item, configuration: {}, supplementary: {} }, origin),
    facts: {},
    deleted: true,
  };
}

/**
 * An item whose settings cannot be read (ConfigItem.unread): the resource, listed only. It
 * carries no capture time, so it never takes the place of a readable item of the same resource
 * (the inventory merges an undated record into a dated one) and only adds a resource that no
 * readable item describes.
 */
export function unreadItemToResource(item: ConfigItem, origin: Origin): Resource {
  return {
    ...configItemToResource({ ...item, configuration: {}, supplementary: {} }, origin),
    facts: {},
    observedAt: undefined,
    listedOnly: true,
  };
}

/** Items without an ARN get a stable id of their own: type, account, region and resource id. */
function syntheticId(item: ConfigItem): string {
  return `${item.resourceType}/${item.accountId}/${item.region}/${item.resourceId}`;
}
