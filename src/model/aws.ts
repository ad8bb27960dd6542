import type { Fact } from './fact.ts';
import type { CommonFacts } from './facts.ts';

/**
 * Facts of AWS resources, one interface per native type. Every key is optional: a resource can
 * arrive in several records (a Config IAM user item and its credential-report row), each
 * carrying some of them. Paths in facts are paths in the native record
 * (`configuration.x`, `supplementaryConfiguration.X.y`, credential report column names).
 */

/** The AWS account (`arn:aws:iam::<account>:root`): the credential report's `<root_account>` row. */
export interface AwsAccountFacts {
  /** Root user has an MFA device (`mfa_active`). */
  readonly rootMfaActive?: Fact<boolean>;
  /** Root user has an active access key (`access_key_1_active` / `access_key_2_active`). */
  readonly rootAccessKeyActive?: Fact<boolean>;
}

/** AWS::IAM::User (Config item) merged with its credential-report row. */
export interface AwsIamUserFacts {
  /** Console password set (`password_enabled`); the credential report only. */
  readonly passwordEnabled?: Fact<boolean>;
  /** An MFA device is assigned (`mfa_active`); the credential report only. */
  readonly mfaActive?: Fact<boolean>;
  /** Managed policies attached to the user itself (`configuration.attachedManagedPolicies[].policyArn`). */
  readonly attachedPolicyArns?: Fact<readonly string[]>;
  /** Inline policies that allow every action on every resource (`configuration.userPolicyList`). */
  readonly fullAdminInlinePolicies?: Fact<readonly string[]>;
  /** Group names (`configuration.groupList`); the groups' policies are on their own items. */
  readonly groups?: Fact<readonly string[]>;
}

/** AWS::IAM::Group and AWS::IAM::Role: the policies that grant their members' rights. */
export interface AwsIamPrincipalFacts {
  readonly name?: Fact<string>;
  readonly attachedPolicyArns?: Fact<readonly string[]>;
  readonly fullAdminInlinePolicies?: Fact<readonly string[]>;
}

/** AWS::S3::Bucket. */
export interface AwsS3BucketFacts extends CommonFacts {
  readonly blockPublicAcls?: Fact<boolean>;
  readonly ignorePublicAcls?: Fact<boolean>;
  readonly blockPublicPolicy?: Fact<boolean>;
  readonly restrictPublicBuckets?: Fact<boolean>;
  /** Bucket policy statements (Sid or index) that allow anyone, with no restricting condition. */
  readonly publicPolicyStatements?: Fact<readonly string[]>;
  /** ACL grants to the AllUsers / AuthenticatedUsers groups, as `group:permission`. */
  readonly publicAclGrants?: Fact<readonly string[]>;
  /** Default encryption: `AES256` (SSE-S3), `aws:kms` (SSE-KMS), `aws:kms:dsse` (DSSE-KMS). */
  readonly sseAlgorithm?: Fact<string>;
  /** The KMS key of SSE-KMS (key ARN, key id or alias); null when the AWS managed `aws/s3` key is used. */
  readonly kmsKeyId?: Fact<string | null>;
}

/** AWS::S3::AccountPublicAccessBlock: the four account-wide blocks. */
export interface AwsS3AccountPublicAccessBlockFacts {
  readonly blockPublicAcls?: Fact<boolean>;
  readonly ignorePublicAcls?: Fact<boolean>;
  readonly blockPublicPolicy?: Fact<boolean>;
  readonly restrictPublicBuckets?: Fact<boolean>;
}

/** AWS::CloudTrail::Trail. Whether it is logging (GetTrailStatus IsLogging) is not in Config. */
export interface AwsCloudTrailFacts {
  readonly isMultiRegionTrail?: Fact<boolean>;
  readonly logFileValidationEnabled?: Fact<boolean>;
  readonly isOrganizationTrail?: Fact<boolean>;
  readonly homeRegion?: Fact<string>;
}

/** AWS::KMS::Key. */
export interface AwsKmsKeyFacts extends CommonFacts {
  /** `CUSTOMER` or `AWS` (AWS managed keys such as `aws/s3`, `aws/ebs`). */
  readonly keyManager?: Fact<string>;
  /** `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, … */
  readonly keyState?: Fact<string>;
  /** `AWS_KMS`, `EXTERNAL` (imported material), `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`. */
  readonly origin?: Fact<string>;
  /** `SYMMETRIC_DEFAULT`, `RSA_2048`, `HMAC_256`, …: only symmetric keys rotate automatically. */
  readonly keySpec?: Fact<string>;
  readonly rotationEnabled?: Fact<boolean>;
}

/** Resources whose data is encrypted with a KMS key: AWS::EC2::Volume, AWS::RDS::DBInstance/DBCluster, … */
export interface AwsEncryptedStoreFacts extends CommonFacts {
  /** Encrypted at rest (`encrypted`, `storageEncrypted`, `Encrypted`, SSE status). */
  readonly encrypted?: Fact<boolean>;
  /** The KMS key ARN; resolved against the inventory's AWS::KMS::Key to tell customer from AWS managed. */
  readonly kmsKeyId?: Fact<string>;
  /** RDS `publiclyAccessible`. */
  readonly publiclyAccessible?: Fact<boolean>;
}

/**
 * Who manages the KMS key a reference names, when the reference alone tells: `alias/aws/…`
 * names an AWS managed key, and any other alias a customer managed key (aliases cannot be
 * created for AWS managed keys). A key ARN or id can be either: undefined.
 * https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html
 */
export function keyManagerOfReference(keyRef: string): 'AWS' | 'CUSTOMER' | undefined {
  const alias = /(?:^|:)alias\/(.*)$/.exec(keyRef);
  if (!alias) return undefined;
  return alias[1]?.startsWith('aws/') ? 'AWS' : 'CUSTOMER';
}
