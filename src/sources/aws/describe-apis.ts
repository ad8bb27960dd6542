import type { Localized } from '../../model/localized.ts';
import { tagsHeldElsewhere } from '../../model/resource.ts';
import { asRecord } from './config-item.ts';

/**
 * The services' describe and list answers kansa reads, each entry of a member read as the AWS
 * Config item of its type (see api-describe.ts).
 */
export interface DescribeApi {
  /** The response member holding the entries (a list, or one object); empty: the answer is the entry. */
  readonly member: string;
  readonly list: boolean;
  readonly resourceType: string;
  /** Entry fields with the resource's ARN and its Config resource id, first found wins. */
  readonly arn: readonly string[];
  readonly id: readonly string[];
  /** A field naming the owning account where the entry has no ARN. */
  readonly owner?: string;
  /** The resource's name where the id is not it (IAM ids are `AIDA…`; groups are found by name). */
  readonly name?: string;
  /** A field every entry of this API has, where another API answers with the same member. */
  readonly marker?: string;
  /** Fields only other APIs' answers of the same member have, where no field marks this one's. */
  readonly foreign?: readonly string[];
  /**
   * The ARN's service and resource, where answers of other services have the same shape (an
   * answer that is the entry itself, `member` empty).
   */
  readonly arnPattern?: RegExp;
  /** The entry as Config records the configuration, where the API spells a setting otherwise. */
  readonly configurationOf?: (entry: Record<string, unknown>) => Record<string, unknown>;
  /** The resource's ARN made from its fields, where the entry carries none of its own. */
  readonly arnOf?: (entry: Readonly<Record<string, unknown>>) => string | undefined;
  /**
   * A member account's answer lists its organization's entries (`describe-trails`: the
   * organization trail, whose ARN names the management account): the dump's account is the one
   * that lists them, the ARN the entry's own.
   */
  readonly listsOrganizationEntries?: true;
  /** The command lists other accounts' public resources beside the account's own. */
  readonly listsOthers?: boolean;
  /** The command, for an API whose entries may name neither account nor Region (no ARN). */
  readonly command?: string;
  /** The API never answers the resource's tags: what holds them (Resource.unknownTags). */
  readonly unknownTags?: Localized;
}

const STREAM_TAGS = tagsHeldElsewhere('aws kinesis describe-stream', 'aws kinesis list-tags-for-stream');

export const DESCRIBE_APIS: readonly DescribeApi[] = [
  {
    member: 'DBInstances',
    list: true,
    resourceType: 'AWS::RDS::DBInstance',
    arn: ['DBInstanceArn'],
    id: ['DbiResourceId', 'DBInstanceIdentifier'],
    name: 'DBInstanceIdentifier',
  },
  {
    member: 'DBClusters',
    list: true,
    resourceType: 'AWS::RDS::DBCluster',
    arn: ['DBClusterArn'],
    id: ['DbClusterResourceId', 'DBClusterIdentifier'],
    name: 'DBClusterIdentifier',
  },
  {
    member: 'DBSnapshots',
    list: true,
    resourceType: 'AWS::RDS::DBSnapshot',
    arn: ['DBSnapshotArn'],
    id: ['DBSnapshotIdentifier'],
  },
  {
    member: 'DBClusterSnapshots',
    list: true,
    resourceType: 'AWS::RDS::DBClusterSnapshot',
    arn: ['DBClusterSnapshotArn'],
    id: ['DBClusterSnapshotIdentifier'],
  },
  {
    member: 'trailList',
    list: true,
    resourceType: 'AWS::CloudTrail::Trail',
    arn: ['TrailARN'],
    id: ['Name'],
    unknownTags: tagsHeldElsewhere('aws cloudtrail describe-trails', 'aws cloudtrail list-tags'),
    listsOrganizationEntries: true,
  },
  {
    member: 'logGroups',
    list: true,
    resourceType: 'AWS::Logs::LogGroup',
    arn: ['arn'],
    id: ['logGroupName'],
    unknownTags: tagsHeldElsewhere('aws logs describe-log-groups', 'aws logs list-tags-for-resource'),
  },
  {
    member: 'KeyMetadata',
    list: false,
    resourceType: 'AWS::KMS::Key',
    arn: ['Arn'],
    id: ['KeyId'],
    unknownTags: tagsHeldElsewhere('aws kms describe-key', 'aws kms list-resource-tags'),
  },
  {
    member: 'cluster',
    list: false,
    resourceType: 'AWS::EKS::Cluster',
    arn: ['arn'],
    id: ['name'],
    configurationOf: withEksLogging,
  },
  // `aws lambda list-functions` and `get-function` (its `Configuration`); the resource policy is
  // get-policy's answer.
  {
    member: 'Functions',
    list: true,
    resourceType: 'AWS::Lambda::Function',
    arn: ['FunctionArn'],
    id: ['FunctionName'],
  },
  {
    member: 'Configuration',
    list: false,
    resourceType: 'AWS::Lambda::Function',
    arn: ['FunctionArn'],
    id: ['FunctionName'],
  },
  // `aws sqs get-queue-attributes --attribute-names All` / `aws sns get-topic-attributes`: the
  // attributes as strings (`"SqsManagedSseEnabled": "true"`), as Config records them.
  {
    member: 'Attributes',
    list: false,
    resourceType: 'AWS::SQS::Queue',
    arn: ['QueueArn'],
    id: ['QueueArn'],
    unknownTags: tagsHeldElsewhere('aws sqs get-queue-attributes', 'aws sqs list-queue-tags'),
  },
  // `aws sns get-subscription-attributes` answers `Attributes` too, naming the subscription's topic.
  {
    member: 'Attributes',
    list: false,
    resourceType: 'AWS::SNS::Topic',
    arn: ['TopicArn'],
    id: ['TopicArn'],
    unknownTags: tagsHeldElsewhere('aws sns get-topic-attributes', 'aws sns list-tags-for-resource'),
    foreign: ['SubscriptionArn'],
  },
  // `aws backup list-backup-vaults`: `EncryptionKeyArn`, as Config records it.
  {
    member: 'BackupVaultList',
    list: true,
    resourceType: 'AWS::Backup::BackupVault',
    arn: ['BackupVaultArn'],
    id: ['BackupVaultName'],
    unknownTags: tagsHeldElsewhere('aws backup list-backup-vaults', 'aws backup list-tags'),
  },
  // `aws secretsmanager list-secrets`: `KmsKeyId` (Config spells it `KMSKeyId`), absent for the
  // AWS managed key.
  {
    member: 'SecretList',
    list: true,
    resourceType: 'AWS::SecretsManager::Secret',
    arn: ['ARN'],
    id: ['ARN'],
    name: 'Name',
  },
  {
    member: 'Table',
    list: false,
    resourceType: 'AWS::DynamoDB::Table',
    arn: ['TableArn'],
    id: ['TableName'],
    unknownTags: tagsHeldElsewhere('aws dynamodb describe-table', 'aws dynamodb list-tags-of-resource'),
  },
  {
    member: 'Volumes',
    list: true,
    resourceType: 'AWS::EC2::Volume',
    arn: [],
    id: ['VolumeId'],
    command: 'ec2 describe-volumes',
  },
  {
    member: 'Reservations',
    list: true,
    resourceType: 'AWS::EC2::Instance',
    arn: [],
    id: ['InstanceId'],
    owner: 'OwnerId',
    command: 'ec2 describe-instances',
  },
  {
    member: 'Vpcs',
    list: true,
    resourceType: 'AWS::EC2::VPC',
    arn: [],
    id: ['VpcId'],
    owner: 'OwnerId',
    command: 'ec2 describe-vpcs',
  },
  // `aws ec2 describe-flow-logs`: no ARN and no owner; the dump's path places them.
  {
    member: 'FlowLogs',
    list: true,
    resourceType: 'AWS::EC2::FlowLog',
    arn: [],
    id: ['FlowLogId'],
    command: 'ec2 describe-flow-logs',
  },
  // `aws efs describe-file-systems`; FSx answers with a `FileSystems` member too, without the
  // `PerformanceMode` every EFS file system has, and with its `FileSystemType`.
  {
    member: 'FileSystems',
    list: true,
    resourceType: 'AWS::EFS::FileSystem',
    arn: ['FileSystemArn'],
    id: ['FileSystemId'],
    owner: 'OwnerId',
    name: 'Name',
    marker: 'PerformanceMode',
  },
  // `aws fsx describe-file-systems`: Windows File Server, Lustre, ONTAP and OpenZFS file systems.
  // https://docs.aws.amazon.com/fsx/latest/APIReference/API_FileSystem.html
  {
    member: 'FileSystems',
    list: true,
    resourceType: 'AWS::FSx::FileSystem',
    arn: ['ResourceARN'],
    id: ['FileSystemId'],
    owner: 'OwnerId',
    marker: 'FileSystemType',
  },
  // `aws secretsmanager describe-secret`: the secret's description is the answer itself, told by
  // `VersionIdsToStages`. The other answers naming a secret by `{ARN, Name}` (create, update,
  // delete, get-secret-value, list-secret-version-ids, get-resource-policy) describe none: the
  // key they leave out is not the AWS managed one's absence.
  // https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DescribeSecret.html
  {
    member: '',
    list: false,
    resourceType: 'AWS::SecretsManager::Secret',
    arn: ['ARN'],
    id: ['ARN'],
    name: 'Name',
    arnPattern: /^arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:/,
    marker: 'VersionIdsToStages',
  },
  // `aws redshift describe-clusters`: no cluster ARN in the entry; the namespace's ARN
  // (`arn:aws:redshift:<region>:<account>:namespace:<uuid>`, in answers since 2022) gives the
  // account and Region the cluster's ARN is made of, else the zone and the dump's folders do.
  // https://docs.aws.amazon.com/redshift/latest/APIReference/API_Cluster.html
  {
    member: 'Clusters',
    list: true,
    resourceType: 'AWS::Redshift::Cluster',
    arn: [],
    id: ['ClusterIdentifier'],
    arnOf: (entry) => {
      const namespace = /^arn:(aws[\w-]*):redshift:([a-z0-9-]+):(\d{12}):namespace:/.exec(
        String(entry['ClusterNamespaceArn'] ?? ''),
      );
      return namespace
        ? `arn:${namespace[1]}:redshift:${namespace[2]}:${namespace[3]}:cluster:${String(entry['ClusterIdentifier'])}`
        : undefined;
    },
    command: 'redshift describe-clusters',
  },
  // `aws es describe-elasticsearch-domains` / `describe-elasticsearch-domain` and `aws opensearch
  // describe-domains` / `describe-domain` answer the same structures; an Elasticsearch domain's
  // has `ElasticsearchVersion`, an OpenSearch Service domain's `EngineVersion`.
  // https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainStatus.html
  ...(['DomainStatusList', 'DomainStatus'] as const).flatMap((member): DescribeApi[] => [
    {
      member,
      list: member === 'DomainStatusList',
      resourceType: 'AWS::Elasticsearch::Domain',
      arn: ['ARN'],
      id: ['DomainName'],
      marker: 'ElasticsearchVersion',
    },
    {
      member,
      list: member === 'DomainStatusList',
      resourceType: 'AWS::OpenSearch::Domain',
      arn: ['ARN'],
      id: ['DomainName'],
      foreign: ['ElasticsearchVersion'],
    },
  ]),
  // `aws ec2 describe-snapshots --owner-ids self`: EBS snapshots (RDS, ElastiCache and Redshift
  // name theirs otherwise; only EBS's have a `VolumeId`), no ARN: the dump's folders place them.
  // Without `--owner-ids` it lists every public snapshot too: other owners' are not read.
  {
    member: 'Snapshots',
    list: true,
    resourceType: 'AWS::EC2::Snapshot',
    arn: [],
    id: ['SnapshotId'],
    owner: 'OwnerId',
    marker: 'VolumeId',
    command: 'ec2 describe-snapshots',
    listsOthers: true,
  },
  // `aws ecr describe-repositories` (CodeCommit's list-repositories has no `repositoryArn`).
  {
    member: 'repositories',
    list: true,
    resourceType: 'AWS::ECR::Repository',
    arn: ['repositoryArn'],
    id: ['repositoryName'],
    unknownTags: tagsHeldElsewhere('aws ecr describe-repositories', 'aws ecr list-tags-for-resource'),
    marker: 'repositoryArn',
  },
  // `aws elasticache describe-cache-clusters` and `describe-replication-groups` (`ARN` in
  // answers since 2021).
  {
    member: 'CacheClusters',
    list: true,
    resourceType: 'AWS::ElastiCache::CacheCluster',
    arn: ['ARN'],
    id: ['CacheClusterId'],
    unknownTags: tagsHeldElsewhere(
      'aws elasticache describe-cache-clusters',
      'aws elasticache list-tags-for-resource',
    ),
    command: 'elasticache describe-cache-clusters',
  },
  {
    member: 'ReplicationGroups',
    list: true,
    resourceType: 'AWS::ElastiCache::ReplicationGroup',
    arn: ['ARN'],
    id: ['ReplicationGroupId'],
    unknownTags: tagsHeldElsewhere(
      'aws elasticache describe-replication-groups',
      'aws elasticache list-tags-for-resource',
    ),
    command: 'elasticache describe-replication-groups',
  },
  // `aws workspaces describe-workspaces`: `RootVolumeEncryptionEnabled`, `UserVolumeEncryptionEnabled`
  // and `VolumeEncryptionKey`, as Config records them; no ARN.
  {
    member: 'Workspaces',
    list: true,
    resourceType: 'AWS::WorkSpaces::Workspace',
    arn: [],
    id: ['WorkspaceId'],
    command: 'workspaces describe-workspaces',
  },
  // `aws kafka list-clusters` (MSK).
  {
    member: 'ClusterInfoList',
    list: true,
    resourceType: 'AWS::MSK::Cluster',
    arn: ['ClusterArn'],
    id: ['ClusterName'],
  },
  // `aws kinesis describe-stream` / `describe-stream-summary`: `EncryptionType` and `KeyId` on the
  // stream, which Config (CloudFormation's shape) holds under `StreamEncryption`.
  ...(['StreamDescription', 'StreamDescriptionSummary'] as const).map(
    (member): DescribeApi => ({
      member,
      list: false,
      resourceType: 'AWS::Kinesis::Stream',
      arn: ['StreamARN'],
      id: ['StreamName'],
      unknownTags: STREAM_TAGS,
      configurationOf: withStreamEncryption,
    }),
  ),
  // `aws iam get-account-authorization-details`: every user, group, role and managed policy in
  // use, with their attached and inline policies (the documents as JSON, or URL-encoded).
  {
    member: 'UserDetailList',
    list: true,
    resourceType: 'AWS::IAM::User',
    arn: ['Arn'],
    id: ['UserId'],
    name: 'UserName',
    configurationOf: withDetailLists(['UserPolicyList', 'AttachedManagedPolicies', 'GroupList']),
  },
  {
    member: 'GroupDetailList',
    list: true,
    resourceType: 'AWS::IAM::Group',
    arn: ['Arn'],
    id: ['GroupId'],
    name: 'GroupName',
    configurationOf: withDetailLists(['GroupPolicyList', 'AttachedManagedPolicies']),
  },
  {
    member: 'RoleDetailList',
    list: true,
    resourceType: 'AWS::IAM::Role',
    arn: ['Arn'],
    id: ['RoleId'],
    name: 'RoleName',
    configurationOf: withDetailLists(['RolePolicyList', 'AttachedManagedPolicies']),
  },
  {
    member: 'Policies',
    list: true,
    resourceType: 'AWS::IAM::Policy',
    arn: ['Arn'],
    id: ['PolicyId'],
    name: 'PolicyName',
  },
  // `aws iam get-role` / `list-roles`, `get-user` / `list-users` and `get-group` (the group and
  // its `Users`): the principals alone, their trust policy with them (`AssumeRolePolicyDocument`);
  // what they are allowed is in get-account-authorization-details, and stays unknown here.
  {
    member: 'Role',
    list: false,
    resourceType: 'AWS::IAM::Role',
    arn: ['Arn'],
    id: ['RoleId'],
    name: 'RoleName',
  },
  {
    member: 'Roles',
    list: true,
    resourceType: 'AWS::IAM::Role',
    arn: ['Arn'],
    id: ['RoleId'],
    name: 'RoleName',
  },
  {
    member: 'Group',
    list: false,
    resourceType: 'AWS::IAM::Group',
    arn: ['Arn'],
    id: ['GroupId'],
    name: 'GroupName',
  },
  {
    member: 'User',
    list: false,
    resourceType: 'AWS::IAM::User',
    arn: ['Arn'],
    id: ['UserId'],
    name: 'UserName',
  },
  {
    member: 'Users',
    list: true,
    resourceType: 'AWS::IAM::User',
    arn: ['Arn'],
    id: ['UserId'],
    name: 'UserName',
  },
  {
    member: 'SecurityGroups',
    list: true,
    resourceType: 'AWS::EC2::SecurityGroup',
    arn: ['SecurityGroupArn'],
    id: ['GroupId'],
    owner: 'OwnerId',
    command: 'ec2 describe-security-groups',
  },
];

/** `logging.clusterLogging: [{types, enabled}]` (EKS API) → `Logging.ClusterLogging.EnabledTypes[].Type` (Config). */
function withEksLogging(cluster: Record<string, unknown>): Record<string, unknown> {
  const groups = asRecord(cluster['logging'])?.['clusterLogging'];
  if (!Array.isArray(groups)) return cluster;
  const enabled = groups.flatMap((group) => {
    const record = asRecord(group);
    const types = record?.['types'];
    return record?.['enabled'] === true && Array.isArray(types) ? types : [];
  });
  const { logging: _, ...rest } = cluster;
  return { ...rest, Logging: { ClusterLogging: { EnabledTypes: enabled.map((type) => ({ Type: type })) } } };
}

/**
 * A get-account-authorization-details entry is the principal whole, and the SDKs leave an empty
 * list out of it (a real account's dump has users with no `UserPolicyList`): a policy or group
 * list the entry lacks is empty. An entry with none of these lists (a --query projection of names)
 * says nothing of them, and is left as it is.
 */
function withDetailLists(
  lists: readonly string[],
): (entry: Record<string, unknown>) => Record<string, unknown> {
  return (entry) =>
    lists.some((list) => list in entry)
      ? { ...Object.fromEntries(lists.map((list) => [list, []])), ...entry }
      : entry;
}

/**
 * `EncryptionType` (`KMS` | `NONE`) and `KeyId` (Kinesis API) → `StreamEncryption: {EncryptionType,
 * KeyId}` (Config); a stream without KMS encryption has none.
 */
function withStreamEncryption(stream: Record<string, unknown>): Record<string, unknown> {
  const { EncryptionType: type, KeyId: keyId, ...rest } = stream;
  return type === 'KMS' ? { ...rest, StreamEncryption: { EncryptionType: type, KeyId: keyId } } : rest;
}
