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

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, record, status }) => ({
      name,
      records: [record],
      status,
      messageId: MESSAGE[status],
    })),
  ),
  notRun: [
    { name: 'Redis Enterprise (TLS is set on its databases)', records: [cache({}, 'redisEnterprise')] },
  ],
} satisfies RuleTests;
