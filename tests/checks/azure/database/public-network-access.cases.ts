import { jsonFile } from '../../../helpers/exports.ts';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { SUBSCRIPTION_ID } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { cosmos, flexible, sql, sqlDatabase } from './servers.ts';

const MESSAGE = { PASS: 'closed', FAIL: 'open', UNKNOWN: 'unknown' } as const;
const table = [
  { name: 'SQL Disabled', row: sql({ publicNetworkAccess: 'Disabled' }), status: 'PASS' },
  { name: 'SQL Enabled', row: sql({ publicNetworkAccess: 'Enabled' }), status: 'FAIL', source: 'explicit' },
  {
    name: 'SQL absent: the public endpoint is on by default',
    row: sql({ state: 'Ready' }),
    status: 'FAIL',
    source: 'default',
  },
  {
    name: 'Cosmos DB absent: the public endpoint is on by default',
    row: cosmos({ ipRules: [] }),
    status: 'FAIL',
    source: 'default',
  },
  {
    name: 'PostgreSQL flexible, VNet-integrated',
    row: flexible({ network: { publicNetworkAccess: 'Disabled' } }),
    status: 'PASS',
  },
  {
    name: 'PostgreSQL flexible, public',
    row: flexible({ network: { publicNetworkAccess: 'Enabled' } }),
    status: 'FAIL',
  },
  {
    // Network settings are computed from the delegated subnet at creation: an absent one tells nothing.
    name: 'PostgreSQL flexible, network not in the record',
    row: flexible({ state: 'Ready' }),
    status: 'UNKNOWN',
    source: 'unknown',
  },
  { name: 'Cosmos DB Enabled', row: cosmos({ publicNetworkAccess: 'Enabled', ipRules: [] }), status: 'FAIL' },
] as const;

/**
 * `az sql server firewall-rule list` output (flattened, no `properties`). Firewall rules admit
 * clients only while public network access is enabled.
 * https://learn.microsoft.com/azure/azure-sql/database/firewall-configure
 */
const firewallRules = (...rules: [name: string, start: string, end: string][]) =>
  jsonFile(
    rules.map(([name, startIpAddress, endIpAddress]) => ({
      endIpAddress,
      id: `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.Sql/servers/sql1/firewallRules/${name}`,
      name,
      resourceGroup: 'rg-kansa',
      startIpAddress,
      type: 'Microsoft.Sql/servers/firewallRules',
    })),
  );

const firewallCases = {
  valid: [
    {
      name: 'public network access disabled: an allow-all firewall rule admits no one',
      records: [
        sql({ publicNetworkAccess: 'Disabled' }),
        firewallRules(['AllowAll', '0.0.0.0', '255.255.255.255']),
      ],
      messageId: 'closed',
    },
  ],
  invalid: [
    {
      name: 'public network access enabled and a rule from 0.0.0.0 to 255.255.255.255: the whole internet',
      records: [
        sql({ publicNetworkAccess: 'Enabled' }),
        firewallRules(['AllowAll', '0.0.0.0', '255.255.255.255']),
      ],
      messageId: 'openToInternet',
      severity: 'critical' as const,
      data: { rules: ['AllowAll'] },
    },
    {
      name: 'public network access enabled, Azure services only (0.0.0.0 to 0.0.0.0): open, not the whole internet',
      records: [
        sql({ publicNetworkAccess: 'Enabled' }),
        firewallRules(['AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0']),
      ],
      messageId: 'open',
    },
    {
      name: 'the whole internet split over two rules (0.0.0.0–127.255.255.255, 128.0.0.0–255.255.255.255)',
      records: [
        sql({ publicNetworkAccess: 'Enabled' }),
        firewallRules(
          ['LowerHalf', '0.0.0.0', '127.255.255.255'],
          ['UpperHalf', '128.0.0.0', '255.255.255.255'],
          ['Office', '203.0.113.0', '203.0.113.255'],
        ),
      ],
      messageId: 'openToInternet',
      severity: 'critical' as const,
      data: { rules: ['LowerHalf', 'UpperHalf'] },
    },
    {
      name: 'a rule over one private /8 and an office /24: open, not the whole internet',
      records: [
        sql({ publicNetworkAccess: 'Enabled' }),
        firewallRules(['Vnet', '10.0.0.0', '10.255.255.255'], ['Office', '203.0.113.0', '203.0.113.255']),
      ],
      messageId: 'open',
    },
    {
      // The perimeter profile's inbound access rules (address prefixes, subscriptions) decide who
      // gets in; they are resources of the perimeter, not in the server's record.
      name: 'SQL SecuredByPerimeter: the network security perimeter decides, its rules not exported',
      records: [sql({ publicNetworkAccess: 'SecuredByPerimeter' })],
      status: 'UNKNOWN' as const,
      messageId: 'perimeter',
      data: { value: 'SecuredByPerimeter' },
    },
    {
      name: 'Cosmos DB SecuredByPerimeter (any casing)',
      records: [cosmos({ publicNetworkAccess: 'securedByPerimeter', ipRules: [] })],
      status: 'UNKNOWN' as const,
      messageId: 'perimeter',
    },
  ],
};

const tableCases = byVerdict(
  table.map((c) => ({
    name: c.name,
    records: [c.row],
    status: c.status,
    messageId: MESSAGE[c.status],
    ...('source' in c ? { evidence: [{ source: c.source }] } : {}),
  })),
);

export default {
  wrap: withSubscription,
  valid: [...tableCases.valid, ...firewallCases.valid],
  invalid: [...tableCases.invalid, ...firewallCases.invalid],
  notRun: [{ name: 'a SQL database: decided on its server', records: [sqlDatabase] }],
} satisfies RuleTests;
