import { TRAIL_ARN } from './adapters/event-selectors.ts';
import {
  type AnswerShape,
  arnInPlace,
  baseName,
  KMS_KEY_ID,
  only,
  type PathPlace,
  type UnnamedAnswer,
  unread,
} from './cli-answer.ts';
import { asRecord } from './config-item.ts';
import { partialItem } from './resource-explorer.ts';
import { isPolicyDocument, S3_BUCKET_ANSWERS } from './s3-bucket-answers.ts';
import { TAG_ANSWERS } from './tag-answers.ts';

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
        supplementaryConfiguration: {
          KeyRotationStatus: record['KeyRotationEnabled'],
          ...(record['RotationPeriodInDays'] !== undefined && {
            RotationPeriodInDays: record['RotationPeriodInDays'],
          }),
        },
      },
    ],
  };
}

const KEY_ARN = /^arn:aws[\w-]*:kms:[^:]+:\d{12}:key\/.+$/;
const BARE_KEY_ID = new RegExp(`^${KMS_KEY_ID}$`, 'i');

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
      // An empty one is a scope listing (empty-listing.ts).
      const ids = record['DetectorIds'] as string[];
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
  ...TAG_ANSWERS,
  // `aws cloudtrail get-event-selectors --trail-name <trail>`: the trail's ARN and its basic or
  // advanced selectors, which describe-trails and Config leave out (adapters/event-selectors.ts).
  // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetEventSelectors.html
  {
    matches: (record) =>
      typeof record['TrailARN'] === 'string' &&
      (Array.isArray(record['EventSelectors']) || Array.isArray(record['AdvancedEventSelectors'])),
    read(record) {
      const arn = record['TrailARN'] as string;
      const parts = TRAIL_ARN.exec(arn);
      if (!parts) return { skip: `aws cloudtrail get-event-selectors names no trail ARN (${arn})` };
      const { ResponseMetadata: _, TrailARN: __, ...configuration } = record;
      // The trail's selectors only: its other settings and tags are left to its other records.
      const trail = partialItem('cloudtrail:trail', arn, parts[2], parts[1], undefined);
      return { items: [{ ...trail, configuration }], partial: true };
    },
  },
  ...S3_BUCKET_ANSWERS,
  unread(
    (record) =>
      only(record, ['Policy', 'PolicyName']) &&
      typeof record['PolicyName'] === 'string' &&
      isPolicyDocument(record['Policy']),
    "aws kms get-key-policy names no key: read the key's Config item (it carries the policy)",
  ),
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
      Array.isArray(record['ConfigurationRecorders']) ||
      Array.isArray(record['ConfigurationRecordersStatus']),
    'aws configservice describe-configuration-recorders (or -status) describes the recorder, not a resource kansa checks',
  ),
  // Any other policy document alone (an identity policy, a key policy, a trust policy) names
  // no resource: the resource's own record carries its policy.
  unread(
    (record) => only(record, ['Version', 'Id', 'Statement']) && record['Statement'] !== undefined,
    "a policy document alone (as --query Policy or --query PolicyVersion.Document saves it) names no resource kansa reads; a bucket's is read where every statement names a principal and the bucket",
  ),
  unread(
    (record) =>
      Array.isArray(record['resourceIdentifiers']) &&
      record['resourceIdentifiers'].every((each) => typeof asRecord(each)?.['resourceType'] === 'string'),
    'aws configservice list-discovered-resources names each resource by type and id alone (no account, Region or setting): batch-get-resource-config gives their configuration items',
  ),
  // `aws kms list-keys` (`Keys[].{KeyId, KeyArn}`, `Truncated`): which keys there are, none of
  // their settings (an empty one, a Region without keys, leaves no key to judge either).
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html
  unread(
    (record) =>
      only(record, ['Keys', 'Truncated', 'NextMarker']) &&
      Array.isArray(record['Keys']) &&
      record['Keys'].every((key) => typeof asRecord(key)?.['KeyId'] === 'string'),
    'aws kms list-keys names each key by its id and ARN alone: aws kms describe-key and get-key-rotation-status give what the checks read',
  ),
  // `aws iam list-virtual-mfa-devices` (`VirtualMFADevices[].SerialNumber`) with no device of the
  // root user (which virtual-mfa-devices.ts reads): a user's device is named by the user's name
  // and ARN, and the credential report's `mfa_active` says who has one.
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
  unread(
    (record) =>
      only(record, ['VirtualMFADevices', 'IsTruncated', 'Marker']) &&
      Array.isArray(record['VirtualMFADevices']) &&
      record['VirtualMFADevices'].every((device) => typeof asRecord(device)?.['SerialNumber'] === 'string'),
    "aws iam list-virtual-mfa-devices lists no device of the root user (a hardware key is not listed), and users' MFA is read from the credential report's mfa_active",
  ),
  // A user's answers of the IAM CLI, saved one file a command and user (`iam list-access-keys
  // --user-name <user>`), name the user by name alone, and the empty list not at all; a user's
  // ARN holds its path (`user/ci/<name>`), which no name tells. The credential report gives the
  // same per user (keys and their rotation, MFA, console password) with the ARN, and
  // get-account-authorization-details the policies.
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccessKeys.html and
  // API_ListMFADevices, API_GetLoginProfile, API_GetAccessKeyLastUsed, API_ListAttachedUserPolicies
  unread(
    (record) =>
      only(record, ['AccessKeyMetadata', 'IsTruncated', 'Marker']) &&
      Array.isArray(record['AccessKeyMetadata']),
    "aws iam list-access-keys names the user by name alone (its ARN's path is not told): the credential report (aws iam get-credential-report) gives each user's keys and when they were rotated",
  ),
  unread(
    (record) =>
      only(record, ['UserName', 'AccessKeyLastUsed']) && asRecord(record['AccessKeyLastUsed']) !== undefined,
    "aws iam get-access-key-last-used names the user by name alone: the credential report gives each key's last use",
  ),
  unread(
    (record) => only(record, ['MFADevices', 'IsTruncated', 'Marker']) && Array.isArray(record['MFADevices']),
    "aws iam list-mfa-devices names the user by name alone, and an empty list not at all: the credential report's mfa_active says who has MFA",
  ),
  unread(
    (record) =>
      only(record, ['LoginProfile']) && typeof asRecord(record['LoginProfile'])?.['UserName'] === 'string',
    "aws iam get-login-profile names the user by name alone: the credential report's password_enabled says who has a console password",
  ),
  unread(
    (record) =>
      only(record, ['AttachedPolicies', 'IsTruncated', 'Marker']) &&
      Array.isArray(record['AttachedPolicies']),
    'aws iam list-attached-user-policies (or -role-, -group-) names no principal: aws iam get-account-authorization-details gives each principal with its policies',
  ),
  unread(
    (record) =>
      only(record, ['PolicyNames', 'IsTruncated', 'Marker']) &&
      Array.isArray(record['PolicyNames']) &&
      record['PolicyNames'].every((name) => typeof name === 'string'),
    'aws iam list-user-policies (or -role-, -group-) names no principal nor what its inline policies allow: aws iam get-account-authorization-details gives them',
  ),
  unread(
    (record) =>
      only(record, ['State', 'Description']) &&
      ['STARTED', 'INPROGRESS', 'COMPLETE'].includes(String(record['State'])),
    'aws iam generate-credential-report only starts the report: get-credential-report gives it',
  ),
  unread(
    (record) =>
      only(record, ['UserId', 'Account', 'Arn']) &&
      typeof record['Account'] === 'string' &&
      typeof record['Arn'] === 'string',
    'aws sts get-caller-identity names who ran the commands, not a resource kansa checks',
  ),
];

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
