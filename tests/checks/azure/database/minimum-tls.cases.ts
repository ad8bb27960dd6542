import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { cosmos, flexible, sql, sqlDatabase } from './servers.ts';

const MESSAGE = { PASS: 'modern', FAIL: 'legacy', UNKNOWN: 'unknown' } as const;
const table = [
  { name: 'SQL 1.2', row: sql({ minimalTlsVersion: '1.2' }), status: 'PASS' },
  { name: 'SQL 1.3', row: sql({ minimalTlsVersion: '1.3' }), status: 'PASS' },
  { name: 'SQL 1.1', row: sql({ minimalTlsVersion: '1.1' }), status: 'FAIL' },
  { name: 'SQL None', row: sql({ minimalTlsVersion: 'None' }), status: 'FAIL', source: 'explicit' },
  { name: 'SQL absent → None (no minimum)', row: sql({ state: 'Ready' }), status: 'FAIL', source: 'default' },
  { name: 'Cosmos DB Tls12', row: cosmos({ minimalTlsVersion: 'Tls12' }), status: 'PASS' },
  { name: 'Cosmos DB Tls (1.0)', row: cosmos({ minimalTlsVersion: 'Tls' }), status: 'FAIL' },
  { name: 'Cosmos DB absent', row: cosmos({}), status: 'UNKNOWN' },
  {
    name: 'flexible server: server parameters not exported',
    row: flexible({}),
    status: 'UNKNOWN',
    source: 'unknown',
  },
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
