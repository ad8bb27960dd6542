import { type Origin, type Resource, UNKNOWN_REGION } from '../../model/resource.ts';
import type { CustodianRun } from '../custodian-metadata.ts';
import type { ReadContext } from '../format.ts';
import { accountSummaryFacts } from './account-summary.ts';
import { describeEntryItem, instanceEntry } from './api-describe.ts';
import type { PathPlace } from './cli-answer.ts';
import { asRecord } from './config-item.ts';
import { configItemsToResources } from './config-items-reader.ts';
import { credentialReportRowToResource, reportCell } from './credential-report.ts';
import { withUserPolicies } from './custodian-user-policies.ts';
import { DESCRIBE_APIS, type DescribeApi } from './describe-apis.ts';
import { resourceFlowLogListing } from './empty-listing.ts';
import { accountResource, noPolicy, readPasswordPolicySettings } from './password-policy.ts';
import { aclSetting, bucketItem, loggingSetting, regionOfLocation } from './s3-bucket-answers.ts';

/**
 * Cloud Custodian's AWS resource types whose records are a describe API's entries as the CLI
 * prints them (its `enum_spec` / `detail_spec` answers, plus `Tags` from its universal augment),
 * by the response member that lists them and, where two APIs answer with that member, the
 * resource type (describe-apis.ts): each read as that API's entry is. aws.sqs's records are
 * GetQueueAttributes' `Attributes` (All) with the `QueueUrl` and `Tags`, aws.sns's
 * GetTopicAttributes' with `Tags`; aws.ec2's are DescribeInstances' instances, without their
 * reservation (so without its `OwnerId`: the run's account places them).
 * https://github.com/cloud-custodian/cloud-custodian/tree/main/c7n/resources
 */
const DESCRIBED: Readonly<Record<string, readonly [member: string, resourceType?: string]>> = {
  'aws.rds': ['DBInstances'],
  'aws.rds-cluster': ['DBClusters'],
  'aws.rds-snapshot': ['DBSnapshots'],
  'aws.rds-cluster-snapshot': ['DBClusterSnapshots'],
  'aws.cloudtrail': ['trailList'],
  'aws.log-group': ['logGroups'],
  'aws.kms-key': ['KeyMetadata'],
  'aws.eks': ['cluster'],
  'aws.lambda': ['Functions'],
  'aws.ebs': ['Volumes'],
  'aws.ebs-snapshot': ['Snapshots'],
  'aws.ec2': ['Reservations'],
  'aws.vpc': ['Vpcs'],
  'aws.flow-log': ['FlowLogs'],
  'aws.security-group': ['SecurityGroups'],
  'aws.iam-user': ['Users'],
  'aws.iam-role': ['Roles'],
  'aws.iam-policy': ['Policies'],
  'aws.dynamodb-table': ['Table'],
  'aws.secrets-manager': ['SecretList'],
  'aws.sqs': ['Attributes', 'AWS::SQS::Queue'],
  'aws.sns': ['Attributes', 'AWS::SNS::Topic'],
  'aws.ecr': ['repositories'],
  'aws.efs': ['FileSystems', 'AWS::EFS::FileSystem'],
  'aws.fsx': ['FileSystems', 'AWS::FSx::FileSystem'],
  'aws.redshift': ['Clusters'],
  'aws.cache-cluster': ['CacheClusters'],
  'aws.elasticache-group': ['ReplicationGroups'],
  'aws.elasticsearch': ['DomainStatusList', 'AWS::Elasticsearch::Domain'],
  'aws.workspaces': ['Workspaces'],
  'aws.kafka': ['ClusterInfoList'],
  'aws.backup-vault': ['BackupVaultList'],
};

const FLOW_LOGS = DESCRIBE_APIS.find((api) => api.member === 'FlowLogs');
/** A group as ListGroupsForUser (or GetGroup) lists it: what the iam-user policy filter's `c7n:Groups` holds. */
const GROUP = DESCRIBE_APIS.find((api) => api.member === 'Group');

/**
 * The records of a Custodian AWS run, placed by its metadata's account and Region where they
 * carry no ARN of their own (a security group, a volume), each with what Custodian's filters
 * annotated on it that kansa reads: a key's `KeyRotationEnabled` (key-rotation-status: the
 * GetKeyRotationStatus answer), a trail's `c7n:TrailStatus` (status: GetTrailStatus),
 * a function's `c7n:Policy` (cross-account: GetPolicy's policy), a user's `c7n:credential-report` (credential: its report row, read as the report's) and
 * `c7n:Policies` / `c7n:Groups` (policy: its managed policies and groups, withUserPolicies), a VPC's
 * `c7n:flow-logs` (flow-logs: all its flow logs, from the Region's whole listing, read as flow log
 * records and as the VPC's flow logs listed, so that none is none). S3 buckets are
 * Custodian's own assembly of ListBuckets and the get-bucket-* answers (s3Items).
 */
export function* custodianAwsResources(
  document: readonly unknown[],
  run: CustodianRun,
  ctx: ReadContext,
): Generator<Resource> {
  const place: PathPlace = {
    ...(run.account && { account: run.account }),
    ...(run.region && { region: run.region }),
  };
  const answer = run.startedAt === undefined ? {} : { describedAt: run.startedAt };
  const described = DESCRIBED[run.resource];
  const api = described
    ? DESCRIBE_APIS.find(
        (each) =>
          each.member === described[0] && (described[1] === undefined || each.resourceType === described[1]),
      )
    : undefined;
  for (const [index, raw] of document.entries()) {
    const entry = asRecord(raw);
    if (!entry) {
      ctx.skip(`${run.resource}: a record that is not an object`, { index });
      continue;
    }
    if (!place.account) {
      ctx.skip(`${run.resource}: metadata.json names no account (config.account_id)`, { index });
      continue;
    }
    if (run.resource === 'aws.s3') {
      const bucket = s3Item(entry, place);
      if ('skip' in bucket) {
        ctx.skip(bucket.skip, { index });
        continue;
      }
      for (const resource of configItemsToResources([bucket.item], ctx, true, index, answer))
        yield bucket.regionKnown ? resource : { ...resource, region: UNKNOWN_REGION };
      continue;
    }
    if (run.resource === 'aws.account') yield accountRecord(entry, place.account, { file: ctx.file, index });
    else if (api?.resourceType === 'AWS::IAM::User') {
      const { user, groups } = withUserPolicies(entry);
      const items = [withAnnotations(api, user, place)];
      if (GROUP) for (const group of groups) items.push(describeEntryItem(GROUP, group, place));
      yield* configItemsToResources(items, ctx, false, index, answer);
    } else if (api) {
      const described = api.member === 'Reservations' ? instanceEntry(entry, undefined) : entry;
      yield* configItemsToResources([withAnnotations(api, described, place)], ctx, false, index, answer);
    } else {
      ctx.skip(`${run.resource}: a Cloud Custodian resource type kansa does not read`, { index });
      continue;
    }
    const report = asRecord(entry['c7n:credential-report']);
    if (report) {
      const user = credentialReportRowToResource(reportRow(report), { file: ctx.file, index });
      if (typeof user === 'string') ctx.note?.(`c7n:credential-report: ${user}`, { index });
      else yield user;
    }
    const flowLogs = entry['c7n:flow-logs'];
    const vpcId = entry['VpcId'];
    if (FLOW_LOGS && Array.isArray(flowLogs) && typeof vpcId === 'string' && place.region) {
      // Every flow log is of the VPC's record: each is read (and skipped) at that record's index.
      for (const flowLog of flowLogs) {
        // One that is not an object is passed on as it is, skipped as no configuration item.
        const flowLogEntry = asRecord(flowLog);
        const item = flowLogEntry ? describeEntryItem(FLOW_LOGS, flowLogEntry, place) : flowLog;
        yield* configItemsToResources([item], ctx, false, index, answer);
      }
      yield resourceFlowLogListing(
        place.account,
        place.region,
        vpcId,
        `${ctx.file}: c7n:flow-logs of ${vpcId}`,
        ctx.file,
      );
    }
  }
}

/**
 * An aws.account record (`{account_id, account_name}`, c7n/resources/account.py get_account) with
 * what its filters annotated: the password-policy filter's `c7n:password_policy` (the
 * GetAccountPasswordPolicy policy with `PasswordPolicyConfigured` true, or that flag alone,
 * false, where IAM answered NoSuchEntity; versions before the flag raised on NoSuchEntity) and
 * the iam-summary filter's `c7n:iam_summary` (GetAccountSummary's SummaryMap). Its credential
 * filter's `c7n:credential-report`, the `<root_account>` row, is read as users' rows are.
 */
function accountRecord(entry: Record<string, unknown>, runAccount: string, origin: Origin): Resource {
  const account = typeof entry['account_id'] === 'string' ? entry['account_id'] : runAccount;
  const policy = asRecord(entry['c7n:password_policy']);
  const summary = asRecord(entry['c7n:iam_summary']);
  const settings = policy && Object.keys(policy).some((key) => key !== 'PasswordPolicyConfigured');
  return accountResource(
    account,
    {
      ...(policy?.['PasswordPolicyConfigured'] === false
        ? noPolicy()
        : settings && readPasswordPolicySettings(policy, 'api', 'c7n:password_policy.')),
      ...(summary && accountSummaryFacts(summary)),
    },
    origin,
  );
}

/** A describe entry's item, with the settings Custodian's filters annotated on it. */
function withAnnotations(api: DescribeApi, entry: Record<string, unknown>, place: PathPlace): unknown {
  const item = describeEntryItem(api, entry, place);
  const configuration = asRecord(item['configuration']) ?? {};
  const rotation = entry['KeyRotationEnabled'];
  // key-rotation-status keeps GetKeyRotationStatus's whole answer; a filter of old kept the flag.
  const rotationEnabled =
    typeof rotation === 'boolean' ? rotation : asRecord(rotation)?.['KeyRotationEnabled'];
  const isLogging = asRecord(entry['c7n:TrailStatus'])?.['IsLogging'];
  // The cross-account filter's GetPolicy answer; a function without a policy is not matched.
  const policy = entry['c7n:Policy'];
  const supplementary = {
    ...(typeof rotationEnabled === 'boolean' && { KeyRotationStatus: rotationEnabled }),
    ...(typeof policy === 'string' && { Policy: policy }),
  };
  return {
    ...item,
    configuration: {
      ...configuration,
      ...(typeof isLogging === 'boolean' && { IsLogging: isLogging }),
    },
    ...(Object.keys(supplementary).length > 0 && { supplementaryConfiguration: supplementary }),
  };
}

/**
 * An aws.s3 record: ListBuckets' entry with the answers Custodian's augment adds
 * (S3_AUGMENT_TABLE in c7n/resources/s3.py): `Location` (GetBucketLocation, `EU` already made
 * `eu-west-1`), `Policy` (the policy text; null where S3 answered NoSuchBucketPolicy), `Acl`
 * (`{Owner, Grants}`), `Logging` (the `LoggingEnabled` member, `{}` where logging is off), `Tags`;
 * and what its filters annotate: `c7n:bucket-encryption` (GetBucketEncryption's answer, `{}`
 * where the bucket has none) and `c7n:PublicAccessBlock` (the bucket's four flags, all false
 * where it has no block). A call S3 refused leaves its key out and is named in
 * `c7n:DeniedMethods` — check-public-block writes its all-false flags even then, so a denied
 * GetPublicAccessBlock is unknown. What the record does not carry is unknown (a partial item).
 */
function s3Item(
  entry: Record<string, unknown>,
  place: PathPlace,
): { item: Record<string, unknown>; regionKnown: boolean } | { skip: string } {
  const name = entry['Name'];
  if (typeof name !== 'string') return { skip: 'aws.s3: a record without the bucket’s Name' };
  const denied = new Set(Array.isArray(entry['c7n:DeniedMethods']) ? entry['c7n:DeniedMethods'] : []);
  const location = asRecord(entry['Location']);
  const region = location ? regionOfLocation(location['LocationConstraint']) : undefined;
  const acl = asRecord(entry['Acl']);
  const logging = asRecord(entry['Logging']);
  const encryption = asRecord(entry['c7n:bucket-encryption']);
  const block = asRecord(entry['c7n:PublicAccessBlock']);
  const policy = entry['Policy'];
  const supplementary = {
    ...((typeof policy === 'string' || policy === null) && { BucketPolicy: { policyText: policy } }),
    ...(acl && aclSetting(acl)),
    ...(logging && loggingSetting(logging)),
    ...(encryption && {
      ServerSideEncryptionConfiguration: encryption['ServerSideEncryptionConfiguration'] ?? null,
    }),
    ...(block && !denied.has('GetPublicAccessBlock') && { PublicAccessBlockConfiguration: block }),
  };
  const item = bucketItem(
    name,
    { ...(place.account && { account: place.account }), ...(region && { region }) },
    supplementary,
    {
      creationDate: entry['CreationDate'] ?? null,
    },
  );
  return {
    item: { ...item, ...(entry['Tags'] !== undefined && { tags: entry['Tags'] }) },
    regionKnown: region !== undefined,
  };
}

/**
 * The credential report's row a user's `c7n:credential-report` holds, back in the report's own
 * cells: Custodian typed them (`true`/`false` as booleans, `N/A` and `no_information` as null)
 * and moved each access key's columns into `access_keys` (`{active, last_rotated,
 * last_used_date, …}`), dropping a key slot that is neither active nor ever rotated: a user has
 * no key there (c7n/resources/iam.py, CredentialReport.process_user_record).
 */
function reportRow(report: Readonly<Record<string, unknown>>): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [column, value] of Object.entries(report)) {
    const cell = reportCell(value);
    if (cell !== undefined) row[column] = cell;
  }
  const keys = Array.isArray(report['access_keys']) ? report['access_keys'] : [];
  for (const slot of [1, 2]) {
    const key = asRecord(keys[slot - 1]) ?? { active: false, last_rotated: null, last_used_date: null };
    for (const [part, value] of Object.entries(key)) {
      const cell = reportCell(value);
      if (cell !== undefined) row[`access_key_${slot}_${part}`] = cell;
    }
  }
  return row;
}
