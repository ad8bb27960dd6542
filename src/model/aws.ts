import type { Fact } from './fact.ts';
import type { CommonFacts } from './facts.ts';

/**
 * Facts of AWS resources, one interface per native type. Every key is optional: a resource can
 * arrive in several records (a Config IAM user item and its credential-report row), each
 * carrying some of them. Paths in facts are paths in the native record
 * (`configuration.x`, `supplementaryConfiguration.X.y`, credential report column names).
 */

/**
 * The AWS account (`arn:aws:iam::<account>:root`): the credential report's `<root_account>` row,
 * or, when a live scan cannot get the report, `GetAccountSummary` (`AccountMFAEnabled`,
 * `AccountAccessKeysPresent`).
 */
export interface AwsAccountFacts {
  /** Root user has an MFA device (`mfa_active`, or `AccountMFAEnabled` 1). */
  readonly rootMfaActive?: Fact<boolean>;
  /**
   * Root user has an active access key (`access_key_1_active` / `access_key_2_active`). From
   * the account summary only when `AccountAccessKeysPresent` is 0 (no key at all): the summary
   * counts inactive keys too.
   */
  readonly rootAccessKeyActive?: Fact<boolean>;
  /**
   * The root user has a password (GetAccountSummary `AccountPasswordPresent`, answered since
   * centralized root access, November 2024: none where the organization removed the member's root
   * credentials). Absent where the summary does not carry it (the credential report cannot tell).
   */
  readonly rootPasswordPresent?: Fact<boolean>;
  /**
   * The account has a custom IAM password policy (`aws iam get-account-password-policy`); false
   * when IAM answers NoSuchEntity, and AWS's default then applies (8 characters, no other rule).
   * The settings below are read only from a policy that is set.
   */
  readonly passwordPolicySet?: Fact<boolean>;
  /** `MinimumPasswordLength`. */
  readonly passwordMinimumLength?: Fact<number>;
  /** `RequireSymbols`, `RequireNumbers`, `RequireUppercaseCharacters`, `RequireLowercaseCharacters`. */
  readonly passwordRequireSymbols?: Fact<boolean>;
  readonly passwordRequireNumbers?: Fact<boolean>;
  readonly passwordRequireUppercase?: Fact<boolean>;
  readonly passwordRequireLowercase?: Fact<boolean>;
  /** `PasswordReusePrevention`: previous passwords a user may not reuse; 0 (default) when not set. */
  readonly passwordReusePrevention?: Fact<number>;
  /**
   * The ARNs of organization trails of another account (the organization's management or
   * delegated administrator account) that the account's own records list: a member account's
   * `describe-trails` or Config item of the trail that logs it. Each record adds its trail.
   */
  readonly organizationTrails?: Fact<readonly string[]>;
  /**
   * The account's listings of its VPC flow logs (`ec2 describe-flow-logs`), GuardDuty detectors
   * (`guardduty list-detectors`) and CloudTrail trails (`cloudtrail describe-trails`) that
   * answered whole and with no entry, in the Region each names: the scope was listed and has
   * none. A listing with entries is known by them; one the dump does not place, a page with a
   * next token, or one the file names a resource of (a filter) is not recorded, so that a scope
   * nothing listed stays unknown. Each listing adds its own (the records' union).
   */
  readonly flowLogListings?: Fact<readonly AwsEmptyListing[]>;
  readonly detectorListings?: Fact<readonly AwsEmptyListing[]>;
  readonly trailListings?: Fact<readonly AwsEmptyListing[]>;
  /**
   * The account's AWS Config inventories read whole, one per Region they hold regional items of
   * (a configuration snapshot, a live scan's whole Config inventory), each with the resource types
   * it holds there: every resource of a type Config records in that Region is in it. A Region's
   * inventory without a type Config records elsewhere in the account is that Region's listing of
   * the type, with none (a Region whose detectors Config records nowhere says nothing). History
   * files, SELECT rows, batch-gets and change notifications hold some resources: none of them.
   */
  readonly configListings?: Fact<readonly AwsConfigListing[]>;
  /**
   * A listing of the account's IAM roles, or of its users, was read whole (true, its path naming
   * the member or table that answered): a Config snapshot's items of the type, the live scan's
   * Config query or GetAccountAuthorizationDetails, `iam list-roles` / `list-users` or
   * `get-account-authorization-details` on their last page, Steampipe's `aws_iam_role` /
   * `aws_iam_user`, CloudQuery's `aws_iam_roles` / `aws_iam_users`, ScoutSuite's and aws-recon's
   * IAM; for users also the credential report, whose `<root_account>` row only the whole report
   * has. Absent where only some principals were read (a single `get-role`, a child table, a
   * SELECT or batch-get of some resources, change notifications): others may exist.
   */
  readonly iamRolesListed?: Fact<boolean>;
  readonly iamUsersListed?: Fact<boolean>;
}

/** A listing of the account's that answered whole with no entry (AwsAccountFacts.flowLogListings). */
export interface AwsEmptyListing {
  /**
   * The Region it was made in, as the dump's folders or file name give it; absent for a
   * describe-trails answer they place in no Region (every Region's answer lists the account's
   * multi-Region trails, and the organization's trail that logs it).
   */
  readonly region?: string;
  /**
   * The one resource it was filtered by, as its file is named (`describe-flow-logs_vpc-0a1b2c3d.json`,
   * `--filter Name=resource-id,Values=vpc-0a1b2c3d`): it answers for that resource only.
   */
  readonly resourceId?: string;
  /** The file and the member that answered (`111122223333/ap-northeast-1/describe-flow-logs.json: FlowLogs`). */
  readonly listing: string;
}

/** A Region's AWS Config inventory read whole (AwsAccountFacts.configListings). */
export interface AwsConfigListing {
  /** The Region of its regional items (lower case). */
  readonly region: string;
  /** The native types it holds items of in that Region (`AWS::EC2::Volume`, …), sorted. */
  readonly types: readonly string[];
  /** The file and the member that answered (`…_ConfigSnapshot_….json: configurationItems`). */
  readonly listing: string;
}

/** The IAM principals' and policies' facts (aws-iam.ts). */
export type {
  AwsAccessKey,
  AwsEscalationGrant,
  AwsIamPolicyFacts,
  AwsIamPrincipalFacts,
  AwsIamUserFacts,
  AwsManagedAccessKey,
} from './aws-iam.ts';

/** AWS::S3::Bucket. */
export interface AwsS3BucketFacts extends CommonFacts {
  readonly blockPublicAcls?: Fact<boolean>;
  readonly ignorePublicAcls?: Fact<boolean>;
  readonly blockPublicPolicy?: Fact<boolean>;
  readonly restrictPublicBuckets?: Fact<boolean>;
  /** Bucket policy statements that allow anyone, with no restricting condition, each with why. */
  readonly publicPolicyStatements?: Fact<readonly AwsPublicGrant[]>;
  /**
   * S3's own verdict that the bucket policy is public (GetBucketPolicyStatus `IsPublic`), where
   * the export holds it; absent where it does not (AWS Config does not record it).
   */
  readonly policyStatusPublic?: Fact<boolean>;
  /** ACL grants to the AllUsers / AuthenticatedUsers groups, as `group:permission`. */
  readonly publicAclGrants?: Fact<readonly string[]>;
  /**
   * Default encryption: `AES256` (SSE-S3), `aws:kms` (SSE-KMS), `aws:kms:dsse` (DSSE-KMS); null
   * when a record from before January 2023 shows none (new objects were stored unencrypted).
   */
  readonly sseAlgorithm?: Fact<string | null>;
  /** The KMS key of SSE-KMS (key ARN, key id or alias); null when the AWS managed `aws/s3` key is used. */
  readonly kmsKeyId?: Fact<string | null>;
  /** Bucket policy statements (Sid or index) that deny requests with `aws:SecureTransport` false. */
  readonly secureTransportDenyStatements?: Fact<readonly string[]>;
  /** Server access logging target bucket; null when logging is off. */
  readonly accessLogTargetBucket?: Fact<string | null>;
}

/** AWS::S3::AccountPublicAccessBlock: the four account-wide blocks. */
export interface AwsS3AccountPublicAccessBlockFacts {
  readonly blockPublicAcls?: Fact<boolean>;
  readonly ignorePublicAcls?: Fact<boolean>;
  readonly blockPublicPolicy?: Fact<boolean>;
  readonly restrictPublicBuckets?: Fact<boolean>;
}

/** AWS::CloudTrail::Trail. */
export interface AwsCloudTrailFacts {
  readonly isMultiRegionTrail?: Fact<boolean>;
  readonly logFileValidationEnabled?: Fact<boolean>;
  readonly isOrganizationTrail?: Fact<boolean>;
  readonly homeRegion?: Fact<string>;
  /**
   * The trail is delivering events (`GetTrailStatus` `IsLogging`). Config does not record it:
   * a live scan, a saved `get-trail-status` answer or Steampipe's `is_logging` sets it, on a
   * record of its own that merges with the trail's Config item; absent otherwise.
   */
  readonly isLogging?: Fact<boolean>;
  /**
   * The trail records management events, both read and write (its event selectors, or the
   * default selector of a trail without custom ones). Absent where the selectors were not read.
   */
  readonly recordsManagementEvents?: Fact<boolean>;
  /**
   * The accounts whose own trail listings hold the trail (a `describe-trails` answer, a Config
   * recorder's item, a tool's row: the account it was read in). The owner's is among them when
   * its own listing was read; a member's, when only that member's listing of the organization
   * trail was. Absent where the record is no listing (a `get-trail-status` answer, a plan).
   */
  readonly listedBy?: Fact<readonly string[]>;
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
  /**
   * Days between automatic rotations (GetKeyRotationStatus `RotationPeriodInDays`, 90–2560 since
   * April 2024; 365 unless set, and before then always). Config does not record it: only a
   * saved get-key-rotation-status answer or a live scan gives it; absent otherwise.
   */
  readonly rotationPeriodDays?: Fact<number>;
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

/** AWS::RDS::DBInstance. */
export interface AwsRdsInstanceFacts extends AwsEncryptedStoreFacts {
  /** Days automated backups are kept; 0 turns automated backups off. */
  readonly backupRetentionPeriod?: Fact<number>;
  /** Database logs published to CloudWatch Logs (`audit`, `postgresql`, `error`, …). */
  readonly enabledLogExports?: Fact<readonly string[]>;
  /**
   * The ARN of the DB cluster the instance belongs to (Aurora, Multi-AZ DB clusters:
   * `dBClusterIdentifier`): the cluster, not the instance, holds its log exports.
   */
  readonly clusterArn?: Fact<string>;
}

/** AWS::RDS::DBCluster */
export interface AwsRdsClusterFacts extends AwsEncryptedStoreFacts {
  /** Database logs the cluster publishes to CloudWatch Logs, for all its instances. */
  readonly enabledLogExports?: Fact<readonly string[]>;
  /** Days the cluster keeps the automated backups of its instances (`backupRetentionPeriod`). */
  readonly backupRetentionPeriod?: Fact<number>;
}

/**
 * Why a condition of a resource policy's statement does not narrow it to fixed callers, by
 * S3's rules ("The meaning of 'public'"): its key does not identify the caller; its operator
 * admits other callers (negated, `…IfExists`, `ForAllValues:`, `Null`); its value is not fixed
 * (none, a wildcard, a policy variable); an `aws:SourceIp` value is broader than /8 (/32 for
 * IPv6) or no address range at all.
 */
export type AwsConditionFlaw = 'key' | 'operator' | 'value' | 'sourceIpRange';

/** A condition of a public statement, as the policy spells it, and why it narrows nothing. */
export interface AwsUnnarrowingCondition {
  readonly operator: string;
  readonly key: string;
  /** The value at fault as the policy gives it, for the `value` and `sourceIpRange` flaws. */
  readonly value?: unknown;
  readonly flaw: AwsConditionFlaw;
}

/** A statement of a resource policy that grants to the public, and what makes it public. */
export interface AwsPublicGrant {
  /** The statement's Sid, or `Statement[i]` when it has none. */
  readonly statement: string;
  /** The field that grants to the public: an open `Principal`, or `NotPrincipal` (everyone else). */
  readonly field: 'Principal' | 'NotPrincipal';
  /**
   * The field's value that is not fixed, as JSON: `"*"`, `{"AWS":"*"}`, `{"Federated":…}`
   * (any user the identity provider signs in); for NotPrincipal, the principals it leaves out.
   */
  readonly principal: string;
  /** The principal is a federated identity provider's: any user the provider signs in. */
  readonly federated: boolean;
  /** The statement's conditions, none of which narrows it; empty when it has none. */
  readonly conditions: readonly AwsUnnarrowingCondition[];
  /**
   * The time the statement allows until (`DateLessThan` / `DateLessThanEquals` on
   * `aws:CurrentTime` or `aws:EpochTime`), as an ISO date-time: from then on it allows nothing.
   */
  readonly until?: string;
}

/**
 * An inbound security group rule from one CIDR: an `ipPermissions` entry gives one per source
 * range. The group admits the union of its rules' sources, so whether the internet is let in is
 * decided over all of them (src/model/internet-sources.ts).
 */
export interface AwsIpIngressRule {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all traffic) or another protocol number. */
  readonly protocol: string;
  /** The port range; null for all traffic (`-1`), which has no ports. */
  readonly fromPort: number | null;
  readonly toPort: number | null;
  /** The source CIDR as written (`0.0.0.0/0`, `203.0.113.0/24`, `::/0`). */
  readonly source: string;
}

/**
 * An inbound security group rule whose source is a managed prefix list: it opens the ports to
 * every CIDR in the list, so the list decides whether the internet is let in.
 */
export interface AwsPrefixListIngressRule {
  readonly protocol: string;
  readonly fromPort: number | null;
  readonly toPort: number | null;
  /** `pl-…`. */
  readonly prefixListId: string;
}

/** AWS::EC2::SecurityGroup. */
export interface AwsSecurityGroupFacts {
  /** Inbound rules (`configuration.ipPermissions`) from CIDRs, one per source range. */
  readonly ipIngress?: Fact<readonly AwsIpIngressRule[]>;
  /** Inbound rules whose source is a managed prefix list (`ipPermissions[].prefixListIds`). */
  readonly prefixListIngress?: Fact<readonly AwsPrefixListIngressRule[]>;
  /**
   * Inbound rules whose source CIDRs a Terraform plan knows only after apply (`cidr_blocks =
   * [aws_vpc.main.cidr_block]`): their protocol and ports are known, their sources may be any,
   * and `source` names the attribute they will be read from. Only plans have them.
   */
  readonly ingressFromUnknownSources?: Fact<readonly AwsIpIngressRule[]>;
}

/** AWS::EC2::PrefixList: a managed prefix list and the CIDRs it holds. */
export interface AwsPrefixListFacts {
  readonly prefixListId?: Fact<string>;
  readonly cidrs?: Fact<readonly string[]>;
}

/** AWS::EC2::VPC. */
export interface AwsVpcFacts {
  readonly vpcId?: Fact<string>;
  /**
   * Whether the inventory holds every flow log of the VPC: true for a VPC a Terraform plan
   * creates (it has those of the plan, no other); unknown, with why, for one that exists already.
   * Absent for exports, where Config's recording of flow logs tells.
   */
  readonly flowLogsListed?: Fact<boolean>;
}

/** AWS::EC2::FlowLog. */
export interface AwsFlowLogFacts {
  /** The VPC, subnet or network interface whose traffic is logged. */
  readonly resourceId?: Fact<string>;
  /** `ACTIVE` once delivering. */
  readonly flowLogStatus?: Fact<string>;
}

/** AWS::Logs::LogGroup. */
export interface AwsLogGroupFacts {
  /** Days log events are kept; null when they never expire. */
  readonly retentionInDays?: Fact<number | null>;
  /**
   * `LogGroupClass`: `STANDARD` (the default, and every log group made before the classes,
   * November 2023), `INFREQUENT_ACCESS`, or `DELIVERY`, whose events CloudWatch Logs keeps one
   * day only on their way to S3 or Firehose, whatever the retention says.
   */
  readonly logGroupClass?: Fact<string>;
}

/** AWS::EKS::Cluster. */
export interface AwsEksClusterFacts extends CommonFacts {
  readonly endpointPublicAccess?: Fact<boolean>;
  /** CIDR blocks allowed to reach the public API endpoint. */
  readonly publicAccessCidrs?: Fact<readonly string[]>;
  /** Control plane log types sent to CloudWatch Logs (`api`, `audit`, `authenticator`, …). */
  readonly enabledLogTypes?: Fact<readonly string[]>;
}

/** AWS::Lambda::Function. */
export interface AwsLambdaFunctionFacts {
  /**
   * Resource-based policy statements that allow anyone, with no restricting condition, each
   * with why: a function URL with auth type NONE is one.
   */
  readonly publicPolicyStatements?: Fact<readonly AwsPublicGrant[]>;
  /** The execution role's ARN (`configuration.role`): whoever changes the function's code acts as it. */
  readonly executionRole?: Fact<string>;
}

/** AWS::GuardDuty::Detector. */
export interface AwsGuardDutyDetectorFacts {
  readonly enabled?: Fact<boolean>;
}

/**
 * Who manages the KMS key a reference names, when the reference alone tells: `alias/aws/…`
 * names an AWS managed key, and any other alias a customer managed key (aliases cannot be
 * created for AWS managed keys). A key ARN or id can be either: undefined.
 * https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html
 */
export function keyManagerOfReference(keyRef: string): 'AWS' | 'CUSTOMER' | undefined {
  // Most references are key ARNs or ids: told apart without a regular expression.
  if (!keyRef.includes('alias/')) return undefined;
  const alias = /(?:^|:)alias\/(.*)$/.exec(keyRef);
  if (!alias) return undefined;
  return alias[1]?.startsWith('aws/') ? 'AWS' : 'CUSTOMER';
}
