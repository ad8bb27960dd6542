import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { cluster } from './cluster.ts';

const MESSAGE = { PASS: 'compliant', FAIL: 'nonCompliant', UNKNOWN: 'unknown' } as const;
const table = [
  {
    name: 'RBAC on, local accounts off',
    properties: { enableRBAC: true, disableLocalAccounts: true },
    status: 'PASS',
  },
  { name: 'local accounts absent → enabled by default', properties: { enableRBAC: true }, status: 'FAIL' },
  { name: 'RBAC off', properties: { enableRBAC: false, disableLocalAccounts: true }, status: 'FAIL' },
  { name: 'RBAC absent', properties: { disableLocalAccounts: true }, status: 'UNKNOWN' },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, properties, status }) => ({
      name,
      records: [cluster(properties)],
      status,
      messageId: MESSAGE[status],
    })),
  ),
} satisfies RuleTests;
