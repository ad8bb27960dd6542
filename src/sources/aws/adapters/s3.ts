import type {
  AwsPublicGrant,
  AwsS3AccountPublicAccessBlockFacts,
  AwsS3BucketFacts,
} from '../../../model/aws.ts';
import {
  cloudDefault,
  derived,
  explicit,
  type Fact,
  factPath,
  unexpectedType,
  unknown,
} from '../../../model/fact.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';
import { absent, carries, configBoolean, field, fieldAnyCase, toBoolean, toStringValue } from './fields.ts';
import { customerManagedKeyOf } from './kms.ts';
import { deniesInsecureTransport, matchingStatements } from './policy-document.ts';
import { publicStatementsFact } from './public-policy.ts';

const BLOCK_FLAGS = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const;
type BlockFlag = (typeof BLOCK_FLAGS)[number];

/** AWS::S3::Bucket: Block Public Access, bucket policy, ACL and default encryption. */
export function s3BucketFacts(item: ConfigItem): AwsS3BucketFacts {
  const encryption = defaultEncryption(item);
  return {
    ...bucketPublicAccessBlock(item),
    publicPolicyStatements: publicPolicyStatements(item),
    ...policyStatus(item),
    secureTransportDenyStatements: secureTransportDenyStatements(item),
    publicAclGrants: publicAclGrants(item),
    accessLogTargetBucket: accessLogTargetBucket(item),
    ...encryption,
  };
}

/** AWS::S3::AccountPublicAccessBlock: the four flags in `configuration`. */
export function s3AccountPublicAccessBlockFacts(item: ConfigItem): AwsS3AccountPublicAccessBlockFacts {
  return Object.fromEntries(BLOCK_FLAGS.map((flag) => [flag, configBoolean(item, flag)]));
}

/**
 * No `PublicAccessBlockConfiguration` on a complete item means the bucket has none
 * (GetPublicAccessBlock answers NoSuchPublicAccessBlockConfiguration): no bucket-level block
 * applies. Buckets created since April 2023 get all four blocks at creation, so this is an
 * older bucket or one whose settings were removed.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 * https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/
 */
function bucketPublicAccessBlock(item: ConfigItem): Record<BlockFlag, Fact<boolean>> {
  const block = asRecord(item.supplementary?.['PublicAccessBlockConfiguration']);
  const notConfigured = !block && answersNone(item, 'PublicAccessBlockConfiguration');
  const flag = (name: BlockFlag): Fact<boolean> => {
    const path = factPath(BLOCK_BASE, name);
    if (notConfigured) return cloudDefault(false, path, NO_BUCKET_BLOCK);
    const value = toBoolean(field(block, name));
    return value === undefined ? absent(item, path) : explicit(value, path);
  };
  // One literal in BLOCK_FLAGS' order, not an object built from entries for every bucket.
  return {
    blockPublicAcls: flag('blockPublicAcls'),
    ignorePublicAcls: flag('ignorePublicAcls'),
    blockPublicPolicy: flag('blockPublicPolicy'),
    restrictPublicBuckets: flag('restrictPublicBuckets'),
  };
}

/**
 * Whether the item says the bucket has no such setting: a complete item that does not carry it,
 * a SELECT row whose query named it (or the whole supplementaryConfiguration), or a partial
 * one (an S3 answer read alone: `NoSuchPublicAccessBlockConfiguration`) that holds it as null;
 * another partial item without it did not read it.
 */
function answersNone(item: ConfigItem, setting: string): boolean {
  if (item.partial)
    return carries(item, `supplementaryConfiguration.${setting}`) || item.supplementary?.[setting] === null;
  return item.supplementary !== undefined;
}

const BLOCK_BASE = 'supplementaryConfiguration.PublicAccessBlockConfiguration';
const NO_BUCKET_BLOCK = {
  ja: 'バケット単位のブロックパブリックアクセス設定がありません（未設定のバケットにはブロックが適用されません。2023年4月以降の新規バケットは作成時に有効化されます）',
  en: 'the bucket has no Block Public Access configuration, so no bucket-level block applies (buckets created since April 2023 get it at creation)',
};

const POLICY_PATH = 'supplementaryConfiguration.BucketPolicy.policyText';

/**
 * `BucketPolicy` is `{"policyText": "<policy JSON>"}`, with `policyText: null` when the bucket has
 * no policy. Config-shaped inventories that call GetBucketPolicy themselves (Antiope) keep the
 * parsed document there instead (`{"Version", "Statement"}`): that is the policy, not an empty
 * holder. Undefined when the item does not carry it.
 */
function bucketPolicyText(item: ConfigItem): unknown {
  const holder = asRecord(item.supplementary?.['BucketPolicy']);
  if (!holder) return undefined;
  if ('policyText' in holder || 'PolicyText' in holder) return field(holder, 'policyText') ?? null;
  return 'Statement' in holder ? holder : null;
}

function policyStatements(
  item: ConfigItem,
  matches: (statement: Record<string, unknown>) => boolean,
): Fact<readonly string[]> {
  const text = bucketPolicyText(item);
  if (text === undefined) return absent(item, POLICY_PATH);
  return matchingStatements(text, POLICY_PATH, matches);
}

/** Statements of the bucket policy that S3 would call public, each with what makes it public. */
function publicPolicyStatements(item: ConfigItem): Fact<readonly AwsPublicGrant[]> {
  const text = bucketPolicyText(item);
  if (text === undefined) return absent(item, POLICY_PATH);
  return publicStatementsFact(text, POLICY_PATH);
}

/**
 * `PolicyStatus: {IsPublic}`, GetBucketPolicyStatus's answer, which AWS Config does not record:
 * no fact where the item does not carry it, rather than an unknown on every bucket.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html
 */
function policyStatus(item: ConfigItem): Pick<AwsS3BucketFacts, 'policyStatusPublic'> {
  const value = toBoolean(fieldAnyCase(asRecord(item.supplementary?.['PolicyStatus']), 'isPublic'));
  return value === undefined ? {} : { policyStatusPublic: explicit(value, POLICY_STATUS_PATH) };
}

const POLICY_STATUS_PATH = 'supplementaryConfiguration.PolicyStatus.IsPublic';

/**
 * S3 accepts plain HTTP unless the bucket policy denies it: no policy (or none with such a
 * statement) is the default, and says so.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 */
function secureTransportDenyStatements(item: ConfigItem): Fact<readonly string[]> {
  // A plan's bucket has no ARN before apply: its name (`configuration.name`) makes it.
  const name = toStringValue(field(item.configuration, 'name')) ?? item.resourceName;
  const bucketArn = item.arn ?? `arn:aws:s3:::${name}`;
  const statements = policyStatements(item, deniesInsecureTransport(bucketArn));
  if (statements.source !== 'explicit' || statements.value.length > 0) return statements;
  return cloudDefault([], POLICY_PATH, {
    ja: 'バケットポリシーに aws:SecureTransport が false の要求を拒否する文がありません（S3 は既定で HTTP の要求も受け付けます）',
    en: 'no bucket policy statement denies requests with aws:SecureTransport false (S3 accepts plain HTTP by default)',
  });
}

/**
 * `BucketLoggingConfiguration` is `{"destinationBucketName": …, "logFilePrefix": …}`, both null
 * when server access logging is off (its default).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
 */
function accessLogTargetBucket(item: ConfigItem): Fact<string | null> {
  const path = 'supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName';
  const logging = asRecord(item.supplementary?.['BucketLoggingConfiguration']);
  if (!logging) return absent(item, path);
  return explicit(toStringValue(field(logging, 'destinationBucketName')) ?? null, path);
}

/** Grants to everyone, or to every AWS account holder. */
const PUBLIC_GRANTEES: Readonly<Record<string, string>> = {
  allusers: 'AllUsers',
  authenticatedusers: 'AuthenticatedUsers',
  'http://acs.amazonaws.com/groups/global/allusers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/authenticatedusers': 'AuthenticatedUsers',
};

/**
 * `AccessControlList` is a JSON string of the Java SDK's AccessControlList:
 * `{"grantSet":null,"grantList":[{"grantee":"AllUsers"|{"id":…},"permission":"Read"}],"owner":…}`.
 * The SDK fills one of `grantList` and `grantSet` and leaves the other null; GetBucketAcl's own
 * shape (`Grants[].{Grantee: {Type, URI}, Permission}`) is read too. A group grantee is its
 * name (`AllUsers`), its URI, or the SDK's `{identifier, typeIdentifier: "uri"}`. An ACL with no
 * list of grants at all is unknown: every ACL holds at least its owner's grant.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/asff-resourcedetails-awss3.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html
 */
function publicAclGrants(item: ConfigItem): Fact<readonly string[]> {
  const path = 'supplementaryConfiguration.AccessControlList.grantList';
  // Config-shaped inventories that call GetBucketAcl themselves keep its `Grants` list as it is.
  const ownGrants = item.supplementary?.['Grants'];
  const acl =
    asRecord(item.supplementary?.['AccessControlList']) ??
    (Array.isArray(ownGrants) ? { grants: ownGrants } : undefined);
  if (!acl) return absent(item, path);
  const grants = [field(acl, 'grantList'), field(acl, 'grantSet'), field(acl, 'grants')].find(Array.isArray);
  if (!grants) {
    return unknown(path, {
      ja: 'ACL に付与の一覧（grantList / grantSet）がありません',
      en: 'the ACL carries no list of grants (grantList / grantSet)',
    });
  }
  // A grant that is no object may be the public one: the list is unknown.
  if (!grants.every((grant) => asRecord(grant) !== undefined)) return unexpectedType(path);
  const publicGrants = grants.flatMap((grant) => {
    const record = asRecord(grant);
    const grantee = field(record, 'grantee');
    const holder = asRecord(grantee);
    const name =
      toStringValue(grantee) ??
      toStringValue(field(holder, 'uri') ?? holder?.['URI']) ??
      toStringValue(field(holder, 'identifier'));
    const group = name ? PUBLIC_GRANTEES[name.toLowerCase()] : undefined;
    return group ? [`${group}:${String(field(record, 'permission'))}`] : [];
  });
  return explicit(publicGrants, path);
}

/**
 * Since 5 January 2023 every bucket without a default-encryption configuration encrypts new
 * objects with SSE-S3 (AES256) using S3-owned keys. A record that shows the bucket as it was
 * before then (its capture time, or the time of the snapshot or batch-get that holds it, which
 * is later where Config recorded no change since), with the supplementary configuration read and
 * no default encryption in it, shows a bucket that stored new objects unencrypted unless each
 * upload asked otherwise: `null`, not the later default.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
 */
const S3_DEFAULT_ENCRYPTION_SINCE = Date.UTC(2023, 0, 5);

const ENCRYPTION_BY_DEFAULT =
  'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault';
// Made once: a path built for every bucket is a new string for the shared-fact tables to hash.
const ALGORITHM_PATH = `${ENCRYPTION_BY_DEFAULT}.sseAlgorithm`;
const KEY_PATH = `${ENCRYPTION_BY_DEFAULT}.kmsMasterKeyID`;
const NO_DEFAULT_ENCRYPTION = {
  ja: '既定の暗号化設定がありません: 2023年1月以降、S3 は SSE-S3（AES256、S3 が管理する鍵）で暗号化します',
  en: 'no default-encryption configuration: since January 2023 S3 encrypts with SSE-S3 (AES256, keys S3 manages)',
};

function defaultEncryption(
  item: ConfigItem,
): Pick<AwsS3BucketFacts, 'sseAlgorithm' | 'kmsKeyId' | 'customerManagedKey'> {
  const configuration = asRecord(item.supplementary?.['ServerSideEncryptionConfiguration']);
  if (!configuration) {
    if (!answersNone(item, 'ServerSideEncryptionConfiguration')) {
      return {
        sseAlgorithm: absent(item, ALGORITHM_PATH),
        kmsKeyId: absent(item, KEY_PATH),
        customerManagedKey: absent(item, ALGORITHM_PATH),
      };
    }
    const describedAt = item.describedAt ?? item.captureTime;
    if (describedAt !== undefined && describedAt < S3_DEFAULT_ENCRYPTION_SINCE) {
      return {
        sseAlgorithm: explicit(null, ALGORITHM_PATH),
        kmsKeyId: explicit(null, KEY_PATH),
        customerManagedKey: derived(false, explicit(null, ALGORITHM_PATH)),
      };
    }
    return {
      sseAlgorithm: cloudDefault('AES256', ALGORITHM_PATH, NO_DEFAULT_ENCRYPTION),
      kmsKeyId: cloudDefault(null, KEY_PATH, NO_DEFAULT_ENCRYPTION),
      customerManagedKey: derived(false, cloudDefault('AES256', ALGORITHM_PATH, NO_DEFAULT_ENCRYPTION)),
    };
  }
  const rules = field(configuration, 'rules');
  const byDefault = asRecord(
    field(asRecord(Array.isArray(rules) ? rules[0] : undefined), 'applyServerSideEncryptionByDefault'),
  );
  // Config: `sseAlgorithm`, `kmsMasterKeyID`; the S3 API (and inventories keeping its answer):
  // `SSEAlgorithm`, `KMSMasterKeyID`.
  const algorithm = toStringValue(fieldAnyCase(byDefault, 'sseAlgorithm'));
  if (!algorithm) {
    return {
      sseAlgorithm: absent(item, ALGORITHM_PATH),
      kmsKeyId: absent(item, KEY_PATH),
      customerManagedKey: absent(item, ALGORITHM_PATH),
    };
  }
  const keyId = toStringValue(fieldAnyCase(byDefault, 'kmsMasterKeyID')) ?? null;
  const sseAlgorithm = explicit(algorithm, ALGORITHM_PATH);
  const kmsKeyId = explicit(keyId, KEY_PATH);
  return {
    sseAlgorithm,
    kmsKeyId,
    customerManagedKey:
      algorithm === 'AES256'
        ? derived(false, sseAlgorithm)
        : keyId === null
          ? derived(false, kmsKeyId) // SSE-KMS without a key id uses the AWS managed aws/s3 key
          : customerManagedKeyOf(keyId, KEY_PATH),
  };
}
