import { describe, expect, it } from 'vitest';
import securityGroupOpenPorts from '../../../src/checks/aws/ec2/security-group-open-ports.ts';
import vpcFlowLogs from '../../../src/checks/aws/ec2/vpc-flow-logs.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

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
const securityGroup = (ipPermissions?: object[]) =>
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

describe('aws.ec2.security-group-open-ports', () => {
  it.each([
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
  ])('%s → %s', (_, permissions, status, message, rules) => {
    const result = evaluate(securityGroupOpenPorts, tenancy({ items: [securityGroup(permissions)] }), sgArn);
    expect(result).toMatchObject({ status, message, evidence: [{ path: 'configuration.ipPermissions' }] });
    expect(result.data?.['rules']).toEqual(rules);
  });

  it('reads ports written as floats by select-resource-config', () => {
    const row = {
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
    };
    const result = evaluate(securityGroupOpenPorts, tenancy({ selectRows: [row] }), sgArn);
    expect(result).toMatchObject({ status: 'FAIL', data: { rules: ['tcp 22 from 0.0.0.0/0'] } });
  });
});

const vpcArn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${id}`;
const vpc = (id: string, configuration: Record<string, unknown> = { vpcId: id }) =>
  snapshotItem(
    'AWS::EC2::VPC',
    id,
    { cidrBlock: '10.0.0.0/16', state: 'available', isDefault: false, ...configuration },
    { arn: vpcArn(id) },
  );
const flowLog = (resourceId: string, flowLogStatus = 'ACTIVE') =>
  snapshotItem(
    'AWS::EC2::FlowLog',
    `fl-${resourceId}`,
    {
      flowLogId: `fl-${resourceId}`,
      flowLogStatus,
      resourceId,
      trafficType: 'ALL',
      logDestinationType: 's3',
    },
    { arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc-flow-log/fl-${resourceId}` },
  );

describe('aws.ec2.vpc-flow-logs', () => {
  it.each([
    ['an active flow log on the VPC', [vpc('vpc-1'), flowLog('vpc-1')], 'PASS', 'logged', 'explicit'],
    [
      'flow logs on other VPCs only (the VPC default: none)',
      [vpc('vpc-1'), flowLog('vpc-2')],
      'FAIL',
      'notLogged',
      'default',
    ],
    [
      'an inactive flow log',
      [vpc('vpc-1'), flowLog('vpc-1', 'INACTIVE'), flowLog('vpc-2')],
      'FAIL',
      'notLogged',
      'default',
    ],
    ['no flow log recorded in the account', [vpc('vpc-1')], 'UNKNOWN', 'noFlowLogs', 'unknown'],
    ['no vpcId', [vpc('vpc-1', {}), flowLog('vpc-1')], 'UNKNOWN', 'unknown', 'unknown'],
  ])('%s → %s', (_, items, status, message, source) => {
    const result = evaluate(vpcFlowLogs, tenancy({ items }), vpcArn('vpc-1'));
    expect(result).toMatchObject({ status, message });
    expect(result.evidence.at(-1)).toMatchObject({ source });
  });
});
