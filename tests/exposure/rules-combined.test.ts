import { describe, expect, it } from 'vitest';
import nsgInternetIngress from '../../src/checks/azure/network/nsg-internet-ingress.ts';
import gcpFirewall from '../../src/checks/gcp/compute/firewall-internet-ingress.ts';
import { gcpAssetExport } from '../../src/sources/gcp/asset-export.ts';
import { graphResources, idOf, nsgRow, nsgRule } from '../checks/azure/arg-rows.ts';
import { evaluate, readRecords } from '../helpers/checks.ts';
import { findingOf, scanDocument } from '../iac/helpers.ts';
import { firewallRecord } from '../sources/gcp/records.ts';

/**
 * What is left open once the rules are combined as the cloud combines them: a Deny of higher
 * priority takes away what it covers (part of the sources, part of the ports, some
 * destinations), and the rest of a lower-priority Allow is what is judged.
 * https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
 * https://cloud.google.com/firewall/docs/firewalls#priority_order_for_firewall_rules
 */
type Row = Record<string, unknown>;
/** To every destination unless the rule names one. */
const rule = (name: string, priority: number, access: string, fields: Row, protocol = 'Tcp') =>
  nsgRule(name, priority, access, { destinationAddressPrefix: '*', ...fields }, protocol);

describe('Azure NSG: a higher-priority Deny takes away only what it covers', () => {
  it.each([
    [
      'a Deny from half the internet leaves the other half open',
      [
        rule('deny-half', 100, 'Deny', { sourceAddressPrefix: '0.0.0.0/1', destinationPortRange: '22' }),
        rule('allow-ssh', 200, 'Allow', { sourceAddressPrefix: 'Internet', destinationPortRange: '22' }),
      ],
      'FAIL',
    ],
    [
      'a Deny for one destination host leaves the others open',
      [
        rule('deny-host', 100, 'Deny', {
          sourceAddressPrefix: '*',
          destinationAddressPrefix: '10.0.0.4',
          destinationPortRange: '22',
        }),
        rule('allow-ssh', 200, 'Allow', { sourceAddressPrefix: '*', destinationPortRange: '22' }),
      ],
      'FAIL',
    ],
    [
      'a Deny of IPv4 leaves IPv6 open',
      [
        rule('deny-v4', 100, 'Deny', { sourceAddressPrefix: '0.0.0.0/0', destinationPortRange: '3389' }),
        rule('allow-rdp', 200, 'Allow', { sourceAddressPrefix: '*', destinationPortRange: '3389' }),
      ],
      'FAIL',
    ],
  ])('%s', (_, rules, status) => {
    const record = nsgRow(rules);
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

/**
 * A plan that makes its application security groups: their ids are known only after apply, so
 * a group stands as the resource the rules' configuration refers to.
 */
describe('Azure NSG in a Terraform plan: application security groups known after apply', () => {
  const SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
  const provider = 'registry.terraform.io/hashicorp/azurerm';
  const plannedRule = (name: string, priority: number, access: string, source: string, group: string) => ({
    address: `azurerm_network_security_rule.${name}`,
    type: 'azurerm_network_security_rule',
    after: {
      name,
      priority,
      direction: 'Inbound',
      access,
      protocol: 'Tcp',
      source_port_range: '*',
      destination_port_range: '22',
      source_address_prefix: source,
      network_security_group_name: 'nsg-app',
      resource_group_name: 'rg-city',
    },
    unknown: { id: true, destination_application_security_group_ids: true },
    expressions: {
      network_security_group_name: {
        references: ['azurerm_network_security_group.app.name', 'azurerm_network_security_group.app'],
      },
      destination_application_security_group_ids: {
        references: [
          `azurerm_application_security_group.${group}.id`,
          `azurerm_application_security_group.${group}`,
        ],
      },
    },
  });
  const changes = (allowGroup: string) => [
    {
      address: 'azurerm_network_security_group.app',
      type: 'azurerm_network_security_group',
      after: { name: 'nsg-app', location: 'japaneast', resource_group_name: 'rg-city' },
      unknown: { id: true, security_rule: true },
      expressions: { name: { constant_value: 'nsg-app' } },
    },
    plannedRule('deny_ssh_web', 100, 'Deny', '*', 'web'),
    plannedRule('ssh', 200, 'Allow', 'Internet', allowGroup),
  ];
  const planOf = (allowGroup: string) => ({
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources: [] } },
    resource_changes: changes(allowGroup).map(({ address, type, after, unknown }) => ({
      address,
      mode: 'managed',
      type,
      name: address.split('.')[1],
      provider_name: provider,
      change: { actions: ['create'], before: null, after, after_unknown: unknown, after_sensitive: {} },
    })),
    configuration: {
      provider_config: {
        azurerm: {
          name: 'azurerm',
          full_name: provider,
          expressions: { features: [{}], subscription_id: { constant_value: SUBSCRIPTION } },
        },
      },
      root_module: {
        resources: changes(allowGroup).map(({ address, type, expressions }) => ({
          address,
          mode: 'managed',
          type,
          name: address.split('.')[1],
          provider_config_key: 'azurerm',
          expressions,
          schema_version: 0,
        })),
      },
    },
    applyable: true,
    complete: true,
    errored: false,
  });

  it.each([
    ['the Deny and the Allow name the same group: SSH closed', 'web', 'PASS'],
    ['the Deny names another group: SSH open', 'db', 'FAIL'],
  ])('%s', async (_, group, status) => {
    const scanned = await scanDocument(planOf(group), 'plan.json');
    expect(
      findingOf(scanned, 'azure.network.nsg-internet-ingress', 'azurerm_network_security_group.app').status,
    ).toBe(status);
  });
});
