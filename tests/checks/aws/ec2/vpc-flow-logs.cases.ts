import { expect } from 'vitest';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';

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

const table = [
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
] as const;

export default byVerdict(
  table.map(([name, items, status, messageId, source]) => ({
    name,
    records: items,
    target: vpcArn('vpc-1'),
    status,
    messageId,
    assert: (result: { evidence: readonly object[] }) =>
      expect(result.evidence.at(-1)).toMatchObject({ source }),
  })),
) satisfies RuleTests;
