import { expect } from 'vitest';
import { configSelect } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';

const sgArn = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-1`;
const permission = (ipProtocol: string, ports: [number, number] | null, v4: string[], v6: string[] = []) => ({
  ipProtocol,
  ...(ports ? { fromPort: ports[0], toPort: ports[1] } : {}),
  ipv4Ranges: v4.map((cidrIp) => ({ cidrIp })),
  ipv6Ranges: v6.map((cidrIpv6) => ({ cidrIpv6 })),
  ipRanges: v4,
  prefixListIds: [],
  userIdGroupPairs: [],
});
const securityGroup = (ipPermissions?: readonly object[]) =>
  snapshotItem(
    'AWS::EC2::SecurityGroup',
    'sg-1',
    {
      groupId: 'sg-1',
      groupName: 'web',
      vpcId: 'vpc-1',
      ...(ipPermissions ? { ipPermissions } : {}),
      ipPermissionsEgress: [],
    },
    { arn: sgArn, name: 'web' },
  );

const table = [
  ['HTTPS from anywhere', [permission('tcp', [443, 443], ['0.0.0.0/0'])], 'PASS', 'closed', undefined],
  [
    'SSH from the office only',
    [permission('tcp', [22, 22], ['203.0.113.0/24'])],
    'PASS',
    'closed',
    undefined,
  ],
  ['ICMP from anywhere', [permission('icmp', [-1, -1], ['0.0.0.0/0'])], 'PASS', 'closed', undefined],
  [
    'SSH from anywhere',
    [permission('tcp', [22, 22], ['0.0.0.0/0'])],
    'FAIL',
    'open',
    ['tcp 22 from 0.0.0.0/0'],
  ],
  [
    'RDP in a range from ::/0',
    [permission('tcp', [3000, 4000], [], ['::/0'])],
    'FAIL',
    'open',
    ['tcp 3000-4000 from ::/0'],
  ],
  ['all traffic', [permission('-1', null, ['0.0.0.0/0'])], 'FAIL', 'open', ['all traffic from 0.0.0.0/0']],
  [
    'every UDP port',
    [permission('udp', [0, 65535], ['0.0.0.0/0'])],
    'FAIL',
    'open',
    ['udp all ports from 0.0.0.0/0'],
  ],
  ['no ipPermissions field', undefined, 'UNKNOWN', 'unknown', undefined],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, permissions, status, messageId, rules]) => ({
    name,
    records: [securityGroup(permissions)],
    status,
    messageId,
    evidence: [{ path: 'configuration.ipPermissions' }],
    assert: (result: { data?: Readonly<Record<string, unknown>> }) =>
      expect(result.data?.['rules']).toEqual(rules),
  })),
  {
    name: 'ports written as floats by select-resource-config',
    records: [
      configSelect([
        {
          accountId: ACCOUNT,
          awsRegion: REGION,
          arn: sgArn,
          resourceId: 'sg-1',
          resourceName: 'bastion',
          resourceType: 'AWS::EC2::SecurityGroup',
          configuration: {
            groupId: 'sg-1',
            ipPermissions: [
              { fromPort: 22.0, toPort: 22.0, ipProtocol: 'tcp', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] },
            ],
          },
        },
      ]),
    ],
    status: 'FAIL',
    messageId: 'open',
    data: { rules: ['tcp 22 from 0.0.0.0/0'] },
  },
];

export default byVerdict(cases) satisfies RuleTests;
