import { describe, expect, it } from 'vitest';
import { type Resource, UNKNOWN_REGION } from '../../../src/model/resource.ts';
import { awsTaggingApiFormat } from '../../../src/sources/aws/tagging-api.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { ACCOUNT } from './builders.ts';

// `aws resourcegroupstaggingapi get-resources` as the AWS CLI prints it (GetResources API
// reference): `PaginationToken`, `ResourceTagMappingList[]` with `ResourceARN` and `Tags`.
const mapping = (arn: string, tags: Record<string, string>) => ({
  ResourceARN: arn,
  Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
});
const answer = (...entries: object[]) => ({ PaginationToken: '', ResourceTagMappingList: entries });
function read(document: unknown, file = 'get-resources.json') {
  const skipped: string[] = [];
  const ctx = { file, skip: (reason: string) => skipped.push(reason) };
  return {
    resources: [...awsTaggingApiFormat.read(document, ctx)] as Resource<Record<string, unknown>>[],
    skipped,
  };
}

const VOLUME = `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-0a1b2c3d4e5f60718`;

describe('aws-tagging-api', () => {
  it('is chosen for get-resources output, an empty answer too', () => {
    for (const document of [answer(mapping(VOLUME, { env: 'prod' })), answer()])
      expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
        'aws-tagging-api',
      );
  });

  it('reads each entry as the resource its ARN names, with all its tags and no setting', () => {
    const { resources, skipped } = read(
      answer(
        mapping(VOLUME, { 'kansa:secrecy': 'gokuhi' }),
        mapping(`arn:aws:rds:ap-northeast-1:${ACCOUNT}:db:juki-db`, { mynumber: 'true' }),
        mapping(`arn:aws:iam::${ACCOUNT}:role/audit`, { team: 'audit' }),
      ),
    );
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.nativeType, r.kansaType, r.account, r.region, r.tags])).toEqual([
      ['AWS::EC2::Volume', 'compute.disk', ACCOUNT, 'ap-northeast-1', { 'kansa:secrecy': 'gokuhi' }],
      ['AWS::RDS::DBInstance', 'database.instance', ACCOUNT, 'ap-northeast-1', { mynumber: 'true' }],
      ['AWS::IAM::Role', 'iam.role', ACCOUNT, 'global', { team: 'audit' }],
    ]);
    expect(resources[0]?.unknownTags).toBeUndefined();
    expect(resources[0]?.facts).toMatchObject({ encrypted: { source: 'unknown' } });
  });

  // GetResources lists one account's Region: a bucket's ARN, which names neither, is of theirs.
  it("places a bucket in the account and Region the answer's other ARNs name, else its folders", () => {
    const bucket = mapping('arn:aws:s3:::juki-archive', { MyNumber: 'Yes' });
    const [placed] = read(answer(bucket, mapping(VOLUME, {}))).resources;
    expect(placed).toMatchObject({
      id: 'arn:aws:s3:::juki-archive',
      kansaType: 'storage.bucket',
      account: ACCOUNT,
      region: 'ap-northeast-1',
      tags: { MyNumber: 'Yes' },
    });
    const foldered = read(answer(bucket), `${ACCOUNT}/ap-northeast-3/get-resources.json`).resources[0];
    expect(foldered).toMatchObject({ account: ACCOUNT, region: 'ap-northeast-3' });
    expect(read(answer(bucket)).skipped).toEqual([expect.stringContaining('juki-archive')]);
  });

  it('reads a bucket its folders place in an account alone with its Region unknown, which its own record gives', () => {
    const bucket = mapping('arn:aws:s3:::juki-archive', { owner: 'juki' });
    const { resources, skipped } = read(
      answer(bucket),
      `${ACCOUNT}/resourcegroupstaggingapi-get-resources.json`,
    );
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      { nativeType: 'AWS::S3::Bucket', account: ACCOUNT, region: UNKNOWN_REGION, tags: { owner: 'juki' } },
    ]);
  });

  it('reads a type no check reads as its own type, which meets no check', () => {
    const balancer = `arn:aws:elasticloadbalancing:ap-northeast-1:${ACCOUNT}:loadbalancer/app/juki/50dc6c495c0c9188`;
    const [read_] = read(answer(mapping(balancer, { owner: 'juki' }))).resources;
    expect(read_).toMatchObject({ id: balancer, nativeType: 'elasticloadbalancing:loadbalancer' });
  });
});
