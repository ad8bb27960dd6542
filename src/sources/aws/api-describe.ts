import { UNKNOWN_REGION } from '../../model/resource.ts';
import type { DocumentFormat } from '../format.ts';
import { asRecord, decodeJsonValue } from './config-item.ts';
import { configItemsToResources } from './config-items-reader.ts';
import {
  type PathPlace,
  placeInPath,
  rotationStatusItem,
  type UnnamedAnswer,
  unnamedAnswer,
} from './unnamed-answers.ts';

/**
 * The services' own describe output, as `aws rds describe-db-instances`, `aws cloudtrail
 * describe-trails`, `aws kms describe-key`, `aws iam get-account-authorization-details` and SDK
 * recordings (Cloud Custodian's placebo data) write it: `{"DBInstances": [...]}`, `{"KeyMetadata": {...}}`. Config records the same
 * structures (its field names are the API's in lower camel case, which the adapters read in
 * either case), so each entry is read as a configuration item of its type. The APIs leave out
 * what is not set (a log group that never expires has no `retentionInDays`), as Config does, so
 * an absent field of the structure takes the cloud's default; what other calls return (a key's
 * rotation status) stays unknown. EKS alone lists its logging as the API does
 * (`logging.clusterLogging[].{types, enabled}`), which is read as Config's `EnabledTypes`.
 * Account and region come from the resource's ARN, else its availability zone and the file
 * name; an entry that names neither is skipped with the reason.
 */
export const awsApiDescribeFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-api-describe',
  provider: 'aws',
  description:
    'AWS API describe output ({"DBInstances"}, {"DBClusters"}, {"DBSnapshots"}, {"trailList"}, {"logGroups"}, {"KeyMetadata"}, {"cluster"} of EKS, {"Table"} of DynamoDB, {"Attributes"} of SQS and SNS, {"Volumes"}, {"Reservations"} of EC2 instances, {"Vpcs"}, {"FlowLogs"}, {"SecurityGroups"}, {"FileSystems"} of EFS, {"SecretList"} of secretsmanager list-secrets, {"BackupVaultList"} of backup list-backup-vaults), kms get-key-rotation-status, lambda list-functions / get-function / get-function-configuration / get-policy, iam get-account-authorization-details, get-role / list-roles, get-user / list-users and get-group; guardduty get-detector / list-detectors, cloudtrail get-trail-status, s3api list-buckets and get-bucket-encryption / get-public-access-block / get-bucket-policy / get-bucket-acl / get-bucket-logging, which name no resource or account, placed by the dump’s <account>/<region>/ folders and file name',
  matches(document) {
    return membersOf(document).length > 0 || singleItem(document, {}, '') !== undefined;
  },
  *read(document, ctx) {
    const place = placeInPath(ctx.file);
    const single = singleItem(document, place, ctx.file);
    if (single && 'skip' in single) {
      ctx.skip(single.skip, { index: 0 });
      return;
    }
    if (single) {
      for (const resource of configItemsToResources(single.items, ctx, single.partial === true))
        yield single.regionUnknown?.has(resource.id) ? { ...resource, region: UNKNOWN_REGION } : resource;
      return;
    }
    // `get-account-authorization-details` answers with four members; the others with one.
    const members = membersOf(document);
    for (const member of membersNotListed(document, members))
      ctx.skip(`${member}: not a list (expected a list of its entries)`, { index: 0 });
    const entries = members.flatMap(({ api, entries }) =>
      entries.map((entry) => ({ api, entry: asRecord(entry) })),
    );
    for (const [index, { api, entry }] of entries.entries()) {
      const unplaced = !entry
        ? `${api.member}: an entry that is not an object (expected ${api.resourceType})`
        : api.command && unplacedEntry(api, api.command, entry, place);
      if (unplaced) ctx.skip(unplaced, { index });
      else yield* configItemsToResources([asItem(api, entry, place)], ctx, false, index);
    }
  },
};

/**
 * An EC2 entry that names neither its account nor its Region, nor sits in folders that do: the
 * command, and what would place it, for the reason it is skipped.
 */
function unplacedEntry(
  api: DescribeApi,
  command: string,
  entry: Record<string, unknown>,
  place: PathPlace,
): string | undefined {
  if (api.arn.some((field) => typeof entry[field] === 'string')) return undefined;
  const lacks = [
    ...(!place.account && (!api.owner || typeof entry[api.owner] !== 'string') ? ['account'] : []),
    ...(!place.region && typeof entry['AvailabilityZone'] !== 'string' ? ['Region'] : []),
  ];
  if (lacks.length === 0) return undefined;
  const id = api.id.map((field) => entry[field]).find((value) => typeof value === 'string');
  return `${api.resourceType} ${String(id)}: no ${lacks.join(' and no ')}: aws ${command} names ${lacks.length > 1 ? 'neither' : 'none'}; saved as <account>/<region>/${command.split(' ')[1]}.json, it is read`;
}

/**
 * An answer about one resource: one that names it inside (a key's rotation status, a
 * function's policy), or one that names none and that the dump's path places; or why such an
 * answer cannot be placed.
 */
function singleItem(document: unknown, place: PathPlace, file: string): UnnamedAnswer | undefined {
  const rotation = rotationStatusItem(document, place);
  if (rotation) return rotation;
  const named = functionPolicyItem(document) ?? functionConfigurationItem(document);
  return named ? { items: [named] } : unnamedAnswer(document, place, file);
}

/**
 * `aws lambda get-function-configuration`: the function's configuration alone, get-function's
 * `Configuration` without its wrapper; its `FunctionArn` carries the version asked for
 * (`…:function:name:2`), which is the function's. Every function has a `Runtime` or, built
 * from a container image, a `PackageType`: an object with only a name and an ARN is not one.
 * https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html
 */
function functionConfigurationItem(document: unknown): Record<string, unknown> | undefined {
  const record = asRecord(document);
  const name = record?.['FunctionName'];
  const arn =
    typeof record?.['FunctionArn'] === 'string' ? FUNCTION_ARN.exec(record['FunctionArn'])?.[0] : undefined;
  if (
    !record ||
    typeof name !== 'string' ||
    !arn ||
    (record['Runtime'] === undefined && record['PackageType'] === undefined)
  )
    return undefined;
  return {
    resourceType: 'AWS::Lambda::Function',
    resourceId: name,
    arn,
    configuration: { ...record, FunctionArn: arn },
  };
}

/**
 * `aws lambda get-policy`: `{"Policy": "<policy JSON>", "RevisionId"}`, which names no function
 * but its statements do (`Resource`: the function's ARN, perhaps with a version or alias). Read
 * as the function's item with only its `Policy`, which merges with its list-functions entry or
 * Config item.
 * https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html
 */
function functionPolicyItem(document: unknown): Record<string, unknown> | undefined {
  const record = asRecord(document);
  if (typeof record?.['RevisionId'] !== 'string' || record['Policy'] === undefined) return undefined;
  const policy = asRecord(decodeJsonValue(record['Policy']));
  const statements = policy?.['Statement'];
  const resources = (Array.isArray(statements) ? statements : [statements]).flatMap((statement) => {
    const resource = asRecord(statement)?.['Resource'];
    return Array.isArray(resource) ? resource : [resource];
  });
  const arn = resources
    .map((resource) => (typeof resource === 'string' ? FUNCTION_ARN.exec(resource)?.[0] : undefined))
    .find((found) => found !== undefined);
  if (!arn) return undefined;
  return {
    resourceType: 'AWS::Lambda::Function',
    resourceId: arn.slice(arn.lastIndexOf(':') + 1),
    arn,
    configuration: {},
    supplementaryConfiguration: { Policy: record['Policy'] },
  };
}

/** A function's ARN, without the version or alias that may follow it. */
const FUNCTION_ARN = /^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+/;

interface DescribeApi {
  /** The response member holding the entries (a list, or one object). */
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
  /** A field only another API's answer of the same member has, where no field marks this one's. */
  readonly foreign?: string;
  /** The command, for an API whose entries may name neither account nor Region (no ARN). */
  readonly command?: string;
}

const APIS: readonly DescribeApi[] = [
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
  },
  {
    member: 'logGroups',
    list: true,
    resourceType: 'AWS::Logs::LogGroup',
    arn: ['arn'],
    id: ['logGroupName'],
  },
  { member: 'KeyMetadata', list: false, resourceType: 'AWS::KMS::Key', arn: ['Arn'], id: ['KeyId'] },
  { member: 'cluster', list: false, resourceType: 'AWS::EKS::Cluster', arn: ['arn'], id: ['name'] },
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
  { member: 'Attributes', list: false, resourceType: 'AWS::SQS::Queue', arn: ['QueueArn'], id: ['QueueArn'] },
  // `aws sns get-subscription-attributes` answers `Attributes` too, naming the subscription's topic.
  {
    member: 'Attributes',
    list: false,
    resourceType: 'AWS::SNS::Topic',
    arn: ['TopicArn'],
    id: ['TopicArn'],
    foreign: 'SubscriptionArn',
  },
  // `aws backup list-backup-vaults`: `EncryptionKeyArn`, as Config records it.
  {
    member: 'BackupVaultList',
    list: true,
    resourceType: 'AWS::Backup::BackupVault',
    arn: ['BackupVaultArn'],
    id: ['BackupVaultName'],
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
  // `PerformanceMode` every EFS file system has.
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
  // `aws iam get-account-authorization-details`: every user, group, role and managed policy in
  // use, with their attached and inline policies (the documents as JSON, or URL-encoded).
  {
    member: 'UserDetailList',
    list: true,
    resourceType: 'AWS::IAM::User',
    arn: ['Arn'],
    id: ['UserId'],
    name: 'UserName',
  },
  {
    member: 'GroupDetailList',
    list: true,
    resourceType: 'AWS::IAM::Group',
    arn: ['Arn'],
    id: ['GroupId'],
    name: 'GroupName',
  },
  {
    member: 'RoleDetailList',
    list: true,
    resourceType: 'AWS::IAM::Role',
    arn: ['Arn'],
    id: ['RoleId'],
    name: 'RoleName',
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

/**
 * Known list members of an answer that are there but not lists, beside members it was read by
 * (`RoleDetailList` as an object beside `UserDetailList`): what they hold is not read, and says so.
 */
function membersNotListed(document: unknown, read: readonly unknown[]): Set<string> {
  const record = asRecord(document) ?? {};
  const listed = (value: unknown) => value === undefined || value === null || Array.isArray(value);
  const notListed = read.length === 0 ? [] : APIS.filter((api) => api.list && !listed(record[api.member]));
  return new Set(notListed.map((api) => api.member));
}

/** The known members of a response whose first entry carries the id its API names. */
function membersOf(document: unknown): { api: DescribeApi; entries: readonly unknown[] }[] {
  const record = asRecord(document);
  if (!record) return [];
  return APIS.flatMap((api) => {
    const value = api.member === 'Reservations' ? instancesOf(record[api.member]) : record[api.member];
    const first = asRecord(api.list ? (Array.isArray(value) ? value[0] : undefined) : value);
    if (!first || !api.id.some((field) => typeof first[field] === 'string')) return [];
    if (api.marker && !(api.marker in first)) return [];
    if (api.foreign && api.foreign in first) return [];
    // A lone object is taken only with its ARN: `{"cluster": …}` or `{"Table": …}` alone say little.
    if (!api.list && !api.arn.some((field) => String(first[field] ?? '').startsWith('arn:'))) return [];
    return [{ api, entries: api.list ? (value as unknown[]) : [value] }];
  });
}

/**
 * `aws ec2 describe-instances`: `Reservations[].Instances[]`, the owning account on the
 * reservation (`OwnerId`) and the zone under `Placement`: each instance with both beside it.
 */
function instancesOf(reservations: unknown): unknown {
  if (!Array.isArray(reservations)) return undefined;
  return reservations.flatMap((entry) => {
    const reservation = asRecord(entry);
    const instances = reservation?.['Instances'];
    if (!Array.isArray(instances)) return [];
    return instances.flatMap((item) => {
      const instance = asRecord(item);
      if (!instance) return [];
      const zone = asRecord(instance['Placement'])?.['AvailabilityZone'];
      return [
        {
          ...instance,
          ...(typeof reservation?.['OwnerId'] === 'string' && { OwnerId: reservation['OwnerId'] }),
          ...(typeof zone === 'string' && { AvailabilityZone: zone }),
        },
      ];
    });
  });
}

function asItem(api: DescribeApi, entry: Record<string, unknown> | undefined, place: PathPlace): unknown {
  if (!entry) return entry;
  const arn = api.arn.map((field) => entry[field]).find((value) => typeof value === 'string');
  const resourceId = api.id.map((field) => entry[field]).find((value) => typeof value === 'string');
  const owner = api.owner ? entry[api.owner] : undefined;
  const name = api.name ? entry[api.name] : undefined;
  const zone = entry['AvailabilityZone'];
  // The ARN (or zone) names the place itself; the path only stands in when it does not.
  const fromPath =
    typeof arn === 'string'
      ? {}
      : {
          ...(place.account && typeof owner !== 'string' && { accountId: place.account }),
          ...(place.region && typeof zone !== 'string' && { awsRegion: place.region }),
        };
  return {
    ...fromPath,
    resourceType: api.resourceType,
    resourceId,
    ...(typeof name === 'string' && { resourceName: name }),
    ...(typeof arn === 'string' && { arn }),
    ...(typeof owner === 'string' && { accountId: owner }),
    ...(typeof entry['AvailabilityZone'] === 'string' && { availabilityZone: entry['AvailabilityZone'] }),
    configuration: api.resourceType === 'AWS::EKS::Cluster' ? withEksLogging(entry) : entry,
  };
}

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
