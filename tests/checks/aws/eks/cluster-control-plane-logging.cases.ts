import { expect } from 'vitest';
import { configSelect } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION } from '../../../sources/aws/builders.ts';
import { arn, cluster, ecsCluster } from './cluster.ts';

const logging = (...types: string[]) => ({
  Logging: { ClusterLogging: { EnabledTypes: types.map((Type) => ({ Type })) } },
});

const table = [
  ['api, audit, authenticator', logging('api', 'audit', 'authenticator'), 'PASS', 'logged', undefined],
  ['api only', logging('api'), 'FAIL', 'missing', ['audit', 'authenticator']],
  [
    'no Logging (default: none)',
    { ResourcesVpcConfig: { SubnetIds: ['subnet-1'], EndpointPublicAccess: false } },
    'FAIL',
    'missing',
    ['api', 'audit', 'authenticator'],
  ],
  // Config's first EKS items (2021): subnets and security groups only, no endpoint, no Logging.
  [
    'no Logging in a 2021 Config item',
    { ResourcesVpcConfig: { SubnetIds: ['subnet-1'] } },
    'UNKNOWN',
    'unknown',
    undefined,
  ],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, configuration, status, messageId, missing]) => ({
    name,
    records: [cluster(configuration)],
    status,
    messageId,
    assert: (result: { data?: Readonly<Record<string, unknown>> }) =>
      expect(result.data?.['missing']).toEqual(missing),
  })),
  {
    name: 'a SELECT that did not return the logging configuration',
    records: [
      configSelect([
        {
          accountId: ACCOUNT,
          awsRegion: REGION,
          arn,
          resourceId: 'city-platform',
          resourceName: 'city-platform',
          resourceType: 'AWS::EKS::Cluster',
          configuration: { Name: 'city-platform' },
        },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default {
  ...byVerdict(cases),
  notRun: [{ name: 'an ECS cluster, which shares the kansa type', records: [ecsCluster] }],
} satisfies RuleTests;
