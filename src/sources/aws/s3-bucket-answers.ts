import { tagsHeldElsewhere } from '../../model/resource.ts';
import {
  type AnswerShape,
  isRegionName,
  only,
  type PathPlace,
  partitionOf,
  type UnnamedAnswer,
} from './cli-answer.ts';
import { asRecord, decodeJsonValue } from './config-item.ts';

/**
 * A bucket's logging as Config's supplementary configuration holds it, from GetBucketLogging's
 * `LoggingEnabled` (absent or `{}` when logging is off: no target bucket).
 */
export function loggingSetting(
  logging: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  return {
    BucketLoggingConfiguration: {
      destinationBucketName: logging?.['TargetBucket'] ?? null,
      logFilePrefix: logging?.['TargetPrefix'] ?? null,
    },
  };
}

/** A bucket's ACL as Config's supplementary configuration holds it, from GetBucketAcl's answer. */
export function aclSetting(acl: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { AccessControlList: { owner: acl['Owner'], grants: acl['Grants'] } };
}

/** A bucket's name, as S3 allows it: 3 to 63 lower-case letters, digits, dots and hyphens. */
const BUCKET = '[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]';

/**
 * `aws s3api` answers about one bucket, and list-buckets: each bucket's setting as AWS Config's
 * supplementary configuration holds it (the S3 adapter reads the API's spelling).
 */
export const S3_BUCKET_ANSWERS: readonly AnswerShape[] = [
  bucketAnswer(
    'get-bucket-encryption',
    (record) => asRecord(record['ServerSideEncryptionConfiguration']) !== undefined,
    (record) => ({ ServerSideEncryptionConfiguration: record['ServerSideEncryptionConfiguration'] }),
  ),
  // `aws s3control get-public-access-block --account-id <account>` answers as a bucket's does: a
  // file named after s3control (or the account's block) is the account's, which protects every
  // bucket of it; read as Config's AWS::S3::AccountPublicAccessBlock.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html
  {
    matches: (record) => asRecord(record['PublicAccessBlockConfiguration']) !== undefined,
    read(record, place, name) {
      const flags = record['PublicAccessBlockConfiguration'];
      if (ACCOUNT_BLOCK_NAME.test(name)) return accountBlock(flags, place, name);
      return bucketSetting(
        'get-public-access-block',
        name,
        place,
        { PublicAccessBlockConfiguration: flags },
        {
          alike:
            "(s3control's, saved as s3control-get-public-access-block.json in <account>/ folders, is read as the account's)",
        },
      );
    },
  },
  // `aws s3api get-bucket-tagging`: `{"TagSet": [{"Key", "Value"}]}`, the bucket's tags, which
  // no other bucket answer carries (a bucket without tags answers the NoSuchTagSet error).
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketTagging.html
  {
    matches: (record) => only(record, ['TagSet']) && Array.isArray(record['TagSet']),
    read: (record, place, name) =>
      bucketSetting('get-bucket-tagging', name, place, {}, { tagSet: record['TagSet'] }),
  },
  // An answer with logging off is `{}`, which says nothing of what it answers: not read.
  bucketAnswer(
    'get-bucket-logging',
    (record) => only(record, ['LoggingEnabled']) && asRecord(record['LoggingEnabled']) !== undefined,
    (record) => loggingSetting(asRecord(record['LoggingEnabled'])),
  ),
  // get-object-acl answers the same shape: only a file named after get-bucket-acl is a bucket's.
  bucketAnswer(
    'get-bucket-acl',
    (record) => asRecord(record['Owner']) !== undefined && Array.isArray(record['Grants']),
    aclSetting,
    '(get-object-acl answers alike and is not read)',
  ),
  // KMS answered `{"Policy"}` alone before it added `PolicyName`: the file name tells them apart,
  // or, in a file named after no bucket, the statements do, as in a bucket policy saved alone.
  {
    matches: (record) => only(record, ['Policy']) && isPolicyDocument(record['Policy']),
    read(record, place, name) {
      const supplementary = { BucketPolicy: { policyText: record['Policy'] } };
      const named = bucketSetting('get-bucket-policy', name, place, supplementary, {
        alike: "(or, without a PolicyName, kms get-key-policy: read the key's Config item)",
        confirms: (bucket) => policyNamesBucket(record, bucket),
      });
      const bucket = bucketOfPolicy(asRecord(decodeJsonValue(record['Policy'])) ?? {});
      return 'skip' in named && bucket && place.account ? placedSetting(bucket, place, supplementary) : named;
    },
  },
  // `aws s3api get-bucket-policy-status`: `{"PolicyStatus": {"IsPublic": …}}`, S3's own verdict
  // on the bucket policy (the S3 adapter reads it beside the document, which the check weighs).
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html
  bucketAnswer(
    'get-bucket-policy-status',
    (record) =>
      only(record, ['PolicyStatus']) && typeof asRecord(record['PolicyStatus'])?.['IsPublic'] === 'boolean',
    (record) => ({ PolicyStatus: { IsPublic: asRecord(record['PolicyStatus'])?.['IsPublic'] } }),
  ),
  // The policy document alone, as the AWS CLI's own example saves it (`aws s3api get-bucket-policy
  // --query Policy --output text > policy.json`): a bucket policy's statements each name a
  // principal (an identity policy's never do) and only the bucket or its objects (S3 refuses
  // others), so they name the bucket whatever the file is called.
  {
    matches: (record) => only(record, ['Version', 'Id', 'Statement']) && bucketOfPolicy(record) !== undefined,
    read(record, place) {
      const bucket = bucketOfPolicy(record)!;
      if (!place.account)
        return {
          skip: `a bucket policy document of ${bucket} (get-bucket-policy --query Policy) names no account: saved in <account>/ folders, it is read`,
        };
      return placedSetting(bucket, place, { BucketPolicy: { policyText: JSON.stringify(record) } });
    },
  },
  // `aws s3api get-bucket-location --bucket <bucket>`: `{"LocationConstraint": …}`, the one
  // answer that names where the bucket is; the dump's folders name only where the CLI ran, so
  // this item alone of the bucket's answers carries a Region, and the bucket takes it.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
  {
    matches: (record) => only(record, ['LocationConstraint']) && 'LocationConstraint' in record,
    read(record, place, name) {
      const constraint = record['LocationConstraint'];
      const region = regionOfLocation(constraint);
      if (region === undefined)
        return {
          skip: `aws s3api get-bucket-location answered LocationConstraint ${JSON.stringify(constraint)}, which is no Region`,
        };
      const bucket = bucketInName('get-bucket-location', name);
      if (!bucket || !place.account)
        return {
          skip: `aws s3api get-bucket-location names no bucket: saved as <account>/…/get-bucket-location_<bucket>.json or <bucket>-location.json, it is read`,
        };
      return {
        items: [bucketItem(bucket, { account: place.account, region }, undefined)],
        partial: true,
        unknownTags: BUCKET_TAGS,
      };
    },
  },
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
      // The folders' Region is only where the CLI ran: the account is what they must give.
      if (!place.account)
        return {
          skip: `aws s3api list-buckets names no account: saved in <account>/ folders, its buckets (${names.join(', ')}) are read`,
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
        unknownTags: BUCKET_TAGS,
      };
    },
  },
];

/**
 * The Region a LocationConstraint names: null (as the AWS CLI prints it) or `""` (as some SDKs
 * and tools write it) for us-east-1, where S3 answers no constraint; `EU`, the constraint of
 * buckets created before Regions had names of their own, for eu-west-1.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
 */
export function regionOfLocation(constraint: unknown): string | undefined {
  if (constraint === null || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return typeof constraint === 'string' && isRegionName(constraint) ? constraint : undefined;
}

/** A file name that says the answer is s3control's, for the account, not a bucket's. */
const ACCOUNT_BLOCK_NAME = /s3-?control|account[-_]?public[-_]?access[-_]?block/i;

/** The account's Block Public Access, the account from the folders or a twelve-digit run in the name. */
function accountBlock(flags: unknown, place: PathPlace, name: string): UnnamedAnswer {
  const account = place.account ?? /(?:^|[-_.])(\d{12})(?:[-_.]|$)/.exec(name)?.[1];
  if (!account)
    return {
      skip: 'aws s3control get-public-access-block names no account: saved in <account>/ folders or as s3control-get-public-access-block_<account>.json, it is read',
    };
  return {
    items: [
      {
        resourceType: 'AWS::S3::AccountPublicAccessBlock',
        resourceId: account,
        accountId: account,
        awsRegion: place.region ?? 'global',
        configuration: flags,
      },
    ],
  };
}

/** A policy document as a JSON string (`{"Version", "Statement"}`), as S3 and KMS answer it. */
export function isPolicyDocument(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return asRecord(JSON.parse(value))?.['Statement'] !== undefined;
  } catch {
    return false;
  }
}

/**
 * `aws s3api <command> --bucket <bucket>`, whose answer names no bucket, saved as
 * `<command>_<bucket>.json` (perhaps after a prefix: `s3api-get-bucket-acl_<bucket>.json`), or
 * as auditors' loops over list-buckets name them, the bucket first and the setting after it
 * (`${bucket}-policy.json`, `${bucket}_acl.json`): read as the bucket's item with only the
 * setting it answers, `supplementary`, which merges with the bucket's list-buckets entry,
 * Config item or other answers (its id is the bucket's ARN, `arn:aws:s3:::<bucket>`, which
 * names no account or Region: the dump's folders do). A policy's `<bucket>-policy` name is taken
 * only where its statements agree (a key's could be named so): see its entry above.
 * https://docs.aws.amazon.com/cli/latest/reference/s3api/
 */
function bucketAnswer(
  command: string,
  matches: AnswerShape['matches'],
  supplementary: (record: Readonly<Record<string, unknown>>) => Record<string, unknown>,
  alike = '',
): AnswerShape {
  return {
    matches,
    read: (record, place, name) => bucketSetting(command, name, place, supplementary(record), { alike }),
  };
}

/** The setting's word after the bucket's name in the file names auditors' loops give. */
const SETTING_IN_NAME: Readonly<Record<string, string>> = {
  'get-bucket-encryption': 'encryption',
  'get-public-access-block': 'pab|public-access-block',
  'get-bucket-policy': 'policy',
  'get-bucket-policy-status': 'policy-status|policystatus',
  'get-bucket-acl': 'acl',
  'get-bucket-logging': 'logging',
  'get-bucket-location': 'location|region',
  'get-bucket-tagging': 'tagging|tags',
};

/** list-buckets and the get-bucket-* answers but get-bucket-tagging's carry no tags. */
const BUCKET_TAGS = tagsHeldElsewhere(
  'aws s3api list-buckets / get-bucket-*',
  'aws s3api get-bucket-tagging',
);

/**
 * The bucket's item with one setting, `supplementary`, an answer to `aws s3api <command>` gave,
 * the bucket named by the file's `name` (without its folders and ending), placed by its folders;
 * or why it cannot be placed. `alike` names what answers alike and is read otherwise; `confirms`
 * says whether the answer agrees with a bucket named before the setting's word; `tagSet` is
 * get-bucket-tagging's `TagSet` (none where it answered NoSuchTagSet), the item's tags.
 */
export function bucketSetting(
  command: string,
  name: string,
  place: PathPlace,
  supplementary: Record<string, unknown>,
  { alike = '', confirms = () => true, tagSet }: SettingOptions = {},
): UnnamedAnswer {
  const bucket = bucketInName(command, name, confirms);
  // S3 is global, and dumps keep its answers where the CLI ran or in no Region's folder: only
  // the account is needed (the bucket's Region is its own record's).
  if (!bucket || !place.account)
    return {
      skip: `aws s3api ${command} names no bucket${alike ? ` ${alike}` : ''}: saved as <account>/…/${command}_<bucket>.json or <bucket>-${settingWords(command)[0]}.json, it is read`,
    };
  return placedSetting(bucket, place, supplementary, tagSet);
}

/** How bucketSetting reads an answer beyond its command and setting. */
interface SettingOptions {
  readonly alike?: string;
  readonly confirms?: (bucket: string) => boolean;
  readonly tagSet?: unknown;
}

/**
 * The bucket's item with one setting, its Region left to the bucket's own record; with `tagSet`
 * (get-bucket-tagging's), a record whose tags are known.
 */
function placedSetting(
  bucket: string,
  place: PathPlace,
  supplementary: Record<string, unknown>,
  tagSet?: unknown,
): UnnamedAnswer {
  const item = bucketItem(bucket, place, supplementary);
  const known = tagSet !== undefined;
  return {
    items: [known ? { ...item, tags: tagSet } : item],
    partial: true,
    regionUnknown: new Set([String(item.arn)]),
    ...(!known && { unknownTags: BUCKET_TAGS }),
  };
}

/** The bucket a file named after `command`'s answer names, if it names one. */
function bucketInName(
  command: string,
  name: string,
  confirms: (bucket: string) => boolean = () => true,
): string | undefined {
  // `get-bucket-encryption.json` is the command's name alone, not a bucket `get-bucket`'s.
  const beforeWord = name.endsWith(command)
    ? undefined
    : new RegExp(`^(${BUCKET})[-_](?:${settingWords(command).join('|')})$`).exec(name)?.[1];
  return (
    new RegExp(`(?:^|[-_.])${command}_(${BUCKET})$`).exec(name)?.[1] ??
    (beforeWord && confirms(beforeWord) ? beforeWord : undefined)
  );
}

function settingWords(command: string): string[] {
  return (SETTING_IN_NAME[command] ?? command).split('|');
}

/**
 * The one bucket a bucket policy document is about: every statement names a principal, and every
 * resource is that bucket or objects in it.
 */
function bucketOfPolicy(record: Readonly<Record<string, unknown>>): string | undefined {
  const statements = record['Statement'];
  const list = Array.isArray(statements) ? statements : [statements];
  const buckets = new Set<string>();
  for (const each of list) {
    const statement = asRecord(each);
    if (!statement || (statement['Principal'] === undefined && statement['NotPrincipal'] === undefined))
      return undefined;
    const resource = statement['Resource'];
    for (const named of Array.isArray(resource) ? resource : [resource]) {
      const bucket = typeof named === 'string' ? BUCKET_ARN.exec(named)?.[1] : undefined;
      if (!bucket) return undefined;
      buckets.add(bucket);
    }
  }
  return buckets.size === 1 ? [...buckets][0] : undefined;
}

const BUCKET_ARN = new RegExp(`^arn:aws[\\w-]*:s3:::(${BUCKET})(?:/.*)?$`);

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
export function bucketItem(
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
    // Without a Region the item is one whose Region is unknown (regionUnknown): `global` only
    // stands in for it until the answer's reader marks it so.
    awsRegion: place.region ?? 'global',
    configuration: { name: bucket, ...configuration },
    ...(supplementary && { supplementaryConfiguration: supplementary }),
  };
}
