import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { row } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';

const workspace = (properties: Record<string, unknown> | undefined) =>
  row('Microsoft.OperationalInsights', 'workspaces', 'workspaces/log1', properties ? { properties } : {});
const MESSAGE = { PASS: 'sufficient', FAIL: 'tooShort', UNKNOWN: 'unknown' } as const;

const table = [
  { name: '365 days', properties: { retentionInDays: 365 }, status: 'PASS', source: 'explicit' },
  { name: '730 days', properties: { retentionInDays: 730 }, status: 'PASS', source: 'explicit' },
  { name: '90 days', properties: { retentionInDays: 90 }, status: 'FAIL', source: 'explicit' },
  { name: 'absent → 30 days', properties: { sku: { name: 'PerGB2018' } }, status: 'FAIL', source: 'default' },
  { name: 'no properties', properties: undefined, status: 'UNKNOWN', source: 'unknown' },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, properties, status, source }) => ({
    name,
    records: [workspace(properties)],
    status,
    messageId: MESSAGE[status],
    evidence: [{ source }],
  })),
  {
    name: 'takes the required days from the framework parameters',
    records: [workspace({ retentionInDays: 90 })],
    params: { logRetentionDays: 90 },
    status: 'PASS',
    messageId: 'sufficient',
    data: { required: 90, value: 90 },
  },
];

export default { wrap: withSubscription, ...byVerdict(cases) } satisfies RuleTests;
