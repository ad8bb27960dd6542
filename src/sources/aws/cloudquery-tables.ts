import { explicit } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import type { CloudQueryTable } from '../cloudquery-row.ts';
import { rowUnknownTags, steampipeTags } from '../steampipe-row.ts';
import { organizationTrailListing } from './adapters/cloudtrail.ts';
import { TRAIL_ARN } from './adapters/event-selectors.ts';
import { configItemToResource } from './adapters/index.ts';
import { type ColumnMap, DB_INSTANCE_COLUMNS, EBS_VOLUME_COLUMNS, KMS_KEY_COLUMNS } from './api-columns.ts';
import {
  credentialReports,
  iamPolicies,
  iamPolicyVersions,
  iamRoles,
  passwordPolicies,
  userAccessKeys,
} from './cloudquery-iam.ts';
import { asRecord } from './config-item.ts';
import { configItemRows } from './steampipe-tables.ts';

/**
 * CloudQuery's AWS tables (cloudquery/cloudquery plugins/source/aws, docs/tables/<table>.md):
 * each row is one API record with its fields as snake_case columns, nested structures as JSON
 * columns holding the Go SDK's structs (`IpProtocol`, `FromPort`, `IpRanges[].CidrIp`), read as
 * the AWS Config item of the resource, as Steampipe's rows are (rowAsConfigItem).
 */
export function configItemTable(spec: {
  table: string;
  resourceType: string;
  idColumn: string;
  resourceIdColumn?: string;
  regionColumn?: string;
  requiredColumns: readonly string[];
  jsonColumns?: readonly string[];
  configuration: ColumnMap;
  supplementary?: ColumnMap;
}): CloudQueryTable {
  return {
    table: spec.table,
    requiredColumns: ['arn', 'account_id', 'region', spec.idColumn, ...spec.requiredColumns],
    jsonColumns: ['tags', ...(spec.jsonColumns ?? [])],
    read: configItemRows(spec),
  };
}

/** `aws_ec2_security_groups`: DescribeSecurityGroups' SecurityGroup; `ip_permissions` as the SDK's `IpPermissions`. */
const securityGroups = configItemTable({
  table: 'aws_ec2_security_groups',
  resourceType: 'AWS::EC2::SecurityGroup',
  idColumn: 'group_id',
  requiredColumns: ['ip_permissions'],
  jsonColumns: ['ip_permissions'],
  configuration: [
    ['group_id', 'groupId'],
    ['group_name', 'groupName'],
    ['vpc_id', 'vpcId'],
    ['ip_permissions', 'ipPermissions'],
  ],
});

/** `aws_ec2_ebs_volumes`: DescribeVolumes' Volume. */
const ebsVolumes = configItemTable({
  table: 'aws_ec2_ebs_volumes',
  resourceType: 'AWS::EC2::Volume',
  idColumn: 'volume_id',
  requiredColumns: ['encrypted', 'kms_key_id'],
  configuration: EBS_VOLUME_COLUMNS,
});

/**
 * `aws_rds_instances`: DescribeDBInstances' DBInstance (`dbi_resource_id` is Config's
 * `resourceId`; `enabled_cloudwatch_logs_exports` a list column, an array in the JSON output).
 */
const rdsInstances = configItemTable({
  table: 'aws_rds_instances',
  resourceType: 'AWS::RDS::DBInstance',
  idColumn: 'db_instance_identifier',
  resourceIdColumn: 'dbi_resource_id',
  requiredColumns: [
    'publicly_accessible',
    'storage_encrypted',
    'kms_key_id',
    'backup_retention_period',
    'enabled_cloudwatch_logs_exports',
  ],
  jsonColumns: ['enabled_cloudwatch_logs_exports'],
  configuration: DB_INSTANCE_COLUMNS,
});

/** `aws_kms_keys`: DescribeKey's KeyMetadata, and GetKeyRotationStatus's `rotation_enabled`. */
const kmsKeys = configItemTable({
  table: 'aws_kms_keys',
  resourceType: 'AWS::KMS::Key',
  idColumn: 'key_id',
  requiredColumns: ['key_manager', 'key_state', 'rotation_enabled'],
  configuration: [['key_id', 'keyId'], ...KMS_KEY_COLUMNS],
  supplementary: [['rotation_enabled', 'KeyRotationStatus']],
});

const trailTable = configItemTable({
  table: 'aws_cloudtrail_trails',
  resourceType: 'AWS::CloudTrail::Trail',
  idColumn: 'name',
  regionColumn: 'home_region',
  requiredColumns: ['is_multi_region_trail', 'log_file_validation_enabled', 'status'],
  jsonColumns: ['status'],
  configuration: [
    ['name', 'name'],
    ['arn', 'trailARN'],
    ['home_region', 'homeRegion'],
    ['is_multi_region_trail', 'isMultiRegionTrail'],
    ['log_file_validation_enabled', 'logFileValidationEnabled'],
    ['is_organization_trail', 'isOrganizationTrail'],
    ['include_global_service_events', 'includeGlobalServiceEvents'],
    ['kms_key_id', 'kmsKeyId'],
    ['s3_bucket_name', 's3BucketName'],
    ['cloud_watch_logs_log_group_arn', 'cloudWatchLogsLogGroupArn'],
    ['has_custom_event_selectors', 'hasCustomEventSelectors'],
  ],
});

/**
 * `aws_cloudtrail_trails`: DescribeTrails' Trail, and GetTrailStatus's answer as the JSON column
 * `status` (`{"IsLogging": …}`), which AWS Config does not record: without it, unknown.
 */
const cloudTrailTrails: CloudQueryTable = {
  ...trailTable,
  read(row, origin) {
    const read = trailTable.read(row, origin);
    if ('skip' in read) return read;
    // A member account's row of its organization's trail: the member's account it logs, too.
    const listing = read.flatMap((trail) => organizationTrailListing(trail, origin));
    const isLogging = asRecord(row.status)?.IsLogging;
    if (typeof isLogging !== 'boolean') return [...read, ...listing];
    return [
      ...read.map((trail) => ({
        ...trail,
        facts: { ...trail.facts, isLogging: explicit(isLogging, 'status.IsLogging') },
      })),
      ...listing,
    ];
  },
};

/**
 * `aws_cloudtrail_trail_event_selectors` (plugin v22 on): GetEventSelectors' answer, one row per
 * trail keyed by `trail_arn`, `event_selectors` and `advanced_event_selectors` in the Go SDK's
 * names, read as the trail's partial record (adapters/event-selectors.ts), which merges with its
 * `aws_cloudtrail_trails` row by ARN. The older schema's row per basic selector
 * (`include_management_events`, `read_write_type` as columns) lacks these columns and is skipped.
 */
const trailEventSelectors: CloudQueryTable = {
  table: 'aws_cloudtrail_trail_event_selectors',
  requiredColumns: ['trail_arn', 'account_id', 'event_selectors', 'advanced_event_selectors'],
  jsonColumns: ['event_selectors', 'advanced_event_selectors'],
  read(row, origin) {
    const arn = row.trail_arn;
    const trail = typeof arn === 'string' ? TRAIL_ARN.exec(arn) : null;
    const account = row.account_id;
    if (!trail || typeof account !== 'string' || !/^\d{12}$/.test(account))
      return { skip: 'an aws_cloudtrail_trail_event_selectors row without its trail_arn or account_id' };
    return [
      configItemToResource(
        {
          accountId: account,
          region: trail[1]!,
          resourceType: 'AWS::CloudTrail::Trail',
          resourceId: trail[3]!,
          resourceName: trail[3]!,
          arn: arn as string,
          tags: {},
          configuration: {
            EventSelectors: row.event_selectors,
            AdvancedEventSelectors: row.advanced_event_selectors,
          },
          supplementary: {},
          partial: true,
          captureTime: undefined,
          deleted: false,
          unknownTags: rowUnknownTags(row),
        },
        origin,
      ),
    ];
  },
};

/** A bucket's name out of its ARN (`arn:aws:s3:::<name>`), the key of the bucket's child tables. */
function bucketName(arn: unknown): string | undefined {
  return typeof arn === 'string' ? /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(arn)?.[1] : undefined;
}

/**
 * A bucket's record as one of CloudQuery's S3 tables gives it: the bucket itself
 * (`aws_s3_buckets`) or one setting of it (`aws_s3_bucket_policies`, …, keyed by `bucket_arn`),
 * read as a partial Config item with that supplementary configuration only: the scan merges the
 * bucket's records by ARN, and a setting whose table is not among the files stays unknown.
 */
function bucketRecord(
  row: Readonly<Record<string, unknown>>,
  origin: Origin,
  arnColumn: 'arn' | 'bucket_arn',
  supplementary: Record<string, unknown>,
  table: string,
): readonly Resource[] | { readonly skip: string } {
  const arn = row[arnColumn];
  const name = bucketName(arn);
  const account = row.account_id;
  if (
    name === undefined ||
    typeof arn !== 'string' ||
    typeof account !== 'string' ||
    !/^\d{12}$/.test(account)
  )
    return { skip: `a ${table} row without its ${arnColumn} or account_id` };
  // The child tables have no region column: the bucket's own row gives it when both are read.
  const region = typeof row.region === 'string' ? row.region.toLowerCase() : '';
  return [
    configItemToResource(
      {
        accountId: account,
        region,
        resourceType: 'AWS::S3::Bucket',
        resourceId: name,
        resourceName: name,
        arn,
        tags: steampipeTags(row.tags),
        configuration: { name },
        supplementary,
        partial: true,
        captureTime: undefined,
        deleted: false,
        unknownTags: rowUnknownTags(row),
      },
      origin,
    ),
  ];
}

/**
 * `aws_s3_buckets`: the bucket, with GetBucketPolicyStatus's `policy_status` (`{"IsPublic"}`).
 * Before November 2023 the table also carried the bucket's settings as columns
 * (`block_public_acls` … `restrict_public_buckets`, `policy` decoded, `logging_target_bucket`),
 * each left null both where S3 answered that there is none (NoSuchBucketPolicy, logging off)
 * and where the call was denied (`IgnoreAccessDeniedServiceDisabled`): a null one is unknown.
 */
const s3Buckets: CloudQueryTable = {
  table: 'aws_s3_buckets',
  requiredColumns: ['arn', 'account_id', 'region'],
  jsonColumns: ['tags', 'policy_status', 'policy'],
  read(row, origin) {
    const supplementary: Record<string, unknown> = {};
    const status = asRecord(row.policy_status);
    if (status) supplementary.PolicyStatus = { IsPublic: status.IsPublic };
    const flags = [
      row.block_public_acls,
      row.block_public_policy,
      row.ignore_public_acls,
      row.restrict_public_buckets,
    ];
    if (flags.every((flag) => typeof flag === 'boolean'))
      supplementary.PublicAccessBlockConfiguration = {
        blockPublicAcls: row.block_public_acls,
        blockPublicPolicy: row.block_public_policy,
        ignorePublicAcls: row.ignore_public_acls,
        restrictPublicBuckets: row.restrict_public_buckets,
      };
    if (asRecord(row.policy)) supplementary.BucketPolicy = { policyText: JSON.stringify(row.policy) };
    if (typeof row.logging_target_bucket === 'string' && row.logging_target_bucket !== '')
      supplementary.BucketLoggingConfiguration = { destinationBucketName: row.logging_target_bucket };
    return bucketRecord(row, origin, 'arn', supplementary, 'aws_s3_buckets');
  },
};

/** `aws_s3_bucket_public_access_blocks`: GetPublicAccessBlock's configuration (no row: none, or not asked). */
const s3PublicAccessBlocks: CloudQueryTable = {
  table: 'aws_s3_bucket_public_access_blocks',
  requiredColumns: ['bucket_arn', 'account_id', 'public_access_block_configuration'],
  jsonColumns: ['public_access_block_configuration'],
  read(row, origin) {
    const flags = asRecord(row.public_access_block_configuration);
    if (!flags) return { skip: 'an aws_s3_bucket_public_access_blocks row without its configuration' };
    return bucketRecord(
      row,
      origin,
      'bucket_arn',
      {
        PublicAccessBlockConfiguration: {
          blockPublicAcls: flags.BlockPublicAcls,
          ignorePublicAcls: flags.IgnorePublicAcls,
          blockPublicPolicy: flags.BlockPublicPolicy,
          restrictPublicBuckets: flags.RestrictPublicBuckets,
        },
      },
      'aws_s3_bucket_public_access_blocks',
    );
  },
};

/** `aws_s3_bucket_policies`: GetBucketPolicy's document, as text (`policy`) and as JSON (`policy_json`). */
const s3BucketPolicies: CloudQueryTable = {
  table: 'aws_s3_bucket_policies',
  requiredColumns: ['bucket_arn', 'account_id'],
  jsonColumns: ['policy_json'],
  read(row, origin) {
    const text =
      typeof row.policy === 'string'
        ? row.policy
        : asRecord(row.policy_json)
          ? JSON.stringify(row.policy_json)
          : undefined;
    if (text === undefined)
      return { skip: 'an aws_s3_bucket_policies row without its policy or policy_json' };
    return bucketRecord(
      row,
      origin,
      'bucket_arn',
      { BucketPolicy: { policyText: text } },
      'aws_s3_bucket_policies',
    );
  },
};

/** `aws_s3_bucket_encryption_rules`: one row per rule of GetBucketEncryption, its `apply_server_side_encryption_by_default`. */
const s3EncryptionRules: CloudQueryTable = {
  table: 'aws_s3_bucket_encryption_rules',
  requiredColumns: ['bucket_arn', 'account_id', 'apply_server_side_encryption_by_default'],
  jsonColumns: ['apply_server_side_encryption_by_default'],
  read(row, origin) {
    const byDefault = asRecord(row.apply_server_side_encryption_by_default);
    return bucketRecord(
      row,
      origin,
      'bucket_arn',
      {
        ServerSideEncryptionConfiguration: {
          rules: [
            {
              applyServerSideEncryptionByDefault: byDefault && {
                sseAlgorithm: byDefault.SSEAlgorithm ?? null,
                kmsMasterKeyID: byDefault.KMSMasterKeyID ?? null,
              },
            },
          ],
        },
      },
      'aws_s3_bucket_encryption_rules',
    );
  },
};

/** `aws_s3_bucket_loggings`: GetBucketLogging's `LoggingEnabled` (null: logging off). */
const s3BucketLoggings: CloudQueryTable = {
  table: 'aws_s3_bucket_loggings',
  requiredColumns: ['bucket_arn', 'account_id', 'logging_enabled'],
  jsonColumns: ['logging_enabled'],
  read: (row, origin) =>
    bucketRecord(
      row,
      origin,
      'bucket_arn',
      {
        BucketLoggingConfiguration: {
          destinationBucketName: asRecord(row.logging_enabled)?.TargetBucket ?? null,
        },
      },
      'aws_s3_bucket_loggings',
    ),
};

/** The CloudQuery AWS tables whose columns carry what the checks read. */
export const AWS_CLOUDQUERY_TABLES: readonly CloudQueryTable[] = [
  s3Buckets,
  s3PublicAccessBlocks,
  s3BucketPolicies,
  s3EncryptionRules,
  s3BucketLoggings,
  securityGroups,
  ebsVolumes,
  rdsInstances,
  kmsKeys,
  cloudTrailTrails,
  trailEventSelectors,
  credentialReports,
  passwordPolicies,
  iamRoles,
  iamPolicies,
  iamPolicyVersions,
  userAccessKeys,
];
