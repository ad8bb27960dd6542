import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { row, SUBSCRIPTION_ID } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';

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
      ja: 'インターネットからの受信を許可する規則があります（規則名（ポート: 送信元）。* はすべてのポート）: any (22: Any), any (3389: Any), any (*: Any)',
      en: 'Rules allow inbound traffic from the internet (rule (port: sources), * for all ports): any (22: Any), any (3389: Any), any (*: Any)',
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
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, rules, status, exposures, ...rest }) => ({
    name,
    records: [nsg({ securityRules: rules, defaultSecurityRules: [DENY_ALL] })],
    status,
    ...('message' in rest ? { message: rest.message } : {}),
    messageId: status === 'PASS' ? 'closed' : 'exposed',
    assert: (result: { data?: unknown }) => {
      if (exposures) expect(result.data).toEqual({ exposures });
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
  { name: 'the row has no properties', records: [nsg(undefined)], status: 'UNKNOWN', messageId: 'unknown' },
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
