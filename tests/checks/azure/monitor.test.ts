import { describe, expect, it } from 'vitest';
import logRetention from '../../../src/checks/azure/monitor/log-retention.ts';
import resourceLogs from '../../../src/checks/azure/monitor/resource-logs.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { evaluate } from '../../helpers/checks.ts';
import {
  graphResources,
  idOf,
  keyVaultRow,
  readDocument,
  row,
  SUBSCRIPTION_ID,
  storageProperties,
  storageRow,
} from './arg-rows.ts';

const WORKSPACE = `${SUBSCRIPTION_ID}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log1`;
const vault = keyVaultRow('kv1', { enableSoftDelete: true });
const account = storageRow('st1', storageProperties());
const other = keyVaultRow('kv-other', {});

/** A resource diagnostic setting as `GET {resource}/providers/Microsoft.Insights/diagnosticSettings` lists it. */
function setting(
  target: string,
  name: string,
  logs: Record<string, unknown>[],
  workspaceId: string | null = WORKSPACE,
) {
  return {
    id: `${target}/providers/microsoft.insights/diagnosticSettings/${name}`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name,
    properties: { workspaceId, logs, metrics: [{ category: 'AllMetrics', enabled: true }] },
  };
}

function resources(...settings: Record<string, unknown>[]): Resource[] {
  return [...graphResources(vault, account, other), ...readDocument(azureArm, { value: settings })];
}

describe('azure.monitor.resource-logs', () => {
  it.each([
    {
      name: 'Key Vault audit group to a workspace',
      target: vault,
      settings: [setting(idOf(vault), 'kv', [{ categoryGroup: 'audit', enabled: true }])],
      status: 'PASS',
      message: 'exported',
    },
    {
      name: 'Key Vault AuditEvent disabled (metrics only)',
      target: vault,
      settings: [setting(idOf(vault), 'kv', [{ category: 'AuditEvent', enabled: false }])],
      status: 'FAIL',
      message: 'notSent',
    },
    {
      name: 'Key Vault logs without a destination',
      target: vault,
      settings: [setting(idOf(vault), 'kv', [{ category: 'AuditEvent', enabled: true }], null)],
      status: 'FAIL',
      message: 'notSent',
    },
    {
      name: 'storage: logs on the blob service',
      target: account,
      settings: [
        setting(`${idOf(account)}/blobServices/default`, 'blob', [
          { category: 'StorageRead', enabled: true },
        ]),
      ],
      status: 'PASS',
      message: 'exported',
    },
    {
      name: 'no setting on this vault, others listed',
      target: vault,
      settings: [setting(idOf(other), 'other', [{ categoryGroup: 'allLogs', enabled: true }])],
      status: 'FAIL',
      message: 'noSetting',
    },
    {
      name: 'only the Activity Log setting exported',
      target: vault,
      settings: [setting(SUBSCRIPTION_ID, 'activity', [{ category: 'Administrative', enabled: true }])],
      status: 'UNKNOWN',
      message: 'notExported',
    },
  ])('$name → $status', ({ target, settings, status, message }) => {
    const result = evaluate(resourceLogs, resources(...settings), idOf(target));
    expect(result).toMatchObject({ status, message });
    if (message === 'noSetting') expect(result.evidence[0]?.source).toBe('default');
  });
});

describe('azure.monitor.log-retention', () => {
  const workspace = (properties: Record<string, unknown> | undefined) =>
    row('Microsoft.OperationalInsights', 'workspaces', 'workspaces/log1', properties ? { properties } : {});
  it.each([
    { name: '365 days', properties: { retentionInDays: 365 }, status: 'PASS', source: 'explicit' },
    { name: '730 days', properties: { retentionInDays: 730 }, status: 'PASS', source: 'explicit' },
    { name: '90 days', properties: { retentionInDays: 90 }, status: 'FAIL', source: 'explicit' },
    {
      name: 'absent → 30 days',
      properties: { sku: { name: 'PerGB2018' } },
      status: 'FAIL',
      source: 'default',
    },
    { name: 'no properties', properties: undefined, status: 'UNKNOWN', source: 'unknown' },
  ])('$name → $status', ({ properties, status, source }) => {
    const record = workspace(properties);
    const result = evaluate(logRetention, graphResources(record), idOf(record));
    expect(result.status).toBe(status);
    expect(result.evidence[0]?.source).toBe(source);
  });

  it('takes the required days from the framework parameters', () => {
    const record = workspace({ retentionInDays: 90 });
    const result = evaluate(logRetention, graphResources(record), idOf(record), { logRetentionDays: 90 });
    expect(result).toMatchObject({ status: 'PASS', data: { required: 90, value: 90 } });
  });
});
