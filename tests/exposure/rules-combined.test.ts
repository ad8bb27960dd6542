import { describe, expect, it } from 'vitest';
import nsgInternetIngress from '../../src/checks/azure/network/nsg-internet-ingress.ts';
import gcpFirewall from '../../src/checks/gcp/compute/firewall-internet-ingress.ts';
import { gcpAssetExport } from '../../src/sources/gcp/asset-export.ts';
import { graphResources, idOf, row } from '../checks/azure/arg-rows.ts';
import { evaluate, readRecords } from '../helpers/checks.ts';
import { firewallRecord } from '../sources/gcp/records.ts';

/**
 * What is left open once the rules are combined as the cloud combines them: a Deny of higher
 * priority takes away what it covers (part of the sources, part of the ports, some
 * destinations), and the rest of a lower-priority Allow is what is judged.
 * https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
 * https://cloud.google.com/firewall/docs/firewalls#priority_order_for_firewall_rules
 */
type Row = Record<string, unknown>;
const nsgRule = (name: string, priority: number, access: string, fields: Row, protocol = 'Tcp') => ({
  name,
  properties: {
    access,
    direction: 'Inbound',
    priority,
    protocol,
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    ...fields,
  },
});
const nsg = (rules: Row[]) =>
  row('Microsoft.Network', 'networkSecurityGroups', 'networkSecurityGroups/nsg1', {
    properties: { securityRules: rules },
  });

describe('Azure NSG: a higher-priority Deny takes away only what it covers', () => {
  it.each([
    [
      'a Deny from half the internet leaves the other half open',
      [
        nsgRule('deny-half', 100, 'Deny', { sourceAddressPrefix: '0.0.0.0/1', destinationPortRange: '22' }),
        nsgRule('allow-ssh', 200, 'Allow', { sourceAddressPrefix: 'Internet', destinationPortRange: '22' }),
      ],
      'FAIL',
    ],
    [
      'a Deny for one destination host leaves the others open',
      [
        nsgRule('deny-host', 100, 'Deny', {
          sourceAddressPrefix: '*',
          destinationAddressPrefix: '10.0.0.4',
          destinationPortRange: '22',
        }),
        nsgRule('allow-ssh', 200, 'Allow', { sourceAddressPrefix: '*', destinationPortRange: '22' }),
      ],
      'FAIL',
    ],
    [
      'a Deny of IPv4 leaves IPv6 open',
      [
        nsgRule('deny-v4', 100, 'Deny', { sourceAddressPrefix: '0.0.0.0/0', destinationPortRange: '3389' }),
        nsgRule('allow-rdp', 200, 'Allow', { sourceAddressPrefix: '*', destinationPortRange: '3389' }),
      ],
      'FAIL',
    ],
  ])('%s', (_, rules, status) => {
    const record = nsg(rules);
    expect(evaluate(nsgInternetIngress, graphResources(record), idOf(record)).status).toBe(status);
  });
});

const GCP_RULE = (rule: string) =>
  `//compute.googleapis.com/projects/osaka-juki-prod/global/firewalls/${rule}`;

describe('Google Cloud: the rules of one network are combined', () => {
  it.each([
    [
      'a higher-priority deny for the internet on 22 blocks the allow',
      { priority: 100, sourceRanges: ['0.0.0.0/0'], denied: [{ IPProtocol: 'tcp', ports: ['22'] }] },
      'PASS',
    ],
    [
      'a deny of equal priority wins',
      { priority: 1000, sourceRanges: ['0.0.0.0/0'], denied: [{ IPProtocol: 'all' }] },
      'PASS',
    ],
  ])('%s', (_, deny, status) => {
    const resources = readRecords(gcpAssetExport, [
      firewallRecord('deny', { direction: 'INGRESS', ...deny }),
      firewallRecord('allow', {
        direction: 'INGRESS',
        sourceRanges: ['0.0.0.0/0'],
        allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      }),
    ]);
    expect(evaluate(gcpFirewall, resources, GCP_RULE('allow')).status).toBe(status);
  });
});
