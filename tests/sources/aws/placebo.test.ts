import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';

// Placebo recordings (garnaat/placebo's `{"status_code", "data"}` files, as Cloud Custodian's
// tests/data/placebo keeps them): see tests/corpus/SOURCES.md.
const formatOf = (document: unknown) =>
  INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document));

function read(document: unknown): { resources: Resource[]; skipped: string[] } {
  const format = formatOf(document);
  if (format?.kind !== 'document') throw new Error('no document format');
  const skipped: string[] = [];
  const resources = [
    ...format.read(document, { file: 'rds.DescribeDBInstances_1.json', skip: (r) => skipped.push(r) }),
  ];
  return { resources, skipped };
}

describe('placebo recordings of AWS SDK answers', () => {
  it('reads the answer inside a successful recording with the format the answer has', () => {
    const answer = {
      DBInstances: [
        {
          DBInstanceIdentifier: 'db1',
          DBInstanceArn: 'arn:aws:rds:ap-northeast-1:111122223333:db:db1',
          PubliclyAccessible: true,
          StorageEncrypted: true,
        },
      ],
      ResponseMetadata: { HTTPStatusCode: 200 },
    };
    expect(formatOf({ status_code: 200, data: answer })?.id).toBe('aws-api-describe');
    const { resources } = read({ status_code: 200, data: answer });
    expect(resources[0]).toMatchObject({
      id: 'arn:aws:rds:ap-northeast-1:111122223333:db:db1',
      account: '111122223333',
    });
  });

  it('skips a recorded error with its code, and reads a missing password policy as a fact', () => {
    const denied = { status_code: 403, data: { Error: { Code: 'AccessDenied', Message: 'no' } } };
    expect(formatOf(denied)?.id).toBe('aws-recorded-answer');
    expect(read(denied).skipped).toEqual([
      'a recorded error answer (HTTP 403, AccessDenied): it holds no resource',
    ]);
    const none = {
      status_code: 404,
      data: {
        Error: {
          Code: 'NoSuchEntity',
          Message: 'The Password Policy with domain name 111122223333 cannot be found.',
        },
      },
    };
    const [account] = read(none).resources;
    expect(account).toMatchObject({ kansaType: 'account', account: '111122223333' });
    expect(account?.facts).toMatchObject({ passwordPolicySet: { value: false } });
  });

  it('skips a recorded answer that holds no resource kansa checks, naming the call', () => {
    const regions = {
      status_code: 200,
      data: {
        Regions: [
          {
            Endpoint: 'ec2.us-east-1.amazonaws.com',
            RegionName: 'us-east-1',
            OptInStatus: 'opt-in-not-required',
          },
        ],
      },
    };
    const format = formatOf(regions);
    expect(format?.id).toBe('aws-recorded-answer');
    const skipped: string[] = [];
    if (format?.kind === 'document')
      [...format.read(regions, { file: 't/ec2.DescribeRegions_1.json', skip: (r) => skipped.push(r) })];
    expect(skipped).toEqual([
      'a recorded answer of ec2.DescribeRegions that kansa does not read: it holds no resource it checks',
    ]);
  });

  it('skips a recorded tagging.GetTagKeys answer, which lists tag keys and no resource', () => {
    const tagKeys = { status_code: 200, data: { PaginationToken: '', TagKeys: ['env', 'owner'] } };
    const format = formatOf(tagKeys);
    expect(format?.id).toBe('aws-recorded-answer');
    const skipped: string[] = [];
    if (format?.kind === 'document')
      [...format.read(tagKeys, { file: 't/tagging.GetTagKeys_1.json', skip: (r) => skipped.push(r) })];
    expect(skipped).toEqual([
      'a recorded answer of tagging.GetTagKeys that kansa does not read: it holds no resource it checks',
    ]);
  });

  it('reads a recorded tagging.GetResources answer as each resource’s tags, by its ARN', () => {
    const tagged = {
      status_code: 200,
      data: {
        PaginationToken: '',
        ResourceTagMappingList: [
          { ResourceARN: 'arn:aws:sqs:us-east-1:111122223333:q', Tags: [{ Key: 'env', Value: 'prod' }] },
        ],
      },
    };
    const format = formatOf(tagged);
    expect(format?.id).toBe('aws-tagging-api');
    if (format?.kind !== 'document') return;
    const [queue] = [...format.read(tagged, { file: 't/tagging.GetResources_1.json', skip: () => {} })];
    expect(queue).toMatchObject({
      nativeType: 'AWS::SQS::Queue',
      id: 'arn:aws:sqs:us-east-1:111122223333:q',
      region: 'us-east-1',
      tags: { env: 'prod' },
    });
  });

  it('skips a recorded answer the describe format knows with its command', () => {
    const identity = {
      status_code: 200,
      data: { UserId: 'AIDA', Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/a' },
    };
    const format = formatOf(identity);
    expect(format?.id).toBe('aws-api-describe');
    const skipped: string[] = [];
    if (format?.kind === 'document')
      [...format.read(identity, { file: 't/sts.GetCallerIdentity_1.json', skip: (r) => skipped.push(r) })];
    expect(skipped).toEqual([expect.stringContaining('aws sts get-caller-identity')]);
  });

  it('leaves other documents with a status_code alone', () => {
    expect(formatOf({ status_code: 200, data: { unrelated: true }, extra: 1 })?.id).not.toBe(
      'aws-api-describe',
    );
  });

  it('reads the datetimes placebo writes as objects as the times the CLI prints', () => {
    const captured = {
      __class__: 'datetime',
      year: 2021,
      month: 4,
      day: 3,
      hour: 15,
      minute: 21,
      second: 34,
      microsecond: 701000,
    };
    const item = {
      version: '1.3',
      accountId: '111122223333',
      configurationItemCaptureTime: captured,
      configurationItemStatus: 'ResourceDiscovered',
      arn: 'arn:aws:eks:us-east-2:111122223333:cluster/dev',
      resourceType: 'AWS::EKS::Cluster',
      resourceId: 'dev',
      awsRegion: 'us-east-2',
      configuration: JSON.stringify({ Name: 'dev', ResourcesVpcConfig: { EndpointPublicAccess: false } }),
      supplementaryConfiguration: {},
    };
    const { resources, skipped } = read({
      status_code: 200,
      data: { configurationItems: [item], ResponseMetadata: {} },
    });
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({ id: 'arn:aws:eks:us-east-2:111122223333:cluster/dev' });
    expect(resources[0]?.observedAt).toBe(Date.parse('2021-04-03T15:21:34.701Z'));
  });
});
