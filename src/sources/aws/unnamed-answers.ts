import path from 'node:path';
import { asRecord, decodeJsonValue } from './config-item.ts';

/** The account and region a dump's folders or file name give (`<account>/<region>/…`). */
export interface PathPlace {
  readonly account?: string;
  readonly region?: string;
}

/**
 * Describe output of EC2 names neither account nor region (no ARN): dumps keep them in their
 * folders or file names (`111122223333/ap-northeast-1/describe-security-groups.json`,
 * `111122223333_ap-northeast-1_describe-volumes.json`). A folder that is a 12-digit account id
 * or a region name, or a file name that begins with them, says, for entries that do not (a
 * 12-digit run inside a name, such as a timestamp, does not).
 */
export function placeInPath(file: string): PathPlace {
  const folders = file.split(/[\\/]/);
  const [first = '', second = ''] = (folders.pop() ?? '').split('_');
  const isAccount = (part: string) => /^\d{12}$/.test(part);
  const isRegion = (part: string) => /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/.test(part);
  const account = [...folders, first].findLast(isAccount);
  const region = [...folders, first, ...(isAccount(first) ? [second] : [])].findLast(isRegion);
  return { ...(account && { account }), ...(region && { region }) };
}

/** What an answer that names no resource comes to: the items it is read as, or why not. */
export type UnnamedAnswer =
  | {
      readonly items: readonly Record<string, unknown>[];
      /**
       * The items carry only what the answer says (one of a bucket's settings): what they leave
       * out is unknown, not the cloud's default for a resource that has none.
       */
      readonly partial?: boolean;
      /**
       * The ids (ARNs) of the items whose Region the answer does not know: an S3 bucket's
       * get-bucket-* answer, or a list-buckets entry before `BucketRegion`, is placed by the
       * dump's folders, which name where the CLI ran, not where the bucket is. Their Region is
       * read as unknown, so that the bucket's own record (Config, list-buckets) gives it.
       */
      readonly regionUnknown?: ReadonlySet<string>;
    }
  | { readonly skip: string };

/**
 * AWS answers that name no resource inside (`aws guardduty get-detector`, `aws cloudtrail
 * get-trail-status`, `aws dynamodb describe-continuous-backups`): the command was asked about
 * one resource, and the answer leaves it out. Where the dump's folders (`<account>/<region>/…`)
 * and the file name give what the answer lacks, it is read into the resource it describes;
 * else it is skipped with the command and what would place it, not taken for an unknown file.
 * Each is told by the members its botocore output shape gives it.
 */
export function unnamedAnswer(document: unknown, place: PathPlace, file: string): UnnamedAnswer | undefined {
  const record = asRecord(document);
  if (!record) return undefined;
  for (const answer of ANSWERS) {
    if (answer.matches(record)) return answer.read(record, place, baseName(file));
  }
  return undefined;
}

/**
 * `aws kms get-key-rotation-status`: `{"KeyId": "<key ARN>", "KeyRotationEnabled": …,
 * "RotationPeriodInDays": …}` (older answers carry no `KeyId` and name no key: not read). Read as
 * the key's item with only its `KeyRotationStatus`, which merges with the key's describe-key
 * record or Config item. The AWS CLI's example answer names the key by its bare id
 * (`1234abcd-…`), which gives neither account nor region: the dump's folders or file name
 * (`<account>/<region>/…`) place it, as they place EC2's entries; without them it is skipped.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html
 */
export function rotationStatusItem(document: unknown, place: PathPlace): UnnamedAnswer | undefined {
  const record = asRecord(document);
  const keyId = record?.['KeyId'];
  if (typeof record?.['KeyRotationEnabled'] !== 'boolean' || typeof keyId !== 'string') return undefined;
  const arn = KEY_ARN.test(keyId)
    ? keyId
    : BARE_KEY_ID.test(keyId)
      ? arnInPlace('kms', place, `key/${keyId}`)
      : undefined;
  if (arn === undefined) {
    return BARE_KEY_ID.test(keyId)
      ? {
          skip: `AWS::KMS::Key ${keyId}: the rotation status names the key by its id only, and the file's folders or name give no account and region (<account>/<region>/…)`,
        }
      : undefined;
  }
  return {
    items: [
      {
        resourceType: 'AWS::KMS::Key',
        resourceId: arn.slice(arn.indexOf(':key/') + ':key/'.length),
        arn,
        configuration: {},
        supplementaryConfiguration: { KeyRotationStatus: record['KeyRotationEnabled'] },
      },
    ],
  };
}

const KEY_ARN = /^arn:aws[\w-]*:kms:[^:]+:\d{12}:key\/.+$/;
/** A key id: a UUID, or a multi-Region key's `mrk-` and 32 hex digits. */
const BARE_KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/i;

interface AnswerShape {
  matches(record: Readonly<Record<string, unknown>>): boolean;
  read(record: Readonly<Record<string, unknown>>, place: PathPlace, name: string): UnnamedAnswer;
}

/** A detector id in a file name, as GuardDuty makes them: 32 hexadecimal digits. */
const DETECTOR_ID_IN_NAME = /(?:^|[^0-9a-z])([0-9a-f]{32})(?![0-9a-z])/;

/**
 * `aws cloudtrail get-trail-status --name <trail>`: `IsLogging` and delivery times
 * (GetTrailStatusResponse has no other members). Asked by name, it answers for a trail whose
 * home is the Region asked, so the folders' Region is the trail's own.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html
 */
const TRAIL_STATUS_MEMBER =
  /^(?:IsLogging|Latest\w+|StartLoggingTime|StopLoggingTime|TimeLogging\w+|ResponseMetadata)$/;
/** The trail's name after `trail-status` in the file name (`get-trail-status_<trail>.json`). */
const TRAIL_IN_NAME = /(?:^|[-_.])trail[-_]?status[-_.]([A-Za-z0-9][A-Za-z0-9._-]{2,127})$/i;

/** A bucket's name, as S3 allows it: 3 to 63 lower-case letters, digits, dots and hyphens. */
const BUCKET = '[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]';

const ANSWERS: readonly AnswerShape[] = [
  // `aws guardduty get-detector --detector-id <id>`: the detector's settings (Status and
  // ServiceRole are required members of GetDetectorResponse), without its id.
  // https://docs.aws.amazon.com/guardduty/latest/APIReference/API_GetDetector.html
  {
    matches: (record) =>
      (record['Status'] === 'ENABLED' || record['Status'] === 'DISABLED') &&
      typeof record['ServiceRole'] === 'string',
    read(record, place, name) {
      const id = DETECTOR_ID_IN_NAME.exec(name)?.[1];
      const arn = id ? arnInPlace('guardduty', place, `detector/${id}`) : undefined;
      if (!id || !arn)
        return {
          skip: `aws guardduty get-detector names no detector: saved as <account>/<region>/get-detector-<detector id>.json, it is read`,
        };
      const { ResponseMetadata: _, ...configuration } = record;
      return { items: [detectorItem(id, arn, place, configuration)] };
    },
  },
  // `aws guardduty list-detectors`: the Region's detector ids (one at most per account and
  // Region), their settings in get-detector's answer.
  // https://docs.aws.amazon.com/guardduty/latest/APIReference/API_ListDetectors.html
  {
    matches: (record) =>
      Array.isArray(record['DetectorIds']) && record['DetectorIds'].every((id) => typeof id === 'string'),
    read(record, place) {
      const ids = record['DetectorIds'] as string[];
      if (ids.length === 0)
        return {
          skip: `aws guardduty list-detectors lists no detector${place.account && place.region ? ` in ${place.account} ${place.region}` : ''}: no resource to read`,
        };
      const placed = ids.flatMap((id) => {
        const arn = arnInPlace('guardduty', place, `detector/${id}`);
        return arn ? [detectorItem(id, arn, place, {})] : [];
      });
      if (placed.length > 0) return { items: placed };
      return {
        skip: `aws guardduty list-detectors names no account or Region: saved in <account>/<region>/ folders, its detectors (${ids.join(', ')}) are read`,
      };
    },
  },
  {
    matches: (record) =>
      typeof record['IsLogging'] === 'boolean' &&
      Object.keys(record).every((key) => TRAIL_STATUS_MEMBER.test(key)),
    read(record, place, name) {
      const trail = TRAIL_IN_NAME.exec(name)?.[1];
      const arn = trail ? arnInPlace('cloudtrail', place, `trail/${trail}`) : undefined;
      if (!trail || !arn)
        return {
          skip: `aws cloudtrail get-trail-status names no trail: saved as <account>/<home region>/get-trail-status_<trail>.json, it is read`,
        };
      const { ResponseMetadata: _, ...configuration } = record;
      return {
        items: [
          {
            resourceType: 'AWS::CloudTrail::Trail',
            resourceId: trail,
            arn,
            accountId: place.account,
            awsRegion: place.region,
            configuration,
          },
        ],
      };
    },
  },
  // `aws s3api get-bucket-*` and `get-public-access-block`, each the bucket's setting as
  // AWS Config's supplementary configuration holds it (the S3 adapter reads the API's spelling).
  bucketAnswer(
    'get-bucket-encryption',
    (record) => asRecord(record['ServerSideEncryptionConfiguration']) !== undefined,
    (record) => ({ ServerSideEncryptionConfiguration: record['ServerSideEncryptionConfiguration'] }),
  ),
  bucketAnswer(
    'get-public-access-block',
    (record) => asRecord(record['PublicAccessBlockConfiguration']) !== undefined,
    (record) => ({ PublicAccessBlockConfiguration: record['PublicAccessBlockConfiguration'] }),
    "(s3control's names the account in no member either, and is read from kansa's live collection or Config's AWS::S3::AccountPublicAccessBlock)",
  ),
  // An answer with logging off is `{}`, which says nothing of what it answers: not read.
  bucketAnswer(
    'get-bucket-logging',
    (record) => only(record, ['LoggingEnabled']) && asRecord(record['LoggingEnabled']) !== undefined,
    (record) => {
      const logging = asRecord(record['LoggingEnabled']);
      return {
        BucketLoggingConfiguration: {
          destinationBucketName: logging?.['TargetBucket'] ?? null,
          logFilePrefix: logging?.['TargetPrefix'] ?? null,
        },
      };
    },
  ),
  // get-object-acl answers the same shape: only a file named after get-bucket-acl is a bucket's.
  bucketAnswer(
    'get-bucket-acl',
    (record) => asRecord(record['Owner']) !== undefined && Array.isArray(record['Grants']),
    (record) => ({ AccessControlList: { owner: record['Owner'], grants: record['Grants'] } }),
    '(get-object-acl answers alike and is not read)',
  ),
  unread(
    (record) =>
      only(record, ['Policy', 'PolicyName']) &&
      typeof record['PolicyName'] === 'string' &&
      isPolicyDocument(record['Policy']),
    "aws kms get-key-policy names no key: read the key's Config item (it carries the policy)",
  ),
  // KMS answered `{"Policy"}` alone before it added `PolicyName`: the file name tells them apart.
  bucketAnswer(
    'get-bucket-policy',
    (record) => only(record, ['Policy']) && isPolicyDocument(record['Policy']),
    (record) => ({ BucketPolicy: { policyText: record['Policy'] } }),
    "(or, without a PolicyName, kms get-key-policy: read the key's Config item)",
    policyNamesBucket,
  ),
  // `aws s3api list-buckets`: the account's buckets, named (`Name`) and, since 2024, with their
  // Region (`BucketRegion`); the owner is a canonical user id, not the account: the dump's
  // folders give it. Each bucket's settings are the get-bucket-* answers'.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
  {
    matches: (record) =>
      Array.isArray(record['Buckets']) &&
      record['Buckets'].every((bucket) => typeof asRecord(bucket)?.['Name'] === 'string'),
    read(record, place) {
      const buckets = (record['Buckets'] as unknown[]).map((bucket) => asRecord(bucket) ?? {});
      const names = buckets.map((bucket) => String(bucket['Name']));
      if (buckets.length === 0)
        return {
          skip: `aws s3api list-buckets lists no bucket${place.account ? ` in ${place.account}` : ''}: no resource to read`,
        };
      if (!place.account || (!place.region && buckets.some((bucket) => !bucket['BucketRegion'])))
        return {
          skip: `aws s3api list-buckets names no account (nor, before 2024, the buckets' Region): saved in <account>/<region>/ folders, its buckets (${names.join(', ')}) are read`,
        };
      const regionUnknown = new Set<string>();
      return {
        items: buckets.map((bucket) => {
          const named = typeof bucket['BucketRegion'] === 'string' ? bucket['BucketRegion'] : undefined;
          const item = bucketItem(
            String(bucket['Name']),
            { account: place.account, region: named ?? place.region },
            undefined,
            {
              creationDate: bucket['CreationDate'] ?? null,
            },
          );
          if (!named) regionUnknown.add(String(item.arn));
          return item;
        }),
        regionUnknown,
        partial: true,
      };
    },
  },
  // Answers no check reads, and that name no resource: known, so said so.
  unread(
    (record) => asRecord(record['ContinuousBackupsDescription'])?.['ContinuousBackupsStatus'] !== undefined,
    'aws dynamodb describe-continuous-backups (or update-continuous-backups) names no table, and no check reads point-in-time recovery',
  ),
  unread(
    (record) =>
      Array.isArray(record['Results']) &&
      record['Results'].some((task) => typeof asRecord(task)?.['SourceArn'] === 'string'),
    'aws sqs list-message-move-tasks lists message move tasks (a dead-letter queue redrive), not a resource kansa checks',
  ),
  unread(
    (record) => typeof record['EbsEncryptionByDefault'] === 'boolean',
    'aws ec2 get-ebs-encryption-by-default is an account and Region setting no kansa check reads (each volume says whether it is encrypted)',
  ),
  unread(
    (record) =>
      only(record, ['Status', 'MFADelete']) &&
      (record['Status'] === 'Enabled' || record['Status'] === 'Suspended'),
    'aws s3api get-bucket-versioning names no bucket, and no check reads versioning',
  ),
  unread(
    (record) => only(record, ['KmsKeyId']) && typeof record['KmsKeyId'] === 'string',
    'aws ec2 get-ebs-default-kms-key-id is an account and Region setting no check reads',
  ),
  unread(
    (record) =>
      typeof record['TrailARN'] === 'string' &&
      (Array.isArray(record['EventSelectors']) || Array.isArray(record['AdvancedEventSelectors'])),
    'aws cloudtrail get-event-selectors: no check reads event selectors (the trail is read from describe-trails)',
  ),
  unread(
    (record) =>
      Array.isArray(record['ConfigurationRecorders']) ||
      Array.isArray(record['ConfigurationRecordersStatus']),
    'aws configservice describe-configuration-recorders (or -status) describes the recorder, not a resource kansa checks',
  ),
  unread(
    (record) => typeof asRecord(record['PolicyStatus'])?.['IsPublic'] === 'boolean',
    'aws s3api get-bucket-policy-status: S3 works out IsPublic from the bucket policy, which kansa judges itself (get-bucket-policy_<bucket>.json)',
  ),
  unread(
    (record) => only(record, ['LocationConstraint']) && 'LocationConstraint' in record,
    "aws s3api get-bucket-location names no bucket: a bucket's Region is read from list-buckets (BucketRegion) or the dump's <account>/<region>/ folders",
  ),
  unread(
    (record) =>
      only(record, ['UserId', 'Account', 'Arn']) &&
      typeof record['Account'] === 'string' &&
      typeof record['Arn'] === 'string',
    'aws sts get-caller-identity names who ran the commands, not a resource kansa checks',
  ),
];

/** Whether the answer has these members only (and the SDK's `ResponseMetadata`). */
function only(record: Readonly<Record<string, unknown>>, members: readonly string[]): boolean {
  return Object.keys(record).every((key) => key === 'ResponseMetadata' || members.includes(key));
}

/** A policy document as a JSON string (`{"Version", "Statement"}`), as S3 and KMS answer it. */
function isPolicyDocument(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return asRecord(JSON.parse(value))?.['Statement'] !== undefined;
  } catch {
    return false;
  }
}

function unread(matches: AnswerShape['matches'], why: string): AnswerShape {
  return { matches, read: () => ({ skip: why }) };
}

/**
 * `aws s3api <command> --bucket <bucket>`, whose answer names no bucket, saved as
 * `<command>_<bucket>.json` (perhaps after a prefix: `s3api-get-bucket-acl_<bucket>.json`), or
 * as auditors' loops over list-buckets name them, the bucket first and the setting after it
 * (`${bucket}-policy.json`, `${bucket}_acl.json`): read as the bucket's item with only the
 * setting it answers, `supplementary`, which merges with the bucket's list-buckets entry,
 * Config item or other answers (its id is the bucket's ARN, `arn:aws:s3:::<bucket>`, which
 * names no account or Region: the dump's folders do). A `<bucket>-<setting>` name is taken only
 * where the answer agrees (`namesBucket`): a policy named so could be a key's.
 * https://docs.aws.amazon.com/cli/latest/reference/s3api/
 */
function bucketAnswer(
  command: string,
  matches: AnswerShape['matches'],
  supplementary: (record: Readonly<Record<string, unknown>>) => Record<string, unknown>,
  alike = '',
  namesBucket?: (record: Readonly<Record<string, unknown>>, bucket: string) => boolean,
): AnswerShape {
  return {
    matches,
    read: (record, place, name) =>
      bucketSetting(command, name, place, supplementary(record), alike, (bucket) =>
        namesBucket ? namesBucket(record, bucket) : true,
      ),
  };
}

/** The setting's word after the bucket's name in the file names auditors' loops give. */
const SETTING_IN_NAME: Readonly<Record<string, string>> = {
  'get-bucket-encryption': 'encryption',
  'get-public-access-block': 'pab|public-access-block',
  'get-bucket-policy': 'policy',
  'get-bucket-acl': 'acl',
  'get-bucket-logging': 'logging',
};

/**
 * The bucket's item with one setting, `supplementary`, an answer to `aws s3api <command>` gave,
 * the bucket named by the file's `name` (without its folders and ending), placed by its folders;
 * or why it cannot be placed. `confirms` says whether the answer agrees with a bucket named
 * before the setting's word.
 */
export function bucketSetting(
  command: string,
  name: string,
  place: PathPlace,
  supplementary: Record<string, unknown>,
  alike = '',
  confirms: (bucket: string) => boolean = () => true,
): UnnamedAnswer {
  const words = SETTING_IN_NAME[command] ?? command;
  // `get-bucket-encryption.json` is the command's name alone, not a bucket `get-bucket`'s.
  const beforeWord = name.endsWith(command)
    ? undefined
    : new RegExp(`^(${BUCKET})[-_](?:${words})$`).exec(name)?.[1];
  const bucket =
    new RegExp(`(?:^|[-_.])${command}_(${BUCKET})$`).exec(name)?.[1] ??
    (beforeWord && confirms(beforeWord) ? beforeWord : undefined);
  if (!bucket || !place.account || !place.region)
    return {
      skip: `aws s3api ${command} names no bucket${alike ? ` ${alike}` : ''}: saved as <account>/<region>/${command}_<bucket>.json or <bucket>-${words.split('|')[0]}.json, it is read`,
    };
  const item = bucketItem(bucket, place, supplementary);
  return { items: [item], partial: true, regionUnknown: new Set([String(item.arn)]) };
}

/** Whether a policy's statements name the bucket (`arn:aws:s3:::<bucket>`, or objects in it). */
function policyNamesBucket(record: Readonly<Record<string, unknown>>, bucket: string): boolean {
  const statements = asRecord(decodeJsonValue(record['Policy']))?.['Statement'];
  return (Array.isArray(statements) ? statements : [statements]).some((statement) => {
    const resource = asRecord(statement)?.['Resource'];
    return (Array.isArray(resource) ? resource : [resource]).some(
      (each) =>
        typeof each === 'string' && new RegExp(`^arn:aws[\\w-]*:s3:::${escaped(bucket)}(?:/|$)`).test(each),
    );
  });
}

function escaped(text: string): string {
  return text.replaceAll('.', '\\.');
}

/** An S3 bucket's item, in the partition of its Region. */
function bucketItem(
  bucket: string,
  place: PathPlace,
  supplementary: Record<string, unknown> | undefined,
  configuration: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    resourceType: 'AWS::S3::Bucket',
    resourceId: bucket,
    resourceName: bucket,
    arn: `arn:${partitionOf(place.region ?? '')}:s3:::${bucket}`,
    accountId: place.account,
    awsRegion: place.region,
    configuration: { name: bucket, ...configuration },
    ...(supplementary && { supplementaryConfiguration: supplementary }),
  };
}

function detectorItem(
  id: string,
  arn: string,
  place: PathPlace,
  configuration: Record<string, unknown>,
): Record<string, unknown> {
  return {
    resourceType: 'AWS::GuardDuty::Detector',
    resourceId: id,
    arn,
    accountId: place.account,
    awsRegion: place.region,
    configuration,
  };
}

/** A resource's ARN from the place its dump gives, in the Region's partition. */
function arnInPlace(service: string, place: PathPlace, resource: string): string | undefined {
  if (!place.account || !place.region) return undefined;
  return `arn:${partitionOf(place.region)}:${service}:${place.region}:${place.account}:${resource}`;
}

function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** The file's name without its folders and its `.json` or `.yaml` (`--output yaml`) ending, gzipped or not. */
export function baseName(file: string): string {
  return path.basename(file.replaceAll('\\', '/')).replace(/\.(?:json|ya?ml)(?:\.gz)?$/i, '');
}
