import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
import { row, SUBSCRIPTION_ID, subscriptionRow } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';

type Row = Record<string, unknown>;

const VNET_ID = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/virtualNetworks/vnet1`;
const NSG_ID = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/networkSecurityGroups/nsg1`;
const NSG_ID_EAST = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/networkSecurityGroups/nsg-east`;
const vnet = (subnets: Row[]) =>
  row('Microsoft.Network', 'virtualNetworks', 'virtualNetworks/vnet1', { properties: { subnets } });
const subnet = (name: string, nsgId?: string) => ({
  id: `${VNET_ID}/subnets/${name}`,
  name,
  properties: { addressPrefix: '10.0.0.0/24', ...(nsgId ? { networkSecurityGroup: { id: nsgId } } : {}) },
});
const flowLog = (name: string, target: string, enabled: boolean | undefined) =>
  row(
    'Microsoft.Network',
    'networkWatchers/flowLogs',
    `networkWatchers/NetworkWatcher_japaneast/flowLogs/${name}`,
    {
      properties: {
        targetResourceId: target,
        ...(enabled === undefined ? {} : { enabled }),
        retentionPolicy: { days: 90, enabled: true },
      },
    },
  );
const WATCHER = row('Microsoft.Network', 'networkWatchers', 'networkWatchers/NetworkWatcher_japaneast', {
  properties: {},
});

const table = [
  {
    name: 'VNet flow log',
    rows: [vnet([subnet('a')]), flowLog('fl', VNET_ID, true)],
    status: 'PASS',
    message: 'vnetLogged',
  },
  {
    name: 'every subnet covered by its NSG flow log',
    rows: [vnet([subnet('a', NSG_ID), subnet('b', NSG_ID)]), flowLog('fl', NSG_ID, true)],
    status: 'PASS',
    message: 'subnetsLogged',
  },
  {
    name: 'one subnet without a flow log',
    rows: [vnet([subnet('a', NSG_ID), subnet('b')]), flowLog('fl', NSG_ID, true)],
    status: 'FAIL',
    message: 'notLogged',
  },
  {
    name: 'VNet flow log disabled, Network Watcher exported',
    rows: [vnet([subnet('a')]), flowLog('fl', VNET_ID, false), WATCHER],
    status: 'FAIL',
    message: 'notLogged',
  },
  {
    name: 'no flow logs, Network Watcher exported',
    rows: [vnet([subnet('a')]), WATCHER],
    status: 'FAIL',
    message: 'notLogged',
  },
  {
    name: 'neither flow logs nor Network Watcher exported',
    rows: [vnet([subnet('a')])],
    status: 'UNKNOWN',
    message: 'notExported',
  },
  {
    name: 'flow log without the enabled flag',
    rows: [vnet([subnet('a')]), flowLog('fl', `${VNET_ID}/subnets/a`, undefined)],
    status: 'UNKNOWN',
    message: 'unknown',
  },
  { name: 'no subnets', rows: [vnet([]), WATCHER], status: 'NOT_APPLICABLE', message: 'noSubnets' },
  {
    // A flow log without its target may be the one on the subnet left: not "not logged".
    name: 'one subnet without a flow log, beside a flow log whose target is not shown',
    rows: [
      vnet([subnet('a', NSG_ID), subnet('b')]),
      flowLog('fl', NSG_ID, true),
      row(
        'Microsoft.Network',
        'networkWatchers/flowLogs',
        'networkWatchers/NetworkWatcher_japaneast/flowLogs/fl-b',
        {
          properties: { enabled: true },
        },
      ),
    ],
    status: 'UNKNOWN',
    message: 'unknown',
  },
  {
    // Get-AzNetworkWatcherFlowLog -Location japaneast lists that region's flow logs only.
    name: 'a japanwest network beside japaneast flow logs and Network Watcher only',
    rows: [
      { ...vnet([subnet('a', NSG_ID)]), location: 'japanwest' },
      flowLog('fl-other', NSG_ID_EAST, true),
      WATCHER,
    ],
    status: 'UNKNOWN',
    message: 'notExported',
  },
  {
    name: "a japanwest network with its own region's Network Watcher and no flow log",
    rows: [
      { ...vnet([subnet('a', NSG_ID)]), location: 'japanwest' },
      flowLog('fl-other', NSG_ID_EAST, true),
      { ...WATCHER, id: String(WATCHER.id).replace('japaneast', 'japanwest'), location: 'japanwest' },
    ],
    status: 'FAIL',
    message: 'notLogged',
  },
  {
    // Another region's flow log without its target cannot be this network's.
    name: "another region's flow log whose target is not shown leaves the subnet not logged",
    rows: [
      vnet([subnet('a', NSG_ID), subnet('b')]),
      flowLog('fl', NSG_ID, true),
      row(
        'Microsoft.Network',
        'networkWatchers/flowLogs',
        'networkWatchers/NetworkWatcher_japanwest/flowLogs/fl-b',
        {
          location: 'japanwest',
          properties: { enabled: true },
        },
      ),
    ],
    status: 'FAIL',
    message: 'notLogged',
  },
  {
    // A subnet without its id cannot be matched to a flow log: it may be the one not logged.
    name: 'a subnet listed without its id beside a logged one',
    rows: [
      vnet([subnet('a', NSG_ID), { name: 'b', properties: { addressPrefix: '10.0.1.0/24' } }]),
      flowLog('fl', NSG_ID, true),
    ],
    status: 'UNKNOWN',
    message: 'unknown',
  },
] as const;

/**
 * Terraform plans (azurerm 3.x, format 1.2), written to the azurerm docs' examples:
 * `network_watcher_flow_log` (`network_security_group_id = azurerm_network_security_group.x.id`,
 * `enabled`; 4.x's `target_resource_id` for a virtual network flow log), `subnet`
 * (`virtual_network_name = azurerm_virtual_network.x.name`) and
 * `subnet_network_security_group_association` (`subnet_id`, `network_security_group_id`).
 */
const planned = (
  type: string,
  name: string,
  after: Row,
  expressions: Row,
  { existingId, unknown = [] }: { existingId?: string; unknown?: string[] } = {},
): Change => ({
  address: `${type}.${name}`,
  ...(existingId
    ? { actions: ['no-op'], before: { id: existingId, ...after }, after: { id: existingId, ...after } }
    : { after, afterUnknown: Object.fromEntries(['id', ...unknown].map((key) => [key, true])) }),
  expressions,
});
const newVnet = planned(
  'azurerm_virtual_network',
  'main',
  { name: 'vnet-main', location: 'japaneast', address_space: ['10.1.0.0/16'] },
  { name: constant('vnet-main') },
  { unknown: ['subnet'] },
);
const newSubnet = planned(
  'azurerm_subnet',
  'app',
  { name: 'app', virtual_network_name: 'vnet-main', address_prefixes: ['10.1.1.0/24'] },
  {
    name: constant('app'),
    virtual_network_name: ref('azurerm_virtual_network.main.name', 'azurerm_virtual_network.main'),
  },
);
const newNsg = planned(
  'azurerm_network_security_group',
  'web',
  { name: 'nsg-web', location: 'japaneast' },
  { name: constant('nsg-web') },
);
const association = planned(
  'azurerm_subnet_network_security_group_association',
  'app',
  {},
  {
    subnet_id: ref('azurerm_subnet.app.id', 'azurerm_subnet.app'),
    network_security_group_id: ref(
      'azurerm_network_security_group.web.id',
      'azurerm_network_security_group.web',
    ),
  },
  { unknown: ['subnet_id', 'network_security_group_id'] },
);
const planFlowLog = (target: 'network_security_group_id' | 'target_resource_id', reference: string) =>
  planned(
    'azurerm_network_watcher_flow_log',
    'main',
    { name: 'fl-main', network_watcher_name: 'NetworkWatcher_japaneast', enabled: true },
    { enabled: constant(true), [target]: ref(`${reference}.id`, reference) },
    { unknown: [target] },
  );
const planFile = (changes: Change[]) =>
  jsonFile(plan(changes, { providers: { azurerm: { features: constant([{}]) } } }), 'plan.json');

const planCases: AnyCase[] = [
  {
    name: 'a Terraform plan: a new subnet whose new NSG has a flow log of the plan',
    records: [
      planFile([
        newVnet,
        newSubnet,
        newNsg,
        association,
        planFlowLog('network_security_group_id', 'azurerm_network_security_group.web'),
      ]),
    ],
    target: 'azurerm_virtual_network.main',
    status: 'PASS',
    messageId: 'subnetsLogged',
  },
  {
    name: 'a Terraform plan: a virtual network flow log (azurerm 4.x target_resource_id)',
    records: [
      planFile([newVnet, newSubnet, planFlowLog('target_resource_id', 'azurerm_virtual_network.main')]),
    ],
    target: 'azurerm_virtual_network.main',
    status: 'PASS',
    messageId: 'vnetLogged',
  },
  {
    name: 'a Terraform plan: new network, subnet and NSG without a flow log (none by default)',
    records: [planFile([newVnet, newSubnet, newNsg, association])],
    target: 'azurerm_virtual_network.main',
    status: 'FAIL',
    messageId: 'notLogged',
    evidence: [
      { source: 'explicit' },
      { value: true, path: 'azurerm_virtual_network.main (azurerm_network_watcher_flow_log)' },
    ],
  },
  {
    name: 'a Terraform plan: a new network with an inline subnet (its id known after apply) and no flow log',
    records: [
      planFile([
        {
          address: 'azurerm_virtual_network.inline',
          after: {
            name: 'vnet-inline',
            location: 'japaneast',
            address_space: ['10.2.0.0/16'],
            subnet: [{ name: 'db', address_prefix: '10.2.1.0/24', security_group: '' }],
          },
          afterUnknown: { id: true, guid: true, subnet: [{ id: true }] },
          expressions: {
            name: constant('vnet-inline'),
            subnet: [{ name: constant('db'), address_prefix: constant('10.2.1.0/24') }],
          },
        },
      ]),
    ],
    target: 'azurerm_virtual_network.inline',
    status: 'FAIL',
    messageId: 'notLogged',
    data: { subnets: ['db'] },
  },
  {
    name: 'a Terraform plan: an existing network (flow logs made outside the plan unseen)',
    records: [
      planFile([
        planned(
          'azurerm_virtual_network',
          'old',
          {
            name: 'vnet1',
            location: 'japaneast',
            subnet: [
              {
                name: 'a',
                id: `${VNET_ID}/subnets/a`,
                address_prefix: '10.0.0.0/24',
                security_group: NSG_ID,
              },
            ],
          },
          { name: constant('vnet1') },
          { existingId: VNET_ID },
        ),
      ]),
    ],
    target: 'azurerm_virtual_network.old',
    status: 'UNKNOWN',
    messageId: 'notInPlan',
  },
];

/**
 * The Azure CLI's answers (flattened, as azure-cli's network module prints them): `az network
 * vnet show`, `az network watcher flow-log show` (one flow log, an object) and `… flow-log list
 * --location` (the region's flow logs, an array even of one).
 */
const vnetShown = jsonFile(
  {
    id: VNET_ID,
    name: 'vnet1',
    type: 'Microsoft.Network/virtualNetworks',
    location: 'japaneast',
    resourceGroup: 'rg-kansa',
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
    subnets: [
      {
        id: `${VNET_ID}/subnets/a`,
        name: 'a',
        addressPrefix: '10.0.0.0/24',
        networkSecurityGroup: { id: NSG_ID },
      },
      { id: `${VNET_ID}/subnets/b`, name: 'b', addressPrefix: '10.0.1.0/24' },
    ],
  },
  'vnet-show.json',
);
const cliFlowLog = {
  id: `${SUBSCRIPTION_ID}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_japaneast/flowLogs/fl-nsg1`,
  name: 'fl-nsg1',
  type: 'Microsoft.Network/networkWatchers/flowLogs',
  location: 'japaneast',
  resourceGroup: 'NetworkWatcherRG',
  enabled: true,
  retentionPolicy: { days: 90, enabled: true },
  targetResourceId: NSG_ID,
};
/**
 * `Get-AzNetworkWatcherFlowLog … | ConvertTo-Json` (Az.Network PSFlowLogResource): one object is
 * written without brackets whether `-Name` got it or `-Location` listed one; `ConvertTo-Json
 * -InputObject @(…)` (or `-AsArray`) writes a list of one in brackets.
 */
const psFlowLog = {
  TargetResourceId: NSG_ID,
  StorageId: `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Storage/storageAccounts/stflowlogs`,
  Enabled: true,
  RetentionPolicy: { Days: 90, Enabled: true },
  ProvisioningState: 'Succeeded',
  Location: 'japaneast',
  Tag: {},
  Name: 'fl-nsg1',
  Id: cliFlowLog.id,
};

/** `az network watcher list`: the region's watcher (azure-cli prints it flattened). */
const cliWatcher = {
  id: `${SUBSCRIPTION_ID}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_japaneast`,
  name: 'NetworkWatcher_japaneast',
  type: 'Microsoft.Network/networkWatchers',
  location: 'japaneast',
  resourceGroup: 'NetworkWatcherRG',
  etag: 'W/"3b1f6f0e-0c8e-4b9a-9d1e-2f4a5b6c7d8e"',
  provisioningState: 'Succeeded',
};
const cliCases: AnyCase[] = [
  {
    // One flow log shown says nothing of the others: a flow log of vnet1 or of subnet b may exist.
    name: 'the CLI: one flow log shown (flow-log show) covers subnet a, subnet b unknown',
    records: [vnetShown, jsonFile(cliFlowLog, 'flow-log-show.json')],
    target: VNET_ID,
    status: 'UNKNOWN',
    messageId: 'onlyPicked',
    data: { subnets: ['b'] },
  },
  {
    name: "the CLI: the region's flow logs listed (flow-log list), none of subnet b",
    records: [vnetShown, jsonFile([cliFlowLog], 'flow-log-list.json')],
    target: VNET_ID,
    status: 'FAIL',
    messageId: 'notLogged',
    data: { subnets: ['b'] },
  },
  {
    name: 'the CLI: one flow log shown beside a Resource Graph export with the Network Watcher',
    records: [
      vnetShown,
      jsonFile(cliFlowLog, 'flow-log-show.json'),
      withSubscription([
        WATCHER,
        row('Microsoft.Network', 'networkSecurityGroups', 'networkSecurityGroups/nsg1', {}),
      ]),
    ],
    target: VNET_ID,
    status: 'FAIL',
    messageId: 'notLogged',
  },
  {
    name: 'PowerShell: one flow log object (no brackets) covers subnet a, subnet b unknown',
    records: [vnetShown, jsonFile(psFlowLog, 'flow-log.json')],
    target: VNET_ID,
    status: 'UNKNOWN',
    messageId: 'onlyPicked',
    data: { subnets: ['b'] },
  },
  {
    name: 'PowerShell: a list of one flow log (brackets), none of subnet b',
    records: [vnetShown, jsonFile([psFlowLog], 'flow-logs.json')],
    target: VNET_ID,
    status: 'FAIL',
    messageId: 'notLogged',
    data: { subnets: ['b'] },
  },
  {
    name: "PowerShell: Windows PowerShell 5.1's list of one ({value, Count}), none of subnet b",
    records: [vnetShown, jsonFile({ value: [psFlowLog], Count: 1 }, 'flow-logs.json')],
    target: VNET_ID,
    status: 'FAIL',
    messageId: 'notLogged',
  },
  {
    // `az network watcher list` lists the watchers, not their flow logs: no listing of those.
    name: 'the CLI: the Network Watchers listed (az network watcher list), no flow log',
    records: [vnetShown, jsonFile([cliWatcher], 'network-watcher-list.json')],
    target: VNET_ID,
    status: 'UNKNOWN',
    messageId: 'notExported',
  },
  {
    name: 'the CLI: one flow log shown beside the Network Watchers listed',
    records: [
      vnetShown,
      jsonFile(cliFlowLog, 'flow-log-show.json'),
      jsonFile([cliWatcher], 'network-watcher-list.json'),
    ],
    target: VNET_ID,
    status: 'UNKNOWN',
    messageId: 'onlyPicked',
  },
  {
    // `az graph query` returns 100 rows unless --first asks for more; the flow logs may be on the
    // next page. The REST answer says the same with `$skipToken` and `resultTruncated`.
    name: 'a Resource Graph page with a skip token: the network and its watcher, no flow log',
    records: [
      jsonFile(
        {
          count: 3,
          data: [subscriptionRow(), vnet([subnet('a')]), WATCHER],
          skip_token: 'ew0KICAiJGlkIjogIjEiLA0KICAiTWF4Um93cyI6IDMsDQogICJSb3dzVG9Ta2lwIjogMywNCn0=',
          total_records: 412,
        },
        'graph-query-page1.json',
      ),
    ],
    target: VNET_ID,
    status: 'UNKNOWN',
    messageId: 'notExported',
  },
  {
    name: 'a Resource Graph answer of the Network Watchers alone (a query by type)',
    records: [vnetShown, withSubscription([WATCHER])],
    target: VNET_ID,
    status: 'UNKNOWN',
    messageId: 'notExported',
  },
];

export default {
  wrap: withSubscription,
  ...byVerdict([
    ...table.map(({ name, rows, status, message }) => ({
      name,
      records: rows,
      target: VNET_ID,
      status,
      messageId: message,
    })),
    ...planCases,
    ...cliCases,
  ]),
} satisfies RuleTests;
