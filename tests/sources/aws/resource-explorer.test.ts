import { describe, expect, it } from 'vitest';
import dataInJapan from '../../../src/checks/common/location/data-in-japan.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { awsApiDescribeFormat } from '../../../src/sources/aws/api-describe.ts';
import { awsResourceExplorerFormat } from '../../../src/sources/aws/resource-explorer.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT } from './builders.ts';

// `aws resource-explorer-2 search` as the AWS CLI's example prints it
// (awscli/examples/resource-explorer-2/search.rst): `Resources[]` with `Arn`, `OwningAccountId`,
// `Region` (`global` for IAM), `ResourceType` as `service:type`, tags under `Properties`.
const entry = (arn: string, type: string, region: string, tags: object[] = []) => ({
  Arn: arn,
  LastReportedAt: '2025-07-21T12:34:42Z',
  OwningAccountId: ACCOUNT,
  Properties: tags.length ? [{ Data: tags, LastReportedAt: '2025-07-21T12:34:42Z', Name: 'tags' }] : [],
  Region: region,
  ResourceType: type,
  Service: type.split(':')[0],
});
const search = (...resources: object[]) => ({
  Count: { Complete: true, TotalResources: resources.length },
  Resources: resources,
  ViewArn: `arn:aws:resource-explorer-2:us-east-1:${ACCOUNT}:view/my-default-view/EXAMPLE8-90ab`,
});
function read(document: unknown) {
  const skipped: string[] = [];
  const ctx = { file: 'search.json', skip: (reason: string) => skipped.push(reason) };
  return {
    resources: [...awsResourceExplorerFormat.read(document, ctx)] as Resource<Record<string, unknown>>[],
    skipped,
  };
}

describe('aws-resource-explorer', () => {
  it('is chosen for resource-explorer-2 search output', () => {
    const document = search(entry('arn:aws:s3:::b', 's3:bucket', 'us-east-1'));
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'aws-resource-explorer',
    );
  });

  it('reads where each resource is and its tags, its settings unknown', () => {
    const { resources, skipped } = read(
      search(
        entry('arn:aws:s3:::rex-bucket', 's3:bucket', 'us-east-1', [{ Key: 'confidentiality', Value: '3' }]),
        entry(`arn:aws:iam::${ACCOUNT}:policy/service-role/Some-Policy`, 'iam:policy', 'global'),
        entry(`arn:aws:ec2:us-east-1:${ACCOUNT}:network-acl/acl-1a2b3c4d`, 'ec2:network-acl', 'us-east-1'),
      ),
    );
    expect(skipped).toEqual([]);
    expect(resources).toMatchObject([
      {
        id: 'arn:aws:s3:::rex-bucket',
        nativeType: 'AWS::S3::Bucket',
        account: ACCOUNT,
        region: 'us-east-1',
        tags: { confidentiality: '3' },
        facts: { blockPublicAcls: { source: 'unknown' }, sseAlgorithm: { source: 'unknown' } },
      },
      { nativeType: 'AWS::IAM::Policy', region: 'global' },
      // A type no Config type maps keeps Resource Explorer's name, and meets no check.
      { nativeType: 'ec2:network-acl', kansaType: 'other' },
    ]);
  });

  it('gives a bucket its Region beside the answers saved where the CLI ran', () => {
    const located = read(search(entry('arn:aws:s3:::rex-bucket', 's3:bucket', 'us-east-1'))).resources;
    const answer = [
      ...awsApiDescribeFormat.read(
        { PolicyStatus: { IsPublic: false } },
        { file: `${ACCOUNT}/ap-northeast-1/get-bucket-policy-status_rex-bucket.json`, skip: () => {} },
      ),
    ];
    expect(evaluate(dataInJapan, [...answer, ...located], 'arn:aws:s3:::rex-bucket')).toMatchObject({
      status: 'FAIL',
      data: { region: 'us-east-1' },
    });
  });
});
