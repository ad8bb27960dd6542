import { describe, expect, it } from 'vitest';
import bucketPublicAccess from '../../../src/checks/aws/s3/bucket-public-access.ts';
import dataInJapan from '../../../src/checks/common/location/data-in-japan.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { awsApiDescribeFormat } from '../../../src/sources/aws/api-describe.ts';
import { awsS3ErrorAnswerFormat } from '../../../src/sources/aws/s3-error-answers.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT } from './builders.ts';

// `aws s3api get-bucket-location` and `get-bucket-policy-status` as the AWS CLI prints them
// (awscli/examples/s3api/get-bucket-location.rst, get-bucket-policy-status.rst), saved per
// bucket by an auditor's loop under the <account>/<region>/ the CLI ran in.
function readAt(document: unknown, file: string) {
  const skipped: string[] = [];
  const ctx = { file, skip: (reason: string) => skipped.push(reason) };
  const resources = [
    ...(typeof document === 'string'
      ? awsS3ErrorAnswerFormat.read(document, ctx)
      : awsApiDescribeFormat.read(document, ctx)),
  ] as Resource<Record<string, unknown>>[];
  return { resources, skipped };
}
const TOKYO = `${ACCOUNT}/ap-northeast-1`;
const bucket = 'arn:aws:s3:::my-bucket';

describe('aws s3api get-bucket-location', () => {
  it.each([
    ['ap-northeast-3', 'ap-northeast-3'],
    // S3 answers no constraint for us-east-1: the CLI prints null, other tools "".
    [null, 'us-east-1'],
    ['', 'us-east-1'],
    // Buckets created with the legacy constraint EU are in Ireland.
    ['EU', 'eu-west-1'],
    ['eu-central-1', 'eu-central-1'],
  ])(
    'reads LocationConstraint %j as the bucket in %s, whatever folder it was saved in',
    (constraint, region) => {
      const { resources, skipped } = readAt(
        { LocationConstraint: constraint },
        `${TOKYO}/get-bucket-location_my-bucket.json`,
      );
      expect(skipped).toEqual([]);
      expect(resources).toMatchObject([
        {
          id: bucket,
          account: ACCOUNT,
          region,
          name: 'my-bucket',
          // The location says nothing of the bucket's settings.
          facts: { blockPublicAcls: { source: 'unknown' }, sseAlgorithm: { source: 'unknown' } },
        },
      ]);
    },
  );

  it('places a China bucket in its own partition', () => {
    expect(
      readAt({ LocationConstraint: 'cn-north-1' }, `${ACCOUNT}/cn-north-1/my-bucket-location.json`).resources,
    ).toMatchObject([{ id: 'arn:aws-cn:s3:::my-bucket', region: 'cn-north-1' }]);
  });

  it('needs the account folder only, and skips what names no bucket or no Region', () => {
    expect(
      readAt({ LocationConstraint: null }, `${ACCOUNT}/get-bucket-location_my-bucket.json`).resources,
    ).toMatchObject([{ id: bucket, region: 'us-east-1' }]);
    expect(readAt({ LocationConstraint: null }, 'get-bucket-location_my-bucket.json').skipped).toEqual([
      'aws s3api get-bucket-location names no bucket: saved as <account>/…/get-bucket-location_<bucket>.json or <bucket>-location.json, it is read',
    ]);
    expect(
      readAt({ LocationConstraint: 'Mars' }, `${TOKYO}/get-bucket-location_my-bucket.json`).skipped,
    ).toEqual(['aws s3api get-bucket-location answered LocationConstraint "Mars", which is no Region']);
  });

  it('gives the bucket its Region against the folder its other answers were saved in, in any order', () => {
    const records = [
      readAt(
        {
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
        },
        `${TOKYO}/get-bucket-encryption_my-bucket.json`,
      ),
      // The CLI's error saved by 2>&1 is placed no better than an answer.
      readAt(
        '\nAn error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not exist\n',
        `${TOKYO}/get-bucket-policy_my-bucket.json`,
      ),
      readAt(
        { Buckets: [{ Name: 'my-bucket', CreationDate: '2019-03-04T05:06:07+00:00' }], Owner: {} },
        `${TOKYO}/list-buckets.json`,
      ),
      readAt({ LocationConstraint: null }, `${TOKYO}/get-bucket-location_my-bucket.json`),
    ].map(({ resources, skipped }) => {
      expect(skipped).toEqual([]);
      return resources;
    });
    expect(
      records
        .slice(0, 3)
        .flat()
        .map((resource) => resource.region),
    ).toEqual(['', '', '']);
    for (const order of [records, [...records].reverse()]) {
      const result = evaluate(dataInJapan, order.flat(), bucket);
      expect(result).toMatchObject({ status: 'FAIL', data: { region: 'us-east-1' } });
    }
  });

  it('reads the answers of a dump that keeps S3, a global service, in the account’s folder alone', () => {
    const answers = [
      readAt({ PolicyStatus: { IsPublic: true } }, `${ACCOUNT}/s3/get-bucket-policy-status_my-bucket.json`),
      readAt({ Buckets: [{ Name: 'my-bucket' }], Owner: {} }, `${ACCOUNT}/s3/list-buckets.json`),
      readAt({ LocationConstraint: 'ap-northeast-1' }, `${ACCOUNT}/s3/get-bucket-location_my-bucket.json`),
    ];
    expect(answers.map(({ skipped }) => skipped)).toEqual([[], [], []]);
    expect(answers.map(({ resources }) => resources[0]?.region)).toEqual(['', '', 'ap-northeast-1']);
    expect(
      evaluate(
        dataInJapan,
        answers.flatMap(({ resources }) => resources),
        bucket,
      ).status,
    ).toBe('PASS');
  });

  it('leaves the Region unknown without a location, list-buckets Region or Config item', () => {
    const { resources } = readAt(
      { PolicyStatus: { IsPublic: false } },
      `${TOKYO}/get-bucket-policy-status_my-bucket.json`,
    );
    expect(evaluate(dataInJapan, resources, bucket)).toMatchObject({
      status: 'UNKNOWN',
      message: 'locationUnreadable',
    });
  });
});

describe('aws s3api get-bucket-policy-status', () => {
  it('reads IsPublic as S3’s verdict on the policy, and nothing else', () => {
    for (const [file, isPublic] of [
      [`${TOKYO}/get-bucket-policy-status_my-bucket.json`, true],
      [`${TOKYO}/my-bucket-policy-status.json`, false],
    ] as const) {
      const { resources, skipped } = readAt({ PolicyStatus: { IsPublic: isPublic } }, file);
      expect(skipped).toEqual([]);
      expect(resources).toMatchObject([
        {
          id: bucket,
          region: '',
          facts: {
            policyStatusPublic: {
              source: 'explicit',
              value: isPublic,
              path: 'supplementaryConfiguration.PolicyStatus.IsPublic',
            },
            publicPolicyStatements: { source: 'unknown' },
          },
        },
      ]);
    }
  });

  it('reads NoSuchBucketPolicy from GetBucketPolicyStatus as the bucket having no policy', () => {
    const { resources, skipped } = readAt(
      '\nAn error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicyStatus operation: The bucket policy does not exist\n',
      `${TOKYO}/get-bucket-policy-status_my-bucket.json`,
    );
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      { id: bucket, region: '', facts: { publicPolicyStatements: { source: 'explicit', value: [] } } },
    ]);
  });

  it('fails a bucket S3 calls public, with the blocks off, naming IsPublic', () => {
    const resources = [
      readAt({ PolicyStatus: { IsPublic: true } }, `${TOKYO}/get-bucket-policy-status_my-bucket.json`),
      readAt(
        {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: false,
            IgnorePublicAcls: false,
            BlockPublicPolicy: false,
            RestrictPublicBuckets: false,
          },
        },
        `${TOKYO}/get-public-access-block_my-bucket.json`,
      ),
    ].flatMap(({ resources }) => resources);
    expect(evaluate(bucketPublicAccess, resources, bucket)).toMatchObject({
      status: 'FAIL',
      message: 'policyStatusPublic',
      evidence: [{ path: 'supplementaryConfiguration.PolicyStatus.IsPublic', value: true }, {}, {}, {}],
    });
  });
});

// aws/aws-cli awscli/examples/s3api/get-bucket-policy.rst: "aws s3api get-bucket-policy --bucket
// mybucket --query Policy --output text > policy.json" saves the policy document alone.
describe('a policy document alone', () => {
  const document = (statement: object) => ({ Version: '2012-10-17', Statement: [statement] });
  const tlsOnly = {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };

  it('is the policy of the one bucket its statements name, each with a principal', () => {
    const { resources, skipped } = readAt(document(tlsOnly), `${TOKYO}/policy.json`);
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      {
        id: bucket,
        account: ACCOUNT,
        region: '',
        facts: {
          secureTransportDenyStatements: { source: 'explicit', value: ['DenyInsecureTransport'] },
          publicPolicyStatements: { source: 'explicit', value: [] },
          blockPublicAcls: { source: 'unknown' },
        },
      },
    ]);
    expect(readAt(document(tlsOnly), 'policy.json').skipped).toEqual([
      'a bucket policy document of my-bucket (get-bucket-policy --query Policy) names no account: saved in <account>/ folders, it is read',
    ]);
  });

  it('places get-bucket-policy’s answer in a file named after no bucket by its statements too', () => {
    expect(
      readAt({ Policy: JSON.stringify(document(tlsOnly)) }, `${TOKYO}/s3/answers/policy.json`).resources,
    ).toMatchObject([
      { id: bucket, facts: { secureTransportDenyStatements: { value: ['DenyInsecureTransport'] } } },
    ]);
  });

  it('is skipped, naming what it lacks, when it is an identity, key or two buckets’ policy', () => {
    const { Principal: _, ...identity } = tlsOnly;
    for (const other of [
      document(identity),
      document({ ...tlsOnly, Resource: '*' }),
      document({ ...tlsOnly, Resource: ['arn:aws:s3:::my-bucket/*', 'arn:aws:s3:::other-bucket/*'] }),
    ])
      expect(readAt(other, `${TOKYO}/policy.json`)).toEqual({
        resources: [],
        skipped: [expect.stringMatching(/^a policy document alone .* names no resource kansa reads/)],
      });
  });
});

// `aws s3control get-public-access-block --account-id <account>` answers as a bucket's
// get-public-access-block does (API_control_GetPublicAccessBlock): the file name tells them apart.
describe('aws s3control get-public-access-block', () => {
  const blocks = (on: boolean) => ({
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: on,
      IgnorePublicAcls: on,
      BlockPublicPolicy: on,
      RestrictPublicBuckets: on,
    },
  });

  it('is the account’s Block Public Access, which protects its buckets with their own blocks off', () => {
    const account = readAt(blocks(true), `${TOKYO}/s3control-get-public-access-block.json`);
    expect(account.resources).toMatchObject([
      {
        nativeType: 'AWS::S3::AccountPublicAccessBlock',
        account: ACCOUNT,
        region: 'global',
        facts: { restrictPublicBuckets: { source: 'explicit', value: true } },
      },
    ]);
    const publicBucket = [
      readAt(blocks(false), `${TOKYO}/get-public-access-block_my-bucket.json`),
      readAt(
        {
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: '*',
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::my-bucket/*',
              },
            ],
          }),
        },
        `${TOKYO}/get-bucket-policy_my-bucket.json`,
      ),
      readAt(
        {
          Owner: { ID: 'a1b2' },
          Grants: [{ Grantee: { ID: 'a1b2', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' }],
        },
        `${TOKYO}/get-bucket-acl_my-bucket.json`,
      ),
    ].flatMap(({ resources }) => resources);
    expect(evaluate(bucketPublicAccess, [...publicBucket, ...account.resources], bucket)).toMatchObject({
      status: 'PASS',
      message: 'blocked',
    });
  });

  it('takes the account from a twelve-digit run in the name, else says what would place it', () => {
    expect(readAt(blocks(true), `s3control_get-public-access-block_${ACCOUNT}.json`).resources).toMatchObject(
      [{ nativeType: 'AWS::S3::AccountPublicAccessBlock', account: ACCOUNT }],
    );
    expect(readAt(blocks(true), 's3control-get-public-access-block.json').skipped).toEqual([
      'aws s3control get-public-access-block names no account: saved in <account>/ folders or as s3control-get-public-access-block_<account>.json, it is read',
    ]);
  });
});

describe('aws s3api get-bucket-tagging', () => {
  it('reads TagSet as the bucket’s tags, named by the command or as a loop names it', () => {
    const tagSet = { TagSet: [{ Value: '機密性３', Key: '機密性' }] };
    for (const file of [
      `${ACCOUNT}/get-bucket-tagging_juki-archive.json`,
      `${ACCOUNT}/juki-archive-tagging.json`,
      `${ACCOUNT}/juki-archive_tags.json`,
    ]) {
      const [bucket, ...others] = readAt(tagSet, file).resources;
      expect(others, file).toEqual([]);
      expect(bucket, file).toMatchObject({ id: 'arn:aws:s3:::juki-archive', tags: { 機密性: '機密性３' } });
      expect(bucket?.unknownTags, file).toBeUndefined();
    }
  });

  it('marks list-buckets and the other bucket answers as carrying no tags, naming get-bucket-tagging', () => {
    const listed = readAt(
      { Buckets: [{ Name: 'juki-archive', BucketRegion: 'ap-northeast-1' }] },
      `${ACCOUNT}/list-buckets.json`,
    );
    expect(listed.resources[0]?.unknownTags).toMatchObject({
      en: expect.stringMatching(/aws s3api get-bucket-tagging holds them/),
    });
    const location = readAt(
      { LocationConstraint: 'ap-northeast-1' },
      `${ACCOUNT}/get-bucket-location_juki-archive.json`,
    );
    expect(location.resources[0]?.unknownTags).toBe(listed.resources[0]?.unknownTags);
  });
});
