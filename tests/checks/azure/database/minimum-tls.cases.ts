import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { cosmos, flexible, flexibleParameter, sql, sqlDatabase } from './servers.ts';

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

/** Flexible servers with their parameter records (`az postgres|mysql flexible-server parameter list`). */
const withParameters = [
  {
    name: 'PostgreSQL ssl_min_protocol_version TLSv1.2, secure transport on',
    records: [
      flexible({}),
      flexibleParameter('require_secure_transport', 'on'),
      flexibleParameter('ssl_min_protocol_version', 'TLSv1.2'),
    ],
    status: 'PASS',
  },
  {
    name: 'require_secure_transport off decides, whichever record is read first',
    records: [
      flexibleParameter('ssl_min_protocol_version', 'TLSv1.3'),
      flexible({}),
      flexibleParameter('require_secure_transport', 'off'),
    ],
    status: 'FAIL',
  },
  {
    name: 'MySQL tls_version list: its oldest version decides',
    records: [
      flexibleParameter('tls_version', 'TLSv1.1,TLSv1.2', 'Microsoft.DBforMySQL'),
      flexibleParameter('require_secure_transport', 'ON', 'Microsoft.DBforMySQL'),
    ],
    status: 'FAIL',
  },
  {
    name: 'MySQL tls_version TLSv1.2,TLSv1.3 (secure transport not exported)',
    records: [flexibleParameter('tls_version', 'TLSv1.2,TLSv1.3', 'Microsoft.DBforMySQL')],
    status: 'PASS',
  },
  {
    name: 'require_secure_transport exported but unreadable: TLSv1.2 alone does not pass',
    records: [
      flexible({}),
      flexibleParameter('require_secure_transport', ''),
      flexibleParameter('ssl_min_protocol_version', 'TLSv1.2'),
    ],
    status: 'UNKNOWN',
    messageId: 'secureTransportUnknown',
  },
  {
    name: 'require_secure_transport unreadable, TLSv1.1: the old version fails whatever it is',
    records: [
      flexibleParameter('require_secure_transport', ''),
      flexibleParameter('ssl_min_protocol_version', 'TLSv1.1'),
    ],
    status: 'FAIL',
  },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict([
    ...table.map((c) => ({
      name: c.name,
      records: [c.row],
      status: c.status,
      messageId: MESSAGE[c.status],
      ...('source' in c ? { evidence: [{ source: c.source }] } : {}),
    })),
    ...withParameters.map((c) => ({
      ...c,
      records: [...c.records],
      messageId: 'messageId' in c ? c.messageId : MESSAGE[c.status],
    })),
  ]),
  notRun: [{ name: 'a SQL database: decided on its server', records: [sqlDatabase] }],
} satisfies RuleTests;
