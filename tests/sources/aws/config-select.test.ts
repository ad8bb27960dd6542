import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/base/input-error.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { TAGS_NOT_CARRIED } from '../../../src/sources/aws/config-item.ts';
import { awsConfigSelectFormat } from '../../../src/sources/aws/config-select.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { ACCOUNT, defaultEncryption, publicAccessBlock, selectDocument } from './builders.ts';

function read(document: unknown) {
  const skipped: { reason: string; index?: number }[] = [];
  const ctx = {
    file: 'select.json',
    skip: (reason: string, where?: { index?: number }) => skipped.push({ reason, ...where }),
  };
  const resources = [...awsConfigSelectFormat.read(document, ctx)] as Resource<Record<string, unknown>>[];
  return { resources, skipped };
}

const bucketRow = {
  accountId: ACCOUNT,
  awsRegion: 'ap-northeast-3',
  arn: 'arn:aws:s3:::osaka-archive',
  resourceId: 'osaka-archive',
  resourceName: 'osaka-archive',
  resourceType: 'AWS::S3::Bucket',
  configuration: { name: 'osaka-archive' },
  supplementaryConfiguration: {
    PublicAccessBlockConfiguration: publicAccessBlock(true, true, true, true),
    ServerSideEncryptionConfiguration: defaultEncryption('AES256'),
  },
  tags: [{ key: 'confidentiality', value: '2' }],
};

describe('aws-config-select', () => {
  it('reads rows (JSON strings) with list tags and nested configuration', () => {
    const { resources, skipped } = read(selectDocument([bucketRow]));
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      id: 'arn:aws:s3:::osaka-archive',
      region: 'ap-northeast-3',
      kansaType: 'storage.bucket',
      tags: { confidentiality: '2' },
      facts: {
        ignorePublicAcls: { source: 'explicit', value: true },
        sseAlgorithm: { source: 'explicit', value: 'AES256' },
      },
    });
  });

  // A row holds the tags only where the query SELECTed them (QueryInfo names them).
  it('marks the tags of a row unread where its query did not SELECT them', () => {
    const { tags: _tags, ...untagged } = bucketRow;
    const selected = (fields: string[]) => read(selectDocument([untagged], fields)).resources[0];
    expect(selected(['resourceId', 'resourceType', 'accountId', 'arn'])?.unknownTags).toBe(TAGS_NOT_CARRIED);
    expect(selected(['resourceId', 'resourceType', 'accountId', 'arn', 'tags'])?.unknownTags).toBeUndefined();
    expect(read([JSON.stringify(untagged)]).resources[0]?.unknownTags).toBe(TAGS_NOT_CARRIED);
    expect(read(selectDocument([bucketRow])).resources[0]?.unknownTags).toBeUndefined();
  });

  // Some types keep their tags in their settings too (awslabs/aws-config-resource-schema).
  it('reads the tags a row without them carries in its settings', () => {
    const row = (settings: Record<string, unknown>) =>
      read([JSON.stringify({ ...bucketRow, tags: undefined, ...settings })]).resources[0];
    const rds = row({
      configuration: { dBSnapshotIdentifier: 's', tagList: [{ key: 'confidentiality', value: '3' }] },
    });
    expect(rds).toMatchObject({ tags: { confidentiality: '3' } });
    expect(rds?.unknownTags).toBeUndefined();
    const kms = row({ supplementaryConfiguration: { Tags: [{ tagKey: 'confidentiality', tagValue: '1' }] } });
    expect(kms).toMatchObject({ tags: { confidentiality: '1' } });
    expect(row({ configuration: { tagList: [] } })).toMatchObject({ tags: {} });
    expect(row({ configuration: { tagList: [] } })?.unknownTags).toBeUndefined();
    expect(row({ configuration: { name: 'b' } })?.unknownTags).toBe(TAGS_NOT_CARRIED);
  });

  // A bucket's item holds its tags in BucketTaggingConfiguration (a JSON text in batch-get's answer).
  it("reads a bucket's tags from supplementaryConfiguration.BucketTaggingConfiguration's tagSets", () => {
    const row = (tagging: unknown) =>
      read([
        JSON.stringify({
          ...bucketRow,
          tags: undefined,
          supplementaryConfiguration: { BucketTaggingConfiguration: tagging },
        }),
      ]).resources[0];
    const tagged = row(
      JSON.stringify({ tagSets: [{ tags: { 'kansa:secrecy': 'gokuhi', Owner: 'soumu' } }] }),
    );
    expect(tagged).toMatchObject({ tags: { 'kansa:secrecy': 'gokuhi', Owner: 'soumu' } });
    expect(tagged?.unknownTags).toBeUndefined();
    expect(row({ tagSets: [{ tags: { mynumber: 'true' } }] })).toMatchObject({ tags: { mynumber: 'true' } });
    expect(row({ tagSets: [] })?.unknownTags).toBeUndefined();
  });

  // SelectResourceConfig pages its rows (Limit, NextToken): a page with a next one lists no scope whole.
  it('reads the rows of a page with a next one as picked, a whole answer not', () => {
    const page = { ...selectDocument([bucketRow]), NextToken: 'bmV4dA==' };
    expect(read(page).resources.map((r) => r.picked)).toEqual([true]);
    expect(read(selectDocument([bucketRow])).resources.map((r) => r.picked)).toEqual([undefined]);
  });

  // A VPC's id is its item's resourceId: a row need not SELECT configuration.vpcId to name it.
  it('names a VPC by its resourceId where the row holds no configuration.vpcId', () => {
    const vpc = {
      accountId: ACCOUNT,
      awsRegion: 'ap-northeast-1',
      resourceId: 'vpc-0a1b2c3d',
      resourceType: 'AWS::EC2::VPC',
    };
    expect(read(selectDocument([vpc])).resources[0]?.facts['vpcId']).toMatchObject({
      source: 'explicit',
      value: 'vpc-0a1b2c3d',
      path: 'resourceId',
    });
  });

  // `aws configservice select-resource-config --expression … --query Results`: the rows alone.
  it('reads the rows alone, a JSON array of JSON texts, as the same partial rows', () => {
    const rows = [JSON.stringify({ ...bucketRow, supplementaryConfiguration: undefined })];
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(rows))?.id).toBe('aws-config-select');
    expect(read(rows).resources).toMatchObject([
      { id: 'arn:aws:s3:::osaka-archive', facts: { sseAlgorithm: { source: 'unknown' } } },
    ]);
    // Strings that are no SELECT rows are not taken for them.
    expect(awsConfigSelectFormat.matches(['a', 'b'])).toBe(false);
    expect(awsConfigSelectFormat.matches(['{"name": "x"}'])).toBe(false);
  });

  it('treats what the query did not SELECT as unknown, never as the cloud default', () => {
    const row = {
      ...bucketRow,
      supplementaryConfiguration: { ServerSideEncryptionConfiguration: defaultEncryption('AES256') },
    };
    const facts = read(selectDocument([row])).resources[0]?.facts;
    expect(facts?.['restrictPublicBuckets']).toMatchObject({
      source: 'unknown',
      note: { en: expect.stringMatching(/SELECT/) },
    });
    // BucketPolicy and AccessControlList are not in the SELECT schema at all.
    expect(facts?.['publicPolicyStatements']).toMatchObject({ source: 'unknown' });
    const bare = read(selectDocument([{ ...bucketRow, supplementaryConfiguration: undefined }])).resources[0]
      ?.facts;
    expect(bare?.['sseAlgorithm']).toMatchObject({ source: 'unknown' });
  });

  // `SELECT resourceId, resourceType, …, configuration, supplementaryConfiguration` (Cloud
  // Custodian's config source): Config leaves what an item lacks out of the row.
  it('reads what a SELECT named whole (QueryInfo) and the row lacks as unset, not unknown', () => {
    const row = {
      ...bucketRow,
      supplementaryConfiguration: { BucketPolicy: { policyText: null } },
    };
    const logGroup = {
      accountId: ACCOUNT,
      awsRegion: 'ap-northeast-3',
      arn: `arn:aws:logs:ap-northeast-3:${ACCOUNT}:log-group:forever`,
      resourceId: 'forever',
      resourceType: 'AWS::Logs::LogGroup',
      configuration: { LogGroupName: 'forever' },
    };
    const whole = ['accountId', 'awsRegion', 'arn', 'resourceId', 'resourceType', 'configuration'];
    const { resources } = read(selectDocument([row, logGroup], [...whole, 'supplementaryConfiguration']));
    expect(resources.map((r) => r.facts)).toMatchObject([
      {
        restrictPublicBuckets: { source: 'default', value: false },
        sseAlgorithm: { source: 'default', value: 'AES256' },
      },
      { retentionInDays: { source: 'default', value: null } },
    ]);
    // Named on its own, in another casing than the item's (`configuration.retentionInDays`).
    const named = read(
      selectDocument([logGroup], ['resourceId', 'resourceType', 'configuration.retentionInDays']),
    );
    expect(named.resources[0]?.facts['retentionInDays']).toMatchObject({ source: 'default', value: null });
    // Without supplementaryConfiguration in the SELECT, the bucket's settings stay unknown.
    const noSupplementary = read(selectDocument([{ ...row, supplementaryConfiguration: undefined }], whole));
    expect(noSupplementary.resources[0]?.facts['restrictPublicBuckets']).toMatchObject({ source: 'unknown' });
  });

  it('reads the properties a SELECT named apart as that many, never the whole they lie in', () => {
    const cluster = {
      accountId: ACCOUNT,
      awsRegion: 'ap-northeast-3',
      arn: `arn:aws:eks:ap-northeast-3:${ACCOUNT}:cluster/c`,
      resourceId: 'c',
      resourceType: 'AWS::EKS::Cluster',
      configuration: { ResourcesVpcConfig: { EndpointPublicAccess: true } },
    };
    const { resources } = read(
      selectDocument(
        [cluster],
        [
          'resourceId',
          'resourceType',
          'configuration.ResourcesVpcConfig.EndpointPublicAccess',
          'configuration.Logging',
        ],
      ),
    );
    expect(resources[0]?.facts).toMatchObject({
      endpointPublicAccess: { source: 'explicit', value: true },
      // Named, and the row has none: no control plane logging (EKS's default).
      enabledLogTypes: { source: 'default', value: [] },
      // The rest of ResourcesVpcConfig was not named: its CIDRs are unknown, not EKS's default.
      publicAccessCidrs: { source: 'unknown', note: { en: expect.stringMatching(/SELECT/) } },
    });
  });

  it('takes the account from the ARN when accountId was not selected, and reads float ports', () => {
    const row = {
      arn: `arn:aws:ec2:ap-northeast-3:${ACCOUNT}:security-group/sg-1`,
      awsRegion: 'ap-northeast-3',
      resourceId: 'sg-1',
      resourceType: 'AWS::EC2::SecurityGroup',
      configuration: { ipPermissions: [{ fromPort: 22.0, toPort: 22.0, ipProtocol: 'tcp' }] },
    };
    expect(read(selectDocument([row])).resources[0]).toMatchObject({
      account: ACCOUNT,
      kansaType: 'network.firewall',
      name: 'sg-1',
    });
  });

  it('skips rows that are not resources or not JSON, with reasons', () => {
    const document = {
      Results: [
        '{"COUNT(*)":12}',
        '{"resourceType":"AWS::S3::Bucket"',
        JSON.stringify({ resourceType: 'AWS::S3::Bucket', resourceId: 'b', arn: 'arn:aws:s3:::b' }),
      ],
      QueryInfo: {},
    };
    const { resources, skipped } = read(document);
    expect(resources).toEqual([]);
    expect(skipped).toEqual([
      { index: 0, reason: expect.stringMatching(/^not a resource/) },
      { index: 1, reason: expect.stringMatching(/not valid JSON/) },
      { index: 2, reason: 'AWS::S3::Bucket b: no account id (awsAccountId / accountId / ARN / file name)' },
    ]);
  });

  it('throws an InputError when Results is not an array', () => {
    expect(() => read({ Results: 'x', QueryInfo: {} })).toThrow(InputError);
  });

  const cases: [string, unknown, boolean][] = [
    ['select-resource-config output', { Results: [], QueryInfo: { SelectFields: [] } }, true],
    [
      'select-aggregate-resource-config output with NextToken',
      { Results: ['{}'], NextToken: 't', QueryInfo: {} },
      true,
    ],
    ['a Config snapshot', { fileVersion: '1.0', configurationItems: [] }, false],
    // aws/aws-cli awscli/examples/sqs/list-message-move-tasks.rst: `Results` of objects.
    [
      'sqs list-message-move-tasks output',
      { Results: [{ Status: 'RUNNING', SourceArn: 'arn:aws:sqs:us-west-2:111122223333:MyQueue1' }] },
      false,
    ],
    ['a Results list of rows without QueryInfo', { Results: ['{"resourceId": "x"}'] }, true],
    ['az graph query output', { count: 0, data: [], skip_token: null, total_records: 0 }, false],
    ['a gcloud asset list', [{ name: '//x', assetType: 'y' }], false],
  ];
  it.each(cases)('matches %s → %s', (_, document, expected) => {
    expect(awsConfigSelectFormat.matches(document)).toBe(expected);
  });

  it('tells a row without resourceType (the WHERE clause fixed it) by the configuration’s own ARN', () => {
    const keyArn = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/5a4af27f-a9e6-40fb-a2ed-fc3fbfdb34a5`;
    const queueArn = `arn:aws:sqs:ap-northeast-3:${ACCOUNT}:orders`;
    const { resources, skipped } = read(
      selectDocument([
        { resourceId: '5a4af27f', configuration: { keyManager: 'CUSTOMER', arn: keyArn } },
        // The key it names is another resource's ARN: only QueueArn is the queue's own.
        { configuration: { KmsMasterKeyId: keyArn, QueueArn: queueArn } },
        { configuration: { groupId: 'sg-1', ownerId: ACCOUNT } },
      ]),
    );
    expect(resources.map((r) => [r.nativeType, r.id, r.account, r.region])).toEqual([
      ['AWS::KMS::Key', keyArn, ACCOUNT, 'ap-northeast-1'],
      ['AWS::SQS::Queue', queueArn, ACCOUNT, 'ap-northeast-3'],
    ]);
    expect(resources[1]?.facts).toMatchObject({ kmsKeyId: { source: 'explicit', value: keyArn } });
    expect(skipped).toEqual([{ reason: expect.stringContaining('names no ARN of its own'), index: 2 }]);
  });

  it('keeps the type a row names when its configuration’s ARN says another', () => {
    const { resources } = read(
      selectDocument([
        {
          resourceType: 'AWS::Lambda::Function',
          resourceId: 'fn',
          configuration: {
            role: `arn:aws:iam::${ACCOUNT}:role/r`,
            functionArn: `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:fn`,
          },
        },
      ]),
    );
    expect(resources[0]).toMatchObject({ nativeType: 'AWS::Lambda::Function', region: 'ap-northeast-1' });
  });
});
