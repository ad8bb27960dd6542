import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import {
  idOf,
  keyVaultRow,
  SUBSCRIPTION,
  SUBSCRIPTION_ID,
  storageProperties,
  storageRow,
} from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { classicStorageAccount } from '../storage/account.ts';

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

const table = [
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
    // A switch kansa cannot read is no "off": the setting may send AuditEvent.
    name: 'Key Vault AuditEvent whose enabled flag is not a boolean',
    target: vault,
    settings: [setting(idOf(vault), 'kv', [{ category: 'AuditEvent', enabled: 'on' }])],
    status: 'UNKNOWN',
    message: 'incomplete',
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
      setting(`${idOf(account)}/blobServices/default`, 'blob', [{ category: 'StorageRead', enabled: true }]),
    ],
    status: 'PASS',
    message: 'exported',
  },
  {
    name: 'no setting on this vault, others listed in its file (a template deploying them)',
    target: vault,
    settings: [setting(idOf(other), 'other', [{ categoryGroup: 'allLogs', enabled: true }])],
    together: true,
    status: 'FAIL',
    message: 'noSetting',
  },
  {
    name: "other resources' settings in another file (az monitor diagnostic-settings list --resource) say nothing of this vault",
    target: vault,
    settings: [setting(idOf(other), 'other', [{ categoryGroup: 'allLogs', enabled: true }])],
    status: 'UNKNOWN',
    message: 'notExported',
  },
  {
    name: 'only the Activity Log setting exported',
    target: vault,
    settings: [setting(SUBSCRIPTION_ID, 'activity', [{ category: 'Administrative', enabled: true }])],
    status: 'UNKNOWN',
    message: 'notExported',
  },
  {
    name: "the subscription's listing of its resources' settings, present and empty: none",
    target: vault,
    settings: [],
    file: `resource-diagnostic-settings-${SUBSCRIPTION}.json`,
    status: 'FAIL',
    message: 'noSetting',
  },
  {
    name: 'an empty list body that names no scope says nothing',
    target: vault,
    settings: [],
    status: 'UNKNOWN',
    message: 'notExported',
  },
  {
    name: 'a setting of the vault listed without its properties',
    target: vault,
    settings: [
      {
        id: `${idOf(vault)}/providers/microsoft.insights/diagnosticSettings/kv`,
        type: 'Microsoft.Insights/diagnosticSettings',
        name: 'kv',
      },
    ],
    status: 'UNKNOWN',
    message: 'incomplete',
  },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, target, settings, status, message, ...rest }) => ({
      name,
      // `together`: the vault and the settings in one file, as a template holds them.
      records:
        'together' in rest
          ? [account, other, jsonFile({ value: [vault, ...settings] }, 'template-resources.json')]
          : [
              vault,
              account,
              other,
              jsonFile({ value: settings }, 'file' in rest ? rest.file : 'diagnostic-settings.json'),
            ],
      target: idOf(target),
      status,
      messageId: message,
      assert: (result: { evidence: readonly { source: string }[] }) => {
        // None inferred from other resources' settings is the cloud's default; a listing says so explicitly.
        if (message === 'noSetting')
          expect(result.evidence[0]?.source).toBe('file' in rest ? 'explicit' : 'default');
      },
    })),
  ),
  // Classic storage accounts have no diagnostic settings.
  notRun: [{ name: 'a classic storage account', records: [classicStorageAccount] }],
} satisfies RuleTests;
