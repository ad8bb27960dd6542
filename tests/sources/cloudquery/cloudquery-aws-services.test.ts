import { describe, expect, it } from 'vitest';
import { fact, readRows as read } from './rows.ts';

// Rows of cloudquery/cloudquery plugins/source/aws/docs/tables/aws_eks_clusters.md and
// aws_lambda_functions.md as the file destination writes them (see tests/corpus/SOURCES.md).
const ACCOUNT = '111122223333';
const cq = (columns: Record<string, unknown>): Record<string, unknown> => ({
  _cq_id: '4f0c2b7e-2d1a-4c55-9a61-0c7d4e2b9f10',
  _cq_parent_id: null,
  _cq_source_name: 'aws',
  _cq_sync_time: '2024-03-11 09:14:05.123456',
  account_id: ACCOUNT,
  region: 'ap-northeast-1',
  ...columns,
});

describe('CloudQuery AWS EKS and Lambda rows', () => {
  it('reads an EKS cluster’s endpoint and enabled log types from the Go SDK’s structures', () => {
    const { resources, skipped } = read('aws_eks_clusters.json', [
      cq({
        arn: `arn:aws:eks:ap-northeast-1:${ACCOUNT}:cluster/web`,
        name: 'web',
        resources_vpc_config: { EndpointPublicAccess: true, PublicAccessCidrs: ['0.0.0.0/0'] },
        logging: {
          ClusterLogging: [
            { Enabled: true, Types: ['api'] },
            { Enabled: false, Types: ['audit'] },
          ],
        },
      }),
    ]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({ nativeType: 'AWS::EKS::Cluster', account: ACCOUNT });
    expect(fact(resources[0], 'endpointPublicAccess')).toMatchObject({ value: true });
    expect(fact(resources[0], 'publicAccessCidrs')).toMatchObject({ value: ['0.0.0.0/0'] });
    expect(fact(resources[0], 'enabledLogTypes')).toMatchObject({ value: ['api'] });
  });

  it('reads a Lambda function’s parsed policy_document, and a null one as unknown', () => {
    const fn = (name: string, policy: unknown) =>
      cq({
        arn: `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:${name}`,
        configuration: { FunctionName: name, Runtime: 'nodejs20.x', Role: `arn:aws:iam::${ACCOUNT}:role/r` },
        policy_document: policy,
      });
    const open = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: '*' }],
    };
    const { resources, skipped } = read('aws_lambda_functions.json', [fn('open', open), fn('unsaid', null)]);
    expect(skipped).toEqual([]);
    expect(resources.map((resource) => resource.name)).toEqual(['open', 'unsaid']);
    expect(fact(resources[0], 'publicPolicyStatements')?.value).toHaveLength(1);
    expect(fact(resources[1], 'publicPolicyStatements')?.source).toBe('unknown');
  });
});
