import { hasAka, rowUnknownTags, type SteampipeTable, steampipeTags } from '../steampipe-row.ts';
import { configItemToResource } from './adapters/index.ts';
import { asRecord } from './config-item.ts';

/**
 * Steampipe's `aws_s3_bucket` (turbot/steampipe-plugin-aws `table_aws_s3_bucket.go`): one row per
 * bucket with what S3's Get* calls answered, read as the AWS Config item of the bucket would
 * be, its supplementary configuration rebuilt from the columns:
 * - `block_public_acls` … `restrict_public_buckets`: GetPublicAccessBlock; false when the bucket
 *   has no configuration (the plugin answers NoSuchPublicAccessBlockConfiguration with four
 *   false flags, which is what applies).
 * - `policy`: the policy document, null when the bucket has none (NoSuchBucketPolicy).
 * - `bucket_policy_is_public`: GetBucketPolicyStatus's `IsPublic`, S3's own verdict on it (false
 *   without a policy), where the query selected it.
 * - `acl`: GetBucketAcl's `{Grants: [{Grantee: {Type, URI, ID}, Permission}], Owner}`.
 * - `server_side_encryption_configuration`: `{Rules: [{ApplyServerSideEncryptionByDefault:
 *   {SSEAlgorithm, KMSMasterKeyID}}]}` (the Go SDK's names), null without a configuration.
 * - `logging`: `LoggingEnabled` (`{TargetBucket, TargetPrefix}`), null when logging is off.
 */
export const awsS3BucketTable: SteampipeTable = {
  table: 'aws_s3_bucket',
  matches: (row) => hasAka(row, /^arn:aws[a-z-]*:s3:::[^/]+$/),
  requiredColumns: [
    'name',
    'region',
    'account_id',
    'block_public_acls',
    'block_public_policy',
    'ignore_public_acls',
    'restrict_public_buckets',
    'policy',
    'acl',
    'server_side_encryption_configuration',
    'logging',
  ],
  columnTypes: {
    bucket_policy_is_public: 'boolean',
    block_public_acls: 'boolean',
    block_public_policy: 'boolean',
    ignore_public_acls: 'boolean',
    restrict_public_buckets: 'boolean',
    policy: 'json',
    acl: 'json',
    server_side_encryption_configuration: 'json',
    logging: 'json',
  },
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    const account = typeof row.account_id === 'string' ? row.account_id : '';
    const region = typeof row.region === 'string' ? row.region.toLowerCase() : '';
    if (name === '' || !/^\d{12}$/.test(account) || region === '')
      return { skip: 'an aws_s3_bucket row without its name, account_id or region' };
    const supplementary: Record<string, unknown> = {
      BucketPolicy: { policyText: row.policy === null ? null : JSON.stringify(row.policy) },
      BucketLoggingConfiguration: { destinationBucketName: asRecord(row.logging)?.TargetBucket ?? null },
    };
    if (
      [
        row.block_public_acls,
        row.block_public_policy,
        row.ignore_public_acls,
        row.restrict_public_buckets,
      ].every((flag) => typeof flag === 'boolean')
    )
      supplementary.PublicAccessBlockConfiguration = {
        blockPublicAcls: row.block_public_acls,
        ignorePublicAcls: row.ignore_public_acls,
        blockPublicPolicy: row.block_public_policy,
        restrictPublicBuckets: row.restrict_public_buckets,
      };
    if (typeof row.bucket_policy_is_public === 'boolean')
      supplementary.PolicyStatus = { IsPublic: row.bucket_policy_is_public };
    const acl = asRecord(row.acl);
    if (acl) supplementary.AccessControlList = { grantList: grantList(acl.Grants) };
    const encryption = defaultEncryption(row.server_side_encryption_configuration);
    if (encryption) supplementary.ServerSideEncryptionConfiguration = encryption;
    return [
      configItemToResource(
        {
          accountId: account,
          region,
          resourceType: 'AWS::S3::Bucket',
          resourceId: name,
          resourceName: name,
          arn: typeof row.arn === 'string' ? row.arn : `arn:aws:s3:::${name}`,
          tags: steampipeTags(row.tags),
          configuration: { name },
          supplementary,
          partial: false,
          captureTime: undefined,
          deleted: false,
          unknownTags: rowUnknownTags(row),
        },
        origin,
      ),
    ];
  },
};

/** GetBucketAcl's grants as AWS Config records them: `{grantee: {uri} | {id}, permission}`. */
function grantList(grants: unknown): unknown[] {
  if (!Array.isArray(grants)) return [];
  return grants.map((grant) => {
    const record = asRecord(grant);
    const grantee = asRecord(record?.Grantee);
    return {
      grantee: typeof grantee?.URI === 'string' ? { uri: grantee.URI } : { id: grantee?.ID ?? null },
      permission: record?.Permission,
    };
  });
}

/** The Go SDK's `SSEAlgorithm` / `KMSMasterKeyID` as Config's `sseAlgorithm` / `kmsMasterKeyID`. */
function defaultEncryption(column: unknown): Record<string, unknown> | undefined {
  const rules = asRecord(column)?.Rules;
  if (!Array.isArray(rules)) return undefined;
  return {
    rules: rules.map((rule) => {
      const byDefault = asRecord(asRecord(rule)?.ApplyServerSideEncryptionByDefault);
      return {
        applyServerSideEncryptionByDefault: byDefault && {
          sseAlgorithm: byDefault.SSEAlgorithm ?? null,
          kmsMasterKeyID: byDefault.KMSMasterKeyID ?? null,
        },
      };
    }),
  };
}
