import { expect } from 'vitest';
import { configRuleEvents, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
import { ACCOUNT, REGION, snapshotDocument, snapshotItem } from '../../../sources/aws/builders.ts';

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
  [
    // Config names the flow log but recorded no configuration: it may be this VPC's.
    'a flow log on another VPC and one whose item carries no configuration',
    [
      vpc('vpc-1'),
      flowLog('vpc-2'),
      { ...flowLog('vpc-x'), configurationItemStatus: 'ResourceNotRecorded', configuration: null },
    ],
    'UNKNOWN',
    'flowLogsUnread',
    'unknown',
  ],
  ['no flow log recorded in the account', [vpc('vpc-1')], 'UNKNOWN', 'noFlowLogs', 'unknown'],
  // Config names a VPC by its id (resourceId): a row that SELECTed no configuration.vpcId names it so.
  [
    'no configuration.vpcId: the resourceId names the VPC',
    [vpc('vpc-1', {}), flowLog('vpc-1')],
    'PASS',
    'logged',
    'explicit',
  ],
  [
    'no vpcId, and a resourceId that is no VPC id',
    [
      snapshotItem('AWS::EC2::VPC', 'main', { cidrBlock: '10.0.0.0/16' }, { arn: vpcArn('vpc-1') }),
      flowLog('vpc-1'),
    ],
    'UNKNOWN',
    'unknown',
    'unknown',
  ],
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

/**
 * Terraform plans, in the dialect of terraform-aws-modules/vpc planned with Terraform 0.14.11
 * (format 0.1: `aws_vpc.this[0]` with `id` and `arn` in `after_unknown`; StackGuardian/tirith
 * `src/sg_policy/providers/terraform_plan/tests.py`) and of an `aws_flow_log` naming its VPC by
 * `vpc_id = aws_vpc.x.id` (pofman/terraformPlatform `vpc-flow-logs.tf`).
 */
const newVpc = (name: string): Change => ({
  address: `aws_vpc.${name}`,
  after: { cidr_block: '10.0.0.0/18', enable_dns_support: true, instance_tenancy: 'default', tags: null },
  afterUnknown: { id: true, arn: true, owner_id: true, default_security_group_id: true },
  expressions: { cidr_block: constant('10.0.0.0/18') },
});
const existingVpc = (name: string, id: string): Change => ({
  address: `aws_vpc.${name}`,
  actions: ['no-op'],
  before: { id, cidr_block: '10.1.0.0/16' },
  after: { id, cidr_block: '10.1.0.0/16' },
  expressions: { cidr_block: constant('10.1.0.0/16') },
});
const planFlowLog = (name: string, vpcId: string | null, vpcExpression: object): Change => ({
  address: `aws_flow_log.${name}`,
  after: {
    vpc_id: vpcId,
    subnet_id: null,
    eni_id: null,
    traffic_type: 'ALL',
    log_destination_type: 's3',
  },
  afterUnknown: { id: true, arn: true, log_destination: true, ...(vpcId === null && { vpc_id: true }) },
  expressions: {
    vpc_id: vpcExpression,
    traffic_type: constant('ALL'),
    log_destination: ref('aws_s3_bucket.logs.arn', 'aws_s3_bucket.logs'),
  },
});
const planFile = (changes: Change[]) =>
  jsonFile(
    plan(changes, {
      providers: { aws: { region: constant(REGION), allowed_account_ids: constant([ACCOUNT]) } },
    }),
    'plan.json',
  );

const planCases: AnyCase[] = [
  {
    name: 'a Terraform plan: a new VPC with the flow log the plan makes for it',
    records: [planFile([newVpc('main'), planFlowLog('main', null, ref('aws_vpc.main.id', 'aws_vpc.main'))])],
    target: 'aws_vpc.main',
    status: 'PASS',
    messageId: 'logged',
  },
  {
    name: 'a Terraform plan: a new VPC the plan makes no flow log for (off by default)',
    records: [
      planFile([
        newVpc('main'),
        existingVpc('old', 'vpc-0a1'),
        planFlowLog('old', 'vpc-0a1', ref('aws_vpc.old.id', 'aws_vpc.old')),
      ]),
    ],
    target: 'aws_vpc.main',
    status: 'FAIL',
    messageId: 'notLogged',
    evidence: [{ value: 'aws_vpc.main' }, { source: 'default', value: false }],
  },
  {
    name: 'a Terraform plan: an existing VPC, another VPC’s flow log in the plan (flow logs made outside it unseen)',
    records: [
      planFile([
        existingVpc('old', 'vpc-0a1'),
        newVpc('main'),
        planFlowLog('main', null, ref('aws_vpc.main.id', 'aws_vpc.main')),
      ]),
    ],
    target: 'aws_vpc.old',
    status: 'UNKNOWN',
    messageId: 'notInPlan',
  },
  {
    name: 'a Terraform plan: a flow log naming its VPC through a local (known after apply)',
    records: [planFile([newVpc('main'), planFlowLog('main', null, ref('local.vpc_id'))])],
    target: 'aws_vpc.main',
    status: 'UNKNOWN',
    messageId: 'notInPlan',
    evidence: [{ value: 'aws_vpc.main' }, { source: 'unknown', path: 'aws_flow_log.main.vpc_id' }],
  },
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
  {
    // A dump of two Regions with describe-flow-logs in one only: the other Region's VPC is not judged on it.
    name: 'describe-vpcs of another Region, with describe-flow-logs of this Region only',
    records: [
      ...describeDump('ACTIVE'),
      jsonFile(
        {
          Vpcs: [
            {
              VpcId: 'vpc-0c3',
              OwnerId: ACCOUNT,
              CidrBlock: '172.31.0.0/16',
              State: 'available',
              IsDefault: true,
            },
          ],
        },
        `${ACCOUNT}_us-east-1_describe-vpcs.json`,
      ),
    ],
    target: 'vpc-0c3',
    status: 'UNKNOWN',
    messageId: 'noFlowLogs',
  },
  ...emptyListingCases(),
  {
    // Rule events and change notifications carry the resources that changed, not every flow log.
    name: "rule events of a VPC and another VPC's flow log",
    records: [configRuleEvents([vpc('vpc-1'), flowLog('vpc-2')])],
    target: vpcArn('vpc-1'),
    status: 'UNKNOWN',
    messageId: 'onlyNotified',
  },
  {
    name: "a rule event of the VPC's active flow log",
    records: [configRuleEvents([vpc('vpc-1'), flowLog('vpc-1')])],
    target: vpcArn('vpc-1'),
    status: 'PASS',
    messageId: 'logged',
  },
  {
    name: "a snapshot's flow log of another VPC beside a rule event's: the snapshot lists the flow logs",
    records: [vpc('vpc-1'), flowLog('vpc-2'), configRuleEvents([flowLog('vpc-3')])],
    target: vpcArn('vpc-1'),
    status: 'FAIL',
    messageId: 'notLogged',
  },
  ...planCases,
];

/**
 * `aws ec2 describe-flow-logs` where the Region has none, as a per-Region dump keeps it: the
 * member with no entries (`{"FlowLogs": []}`), placed by its file name as EC2's answers are.
 */
function emptyListingCases(): AnyCase[] {
  const vpcs = (region: string, id: string) =>
    jsonFile(
      {
        Vpcs: [
          { VpcId: id, OwnerId: ACCOUNT, CidrBlock: '10.1.0.0/16', State: 'available', IsDefault: false },
        ],
      },
      `${ACCOUNT}_${region}_describe-vpcs.json`,
    );
  const emptyFlowLogs = (file: string, paging: object = {}) => jsonFile({ FlowLogs: [], ...paging }, file);
  const regionSnapshot = (region: string) =>
    `AWSLogs/${ACCOUNT}/Config/${region}/2026/11/1/ConfigSnapshot/${ACCOUNT}_Config_${region}_ConfigSnapshot_20261101T000000Z_3f6d1c2e-8a4b-4c7d-9e2f-1a3b5c7d9e0f.json`;
  const eastFlowLog = snapshotItem(
    'AWS::EC2::FlowLog',
    'fl-east',
    { flowLogId: 'fl-east', flowLogStatus: 'ACTIVE', resourceId: 'vpc-east', trafficType: 'ALL' },
    { region: 'us-east-1', arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-flow-log/fl-east` },
  );
  const listing = `${ACCOUNT}_${REGION}_describe-flow-logs.json`;
  return [
    {
      name: 'describe-flow-logs of the Region answered with none: the VPC has none',
      records: [vpcs(REGION, 'vpc-0a1'), emptyFlowLogs(listing)],
      target: 'vpc-0a1',
      status: 'FAIL',
      messageId: 'notLogged',
      evidence: [
        { path: 'configuration.vpcId', value: 'vpc-0a1' },
        {
          source: 'explicit',
          path: expect.stringMatching(/111122223333_ap-northeast-1_describe-flow-logs\.json: FlowLogs$/),
          value: [],
        },
      ],
    },
    {
      name: 'describe-flow-logs of another Region answered with none: this VPC’s Region was not listed',
      records: [vpcs('us-east-1', 'vpc-0c3'), emptyFlowLogs(listing)],
      target: 'vpc-0c3',
      status: 'UNKNOWN',
      messageId: 'noFlowLogs',
    },
    {
      name: 'an empty page with a NextToken: not the whole listing',
      records: [vpcs(REGION, 'vpc-0a1'), emptyFlowLogs(listing, { NextToken: 'eyJ2IjoiMSJ9' })],
      target: 'vpc-0a1',
      status: 'UNKNOWN',
      messageId: 'noFlowLogs',
    },
    {
      name: 'describe-flow-logs filtered by another VPC (the file named for it) says nothing of this one',
      records: [
        vpcs(REGION, 'vpc-0a1'),
        emptyFlowLogs(`${ACCOUNT}_${REGION}_describe-flow-logs_vpc-0b2c3d4e.json`),
      ],
      target: 'vpc-0a1',
      status: 'UNKNOWN',
      messageId: 'noFlowLogs',
    },
    // Each Region's Config recorder delivers its own snapshot (<account>_Config_<region>_ConfigSnapshot_…).
    {
      name: "Tokyo's snapshot holds the VPC and no flow log, us-east-1's holds a flow log: Tokyo's were listed, none there",
      records: [
        jsonFile(snapshotDocument([vpc('vpc-1')]), regionSnapshot(REGION)),
        jsonFile(snapshotDocument([eastFlowLog]), regionSnapshot('us-east-1')),
      ],
      target: 'vpc-1',
      status: 'FAIL',
      messageId: 'notLogged',
      evidence: [
        { path: 'configuration.vpcId', value: 'vpc-1' },
        {
          source: 'explicit',
          value: [],
          path: expect.stringContaining(
            `${regionSnapshot(REGION)}: configurationItems[resourceType=AWS::EC2::FlowLog]`,
          ),
        },
      ],
    },
    {
      name: "Tokyo's snapshot holds the VPC and no flow log, and no snapshot holds any: whether Config records flow logs is not known",
      records: [jsonFile(snapshotDocument([vpc('vpc-1')]), regionSnapshot(REGION))],
      target: 'vpc-1',
      status: 'UNKNOWN',
      messageId: 'noFlowLogs',
    },
    {
      name: 'describe-flow-logs filtered by this VPC answered with none',
      records: [
        vpcs(REGION, 'vpc-0a1b2c3d'),
        emptyFlowLogs(`${ACCOUNT}_${REGION}_describe-flow-logs_vpc-0a1b2c3d.json`),
      ],
      target: 'vpc-0a1b2c3d',
      status: 'FAIL',
      messageId: 'notLogged',
    },
    ...selectedAnswerCases(),
  ];
}

/**
 * describe-flow-logs answers that hold some of the Region's flow logs (Resource.picked): another
 * VPC's flow log on them says nothing of this VPC's.
 */
function selectedAnswerCases(): AnyCase[] {
  const vpcs = jsonFile(
    {
      Vpcs: ['vpc-0a1b2c3d', 'vpc-0e5f6a7b'].map((VpcId) => ({
        VpcId,
        OwnerId: ACCOUNT,
        CidrBlock: '10.1.0.0/16',
        State: 'available',
        IsDefault: false,
      })),
    },
    `${ACCOUNT}/${REGION}/ec2-describe-vpcs.json`,
  );
  const entry = {
    FlowLogId: 'fl-0f1e2d3c',
    FlowLogStatus: 'ACTIVE',
    ResourceId: 'vpc-0a1b2c3d',
    TrafficType: 'ALL',
  };
  const answer = (document: object, name: string) => jsonFile(document, `${ACCOUNT}/${REGION}/${name}`);
  const unknownOther = (name: string, flowLogs: object) => ({
    name,
    records: [vpcs, flowLogs],
    target: 'vpc-0e5f6a7b',
    status: 'UNKNOWN' as const,
    messageId: 'onlyPicked',
  });
  return [
    unknownOther(
      "describe-flow-logs filtered by another VPC (its file named for it) with that VPC's flow log",
      answer({ FlowLogs: [entry] }, 'ec2-describe-flow-logs_vpc-0a1b2c3d.json'),
    ),
    unknownOther(
      'a page of describe-flow-logs with a NextToken and another VPC’s flow log',
      answer({ FlowLogs: [entry], NextToken: 'eyJ2IjoiMSJ9' }, 'ec2-describe-flow-logs.json'),
    ),
    {
      name: 'the filtered answer’s VPC is judged on it',
      records: [vpcs, answer({ FlowLogs: [entry] }, 'ec2-describe-flow-logs_vpc-0a1b2c3d.json')],
      target: 'vpc-0a1b2c3d',
      status: 'PASS',
      messageId: 'logged',
    },
    {
      name: 'the same flow log in the Region’s whole answer too: listed, this VPC has none',
      records: [
        vpcs,
        answer({ FlowLogs: [entry] }, 'ec2-describe-flow-logs_vpc-0a1b2c3d.json'),
        answer({ FlowLogs: [entry] }, 'ec2-describe-flow-logs.json'),
      ],
      target: 'vpc-0e5f6a7b',
      status: 'FAIL',
      messageId: 'notLogged',
    },
    {
      name: 'a filtered answer beside the Region’s whole listing, empty: this VPC has none',
      records: [
        vpcs,
        answer({ FlowLogs: [entry] }, 'ec2-describe-flow-logs_vpc-0a1b2c3d.json'),
        answer({ FlowLogs: [] }, 'ec2-describe-flow-logs.json'),
      ],
      target: 'vpc-0e5f6a7b',
      status: 'FAIL',
      messageId: 'notLogged',
    },
  ];
}

export default byVerdict(cases) satisfies RuleTests;
