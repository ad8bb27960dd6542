import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { row, SUBSCRIPTION_ID } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';

type Row = Record<string, unknown>;

const VNET_ID = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/virtualNetworks/vnet1`;
const NSG_ID = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Network/networkSecurityGroups/nsg1`;
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
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, rows, status, message }) => ({
      name,
      records: rows,
      target: VNET_ID,
      status,
      messageId: message,
    })),
  ),
} satisfies RuleTests;
