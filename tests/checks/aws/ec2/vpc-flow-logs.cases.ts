import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
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

/**
 * `aws ec2 describe-vpcs` and `aws ec2 describe-flow-logs` as a per-account, per-region dump
 * keeps them (`<account>_<region>_describe-….json`): the EC2 API's PascalCase (botocore ec2
 * service-2.json `Vpc`, `FlowLog`), no ARN, and no owner on a flow log.
 */
const describeDump = (flowLogStatus: string) => [
  jsonFile(
    {
      Vpcs: [
        {
          VpcId: 'vpc-0a1',
          OwnerId: ACCOUNT,
          CidrBlock: '10.1.0.0/16',
          State: 'available',
          IsDefault: false,
        },
      ],
    },
    `${ACCOUNT}_${REGION}_describe-vpcs.json`,
  ),
  jsonFile(
    {
      FlowLogs: [
        {
          CreationTime: '2026-10-01T00:00:00.000Z',
          DeliverLogsStatus: 'SUCCESS',
          FlowLogId: 'fl-0b2',
          FlowLogStatus: flowLogStatus,
          LogGroupName: 'vpc-flow',
          ResourceId: 'vpc-0a1',
          TrafficType: 'ALL',
          LogDestinationType: 'cloud-watch-logs',
          LogDestination: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:vpc-flow`,
          MaxAggregationInterval: 600,
        },
      ],
    },
    `${ACCOUNT}_${REGION}_describe-flow-logs.json`,
  ),
];

const cases: AnyCase[] = [
  ...table.map(([name, items, status, messageId, source]) => ({
    name,
    records: items,
    target: vpcArn('vpc-1'),
    status,
    messageId,
    assert: (result: { evidence: readonly object[] }) =>
      expect(result.evidence.at(-1)).toMatchObject({ source }),
  })),
  {
    name: 'describe-vpcs and describe-flow-logs output: the active flow log is read',
    records: describeDump('ACTIVE'),
    target: 'vpc-0a1',
    status: 'PASS',
    messageId: 'logged',
  },
  {
    name: 'describe-vpcs and describe-flow-logs output: the flow log is not active',
    records: describeDump('INACTIVE'),
    target: 'vpc-0a1',
    status: 'FAIL',
    messageId: 'notLogged',
  },
];

export default byVerdict(cases) satisfies RuleTests;
