import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import { SUBSCRIPTION, SUBSCRIPTION_ID } from '../arg-rows.ts';

/**
 * One security group's rules in several files: `az network nsg show` (the group, its settings
 * flattened, with its custom and default rules), `az network nsg rule list` (the custom rules
 * alone, each with its id under the group), `az network nsg rule show` (one rule), the REST
 * `securityRules` list body (`{"value": [...]}`, settings under `properties`) and Resource
 * Graph's row. The group has every rule any of them lists; a rule listed twice is one rule.
 */

const NSG = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/networkSecurityGroups/nsg-split`;

/** A rule as `az` prints it: settings flattened beside the name, the id under the group. */
const cliRule = (
  name: string,
  priority: number,
  access: string,
  source: string,
  port: string,
  protocol = 'Tcp',
) => ({
  access,
  destinationAddressPrefix: '*',
  destinationAddressPrefixes: [],
  destinationPortRange: port,
  destinationPortRanges: [],
  direction: 'Inbound',
  etag: 'W/"8c3a2b1e-0000-4d5e-9f6a-000000000001"',
  id: `${NSG}/securityRules/${name}`,
  name,
  priority,
  protocol,
  provisioningState: 'Succeeded',
  resourceGroup: 'rg-kansa',
  sourceAddressPrefix: source,
  sourceAddressPrefixes: [],
  sourcePortRange: '*',
  sourcePortRanges: [],
  type: 'Microsoft.Network/networkSecurityGroups/securityRules',
});

/** The same rule as the REST list body has it: settings under `properties`. */
const restRule = (name: string, priority: number, access: string, source: string, port: string) => {
  const {
    id,
    etag,
    type,
    name: _,
    resourceGroup: __,
    ...properties
  } = cliRule(name, priority, access, source, port);
  return { id, name, etag, type, properties };
};

const DEFAULT_RULES = [
  cliRule('AllowVnetInBound', 65000, 'Allow', 'VirtualNetwork', '*', '*'),
  cliRule('AllowAzureLoadBalancerInBound', 65001, 'Allow', 'AzureLoadBalancer', '*', '*'),
  cliRule('DenyAllInBound', 65500, 'Deny', '*', '*', '*'),
].map(({ id, ...rule }) => ({ ...rule, id: id.replace('/securityRules/', '/defaultSecurityRules/') }));

/** `az network nsg show`: the group with the custom rules given and its default rules. */
const nsgShow = (...securityRules: object[]) =>
  jsonFile(
    {
      defaultSecurityRules: DEFAULT_RULES,
      etag: 'W/"8c3a2b1e-0000-4d5e-9f6a-000000000000"',
      id: NSG,
      location: 'japaneast',
      name: 'nsg-split',
      provisioningState: 'Succeeded',
      resourceGroup: 'rg-kansa',
      resourceGuid: '5e2d1c0b-3333-4a9f-8e7d-000000000001',
      securityRules,
      subnets: [],
      type: 'Microsoft.Network/networkSecurityGroups',
    },
    'nsg-show.json',
  );

const ruleList = (...rules: object[]) => jsonFile(rules, 'nsg-rule-list.json');

export const splitGroupCases: AnyCase[] = [
  {
    name: 'the group in one file, an Allow of SSH from * in az network nsg rule list in another: the group has it',
    records: [
      nsgShow(cliRule('https', 100, 'Allow', 'Internet', '443')),
      ruleList(cliRule('https', 100, 'Allow', 'Internet', '443'), cliRule('ssh', 200, 'Allow', '*', '22')),
    ],
    target: NSG,
    status: 'FAIL',
    messageId: 'exposed',
    data: { exposures: ['ssh (22: *)'] },
  },
  {
    name: 'the rule list read before the group: the same group, the same exposure',
    records: [
      ruleList(cliRule('ssh', 200, 'Allow', '*', '22')),
      nsgShow(cliRule('https', 100, 'Allow', 'Internet', '443')),
    ],
    target: NSG,
    status: 'FAIL',
    messageId: 'exposed',
    data: { exposures: ['ssh (22: *)'] },
  },
  {
    name: 'a Deny of SSH in az network nsg rule show, an Allow in the REST rule list: the Deny, of higher priority, closes it',
    records: [
      jsonFile({ value: [restRule('ssh', 300, 'Allow', '*', '22')] }, 'security-rules.json'),
      jsonFile(cliRule('deny-ssh', 100, 'Deny', 'Internet', '22'), 'nsg-rule-show.json'),
      nsgShow(),
    ],
    target: NSG,
    status: 'PASS',
    messageId: 'denied',
    data: { denies: 'deny-ssh' },
  },
  {
    name: 'a rule listed in three files is one rule, in priority order with the others',
    records: [
      nsgShow(cliRule('web', 110, 'Allow', '*', '443'), cliRule('rdp', 400, 'Allow', '*', '3389')),
      ruleList(cliRule('web', 110, 'Allow', '*', '443'), cliRule('rdp', 400, 'Allow', '*', '3389')),
      jsonFile({ value: [restRule('RDP', 400, 'Allow', '*', '3389')] }, 'security-rules.json'),
    ],
    target: NSG,
    status: 'FAIL',
    messageId: 'exposed',
    data: { exposures: ['rdp (3389: *)'] },
  },
  {
    name: 'Resource Graph’s row of the group with its rules, and a rule list of another group: each group its own',
    records: [
      jsonFile(
        {
          count: 1,
          data: [
            {
              id: NSG,
              name: 'nsg-split',
              type: 'microsoft.network/networksecuritygroups',
              subscriptionId: SUBSCRIPTION,
              resourceGroup: 'rg-kansa',
              location: 'japaneast',
              properties: { securityRules: [restRule('https', 100, 'Allow', 'Internet', '443')] },
            },
          ],
          skip_token: null,
          total_records: 1,
        },
        'graph.json',
      ),
      ruleList({
        ...cliRule('ssh', 200, 'Allow', '*', '22'),
        id: `${NSG}-other/securityRules/ssh`,
      }),
    ],
    target: NSG,
    status: 'PASS',
    messageId: 'closed',
  },
  {
    name: 'a rule of the list in another file that cannot be read (its direction a number): the group’s rules are unknown',
    records: [
      nsgShow(cliRule('https', 100, 'Allow', 'Internet', '443')),
      ruleList({ ...cliRule('rdp', 300, 'Allow', '*', '3389'), direction: 1 }),
    ],
    target: NSG,
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];
