import { expect } from 'vitest';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { cluster, ecsCluster } from './cluster.ts';

const vpcConfig = (settings: Record<string, unknown>) => ({
  ResourcesVpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: [], ...settings },
});

const table = [
  [
    'private only',
    vpcConfig({ EndpointPublicAccess: false, EndpointPrivateAccess: true }),
    'PASS',
    'private',
  ],
  [
    'public, limited CIDRs',
    vpcConfig({ EndpointPublicAccess: true, PublicAccessCidrs: ['203.0.113.0/24'] }),
    'PASS',
    'restricted',
  ],
  [
    'public to 0.0.0.0/0',
    vpcConfig({ EndpointPublicAccess: true, PublicAccessCidrs: ['0.0.0.0/0'] }),
    'FAIL',
    'open',
  ],
  // Config's first EKS items (2021) recorded subnets and security groups only.
  ['no EndpointPublicAccess (a 2021 Config item)', vpcConfig({}), 'UNKNOWN', 'unknown'],
  [
    'public, no PublicAccessCidrs (EKS default: 0.0.0.0/0)',
    vpcConfig({ EndpointPublicAccess: true }),
    'FAIL',
    'open',
  ],
  // The whole internet written without 0.0.0.0/0 (src/model/internet-sources.ts).
  [
    'public to 0.0.0.0/1 and 128.0.0.0/1',
    vpcConfig({ EndpointPublicAccess: true, PublicAccessCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }),
    'FAIL',
    'open',
  ],
  [
    'public to 2000::/3',
    vpcConfig({ EndpointPublicAccess: true, PublicAccessCidrs: ['2000::/3'] }),
    'FAIL',
    'open',
  ],
  [
    'public to a public /4',
    vpcConfig({ EndpointPublicAccess: true, PublicAccessCidrs: ['64.0.0.0/4'] }),
    'FAIL',
    'open',
  ],
  [
    'public to 10.0.0.0/8 and a /24',
    vpcConfig({ EndpointPublicAccess: true, PublicAccessCidrs: ['10.0.0.0/8', '203.0.113.0/24'] }),
    'PASS',
    'restricted',
  ],
  ['no ResourcesVpcConfig', {}, 'UNKNOWN', 'unknown'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, configuration, status, messageId]) => ({
    name,
    records: [cluster(configuration)],
    status,
    messageId,
  })),
  {
    name: 'names the CIDRs that reach the internet, not the office range beside them',
    records: [
      cluster(
        vpcConfig({
          EndpointPublicAccess: true,
          PublicAccessCidrs: ['203.0.113.0/24', '0.0.0.0/1', '128.0.0.0/1'],
        }),
      ),
    ],
    status: 'FAIL',
    messageId: 'open',
    data: { cidrs: ['0.0.0.0/1', '128.0.0.0/1'] },
  },
  {
    name: 'says the default CIDRs decided, and fills reachableFromInternet',
    records: [cluster(vpcConfig({ EndpointPublicAccess: true }))],
    status: 'FAIL',
    messageId: 'open',
    evidence: [
      { source: 'explicit', value: true },
      { source: 'default', value: ['0.0.0.0/0'] },
    ],
    assert: (_result, resource) =>
      expect(resource.facts).toMatchObject({ reachableFromInternet: { source: 'explicit', value: true } }),
  },
];

export default {
  ...byVerdict(cases),
  notRun: [{ name: 'an ECS cluster, which shares the kansa type', records: [ecsCluster] }],
} satisfies RuleTests;
