import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { row } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';

const cache = (properties: Record<string, unknown>, type = 'Redis') =>
  row('Microsoft.Cache', type, `${type}/cache1`, { properties });
const MESSAGE = { PASS: 'compliant', FAIL: 'nonCompliant', UNKNOWN: 'unknown' } as const;

const table = [
  {
    name: 'TLS 1.2, non-TLS port off',
    record: cache({ enableNonSslPort: false, minimumTlsVersion: '1.2' }),
    status: 'PASS',
  },
  {
    name: 'non-TLS port absent → off by default',
    record: cache({ minimumTlsVersion: '1.2' }),
    status: 'PASS',
  },
  {
    name: 'non-TLS port on',
    record: cache({ enableNonSslPort: true, minimumTlsVersion: '1.2' }),
    status: 'FAIL',
  },
  { name: 'TLS 1.0', record: cache({ enableNonSslPort: false, minimumTlsVersion: '1.0' }), status: 'FAIL' },
  { name: 'minimum TLS absent', record: cache({ enableNonSslPort: false }), status: 'UNKNOWN' },
] as const;

const tableCases = byVerdict(
  table.map(({ name, record, status }) => ({
    name,
    records: [record],
    status,
    messageId: MESSAGE[status],
  })),
);

/**
 * Azure Managed Redis and Redis Enterprise (Microsoft.Cache/redisEnterprise, 2025-04-01): the
 * cluster's `minimumTlsVersion` ("TLS 1.0 and TLS 1.1 are now completely obsolete"), and each
 * database's `clientProtocol` (Encrypted, the default, or Plaintext), a child resource
 * `redisEnterprise/<cluster>/databases/default` as Resource Graph and ARM list it.
 */
const enterprise = (properties: Record<string, unknown>) =>
  row('Microsoft.Cache', 'redisEnterprise', 'redisEnterprise/amr1', {
    kind: 'v2',
    sku: { name: 'Balanced_B5' },
    properties: { hostName: 'amr1.japaneast.redis.azure.net', ...properties },
  });
const database = (properties: Record<string, unknown>) =>
  row('Microsoft.Cache', 'redisEnterprise/databases', 'redisEnterprise/amr1/databases/default', {
    name: 'default',
    properties: { port: 10000, clusteringPolicy: 'OSSCluster', ...properties },
  });

const enterpriseCases = {
  valid: [
    {
      name: 'Redis Enterprise: TLS 1.2 and an Encrypted database',
      records: [enterprise({ minimumTlsVersion: '1.2' }), database({ clientProtocol: 'Encrypted' })],
      target: 'amr1',
      messageId: 'compliant',
    },
    {
      name: 'Azure Managed Redis: minimum TLS and client protocol left out (1.2 and Encrypted)',
      records: [enterprise({}), database({})],
      target: 'amr1',
      messageId: 'compliant',
    },
  ],
  invalid: [
    {
      name: 'Redis Enterprise: a Plaintext database',
      records: [enterprise({ minimumTlsVersion: '1.2' }), database({ clientProtocol: 'Plaintext' })],
      target: 'amr1',
      messageId: 'nonCompliant',
    },
    {
      name: 'Redis Enterprise: its databases not in the export',
      records: [enterprise({ minimumTlsVersion: '1.2' })],
      target: 'amr1',
      status: 'UNKNOWN' as const,
      messageId: 'unknown',
    },
  ],
};

export default {
  wrap: withSubscription,
  valid: [...tableCases.valid, ...enterpriseCases.valid],
  invalid: [...tableCases.invalid, ...enterpriseCases.invalid],
} satisfies RuleTests;
