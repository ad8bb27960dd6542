import type { AzureDiagnosticSettingFacts, AzureLogAnalyticsWorkspaceFacts } from '../../../model/azure.ts';
import { explicit, type Fact, unexpectedType, unknown } from '../../../model/fact.ts';
import { type ArmRecord, get } from '../arm-record.ts';
import { asBoolean, asNumber, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

export const logAnalyticsWorkspace: Adapter = {
  kansaType: 'monitoring.workspace',
  facts(record): AzureLogAnalyticsWorkspaceFacts {
    return {
      retentionInDays: propertyFact(record, ['retentionInDays'], asNumber, {
        // https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure
        default: 30,
        note: { ja: '未設定: 既定の保持期間は 30 日です', en: 'absent: the default retention is 30 days' },
      }),
    };
  },
};

const SETTING_SEGMENT = '/providers/microsoft.insights/diagnosticsettings/';

/** Destination fields of a diagnostic setting (any one of them exports the logs). */
const DESTINATION_FIELDS = [
  'workspaceId',
  'storageAccountId',
  'eventHubAuthorizationRuleId',
  'marketplacePartnerId',
];

/**
 * A diagnostic setting, from the REST list body (`properties.logs`) or the CLI's flattened
 * output (`logs` at the top). Its target is the id before `/providers/microsoft.insights/…`:
 * the subscription for the Activity Log, the resource otherwise.
 */
export const diagnosticSetting: Adapter = {
  kansaType: 'audit.diagnostic-setting',
  facts(record): AzureDiagnosticSettingFacts {
    const properties = record.properties;
    const logs = get(properties, 'logs');
    const sent = DESTINATION_FIELDS.filter((field) => {
      const value = get(properties, field);
      return typeof value === 'string' && value !== '';
    });
    return {
      targetResourceId: explicit(targetOf(record), 'id'),
      // Named by the destination field it was read from, so that a log entry ConvertTo-Json cut
      // (a `retentionPolicy` past -Depth 2) does not hide where the setting sends.
      destinations: properties
        ? explicit(
            sent.map((field) => get(properties, field) as string),
            sent.length > 0 ? `properties.${sent[0]}` : 'properties',
          )
        : unknown('properties', {
            ja: 'エクスポートに設定の内容がありません',
            en: 'the export has no settings for it',
          }),
      enabledCategories: enabledLogs(logs, 'category'),
      enabledCategoryGroups: enabledLogs(logs, 'categoryGroup'),
    };
  },
};

function enabledLogs(logs: unknown, key: 'category' | 'categoryGroup'): Fact<readonly string[]> {
  if (!Array.isArray(logs)) {
    return unknown('properties.logs', {
      ja: 'ログ設定がエクスポートにありません',
      en: 'no logs list in the export',
    });
  }
  const path = `properties.logs[].${key}`;
  const enabled: string[] = [];
  for (const log of logs) {
    const on = asBoolean(get(log, 'enabled'));
    const name = get(log, key);
    // An entry whose switch or name kansa cannot read may be the one that sends the logs asked for.
    if (on === undefined) return unexpectedType('properties.logs[].enabled');
    if (name !== undefined && name !== null && typeof name !== 'string') return unexpectedType(path);
    if (on && typeof name === 'string' && name !== '') enabled.push(name);
  }
  return explicit(enabled, path);
}

function targetOf(record: ArmRecord): string {
  const at = record.id.indexOf(SETTING_SEGMENT);
  return at > 0 ? record.id.slice(0, at) : record.id;
}
