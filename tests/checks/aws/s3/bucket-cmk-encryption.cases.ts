import { expect } from 'vitest';
import { configSelect, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import {
  ACCOUNT,
  apiItem,
  bucketArn,
  bucketItem,
  defaultEncryption,
  keyArn,
  kmsKeyItem,
  snapshotDocument,
} from '../../../sources/aws/builders.ts';

const KEY = '0f3a7c1e-52b4-4d8e-9a61-3c2b9e7d1f40';
const ALGORITHM =
  'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm';
const KEY_PATH =
  'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyID';

const table = [
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
    // The S3 API's own spelling (GetBucketEncryption: `Rules[].ApplyServerSideEncryptionByDefault
    // .{SSEAlgorithm, KMSMasterKeyID}`), as inventories that keep its answer write it.
    name: 'SSE-KMS with a customer alias, in the S3 API’s spelling',
    encryption: {
      Rules: [
        {
          ApplyServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:alias/city-docs`,
          },
          BucketKeyEnabled: true,
        },
      ],
    },
    status: 'PASS',
    message: 'customerKey',
    evidence: [{ path: ALGORITHM }, { path: KEY_PATH }],
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
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, status, message, evidence, ...rest }) => ({
    name,
    records: [
      bucketItem('b', 'encryption' in rest ? { ServerSideEncryptionConfiguration: rest.encryption } : {}),
      ...('keys' in rest ? rest.keys : []),
    ],
    status,
    messageId: message,
    evidence,
  })),
  {
    name: 'carries the default note in the evidence when the SSE-S3 default decides',
    records: [bucketItem('b', {})],
    status: 'FAIL',
    messageId: 'sseS3',
    assert: (result) =>
      expect(result.evidence[0]).toMatchObject({
        source: 'default',
        value: 'AES256',
        note: { en: expect.stringMatching(/since January 2023/) },
      }),
  },
  {
    name: 'a record from before January 2023 with no default encryption (objects stored unencrypted)',
    records: [bucketItem('b', {}, {}, '2019-06-01T00:00:00.000Z')],
    status: 'FAIL',
    messageId: 'noDefaultEncryption',
    evidence: [{ path: ALGORITHM, source: 'explicit', value: null }],
  },
  // Config records a bucket when it changes: a bucket left alone since 2019 keeps its 2019 item
  // in every later snapshot and batch-get, which show it as S3 keeps it when they are made.
  {
    name: "a 2019 item of an unchanged bucket in a snapshot delivered in 2024 (its file name's time): S3's default applies",
    records: [
      jsonFile(
        snapshotDocument([bucketItem('b', {}, {}, '2019-06-01T00:00:00.000Z')]),
        `${ACCOUNT}_Config_ap-northeast-1_ConfigSnapshot_20240502T041127Z_0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d.json`,
      ),
    ],
    status: 'FAIL',
    messageId: 'sseS3',
    evidence: [{ path: ALGORITHM, source: 'default', value: 'AES256' }],
  },
  {
    name: 'a 2019 item beside one captured in 2024 in a batch-get answer: both are as they are in 2024',
    target: bucketArn('b'),
    records: [
      jsonFile(
        {
          baseConfigurationItems: [
            apiItem(bucketItem('b', {}, {}, '2019-06-01T00:00:00.000Z')),
            apiItem(bucketItem('other', defaultEncryption('AES256'), {}, '2024-05-01T00:00:00.000Z')),
          ],
          unprocessedResourceKeys: [],
        },
        'batch-get-resource-config.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'sseS3',
    evidence: [{ path: ALGORITHM, source: 'default', value: 'AES256' }],
  },
  {
    name: 'a 2019 item beside one of 2024 in a history file: the history shows the bucket as it was in 2019',
    target: bucketArn('b'),
    records: [
      jsonFile(
        {
          fileVersion: '1.0',
          configurationItems: [
            bucketItem('b', {}, {}, '2019-06-01T00:00:00.000Z'),
            bucketItem('other', defaultEncryption('AES256'), {}, '2024-05-01T00:00:00.000Z'),
          ],
        },
        `${ACCOUNT}_Config_ap-northeast-1_ConfigHistory_AWS__S3__Bucket_20190601T000000Z_20190601T060000Z_1.json`,
      ),
    ],
    status: 'FAIL',
    messageId: 'noDefaultEncryption',
    evidence: [{ path: ALGORITHM, source: 'explicit', value: null }],
  },
  {
    name: 'a SELECT row that did not select the encryption',
    records: [
      configSelect([
        {
          accountId: ACCOUNT,
          awsRegion: 'ap-northeast-1',
          arn: bucketArn('b'),
          resourceId: 'b',
          resourceType: 'AWS::S3::Bucket',
          configuration: { name: 'b' },
        },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
