import { describe, expect, it } from 'vitest';
import flowLogs from '../../../src/checks/azure/network/flow-logs.ts';
import nsgInternetIngress from '../../../src/checks/azure/network/nsg-internet-ingress.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { evaluate } from '../../helpers/checks.ts';
import { graphResources, idOf, readDocument, row, SUBSCRIPTION_ID } from './arg-rows.ts';

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

describe('azure.network.nsg-internet-ingress', () => {
  it.each([
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
      exposures: ['ssh (22)'],
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
      exposures: ['rdp (3389)'],
    },
    {
      name: 'all ports from Any over any protocol',
      rules: [rule('any', 100, 'Allow', { destinationPortRange: '*' }, { sourceAddressPrefix: 'Any' }, '*')],
      status: 'FAIL',
      exposures: ['any (22)', 'any (3389)', 'any (all ports)'],
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
      exposures: ['ssh (22)'],
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
  ])('$name → $status', ({ rules, status, exposures }) => {
    const resources = graphResources(nsg({ securityRules: rules, defaultSecurityRules: [DENY_ALL] }));
    const result = evaluate(nsgInternetIngress, resources, idOf(nsg({})));
    expect(result.status).toBe(status);
    if (exposures) expect(result.data).toEqual({ exposures });
  });

  it('reads the flattened rules of az network nsg show', () => {
    const shown = {
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
    };
    expect(evaluate(nsgInternetIngress, readDocument(azureArm, shown), shown.id).status).toBe('FAIL');
  });

  it('is UNKNOWN when the row has no properties', () => {
    expect(evaluate(nsgInternetIngress, graphResources(nsg(undefined)), idOf(nsg({}))).status).toBe(
      'UNKNOWN',
    );
  });
});

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

describe('azure.network.flow-logs', () => {
  it.each([
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
  ])('$name → $status', ({ rows, status, message }) => {
    expect(evaluate(flowLogs, graphResources(...rows), VNET_ID)).toMatchObject({ status, message });
  });
});
