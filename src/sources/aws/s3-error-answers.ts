import type { TextFormat } from '../format.ts';
import { answerResources, baseName, placeInPath } from './cli-answer.ts';
import { bucketSetting } from './s3-bucket-answers.ts';

/**
 * The AWS CLI prints a failed call's error on stderr, after a blank line: `An error occurred
 * (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not
 * exist`. An auditor's loop that redirects `2>&1` saves it in place of the answer.
 */
const S3_ERROR =
  /^An error occurred \((\w+)\) when calling the (GetBucket\w+|GetPublicAccessBlock) operation\b/;

/**
 * The errors that say the bucket has no such setting, each as the bucket's supplementary
 * configuration records having none: null, which a partial item keeps apart from "not read".
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
const NONE: Readonly<
  Record<string, { command: string; none: Record<string, unknown>; tagSet?: readonly unknown[] }>
> = {
  'GetBucketEncryption ServerSideEncryptionConfigurationNotFoundError': {
    command: 'get-bucket-encryption',
    none: { ServerSideEncryptionConfiguration: null },
  },
  'GetBucketPolicy NoSuchBucketPolicy': {
    command: 'get-bucket-policy',
    none: { BucketPolicy: { policyText: null } },
  },
  // GetBucketPolicyStatus has no verdict on a policy that is not there: it says there is none.
  'GetBucketPolicyStatus NoSuchBucketPolicy': {
    command: 'get-bucket-policy-status',
    none: { BucketPolicy: { policyText: null } },
  },
  'GetPublicAccessBlock NoSuchPublicAccessBlockConfiguration': {
    command: 'get-public-access-block',
    none: { PublicAccessBlockConfiguration: null },
  },
  // A bucket without tags: its tags are known, and none (Resource.unknownTags not set).
  'GetBucketTagging NoSuchTagSet': { command: 'get-bucket-tagging', none: {}, tagSet: [] },
};

/**
 * `aws s3api get-bucket-encryption`, `get-bucket-policy` (or `get-bucket-policy-status`),
 * `get-public-access-block` or `get-bucket-tagging` answering that the bucket has none, saved as
 * `<account>/<region>/<command>_<bucket>.json`: read as the bucket having none, its Region left
 * to the bucket's own record (the folder names where the CLI ran). Any other error of an S3 bucket call (AccessDenied, NoSuchBucket) says
 * nothing of the setting, and is skipped naming it. s3control's GetPublicAccessBlock answers the
 * same error for an account: a "bucket" of twelve digits may be an account id, and is skipped.
 */
export const awsS3ErrorAnswerFormat: TextFormat = {
  kind: 'text',
  id: 'aws-s3api-error-answer',
  provider: 'aws',
  description:
    'aws s3api get-bucket-encryption / get-bucket-policy / get-bucket-policy-status / get-public-access-block / get-bucket-tagging error output "An error occurred (ServerSideEncryptionConfigurationNotFoundError | NoSuchBucketPolicy | NoSuchPublicAccessBlockConfiguration | NoSuchTagSet) …", saved as <account>/<region>/<command>_<bucket>.json (the bucket has none)',
  matches(firstLine) {
    return S3_ERROR.test(firstLine.trim());
  },
  *read(text, ctx) {
    const lines = text.split(/\r?\n/);
    const line = lines.findIndex((each) => each.trim() !== '');
    const [, code = '', operation = ''] = S3_ERROR.exec(lines[line]?.trim() ?? '') ?? [];
    const known = NONE[`${operation} ${code}`];
    const name = baseName(ctx.file);
    const answer = !known
      ? { skip: `aws s3api error ${code} from ${operation}: it says nothing of the bucket's setting` }
      : /(?:^|_)\d{12}$/.test(name) && known.command === 'get-public-access-block'
        ? {
            skip: `${code} from ${operation} in a file named after twelve digits: a bucket's, or s3control's for an account; saved as <account>/<region>/${known.command}_<bucket>.json for a bucket`,
          }
        : bucketSetting(known.command, name, placeInPath(ctx.file), known.none, { tagSet: known.tagSet });
    if ('skip' in answer) ctx.skip(answer.skip, { line: line + 1 });
    else yield* answerResources(answer, ctx);
  },
};
