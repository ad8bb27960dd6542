import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { cosmos, flexible, sql, sqlDatabase } from './servers.ts';

const MESSAGE = { PASS: 'closed', FAIL: 'open', UNKNOWN: 'unknown' } as const;
const table = [
  { name: 'SQL Disabled', row: sql({ publicNetworkAccess: 'Disabled' }), status: 'PASS' },
  { name: 'SQL Enabled', row: sql({ publicNetworkAccess: 'Enabled' }), status: 'FAIL', source: 'explicit' },
  { name: 'SQL SecuredByPerimeter', row: sql({ publicNetworkAccess: 'SecuredByPerimeter' }), status: 'PASS' },
  { name: 'SQL absent', row: sql({ state: 'Ready' }), status: 'UNKNOWN', source: 'unknown' },
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
  { name: 'Cosmos DB Enabled', row: cosmos({ publicNetworkAccess: 'Enabled', ipRules: [] }), status: 'FAIL' },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map((c) => ({
      name: c.name,
      records: [c.row],
      status: c.status,
      messageId: MESSAGE[c.status],
      ...('source' in c ? { evidence: [{ source: c.source }] } : {}),
    })),
  ),
  notRun: [{ name: 'a SQL database: decided on its server', records: [sqlDatabase] }],
} satisfies RuleTests;
