import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { row, SUBSCRIPTION_ID } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { splitGroupCases } from './nsg-internet-ingress-files.cases.ts';

type Row = Record<string, unknown>;

const rule = (
  name: string,
  priority: number,
  access: string,
  ports: Row,
  sources: Row,
  protocol = 'Tcp',
) => ({
  name,
  properties: {
    access,
    direction: 'Inbound',
    priority,
    protocol,
    sourcePortRange: '*',
    ...ports,
    ...sources,
  },
});
const nsg = (properties: Row | undefined) =>
  row(
    'Microsoft.Network',
    'networkSecurityGroups',
    'networkSecurityGroups/nsg1',
    properties ? { properties } : {},
  );
const ASG = (name: string) =>
  `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/applicationSecurityGroups/${name}`;
const NSG_CLI = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/networkSecurityGroups/nsg-cli`;
/** A rule as `az` prints it: settings flattened beside the name. */
const flatRule = (
  name: string,
  priority: number,
  access: string,
  source: string,
  port: string,
  protocol = 'Tcp',
) => ({
  name,
  access,
  direction: 'Inbound',
  priority,
  protocol,
  sourceAddressPrefix: source,
  sourcePortRange: '*',
  destinationAddressPrefix: '*',
  destinationPortRange: port,
  provisioningState: 'Succeeded',
});
const DENY_ALL = rule(
  'DenyAllInBound',
  65500,
  'Deny',
  { destinationPortRange: '*' },
  { sourceAddressPrefix: '*' },
  '*',
);

const table = [
  {
    name: 'HTTPS from Internet only',
    rules: [
      rule('https', 100, 'Allow', { destinationPortRange: '443' }, { sourceAddressPrefix: 'Internet' }),
    ],
    status: 'PASS',
    exposures: undefined,
  },
  {
    name: 'SSH from *',
    rules: [rule('ssh', 100, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '*' })],
    status: 'FAIL',
    exposures: ['ssh (22: *)'],
  },
  {
    name: 'RDP in a range, from 0.0.0.0/0 in the prefixes list',
    rules: [
      rule(
        'rdp',
        100,
        'Allow',
        { destinationPortRanges: ['3380-3390'] },
        { sourceAddressPrefixes: ['0.0.0.0/0'] },
      ),
    ],
    status: 'FAIL',
    exposures: ['rdp (3389: 0.0.0.0/0)'],
  },
  {
    name: 'all ports from Any over any protocol',
    rules: [rule('any', 100, 'Allow', { destinationPortRange: '*' }, { sourceAddressPrefix: 'Any' }, '*')],
    status: 'FAIL',
    exposures: ['any (22: Any)', 'any (3389: Any)', 'any (*: Any)'],
    message: {
      ja: 'インターネットからの受信を許可する規則があります（規則名（ポート: 送信元 − その一部を除く優先度の高い拒否規則）。* はすべてのポート）: any (22: Any), any (3389: Any), any (*: Any)',
      en: 'Rules allow inbound traffic from the internet (rule (port: sources − higher-priority Deny rules that take part of it away), * for all ports): any (22: Any), any (3389: Any), any (*: Any)',
    },
  },
  {
    name: 'SSH from ::/0 shadowed by an earlier Deny from Internet',
    rules: [
      rule('deny-ssh', 100, 'Deny', { destinationPortRange: '22' }, { sourceAddressPrefix: 'Internet' }),
      rule('ssh', 200, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '::/0' }),
    ],
    status: 'PASS',
    exposures: undefined,
    denies: 'deny-ssh',
  },
  {
    name: 'a Deny for one partner range does not close SSH to everyone',
    rules: [
      rule(
        'deny-partner',
        100,
        'Deny',
        { destinationPortRange: '22' },
        { sourceAddressPrefix: '203.0.113.0/24' },
      ),
      rule('ssh', 200, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '*' }),
    ],
    status: 'FAIL',
    exposures: ['ssh (22: *)'],
  },
  {
    name: 'SSH from a management range; ICMP from anywhere',
    rules: [
      rule('ssh', 100, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '198.51.100.0/24' }),
      rule('ping', 110, 'Allow', { destinationPortRange: '*' }, { sourceAddressPrefix: '*' }, 'Icmp'),
    ],
    status: 'PASS',
    exposures: undefined,
  },
  // The whole internet written without 0.0.0.0/0, as Terraform and scripts write it to slip past
  // linters that look for 0.0.0.0/0.
  {
    name: 'SSH from 0.0.0.0/1 and 128.0.0.0/1 in one rule',
    rules: [
      rule(
        'ssh',
        100,
        'Allow',
        { destinationPortRange: '22' },
        { sourceAddressPrefixes: ['0.0.0.0/1', '128.0.0.0/1'] },
      ),
    ],
    status: 'FAIL',
    exposures: ['ssh (22: 0.0.0.0/1, 128.0.0.0/1)'],
  },
  {
    name: 'SSH from two /8s on two Allow rules: the NSG admits their union, a /7',
    rules: [
      rule('ssh-a', 100, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '16.0.0.0/8' }),
      rule('ssh-b', 110, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '17.0.0.0/8' }),
    ],
    status: 'FAIL',
    exposures: ['ssh-a, ssh-b (22: 16.0.0.0/8, 17.0.0.0/8)'],
  },
  {
    name: 'RDP from every global unicast IPv6 address (2000::/3)',
    rules: [rule('rdp', 100, 'Allow', { destinationPortRange: '3389' }, { sourceAddressPrefix: '2000::/3' })],
    status: 'FAIL',
    exposures: ['rdp (3389: 2000::/3)'],
  },
  {
    name: 'all ports from a public /4',
    rules: [rule('wide', 100, 'Allow', { destinationPortRange: '*' }, { sourceAddressPrefix: '64.0.0.0/4' })],
    status: 'FAIL',
    exposures: ['wide (22: 64.0.0.0/4)', 'wide (3389: 64.0.0.0/4)', 'wide (*: 64.0.0.0/4)'],
  },
  {
    name: 'SSH from the private ranges and one /8',
    rules: [
      rule(
        'ssh',
        100,
        'Allow',
        { destinationPortRange: '22' },
        { sourceAddressPrefixes: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '16.0.0.0/8'] },
      ),
      rule(
        'ssh-office',
        110,
        'Allow',
        { destinationPortRange: '22' },
        { sourceAddressPrefix: '203.0.113.0/24' },
      ),
    ],
    status: 'PASS',
    exposures: undefined,
  },
  {
    name: 'an Allow from 128.0.0.0/1 after a Deny from Internet is shadowed',
    rules: [
      rule('ssh-low', 100, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '10.0.0.0/8' }),
      rule('deny-ssh', 110, 'Deny', { destinationPortRange: '22' }, { sourceAddressPrefix: 'Internet' }),
      rule('ssh-high', 120, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '128.0.0.0/1' }),
    ],
    status: 'PASS',
    exposures: undefined,
    denies: 'deny-ssh',
  },
  // A Deny of higher priority takes away what it covers, and only that: what is left of the
  // Allow is judged (https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works).
  {
    name: 'a Deny from 0.0.0.0/1 leaves the other half of the internet open on SSH',
    rules: [
      rule('deny-half', 100, 'Deny', { destinationPortRange: '22' }, { sourceAddressPrefix: '0.0.0.0/1' }),
      rule('ssh', 200, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: 'Internet' }),
    ],
    status: 'FAIL',
    exposures: ['ssh (22: Internet − deny-half)'],
  },
  {
    name: 'a Deny from Internet on 3389 before an Allow from * on 3389-3390: RDP is left to the private ranges',
    rules: [
      rule('deny-rdp', 100, 'Deny', { destinationPortRange: '3389' }, { sourceAddressPrefix: 'Internet' }),
      rule('rdp-range', 200, 'Allow', { destinationPortRange: '3389-3390' }, { sourceAddressPrefix: '*' }),
    ],
    status: 'PASS',
    exposures: undefined,
    denies: 'deny-rdp',
  },
  {
    name: 'an Allow of every port less a Deny of SSH and RDP still opens every other port',
    rules: [
      rule(
        'deny-mgmt',
        100,
        'Deny',
        { destinationPortRanges: ['22', '3389'] },
        { sourceAddressPrefix: 'Internet' },
        '*',
      ),
      rule('all', 4000, 'Allow', { destinationPortRange: '*' }, { sourceAddressPrefix: '*' }, '*'),
    ],
    status: 'FAIL',
    exposures: ['all (*: * − deny-mgmt)'],
  },
  {
    name: 'a Deny of every port from the internet closes an Allow of every port',
    rules: [
      rule(
        'deny-in',
        100,
        'Deny',
        { destinationPortRange: '0-65535' },
        { sourceAddressPrefix: 'Internet' },
        '*',
      ),
      rule('all', 4000, 'Allow', { destinationPortRange: '*' }, { sourceAddressPrefix: '*' }, '*'),
    ],
    status: 'PASS',
    exposures: undefined,
    denies: 'deny-in',
  },
  {
    name: 'a Deny for some source ports leaves the others open (the client picks its port)',
    rules: [
      {
        ...rule('deny-high', 100, 'Deny', { destinationPortRange: '22' }, { sourceAddressPrefix: '*' }),
        properties: {
          ...rule('deny-high', 100, 'Deny', { destinationPortRange: '22' }, { sourceAddressPrefix: '*' })
            .properties,
          sourcePortRange: '1024-65535',
        },
      },
      rule('ssh', 200, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '*' }),
    ],
    status: 'FAIL',
    exposures: ['ssh (22: *)'],
  },
  {
    name: 'a Deny to one application security group closes SSH to that group only',
    rules: [
      rule(
        'deny-web',
        100,
        'Deny',
        { destinationPortRange: '22', destinationApplicationSecurityGroups: [{ id: ASG('asg-web') }] },
        { sourceAddressPrefix: '*' },
      ),
      rule(
        'ssh-web',
        200,
        'Allow',
        { destinationPortRange: '22', destinationApplicationSecurityGroups: [{ id: ASG('ASG-Web') }] },
        { sourceAddressPrefix: 'Internet' },
      ),
      rule(
        'ssh-db',
        210,
        'Allow',
        { destinationPortRange: '22', destinationApplicationSecurityGroups: [{ id: ASG('asg-db') }] },
        { sourceAddressPrefix: 'Internet' },
      ),
    ],
    status: 'FAIL',
    exposures: ['ssh-db (22: Internet)'],
  },
  {
    name: 'a Deny to one host closes SSH to a rule for that host, not to the subnet',
    rules: [
      rule(
        'deny-host',
        100,
        'Deny',
        { destinationPortRange: '22', destinationAddressPrefix: '10.0.1.0/24' },
        { sourceAddressPrefix: '*' },
      ),
      rule(
        'ssh-host',
        200,
        'Allow',
        { destinationPortRange: '22', destinationAddressPrefix: '10.0.1.4' },
        { sourceAddressPrefix: '*' },
      ),
      rule(
        'ssh-subnet',
        210,
        'Allow',
        { destinationPortRange: '22', destinationAddressPrefixes: ['10.0.0.0/16'] },
        { sourceAddressPrefix: '*' },
      ),
    ],
    status: 'FAIL',
    exposures: ['ssh-subnet (22: *)'],
  },
  {
    // Every public address of Azure's datacenters: any Azure customer's VM sends from them
    // (https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags).
    name: 'SSH from the AzureCloud service tag: every Azure customer',
    rules: [
      rule('ssh-azure', 100, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: 'AzureCloud' }),
    ],
    status: 'FAIL',
    exposures: ['ssh-azure (22: AzureCloud)'],
  },
  {
    name: 'AzureCloud.JapanEast after a Deny from AzureCloud',
    rules: [
      rule('deny-azure', 100, 'Deny', { destinationPortRange: '22' }, { sourceAddressPrefix: 'AzureCloud' }),
      rule(
        'ssh-region',
        200,
        'Allow',
        { destinationPortRange: '22' },
        { sourceAddressPrefix: 'AzureCloud.JapanEast' },
      ),
    ],
    status: 'PASS',
    exposures: undefined,
    denies: 'deny-azure',
  },
  {
    name: 'RDP from the GatewayManager service tag and an application security group',
    rules: [
      rule(
        'rdp-gw',
        100,
        'Allow',
        { destinationPortRange: '3389' },
        { sourceAddressPrefix: 'GatewayManager' },
      ),
      rule(
        'rdp-admins',
        110,
        'Allow',
        { destinationPortRange: '3389' },
        { sourceApplicationSecurityGroups: [{ id: ASG('asg-admins') }] },
      ),
    ],
    status: 'PASS',
    exposures: undefined,
  },
  {
    name: 'a Deny inside an Allow that never admitted the internet closes nothing worth naming',
    rules: [
      rule('deny-part', 100, 'Deny', { destinationPortRange: '22' }, { sourceAddressPrefix: '16.0.0.0/9' }),
      rule(
        'ssh-partner',
        200,
        'Allow',
        { destinationPortRange: '22' },
        { sourceAddressPrefix: '16.0.0.0/8' },
      ),
    ],
    status: 'PASS',
    exposures: undefined,
  },
  {
    name: 'an ICMP Deny does not close TCP; a Deny of every protocol does',
    rules: [
      rule('deny-icmp', 100, 'Deny', { destinationPortRange: '*' }, { sourceAddressPrefix: '*' }, 'Icmp'),
      rule('deny-any', 110, 'Deny', { destinationPortRange: '3389' }, { sourceAddressPrefix: '*' }, '*'),
      rule('ssh', 200, 'Allow', { destinationPortRange: '22' }, { sourceAddressPrefix: '*' }),
      rule('rdp', 210, 'Allow', { destinationPortRange: '3389' }, { sourceAddressPrefix: '*' }),
    ],
    status: 'FAIL',
    exposures: ['ssh (22: *)'],
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, rules, status, exposures, ...rest }) => ({
    name,
    records: [nsg({ securityRules: rules, defaultSecurityRules: [DENY_ALL] })],
    status,
    ...('message' in rest ? { message: rest.message } : {}),
    messageId: status === 'FAIL' ? 'exposed' : 'denies' in rest ? 'denied' : 'closed',
    assert: (result: { data?: unknown }) => {
      if (exposures) expect(result.data).toEqual({ exposures });
      if ('denies' in rest) expect(result.data).toEqual({ denies: rest.denies });
    },
  })),
  {
    name: 'the flattened rules of az network nsg show',
    records: [
      jsonFile(
        {
          id: `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/networkSecurityGroups/nsg-cli`,
          name: 'nsg-cli',
          type: 'Microsoft.Network/networkSecurityGroups',
          location: 'japaneast',
          securityRules: [
            {
              name: 'rdp',
              access: 'Allow',
              direction: 'Inbound',
              priority: 100,
              protocol: 'Tcp',
              sourceAddressPrefix: 'Internet',
              destinationPortRange: '3389',
            },
          ],
        },
        'nsg-show.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'exposed',
  },
  {
    // `az network nsg show` with its default rules and `az network nsg rule list` (the custom
    // rules as resources of their own) printed into one file: one group.
    name: 'az network nsg show and az network nsg rule list: a Deny listed on its own closes SSH in the group',
    records: [
      jsonFile(
        [
          {
            id: NSG_CLI,
            name: 'nsg-cli',
            type: 'Microsoft.Network/networkSecurityGroups',
            location: 'japaneast',
            securityRules: [flatRule('ssh', 300, 'Allow', '*', '22')],
            defaultSecurityRules: [
              flatRule('AllowVnetInBound', 65000, 'Allow', 'VirtualNetwork', '*', '*'),
              flatRule('AllowAzureLoadBalancerInBound', 65001, 'Allow', 'AzureLoadBalancer', '*', '*'),
              flatRule('DenyAllInBound', 65500, 'Deny', '*', '*', '*'),
            ],
          },
          { id: `${NSG_CLI}/securityRules/deny-ssh`, ...flatRule('deny-ssh', 100, 'Deny', 'Internet', '22') },
        ],
        'nsg.json',
      ),
    ],
    target: NSG_CLI,
    status: 'PASS',
    messageId: 'denied',
    data: { denies: 'deny-ssh' },
    message: {
      ja: '優先度の高い拒否規則が、許可規則がインターネットに開くはずの管理ポートやすべてのポートを閉じています: deny-ssh',
      en: 'Higher-priority Deny rules close what Allow rules would open to the internet on management ports or all ports: deny-ssh',
    },
  },
  {
    // An exported template: the portal writes each rule inline and again as a resource of its own.
    name: 'an ARM template whose Deny is a securityRules resource of its own, from half the internet',
    records: [
      jsonFile(
        {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          resources: [
            {
              type: 'Microsoft.Network/networkSecurityGroups',
              apiVersion: '2024-01-01',
              name: 'web-nsg',
              location: 'japaneast',
              properties: {
                securityRules: [
                  rule('rdp', 300, 'Allow', { destinationPortRange: '3389' }, { sourceAddressPrefix: '*' }),
                ],
              },
            },
            {
              type: 'Microsoft.Network/networkSecurityGroups/securityRules',
              apiVersion: '2024-01-01',
              name: 'web-nsg/deny-half',
              dependsOn: ["[resourceId('Microsoft.Network/networkSecurityGroups', 'web-nsg')]"],
              properties: rule(
                'deny-half',
                100,
                'Deny',
                { destinationPortRange: '3389' },
                {
                  sourceAddressPrefix: '128.0.0.0/1',
                },
              ).properties,
            },
          ],
        },
        'azuredeploy.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'exposed',
    data: { exposures: ['rdp (3389: * − deny-half)'] },
  },
  { name: 'the row has no properties', records: [nsg(undefined)], status: 'UNKNOWN', messageId: 'unknown' },
  ...splitGroupCases,
];

/**
 * An Azure Firewall as Resource Graph lists it (REST AzureFirewalls_Get: `sku`, `firewallPolicy`,
 * `ipConfigurations`): a network firewall, whose rules are in its policy, not NSG rules.
 */
const azureFirewall = row('Microsoft.Network', 'azureFirewalls', 'azureFirewalls/afw1', {
  properties: {
    sku: { name: 'AZFW_VNet', tier: 'Standard' },
    threatIntelMode: 'Alert',
    firewallPolicy: {
      id: `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/firewallPolicies/policy1`,
    },
  },
});

export default {
  wrap: withSubscription,
  ...byVerdict(cases),
  notRun: [{ name: 'an Azure Firewall, which shares the kansa type', records: [azureFirewall] }],
} satisfies RuleTests;
