import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsS3ErrorAnswerFormat } from '../../../src/sources/aws/s3-error-answers.ts';
import { ACCOUNT } from './builders.ts';

// The AWS CLI's error output, on stderr after a blank line, saved in place of the answer by a
// loop that redirects 2>&1 (error codes: Amazon S3 API reference, "List of error codes").
function readAt(text: string, file: string) {
  const skipped: { reason: string; line?: number }[] = [];
  const resources = [
    ...awsS3ErrorAnswerFormat.read(text, {
      file,
      skip: (reason, where) => skipped.push({ reason, ...(where?.line && { line: where.line }) }),
    }),
  ] as Resource<Record<string, unknown>>[];
  return { resources, skipped };
}
const error = (code: string, operation: string, message: string) =>
  `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`;
const noEncryption = error(
  'ServerSideEncryptionConfigurationNotFoundError',
  'GetBucketEncryption',
  'The server side encryption configuration was not found',
);

describe('aws-s3api-error-answer', () => {
  it('is told by the CLI error line of an S3 bucket call', () => {
    expect(awsS3ErrorAnswerFormat.matches(noEncryption.trim())).toBe(true);
    expect(
      awsS3ErrorAnswerFormat.matches(
        'An error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: …',
      ),
    ).toBe(false);
  });

  it('reads "none" errors as the bucket having none of the setting, and only that setting', () => {
    const encryption = readAt(noEncryption, `${ACCOUNT}/ap-northeast-1/get-bucket-encryption_my-bucket.json`);
    expect(encryption.skipped).toEqual([]);
    expect(encryption.resources).toMatchObject([
      {
        id: 'arn:aws:s3:::my-bucket',
        account: ACCOUNT,
        facts: {
          sseAlgorithm: { source: 'default', value: 'AES256' },
          customerManagedKey: { source: 'default', value: false },
          blockPublicAcls: { source: 'unknown' },
        },
      },
    ]);
    const block = readAt(
      error(
        'NoSuchPublicAccessBlockConfiguration',
        'GetPublicAccessBlock',
        'The public access block configuration was not found',
      ),
      `${ACCOUNT}/ap-northeast-1/get-public-access-block_my-bucket.json`,
    );
    expect(block.resources[0]?.facts).toMatchObject({
      blockPublicAcls: { source: 'default', value: false },
      restrictPublicBuckets: { source: 'default', value: false },
      sseAlgorithm: { source: 'unknown' },
    });
    const policy = readAt(
      error('NoSuchBucketPolicy', 'GetBucketPolicy', 'The bucket policy does not exist'),
      `${ACCOUNT}/ap-northeast-1/get-bucket-policy_my-bucket.json`,
    );
    expect(policy.resources[0]?.facts).toMatchObject({
      publicPolicyStatements: { source: 'explicit', value: [] },
      publicAclGrants: { source: 'unknown' },
    });
  });

  it('reads NoSuchTagSet as the bucket having no tags: known, unlike the other answers, which carry none', () => {
    const tagging = readAt(
      error('NoSuchTagSet', 'GetBucketTagging', 'The TagSet does not exist'),
      `${ACCOUNT}/ap-northeast-1/get-bucket-tagging_my-bucket.json`,
    );
    expect(tagging.skipped).toEqual([]);
    expect(tagging.resources).toMatchObject([{ id: 'arn:aws:s3:::my-bucket', tags: {} }]);
    expect(tagging.resources[0]?.unknownTags).toBeUndefined();
    const encryption = readAt(noEncryption, `${ACCOUNT}/ap-northeast-1/get-bucket-encryption_my-bucket.json`);
    expect(encryption.resources[0]?.unknownTags).toMatchObject({
      en: expect.stringMatching(/get-bucket-tagging holds them/),
    });
  });

  it('skips what is not unambiguous: other errors, unplaced files, twelve digits for a bucket', () => {
    expect(
      readAt(
        error('AccessDenied', 'GetBucketPolicy', 'Access Denied'),
        `${ACCOUNT}/ap-northeast-1/get-bucket-policy_my-bucket.json`,
      ),
    ).toEqual({
      resources: [],
      skipped: [
        {
          reason:
            "aws s3api error AccessDenied from GetBucketPolicy: it says nothing of the bucket's setting",
          line: 2,
        },
      ],
    });
    expect(readAt(noEncryption, 'get-bucket-encryption_my-bucket.json').skipped).toEqual([
      {
        reason:
          'aws s3api get-bucket-encryption names no bucket: saved as <account>/…/get-bucket-encryption_<bucket>.json or <bucket>-encryption.json, it is read',
        line: 2,
      },
    ]);
    const account = readAt(
      error('NoSuchPublicAccessBlockConfiguration', 'GetPublicAccessBlock', 'not found'),
      `${ACCOUNT}/ap-northeast-1/get-public-access-block_${ACCOUNT}.json`,
    );
    expect(account.resources).toEqual([]);
    expect(account.skipped).toEqual([
      expect.objectContaining({
        reason: expect.stringContaining("a bucket's, or s3control's for an account"),
      }),
    ]);
  });
});
