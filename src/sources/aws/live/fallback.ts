import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeSecurityGroupsCommand, DescribeVolumesCommand, type Tag } from '@aws-sdk/client-ec2';
import { type EntityType, GetAccountAuthorizationDetailsCommand } from '@aws-sdk/client-iam';
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  type Grant,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { describeError } from './errors.ts';
import type { Collection, Scope } from './scope.ts';

/** What the direct calls read when a region has no Config recorder (a one-off audit). */
export const FALLBACK_COVERS =
  'S3 buckets and the account Block Public Access, IAM users, groups and roles, RDS DB instances, EC2 security groups and volumes, KMS keys, CloudTrail trails';
/** What they do not read (the coverage gap names it). */
export const FALLBACK_MISSES =
  'EKS clusters, Lambda functions, CloudWatch Logs log groups, VPCs and flow logs, GuardDuty detectors, RDS clusters and every other type';

/** The per-bucket calls (GetBucketLocation is made once per bucket of the account, in ListBuckets' wake). */
export const CALLS_PER_BUCKET = 6;

type Json = Record<string, unknown>;

/**
 * Without AWS Config, the headline types are read with their services' own read-only
 * Describe/List/Get calls and put in the shape of a Config item, with the
 * `supplementaryConfiguration` keys Config uses (S3), so the same adapters read them and
 * `--save-inventory` writes them as Config items. Field names follow the APIs (PascalCase);
 * the adapters accept both spellings. EC2's `IpRanges` (Config: `ipv4Ranges`) and the S3
 * ACL (Config: `grantList` of group names) are converted.
 *
 * Global things are read once per account, by the first region without a recorder: the bucket
 * list (ListBuckets, then GetBucketLocation per bucket; each region then reads its own
 * buckets), the account's S3 Block Public Access, and IAM (GetAccountAuthorizationDetails:
 * users, groups and roles with their attached and inline policies and trust policies, the
 * UserDetail/RoleDetail/GroupDetail structures Config's IAM items are made of).
 */
export async function collectWithoutConfig(collection: Collection, scope: Scope): Promise<Json[]> {
  const parts: [string, (collection: Collection, scope: Scope) => Promise<Json[]>][] = [
    ['EC2 security groups', securityGroups],
    ['EC2 volumes', volumes],
    ['KMS keys', kmsKeys],
    ['CloudTrail trails', trails],
    ['S3 buckets', s3Buckets],
    ['S3 account Block Public Access', accountPublicAccessBlock],
    ['RDS DB instances', rdsInstances],
    ['IAM users, groups and roles', iamPrincipals],
  ];
  // One service denied (s3:ListAllMyBuckets missing from the policy) costs only its part.
  const settled = await Promise.allSettled(parts.map(([, read]) => read(collection, scope)));
  const failed = settled.flatMap((result, i) =>
    result.status === 'rejected' ? [`${parts[i]![0]}: ${describeError(result.reason)}`] : [],
  );
  if (failed.length === settled.length) throw (settled[0] as PromiseRejectedResult).reason;
  for (const line of failed) scope.gaps.push(`not read directly: ${line}`);
  return settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
}

function item(scope: Scope, resourceType: string, resourceId: string, fields: Partial<Json>): Json {
  return {
    version: '1.3',
    accountId: scope.account,
    awsRegion: scope.region,
    configurationItemStatus: 'OK',
    resourceType,
    resourceId,
    resourceName: resourceId,
    supplementaryConfiguration: {},
    tags: {},
    ...fields,
  };
}

function ec2Tags(tags: readonly Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? '']] : [])));
}

/** Dates as ISO strings, as the CLI prints them. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

async function securityGroups(collection: Collection, scope: Scope): Promise<Json[]> {
  const items: Json[] = [];
  let NextToken: string | undefined;
  do {
    const token = NextToken;
    const reply = await collection.call(scope, () =>
      scope.clients.ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000, NextToken: token })),
    );
    for (const group of reply.SecurityGroups ?? []) {
      if (!group.GroupId) continue;
      const api = Object.entries(plain(group) as Json).filter(([key]) => key !== 'IpPermissions');
      const configuration = {
        ...Object.fromEntries(api),
        ipPermissions: (group.IpPermissions ?? []).map((p) => ({
          ipProtocol: p.IpProtocol,
          fromPort: p.FromPort,
          toPort: p.ToPort,
          ipv4Ranges: (p.IpRanges ?? []).map((r) => ({ cidrIp: r.CidrIp })),
          ipv6Ranges: (p.Ipv6Ranges ?? []).map((r) => ({ cidrIpv6: r.CidrIpv6 })),
        })),
      };
      items.push(
        item(scope, 'AWS::EC2::SecurityGroup', group.GroupId, {
          resourceName: group.GroupName ?? group.GroupId,
          arn: `arn:aws:ec2:${scope.region}:${scope.account}:security-group/${group.GroupId}`,
          configuration: JSON.stringify(configuration),
          tags: ec2Tags(group.Tags),
        }),
      );
    }
    NextToken = reply.NextToken;
  } while (NextToken);
  return items;
}

async function volumes(collection: Collection, scope: Scope): Promise<Json[]> {
  const items: Json[] = [];
  let NextToken: string | undefined;
  do {
    const token = NextToken;
    const reply = await collection.call(scope, () =>
      scope.clients.ec2.send(new DescribeVolumesCommand({ MaxResults: 500, NextToken: token })),
    );
    for (const volume of reply.Volumes ?? []) {
      if (!volume.VolumeId) continue;
      items.push(
        item(scope, 'AWS::EC2::Volume', volume.VolumeId, {
          arn: `arn:aws:ec2:${scope.region}:${scope.account}:volume/${volume.VolumeId}`,
          configuration: JSON.stringify(plain(volume)),
          tags: ec2Tags(volume.Tags),
        }),
      );
    }
    NextToken = reply.NextToken;
  } while (NextToken);
  return items;
}

/** ListKeys, then per key DescribeKey, GetKeyRotationStatus and ListResourceTags. */
async function kmsKeys(collection: Collection, scope: Scope): Promise<Json[]> {
  const kms = scope.clients.kms;
  const ids: string[] = [];
  let Marker: string | undefined;
  do {
    const marker = Marker;
    const reply = await collection.call(scope, () =>
      kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker })),
    );
    ids.push(...(reply.Keys ?? []).flatMap((k) => (k.KeyId ? [k.KeyId] : [])));
    Marker = reply.Truncated ? reply.NextMarker : undefined;
  } while (Marker);
  return Promise.all(
    ids.map(async (KeyId) => {
      const [described, rotation, tags] = await Promise.all([
        collection.call(scope, () => kms.send(new DescribeKeyCommand({ KeyId }))),
        // Asymmetric, HMAC and imported keys do not rotate: UnsupportedOperationException.
        collection
          .call(scope, () => kms.send(new GetKeyRotationStatusCommand({ KeyId })))
          .catch((error: unknown) => {
            if ((error as { name?: string }).name === 'UnsupportedOperationException') return undefined;
            throw error;
          }),
        collection.call(scope, () => kms.send(new ListResourceTagsCommand({ KeyId }))),
      ]);
      const metadata = described.KeyMetadata;
      return item(scope, 'AWS::KMS::Key', KeyId, {
        ...(metadata?.Arn ? { arn: metadata.Arn } : {}),
        configuration: JSON.stringify(plain(metadata ?? {})),
        supplementaryConfiguration: rotation
          ? {
              KeyRotationStatus: String(rotation.KeyRotationEnabled ?? false),
              ...(rotation.RotationPeriodInDays !== undefined && {
                RotationPeriodInDays: String(rotation.RotationPeriodInDays),
              }),
            }
          : {},
        tags: Object.fromEntries((tags.Tags ?? []).map((t) => [t.TagKey ?? '', t.TagValue ?? ''])),
      });
    }),
  );
}

/** The region's own trails (a multi-Region trail is listed in its home region only). */
async function trails(collection: Collection, scope: Scope): Promise<Json[]> {
  const reply = await collection.call(scope, () =>
    scope.clients.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: false })),
  );
  return (reply.trailList ?? []).flatMap((trail) =>
    trail.Name
      ? [
          item(scope, 'AWS::CloudTrail::Trail', trail.Name, {
            ...(trail.TrailARN ? { arn: trail.TrailARN } : {}),
            configuration: JSON.stringify(plain(trail)),
          }),
        ]
      : [],
  );
}

/** The error's name when it is one of the "nothing configured" answers, else rethrows. */
async function orNone<T>(call: Promise<T>, none: readonly string[]): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (none.includes((error as { name?: string }).name ?? '')) return undefined;
    throw error;
  }
}

interface LocatedBucket {
  readonly name: string;
  readonly region: string;
  readonly creationDate?: string;
}

/**
 * The account's buckets and their regions: ListBuckets (paginated), then GetBucketLocation for
 * each bucket ListBuckets did not give a region for. Once per account.
 */
function locatedBuckets(collection: Collection, scope: Scope): Promise<readonly LocatedBucket[]> {
  return collection.once(`s3:ListBuckets ${scope.account}`, async () => {
    const s3 = scope.clients.s3;
    const listed: { name: string; region?: string; creationDate?: string }[] = [];
    let ContinuationToken: string | undefined;
    do {
      const token = ContinuationToken;
      const reply = await collection.call(scope, () =>
        s3.send(new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken: token })),
      );
      for (const bucket of reply.Buckets ?? []) {
        if (!bucket.Name) continue;
        listed.push({
          name: bucket.Name,
          ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
          ...(bucket.CreationDate ? { creationDate: bucket.CreationDate.toISOString() } : {}),
        });
      }
      ContinuationToken = reply.ContinuationToken;
    } while (ContinuationToken);
    return Promise.all(
      listed.map(async (bucket) => {
        if (bucket.region) return { ...bucket, region: bucket.region };
        const reply = await collection.call(scope, () =>
          s3.send(new GetBucketLocationCommand({ Bucket: bucket.name })),
        );
        return { ...bucket, region: bucketRegion(reply.LocationConstraint) };
      }),
    );
  });
}

/** LocationConstraint: empty for us-east-1, `EU` for eu-west-1 (legacy). */
function bucketRegion(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** This region's buckets, CALLS_PER_BUCKET Get calls each; a bucket that cannot be read is a gap. */
async function s3Buckets(collection: Collection, scope: Scope): Promise<Json[]> {
  const here = (await locatedBuckets(collection, scope)).filter((bucket) => bucket.region === scope.region);
  const items = await Promise.all(
    here.map((bucket) =>
      bucketItem(collection, scope, bucket).catch((error: unknown) => {
        scope.gaps.push(`S3 bucket ${bucket.name} not read: ${describeBucketError(error)}`);
        return undefined;
      }),
    ),
  );
  collection.ctx.log.debug(
    { scope: scope.label, buckets: here.length, callsPerBucket: CALLS_PER_BUCKET },
    'S3 buckets read directly',
  );
  return items.filter((i): i is Json => i !== undefined);
}

function describeBucketError(error: unknown): string {
  const e = error as { name?: string; message?: string };
  return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
}

async function bucketItem(collection: Collection, scope: Scope, bucket: LocatedBucket): Promise<Json> {
  const s3 = scope.clients.s3;
  const Bucket = bucket.name;
  const get = <T>(send: () => Promise<T>) => collection.call(scope, send);
  const [block, policy, acl, encryption, logging, tagging] = await Promise.all([
    orNone(
      get(() => s3.send(new GetPublicAccessBlockCommand({ Bucket }))),
      ['NoSuchPublicAccessBlockConfiguration'],
    ),
    orNone(
      get(() => s3.send(new GetBucketPolicyCommand({ Bucket }))),
      ['NoSuchBucketPolicy'],
    ),
    get(() => s3.send(new GetBucketAclCommand({ Bucket }))),
    orNone(
      get(() => s3.send(new GetBucketEncryptionCommand({ Bucket }))),
      ['ServerSideEncryptionConfigurationNotFoundError'],
    ),
    get(() => s3.send(new GetBucketLoggingCommand({ Bucket }))),
    orNone(
      get(() => s3.send(new GetBucketTaggingCommand({ Bucket }))),
      ['NoSuchTagSet'],
    ),
  ]);
  const owner = { displayName: acl.Owner?.DisplayName ?? null, id: acl.Owner?.ID ?? null };
  const supplementary: Json = {
    AccessControlList: JSON.stringify({
      grantSet: null,
      grantList: (acl.Grants ?? []).flatMap(configGrant),
      owner,
      isRequesterCharged: false,
    }),
    BucketLoggingConfiguration: {
      destinationBucketName: logging.LoggingEnabled?.TargetBucket ?? null,
      logFilePrefix: logging.LoggingEnabled?.TargetPrefix ?? null,
    },
    BucketPolicy: { policyText: policy?.Policy ?? null },
  };
  const pab = block?.PublicAccessBlockConfiguration;
  if (pab) {
    supplementary['PublicAccessBlockConfiguration'] = {
      blockPublicAcls: pab.BlockPublicAcls ?? false,
      ignorePublicAcls: pab.IgnorePublicAcls ?? false,
      blockPublicPolicy: pab.BlockPublicPolicy ?? false,
      restrictPublicBuckets: pab.RestrictPublicBuckets ?? false,
    };
  }
  const rules = encryption?.ServerSideEncryptionConfiguration?.Rules;
  if (rules) {
    supplementary['ServerSideEncryptionConfiguration'] = {
      rules: rules.map((rule) => ({
        applyServerSideEncryptionByDefault: {
          sseAlgorithm: rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? null,
          kmsMasterKeyID: rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID ?? null,
        },
        bucketKeyEnabled: rule.BucketKeyEnabled ?? false,
      })),
    };
  }
  return item(scope, 'AWS::S3::Bucket', Bucket, {
    arn: `arn:aws:s3:::${Bucket}`,
    configuration: { name: Bucket, owner, creationDate: bucket.creationDate ?? null },
    supplementaryConfiguration: supplementary,
    tags: Object.fromEntries((tagging?.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
  });
}

const GROUP_GRANTEES: Readonly<Record<string, string>> = {
  'http://acs.amazonaws.com/groups/global/allusers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/authenticatedusers': 'AuthenticatedUsers',
  'http://acs.amazonaws.com/groups/s3/logdelivery': 'LogDelivery',
};
const PERMISSIONS: Readonly<Record<string, string>> = {
  FULL_CONTROL: 'FullControl',
  READ: 'Read',
  WRITE: 'Write',
  READ_ACP: 'ReadAcp',
  WRITE_ACP: 'WriteAcp',
};

/** A GetBucketAcl grant as Config writes it: groups by name, users as `{id, displayName}`. */
function configGrant(grant: Grant): Json[] {
  const grantee = grant.Grantee;
  if (!grantee) return [];
  const permission = PERMISSIONS[grant.Permission ?? ''] ?? grant.Permission ?? null;
  if (grantee.Type === 'Group' && grantee.URI) {
    return [{ grantee: GROUP_GRANTEES[grantee.URI.toLowerCase()] ?? { uri: grantee.URI }, permission }];
  }
  if (grantee.Type === 'AmazonCustomerByEmail')
    return [{ grantee: { emailAddress: grantee.EmailAddress ?? null }, permission }];
  return [{ grantee: { id: grantee.ID ?? null, displayName: grantee.DisplayName ?? null }, permission }];
}

/** s3control:GetPublicAccessBlock, once per account; none configured means no account-level block. */
async function accountPublicAccessBlock(collection: Collection, scope: Scope): Promise<Json[]> {
  if (!collection.claim(`s3control:GetPublicAccessBlock ${scope.account}`)) return [];
  const reply = await orNone(
    collection.call(scope, () =>
      scope.clients.s3control.send(new GetAccountPublicAccessBlockCommand({ AccountId: scope.account })),
    ),
    ['NoSuchPublicAccessBlockConfiguration'],
  );
  const block = reply?.PublicAccessBlockConfiguration;
  return [
    item(scope, 'AWS::S3::AccountPublicAccessBlock', scope.account, {
      configuration: {
        blockPublicAcls: block?.BlockPublicAcls ?? false,
        ignorePublicAcls: block?.IgnorePublicAcls ?? false,
        blockPublicPolicy: block?.BlockPublicPolicy ?? false,
        restrictPublicBuckets: block?.RestrictPublicBuckets ?? false,
      },
    }),
  ];
}

/** DescribeDBInstances (100 a page). Config's resourceId is the DbiResourceId. */
async function rdsInstances(collection: Collection, scope: Scope): Promise<Json[]> {
  const items: Json[] = [];
  let Marker: string | undefined;
  do {
    const marker = Marker;
    const reply = await collection.call(scope, () =>
      scope.clients.rds.send(new DescribeDBInstancesCommand({ MaxRecords: 100, Marker: marker })),
    );
    for (const instance of reply.DBInstances ?? []) {
      const id = instance.DbiResourceId ?? instance.DBInstanceIdentifier;
      if (!id) continue;
      const { TagList, ...configuration } = plain(instance) as Json & { TagList?: Tag[] };
      items.push(
        item(scope, 'AWS::RDS::DBInstance', id, {
          resourceName: instance.DBInstanceIdentifier ?? id,
          ...(instance.DBInstanceArn ? { arn: instance.DBInstanceArn } : {}),
          configuration: JSON.stringify(configuration),
          tags: ec2Tags(TagList),
        }),
      );
    }
    Marker = reply.Marker;
  } while (Marker);
  return items;
}

const IAM_TYPES = [
  { filter: 'User', list: 'UserDetailList', type: 'AWS::IAM::User', id: 'UserId', name: 'UserName' },
  { filter: 'Group', list: 'GroupDetailList', type: 'AWS::IAM::Group', id: 'GroupId', name: 'GroupName' },
  { filter: 'Role', list: 'RoleDetailList', type: 'AWS::IAM::Role', id: 'RoleId', name: 'RoleName' },
] as const;

/**
 * IAM users, groups and roles, once per account, from GetAccountAuthorizationDetails: one
 * paginated call returns each principal with its attached managed policies, its inline
 * policy documents (URL-encoded, as in Config), its groups and (roles) its trust policy.
 */
async function iamPrincipals(collection: Collection, scope: Scope): Promise<Json[]> {
  if (!collection.claim(`iam:GetAccountAuthorizationDetails ${scope.account}`)) return [];
  const items: Json[] = [];
  let Marker: string | undefined;
  do {
    const marker = Marker;
    const reply = await collection.call(scope, () =>
      scope.clients.iam.send(
        new GetAccountAuthorizationDetailsCommand({
          Filter: IAM_TYPES.map((t) => t.filter as EntityType),
          MaxItems: 1000,
          Marker: marker,
        }),
      ),
    );
    for (const kind of IAM_TYPES) {
      for (const detail of (reply[kind.list] ?? []) as Json[]) {
        const { Tags, ...configuration } = plain(detail) as Json & { Tags?: Tag[] };
        const id = configuration[kind.id];
        if (typeof id !== 'string') continue;
        items.push(
          item(scope, kind.type, id, {
            awsRegion: 'global',
            resourceName: String(configuration[kind.name] ?? id),
            ...(typeof configuration['Arn'] === 'string' ? { arn: configuration['Arn'] } : {}),
            configuration: JSON.stringify(configuration),
            tags: ec2Tags(Tags),
          }),
        );
      }
    }
    Marker = reply.IsTruncated ? reply.Marker : undefined;
  } while (Marker);
  return items;
}
