import { describe, expect, it } from 'vitest';
import bucketCmkEncryption from '../../../src/checks/aws/s3/bucket-cmk-encryption.ts';
import bucketPublicAccess from '../../../src/checks/aws/s3/bucket-public-access.ts';
import { evaluate } from '../../helpers/checks.ts';
import {
  ACCOUNT,
  accessControlList,
  accountPublicAccessBlockItem,
  bucketArn,
  bucketItem,
  bucketPolicy,
  defaultEncryption,
  keyArn,
  kmsKeyItem,
  publicAccessBlock,
} from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

const ALL_ON = publicAccessBlock(true, true, true, true);
const ALL_OFF = publicAccessBlock(false, false, false, false);
const PUBLIC_READ = {
  Sid: 'PublicRead',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
};
const ACCOUNT_BLOCK_ID = `arn:aws:s3::${ACCOUNT}:account-public-access-block`;
const PAB = 'supplementaryConfiguration.PublicAccessBlockConfiguration';

describe('aws.s3.bucket-public-access', () => {
  const cases: {
    name: string;
    bucket: Record<string, unknown>;
    account?: Record<string, unknown>;
    status: string;
    message: string;
    evidence: { path: string; source?: string; resourceId?: string }[];
    severity?: string;
  }[] = [
    {
      name: 'bucket Block Public Access on',
      bucket: {
        PublicAccessBlockConfiguration: ALL_ON,
        BucketPolicy: bucketPolicy(PUBLIC_READ),
        AccessControlList: accessControlList(),
      },
      status: 'PASS',
      message: 'blocked',
      evidence: [{ path: `${PAB}.ignorePublicAcls` }, { path: `${PAB}.restrictPublicBuckets` }],
    },
    {
      name: 'account Block Public Access on, bucket has none (default)',
      bucket: { BucketPolicy: bucketPolicy(PUBLIC_READ), AccessControlList: accessControlList() },
      account: ALL_ON,
      status: 'PASS',
      message: 'blocked',
      evidence: [
        { path: 'configuration.ignorePublicAcls', resourceId: ACCOUNT_BLOCK_ID },
        { path: 'configuration.restrictPublicBuckets', resourceId: ACCOUNT_BLOCK_ID },
      ],
    },
    {
      name: 'public policy, no block anywhere (bucket default)',
      bucket: { BucketPolicy: bucketPolicy(PUBLIC_READ), AccessControlList: accessControlList() },
      account: ALL_OFF,
      status: 'FAIL',
      message: 'publicPolicy',
      evidence: [
        { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
        { path: `${PAB}.restrictPublicBuckets`, source: 'default' },
        { path: 'configuration.restrictPublicBuckets', resourceId: ACCOUNT_BLOCK_ID },
      ],
    },
    {
      name: 'AllUsers ACL grant, IgnorePublicAcls off',
      bucket: {
        PublicAccessBlockConfiguration: publicAccessBlock(false, false, true, true),
        BucketPolicy: bucketPolicy(),
        AccessControlList: accessControlList({ grantee: 'AllUsers', permission: 'Read' }),
      },
      account: ALL_OFF,
      status: 'FAIL',
      message: 'publicAcl',
      evidence: [
        { path: 'supplementaryConfiguration.AccessControlList.grantList' },
        { path: `${PAB}.ignorePublicAcls`, source: 'explicit' },
        { path: 'configuration.ignorePublicAcls', resourceId: ACCOUNT_BLOCK_ID },
      ],
    },
    {
      name: 'public policy neutralised by the account RestrictPublicBuckets, ACL blocked by the bucket',
      bucket: {
        PublicAccessBlockConfiguration: publicAccessBlock(true, true, false, false),
        BucketPolicy: bucketPolicy(PUBLIC_READ),
        AccessControlList: accessControlList(),
      },
      account: publicAccessBlock(false, false, false, true),
      status: 'PASS',
      message: 'blocked',
      evidence: [
        { path: `${PAB}.ignorePublicAcls` },
        { path: 'configuration.restrictPublicBuckets', resourceId: ACCOUNT_BLOCK_ID },
      ],
    },
    {
      name: 'no public grant, but Block Public Access off',
      bucket: {
        PublicAccessBlockConfiguration: ALL_OFF,
        BucketPolicy: bucketPolicy(),
        AccessControlList: accessControlList(),
      },
      account: ALL_OFF,
      status: 'FAIL',
      message: 'notBlocked',
      severity: 'medium',
      evidence: [
        { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
        { path: 'supplementaryConfiguration.AccessControlList.grantList' },
        { path: `${PAB}.ignorePublicAcls` },
        { path: 'configuration.ignorePublicAcls' },
        { path: `${PAB}.restrictPublicBuckets` },
        { path: 'configuration.restrictPublicBuckets' },
      ],
    },
    {
      name: 'public policy, bucket block off, no account block in the export (AWS default: off)',
      bucket: {
        PublicAccessBlockConfiguration: ALL_OFF,
        BucketPolicy: bucketPolicy(PUBLIC_READ),
        AccessControlList: accessControlList(),
      },
      status: 'FAIL',
      message: 'publicPolicy',
      evidence: [
        { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
        { path: `${PAB}.restrictPublicBuckets` },
        { path: 'AWS::S3::AccountPublicAccessBlock.configuration.restrictPublicBuckets', source: 'default' },
      ],
    },
    {
      name: 'ACL not in the export, no block',
      bucket: { PublicAccessBlockConfiguration: ALL_OFF, BucketPolicy: bucketPolicy() },
      account: ALL_OFF,
      status: 'UNKNOWN',
      message: 'unknown',
      evidence: [
        { path: 'supplementaryConfiguration.BucketPolicy.policyText' },
        { path: 'supplementaryConfiguration.AccessControlList.grantList', source: 'unknown' },
        { path: `${PAB}.ignorePublicAcls` },
        { path: 'configuration.ignorePublicAcls' },
        { path: `${PAB}.restrictPublicBuckets` },
        { path: 'configuration.restrictPublicBuckets' },
      ],
    },
  ];

  it.each(cases)('$name → $status', ({ bucket, account, status, message, evidence, severity }) => {
    const items = [bucketItem('b', bucket), ...(account ? [accountPublicAccessBlockItem(account)] : [])];
    const result = evaluate(bucketPublicAccess, tenancy({ items }), bucketArn('b'));
    expect(result).toMatchObject({ status, message, data: { bucket: 'b' } });
    expect(result.severity).toBe(severity);
    expect(result.evidence).toMatchObject(evidence);
  });

  it('names the public statements and grants in the message data', () => {
    const items = [
      bucketItem('b', { BucketPolicy: bucketPolicy(PUBLIC_READ), AccessControlList: accessControlList() }),
      accountPublicAccessBlockItem(ALL_OFF),
    ];
    expect(evaluate(bucketPublicAccess, tenancy({ items }), bucketArn('b')).data).toEqual({
      bucket: 'b',
      statements: [expect.stringMatching(/^PublicRead: Principal "\*" with no condition$/)],
    });
  });

  it('passes a SELECT row whose bucket blocks are on, although SELECT cannot return the policy or ACL', () => {
    const row = {
      accountId: ACCOUNT,
      awsRegion: 'ap-northeast-1',
      arn: bucketArn('b'),
      resourceId: 'b',
      resourceType: 'AWS::S3::Bucket',
      configuration: { name: 'b' },
      supplementaryConfiguration: { PublicAccessBlockConfiguration: ALL_ON },
    };
    expect(evaluate(bucketPublicAccess, tenancy({ selectRows: [row] }), bucketArn('b'))).toMatchObject({
      status: 'PASS',
      message: 'blocked',
    });
    const open = { ...row, supplementaryConfiguration: { PublicAccessBlockConfiguration: ALL_OFF } };
    expect(
      evaluate(
        bucketPublicAccess,
        tenancy({ selectRows: [open], items: [accountPublicAccessBlockItem(ALL_OFF)] }),
        bucketArn('b'),
      ),
    ).toMatchObject({ status: 'UNKNOWN' });
  });
});

describe('aws.s3.bucket-cmk-encryption', () => {
  const KEY = '0f3a7c1e-52b4-4d8e-9a61-3c2b9e7d1f40';
  const ALGORITHM =
    'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm';
  const KEY_PATH =
    'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyID';
  const cases: {
    name: string;
    encryption?: Record<string, unknown>;
    keys?: object[];
    status: string;
    message: string;
    evidence: { path: string; source?: string; resourceId?: string }[];
  }[] = [
    {
      name: 'SSE-KMS with a customer managed key in the export',
      encryption: defaultEncryption('aws:kms', keyArn(KEY)),
      keys: [kmsKeyItem(KEY, {})],
      status: 'PASS',
      message: 'customerKey',
      evidence: [
        { path: ALGORITHM },
        { path: KEY_PATH },
        { path: 'configuration.keyManager', resourceId: keyArn(KEY) },
      ],
    },
    {
      name: 'SSE-KMS with a customer alias',
      encryption: defaultEncryption('aws:kms', `arn:aws:kms:ap-northeast-1:${ACCOUNT}:alias/city-docs`),
      status: 'PASS',
      message: 'customerKey',
      evidence: [{ path: ALGORITHM }, { path: KEY_PATH }],
    },
    {
      name: 'DSSE-KMS with a bare key id of a customer key',
      encryption: defaultEncryption('aws:kms:dsse', KEY),
      keys: [kmsKeyItem(KEY, {})],
      status: 'PASS',
      message: 'customerKey',
      evidence: [{ path: ALGORITHM }, { path: KEY_PATH }, { path: 'configuration.keyManager' }],
    },
    {
      name: 'SSE-KMS with the key of an AWS managed key',
      encryption: defaultEncryption('aws:kms', keyArn(KEY)),
      keys: [kmsKeyItem(KEY, { keyManager: 'AWS' })],
      status: 'FAIL',
      message: 'awsManagedKey',
      evidence: [{ path: ALGORITHM }, { path: KEY_PATH }, { path: 'configuration.keyManager' }],
    },
    {
      name: 'SSE-KMS without a key id (aws/s3)',
      encryption: defaultEncryption('aws:kms'),
      status: 'FAIL',
      message: 'awsManagedKey',
      evidence: [{ path: ALGORITHM }, { path: KEY_PATH }],
    },
    {
      name: 'SSE-KMS with alias/aws/s3',
      encryption: defaultEncryption('aws:kms', 'alias/aws/s3'),
      status: 'FAIL',
      message: 'awsManagedKey',
      evidence: [{ path: ALGORITHM }, { path: KEY_PATH }],
    },
    {
      name: 'SSE-S3 set explicitly',
      encryption: defaultEncryption('AES256'),
      status: 'FAIL',
      message: 'sseS3',
      evidence: [{ path: ALGORITHM, source: 'explicit' }],
    },
    {
      name: 'no encryption configuration (the SSE-S3 default)',
      status: 'FAIL',
      message: 'sseS3',
      evidence: [{ path: ALGORITHM, source: 'default' }],
    },
    {
      name: 'key not in the export',
      encryption: defaultEncryption('aws:kms', keyArn(KEY)),
      status: 'UNKNOWN',
      message: 'unknown',
      evidence: [{ path: ALGORITHM }, { path: KEY_PATH }, { path: KEY_PATH, source: 'unknown' }],
    },
  ];
  it.each(cases)('$name → $status', ({ encryption, keys = [], status, message, evidence }) => {
    const bucket = bucketItem('b', encryption ? { ServerSideEncryptionConfiguration: encryption } : {});
    const result = evaluate(bucketCmkEncryption, tenancy({ items: [bucket, ...keys] }), bucketArn('b'));
    expect(result).toMatchObject({ status, message });
    expect(result.evidence).toMatchObject(evidence);
  });

  it('carries the default note in the evidence when the SSE-S3 default decides', () => {
    const result = evaluate(bucketCmkEncryption, tenancy({ items: [bucketItem('b', {})] }), bucketArn('b'));
    expect(result.evidence[0]).toMatchObject({
      source: 'default',
      value: 'AES256',
      note: { en: expect.stringMatching(/since January 2023/) },
    });
  });

  it('is UNKNOWN for a SELECT row that did not select the encryption', () => {
    const row = {
      accountId: ACCOUNT,
      awsRegion: 'ap-northeast-1',
      arn: bucketArn('b'),
      resourceId: 'b',
      resourceType: 'AWS::S3::Bucket',
      configuration: { name: 'b' },
    };
    expect(evaluate(bucketCmkEncryption, tenancy({ selectRows: [row] }), bucketArn('b'))).toMatchObject({
      status: 'UNKNOWN',
    });
  });
});
