import { describe, expect, it } from 'vitest';
import nsgInternetIngress from '../../src/checks/azure/network/nsg-internet-ingress.ts';
import gcpFirewall from '../../src/checks/gcp/compute/firewall-internet-ingress.ts';
import sqlPublicAccess from '../../src/checks/gcp/sql/instance-public-access.ts';
import { gcpAssetExport } from '../../src/sources/gcp/asset-export.ts';
import { graphResources, idOf, nsgRow, nsgRule } from '../checks/azure/arg-rows.ts';
import { evaluate, readRecords } from '../helpers/checks.ts';
import { firewallRecord, sqlInstanceRecord } from '../sources/gcp/records.ts';

/** Azure NSGs: rules by priority, Deny before a lower-priority Allow, plural fields, ASGs. */
const NSG_HOW_IT_WORKS =
  'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules';
const NSG_ASG = 'https://learn.microsoft.com/azure/virtual-network/application-security-groups';

describe('Azure NSG inbound rules from the internet', () => {
  it.each([
    [
      'a Deny from the internet at a higher priority closes SSH before a later Allow',
      [
        nsgRule('deny-ssh', 100, 'Deny', { sourceAddressPrefix: 'Internet', destinationPortRange: '22' }),
        nsgRule('allow-ssh', 200, 'Allow', { sourceAddressPrefix: '*', destinationPortRange: '22' }),
      ],
      'PASS',
    ],
    [
      'an Allow at a higher priority than the Deny is what decides',
      [
        nsgRule('allow-ssh', 100, 'Allow', { sourceAddressPrefix: '*', destinationPortRange: '22' }),
        nsgRule('deny-ssh', 200, 'Deny', { sourceAddressPrefix: 'Internet', destinationPortRange: '22' }),
      ],
      'FAIL',
    ],
    [
      'rules arrive out of order: priority decides, not position',
      [
        nsgRule('allow-rdp', 300, 'Allow', { sourceAddressPrefix: 'Internet', destinationPortRange: '3389' }),
        nsgRule('deny-all', 100, 'Deny', { sourceAddressPrefix: '*', destinationPortRange: '*' }, '*'),
      ],
      'PASS',
    ],
    [
      'a Deny for one address does not close the port to everyone',
      [
        nsgRule('deny-one', 100, 'Deny', { sourceAddressPrefix: '198.51.100.7', destinationPortRange: '22' }),
        nsgRule('allow-ssh', 200, 'Allow', { sourceAddressPrefix: 'Internet', destinationPortRange: '22' }),
      ],
      'FAIL',
    ],
    [
      'a UDP Deny does not close TCP',
      [
        nsgRule('deny-udp', 100, 'Deny', { sourceAddressPrefix: '*', destinationPortRange: '3389' }, 'Udp'),
        nsgRule('allow-rdp', 200, 'Allow', { sourceAddressPrefix: '*', destinationPortRange: '3389' }),
      ],
      'FAIL',
    ],
    [
      'plural sourceAddressPrefixes with 0.0.0.0/0 among others',
      [
        nsgRule('allow', 100, 'Allow', {
          sourceAddressPrefix: '',
          sourceAddressPrefixes: ['10.0.0.0/8', '0.0.0.0/0'],
          destinationPortRange: '22',
        }),
      ],
      'FAIL',
    ],
    [
      'plural destinationPortRanges with a range covering 3389',
      [
        nsgRule('allow', 100, 'Allow', {
          sourceAddressPrefix: 'Internet',
          destinationPortRanges: ['443', '3000-4000'],
        }),
      ],
      'FAIL',
    ],
    [
      'an application security group is not the internet',
      [
        nsgRule('allow-asg', 100, 'Allow', {
          sourceApplicationSecurityGroups: [
            {
              id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/admins',
            },
          ],
          destinationPortRange: '22',
        }),
      ],
      'PASS',
    ],
    [
      'the VirtualNetwork service tag is not the internet',
      [
        nsgRule(
          'allow-vnet',
          100,
          'Allow',
          { sourceAddressPrefix: 'VirtualNetwork', destinationPortRange: '*' },
          '*',
        ),
      ],
      'PASS',
    ],
    [
      'every port from Any with protocol *',
      [nsgRule('allow-any', 100, 'Allow', { sourceAddressPrefix: 'Any', destinationPortRange: '*' }, '*')],
      'FAIL',
    ],
  ])(`%s (${NSG_HOW_IT_WORKS}, ${NSG_ASG})`, (_, rules, status) => {
    const record = nsgRow(rules);
    expect(evaluate(nsgInternetIngress, graphResources(record), idOf(record)).status).toBe(status);
  });
});

/** GCP VPC firewall rules. */
const GCP_FIREWALLS = 'https://cloud.google.com/firewall/docs/firewalls';
const GCP_FIREWALL_REST = 'https://cloud.google.com/compute/docs/reference/rest/v1/firewalls';
const FIREWALL_ID = '//compute.googleapis.com/projects/osaka-juki-prod/global/firewalls/r';

describe('GCP firewall rules from the internet', () => {
  it.each([
    [
      'tcp with no ports opens every port',
      { direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp' }] },
      'FAIL',
      'allPorts',
    ],
    [
      'sourceRanges and sourceTags are a union: the range still lets the internet in',
      {
        direction: 'INGRESS',
        sourceRanges: ['0.0.0.0/0'],
        sourceTags: ['bastion'],
        allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      },
      'FAIL',
      'managementPorts',
    ],
    [
      'sourceTags only: instances with the tag, not the internet',
      { direction: 'INGRESS', sourceTags: ['bastion'], allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
      'PASS',
      'notFromInternet',
    ],
    [
      'an EGRESS rule never opens ingress',
      { direction: 'EGRESS', destinationRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'all' }] },
      'NOT_APPLICABLE',
      'egress',
    ],
    [
      'a deny rule never opens ingress',
      { direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'], denied: [{ IPProtocol: 'tcp', ports: ['22'] }] },
      'NOT_APPLICABLE',
      'denyRule',
    ],
    [
      'a disabled rule opens nothing',
      {
        direction: 'INGRESS',
        disabled: true,
        sourceRanges: ['0.0.0.0/0'],
        allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      },
      'PASS',
      'disabled',
    ],
    [
      'no source at all: Google Cloud applies 0.0.0.0/0',
      { direction: 'INGRESS', allowed: [{ IPProtocol: 'tcp', ports: ['3389'] }] },
      'FAIL',
      'managementPorts',
    ],
    [
      'ports written as numbers',
      { direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: [22] }] },
      'FAIL',
      'managementPorts',
    ],
    [
      'protocol "all" from ::/0',
      { direction: 'INGRESS', sourceRanges: ['::/0'], allowed: [{ IPProtocol: 'all' }] },
      'FAIL',
      'allPorts',
    ],
  ])(`%s (${GCP_FIREWALLS}, ${GCP_FIREWALL_REST})`, (_, data, status, message) => {
    const result = evaluate(
      gcpFirewall,
      readRecords(gcpAssetExport, [firewallRecord('r', data)]),
      FIREWALL_ID,
    );
    expect([result.status, result.message]).toEqual([status, message]);
  });
});

/** Cloud SQL: authorized networks admit clients only through a public IP. */
const CLOUD_SQL_IP = 'https://cloud.google.com/sql/docs/mysql/configure-ip';
const SQL_ID = '//cloudsql.googleapis.com/projects/osaka-juki-prod/instances/db';

describe('Cloud SQL exposure', () => {
  it.each([
    [
      'authorized 0.0.0.0/0 with a public IP: open to the internet (critical)',
      { ipConfiguration: { ipv4Enabled: true, authorizedNetworks: [{ value: '0.0.0.0/0', name: 'all' }] } },
      'FAIL',
      'openToInternet',
    ],
    [
      'authorized 0.0.0.0/0 without a public IP: the networks admit no one',
      { ipConfiguration: { ipv4Enabled: false, authorizedNetworks: [{ value: '0.0.0.0/0', name: 'all' }] } },
      'PASS',
      'privateOnly',
    ],
    [
      'a public IP with office networks only: still a public endpoint',
      { ipConfiguration: { ipv4Enabled: true, authorizedNetworks: [{ value: '203.0.113.0/24' }] } },
      'FAIL',
      'publicIp',
    ],
  ])(`%s (${CLOUD_SQL_IP})`, (_, settings, status, message) => {
    const result = evaluate(
      sqlPublicAccess,
      readRecords(gcpAssetExport, [sqlInstanceRecord('db', settings)]),
      SQL_ID,
    );
    expect([result.status, result.message]).toEqual([status, message]);
    if (message === 'openToInternet') expect(result.severity).toBe('critical');
  });
});
