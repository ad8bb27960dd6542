import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { cosmos, sql } from '../database/servers.ts';
import { withSubscription } from '../graph.ts';

const server = sql({ publicNetworkAccess: 'Disabled' });
const serverId = String(server.id);
const MESSAGE = { PASS: 'enabled', FAIL: 'disabled', UNKNOWN: 'unknown' } as const;

const table = [
  {
    name: 'az sql server audit-policy show: Enabled',
    setting: {
      id: `${serverId}/auditingSettings/Default`,
      name: 'Default',
      type: 'Microsoft.Sql/servers/auditingSettings',
      state: 'Enabled',
      logAnalyticsTargetState: 'Enabled',
    },
    status: 'PASS',
  },
  {
    name: 'REST GET: Disabled',
    setting: {
      id: `${serverId}/auditingSettings/Default`,
      name: 'Default',
      type: 'Microsoft.Sql/servers/auditingSettings',
      properties: { state: 'Disabled', retentionDays: 0 },
    },
    status: 'FAIL',
  },
  {
    name: 'REST GET without state → off by default',
    setting: {
      id: `${serverId}/auditingSettings/Default`,
      name: 'Default',
      type: 'Microsoft.Sql/servers/auditingSettings',
      properties: { retentionDays: 0 },
    },
    status: 'FAIL',
  },
  { name: 'no auditing settings exported', setting: undefined, status: 'UNKNOWN' },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, setting, status }) => ({
      name,
      records: [server, ...(setting ? [jsonFile(setting, 'audit-policy.json')] : [])],
      status,
      messageId: MESSAGE[status],
      assert: (result: { evidence: readonly { path: string }[] }) =>
        expect(result.evidence[0]?.path).toBe('auditingSettings.properties.state'),
    })),
  ),
  notRun: [{ name: 'Cosmos DB accounts', records: [cosmos({})] }],
} satisfies RuleTests;
