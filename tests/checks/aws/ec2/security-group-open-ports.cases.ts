import { expect } from 'vitest';
import { configSelect, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { awsIngressRule, type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
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

const prefixListPermission = (ipProtocol: string, ports: [number, number], prefixListId: string) => ({
  ...permission(ipProtocol, ports, []),
  prefixListIds: [{ prefixListId }],
});
/** AWS::EC2::PrefixList as Config records it (CloudFormation's shape: PrefixListId, Entries[].Cidr). */
const prefixList = (id: string, cidrs: readonly string[]) =>
  snapshotItem(
    'AWS::EC2::PrefixList',
    id,
    { PrefixListId: id, AddressFamily: 'IPv4', Entries: cidrs.map((Cidr) => ({ Cidr })) },
    { arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:prefix-list/${id}` },
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
  ['SSH from anywhere', [permission('tcp', [22, 22], ['0.0.0.0/0'])], 'FAIL', 'open', ['0.0.0.0/0 → tcp:22']],
  [
    'RDP in a range from ::/0',
    [permission('tcp', [3000, 4000], [], ['::/0'])],
    'FAIL',
    'open',
    ['::/0 → tcp:3000-4000'],
  ],
  ['all traffic', [permission('-1', null, ['0.0.0.0/0'])], 'FAIL', 'open', ['0.0.0.0/0 → -1']],
  [
    'every UDP port',
    [permission('udp', [0, 65535], ['0.0.0.0/0'])],
    'FAIL',
    'open',
    ['0.0.0.0/0 → udp:0-65535'],
  ],
  ['no ipPermissions field', undefined, 'UNKNOWN', 'unknown', undefined],
  // The whole internet written without 0.0.0.0/0, to slip past linters that look for it.
  [
    'SSH from 0.0.0.0/1 and 128.0.0.0/1 in one rule',
    [permission('tcp', [22, 22], ['0.0.0.0/1', '128.0.0.0/1'])],
    'FAIL',
    'open',
    ['0.0.0.0/1 → tcp:22', '128.0.0.0/1 → tcp:22'],
  ],
  [
    'SSH from two /8s on two rules: the group admits their union, a /7',
    [permission('tcp', [22, 22], ['16.0.0.0/8']), permission('-1', null, ['17.0.0.0/8'])],
    'FAIL',
    'open',
    ['16.0.0.0/8 → tcp:22', '17.0.0.0/8 → -1'],
  ],
  ['SSH from one /8 only', [permission('tcp', [22, 22], ['16.0.0.0/8'])], 'PASS', 'closed', undefined],
  [
    'RDP from every global unicast IPv6 address (2000::/3)',
    [permission('tcp', [3389, 3389], [], ['2000::/3'])],
    'FAIL',
    'open',
    ['2000::/3 → tcp:3389'],
  ],
  [
    'all traffic from a public /4',
    [permission('-1', null, ['64.0.0.0/4'])],
    'FAIL',
    'open',
    ['64.0.0.0/4 → -1'],
  ],
  [
    'all traffic from half the internet (0.0.0.0/1)',
    [permission('-1', null, ['0.0.0.0/1'])],
    'FAIL',
    'open',
    ['0.0.0.0/1 → -1'],
  ],
  [
    'all traffic from private ranges only',
    [
      permission(
        '-1',
        null,
        ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'],
        ['fc00::/7'],
      ),
    ],
    'PASS',
    'closed',
    undefined,
  ],
  [
    'HTTPS from 0.0.0.0/1 and SSH from 128.0.0.0/25: no port is open to both',
    [permission('tcp', [443, 443], ['0.0.0.0/1']), permission('tcp', [22, 22], ['128.0.0.0/25'])],
    'PASS',
    'closed',
    undefined,
  ],
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
    data: { rules: ['0.0.0.0/0 → tcp:22'] },
  },
  // A managed prefix list as the source opens the port to every CIDR in the list.
  // https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
  {
    name: 'SSH from a managed prefix list that holds 0.0.0.0/0',
    records: [
      securityGroup([prefixListPermission('tcp', [22, 22], 'pl-open')]),
      prefixList('pl-open', ['0.0.0.0/0']),
    ],
    status: 'FAIL',
    messageId: 'open',
    data: { rules: ['pl-open (0.0.0.0/0) → tcp:22'] },
    message: {
      ja: 'がインターネットに開いています（送信元 → プロトコル:ポート。プロトコル -1 はすべての通信）: pl-open (0.0.0.0/0) → tcp:22',
      en: 'is open to the internet (source → protocol:ports; protocol -1 is all traffic): pl-open (0.0.0.0/0) → tcp:22',
    },
  },
  {
    name: 'SSH from a managed prefix list of office ranges',
    records: [
      securityGroup([prefixListPermission('tcp', [22, 22], 'pl-office')]),
      prefixList('pl-office', ['203.0.113.0/24']),
    ],
    status: 'PASS',
    messageId: 'closed',
  },
  {
    name: 'SSH from a managed prefix list that holds 0.0.0.0/1 and 128.0.0.0/1',
    records: [
      securityGroup([prefixListPermission('tcp', [22, 22], 'pl-halves')]),
      prefixList('pl-halves', ['0.0.0.0/1', '128.0.0.0/1']),
    ],
    status: 'FAIL',
    messageId: 'open',
    data: { rules: ['pl-halves (0.0.0.0/1) → tcp:22', 'pl-halves (128.0.0.0/1) → tcp:22'] },
    evidence: [{ path: 'configuration.ipPermissions' }, { path: 'configuration.Entries' }],
  },
  {
    // An entry with no CIDR kansa reads may be 0.0.0.0/0.
    name: 'SSH from a managed prefix list with an entry whose Cidr is not a string',
    records: [
      securityGroup([prefixListPermission('tcp', [22, 22], 'pl-odd')]),
      snapshotItem(
        'AWS::EC2::PrefixList',
        'pl-odd',
        { PrefixListId: 'pl-odd', Entries: [{ Cidr: '203.0.113.0/24' }, { Cidr: ['0.0.0.0/0'] }] },
        { arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:prefix-list/pl-odd` },
      ),
    ],
    status: 'UNKNOWN',
    messageId: 'unresolvedPrefixList',
    data: { lists: ['pl-odd'] },
  },
  {
    // A prefix-list source named by no id: the list it stands for is unknown, never none.
    name: 'SSH from a prefix-list source without its id',
    records: [
      securityGroup([{ ...permission('tcp', [22, 22], []), prefixListIds: [{ description: 'vendor' }] }]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'SSH from a managed prefix list that is not in the inventory',
    records: [securityGroup([prefixListPermission('tcp', [22, 22], 'pl-shared')])],
    status: 'UNKNOWN',
    messageId: 'unresolvedPrefixList',
    data: { lists: ['pl-shared'] },
  },
];

/**
 * Terraform plans whose rules take their sources from what exists only after apply: a VPC's
 * `cidr_block` (checkov's terragoat plan, `cidr_blocks = [aws_vpc.web_vpc.cidr_block]`) or an
 * Elastic IP (`["${aws_eip.bastion.public_ip}/32"]`), in provider v5's dialect.
 */
const group: Change = {
  address: 'aws_security_group.db',
  after: { name: 'db', ingress: [], egress: [] },
  afterUnknown: { id: true, arn: true, ingress: [], egress: [] },
  expressions: { name: constant('db') },
};
const ruleFromAfterApply = (name: string, port: number, cidrs: Record<string, unknown>): Change => ({
  address: `aws_security_group_rule.${name}`,
  after: {
    type: 'ingress',
    protocol: 'tcp',
    from_port: port,
    to_port: port,
    self: false,
    ipv6_cidr_blocks: null,
  },
  afterUnknown: { id: true, cidr_blocks: true, security_group_id: true, source_security_group_id: true },
  expressions: {
    type: constant('ingress'),
    security_group_id: ref('aws_security_group.db.id', 'aws_security_group.db'),
    cidr_blocks: cidrs,
  },
});
const ruleFromPrefixList = (name: string, port: number): Change => ({
  address: `aws_security_group_rule.${name}`,
  after: {
    type: 'ingress',
    protocol: 'tcp',
    from_port: port,
    to_port: port,
    self: false,
    cidr_blocks: null,
    ipv6_cidr_blocks: null,
    prefix_list_ids: ['pl-0a1b2c3d4e5f67890'],
  },
  afterUnknown: { id: true, security_group_id: true, source_security_group_id: true },
  expressions: {
    type: constant('ingress'),
    security_group_id: ref('aws_security_group.db.id', 'aws_security_group.db'),
    prefix_list_ids: constant(['pl-0a1b2c3d4e5f67890']),
  },
});
const planFile = (changes: Change[]) =>
  jsonFile(plan(changes, { providers: { aws: { region: constant(REGION) } } }), 'plan.json');

const planCases: AnyCase[] = [
  {
    name: 'a Terraform plan: SSH from a managed prefix list the plan does not hold',
    records: [planFile([group, ruleFromPrefixList('ssh', 22)])],
    target: 'aws_security_group.db',
    status: 'UNKNOWN',
    messageId: 'unresolvedPrefixList.plan',
    data: { lists: ['pl-0a1b2c3d4e5f67890'] },
  },
  {
    name: 'a Terraform plan: HTTPS from a managed prefix list',
    records: [planFile([group, ruleFromPrefixList('https', 443)])],
    target: 'aws_security_group.db',
    status: 'PASS',
    messageId: 'closed',
  },
  {
    name: 'a Terraform plan: Postgres from the VPC’s CIDR, known only after apply (no port that matters)',
    records: [
      planFile([group, ruleFromAfterApply('pg', 5432, ref('aws_vpc.main.cidr_block', 'aws_vpc.main'))]),
    ],
    target: 'aws_security_group.db',
    status: 'PASS',
    messageId: 'closed',
  },
  {
    name: 'a Terraform plan: SSH from an Elastic IP known only after apply',
    records: [
      planFile([group, ruleFromAfterApply('ssh', 22, ref('aws_eip.bastion.public_ip', 'aws_eip.bastion'))]),
    ],
    target: 'aws_security_group.db',
    status: 'UNKNOWN',
    messageId: 'sourcesAfterApply',
    data: { rules: ['aws_security_group_rule.ssh.cidr_blocks → tcp:22'] },
    evidence: [
      { path: 'aws_security_group.db.ingress' },
      { path: 'aws_security_group_rule.ssh.cidr_blocks' },
    ],
  },
  {
    name: 'a Terraform plan: SSH from a source known after apply beside SSH from anywhere',
    records: [
      planFile([
        { ...group, after: { name: 'db', ingress: [awsIngressRule(22, '0.0.0.0/0')], egress: [] } },
        ruleFromAfterApply('ssh', 22, ref('aws_eip.bastion.public_ip', 'aws_eip.bastion')),
      ]),
    ],
    target: 'aws_security_group.db',
    status: 'FAIL',
    messageId: 'open',
    data: { rules: ['0.0.0.0/0 → tcp:22'] },
  },
];

export default byVerdict([...cases, ...planCases]) satisfies RuleTests;
