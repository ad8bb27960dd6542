import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { evaluateResourceLogs } from '../lib/diagnostic-logs.ts';

export default defineCheck({
  meta: {
    id: 'azure.monitor.resource-logs',
    provider: 'azure',
    resourceTypes: ['kms.vault', 'storage.account', 'network.firewall'],
    // Classic storage accounts have no diagnostic settings (classic metrics only).
    nativeTypes: [
      'microsoft.keyvault/vaults',
      'microsoft.keyvault/managedhsms',
      'microsoft.storage/storageaccounts',
      'microsoft.network/networksecuritygroups',
      'microsoft.network/azurefirewalls',
    ],
    severity: 'medium',
    title: {
      ja: 'Key Vault・ストレージ・NSG のリソース ログが診断設定で送信されている',
      en: 'Key Vault, storage and NSG resource logs are sent by a diagnostic setting',
    },
    rationale: {
      ja: 'リソース ログ（キーへのアクセス、BLOB の読み書き、NSG の規則の適用）は診断設定がなければどこにも残りません。インシデントの調査に必要な記録です。',
      en: 'Resource logs (key access, blob reads and writes, NSG rule hits) are kept nowhere unless a diagnostic setting sends them; incident investigation depends on them.',
    },
    remediation: {
      ja: 'Azure portal の対象リソース > [監視] > [診断設定] > [診断設定を追加する] で allLogs（または audit）を選び、Log Analytics ワークスペースなどに送信します。ストレージ アカウントは blob・file・queue・table の各サービスに設定します。CLI: az monitor diagnostic-settings create --name <設定名> --resource <リソース ID> --workspace <ワークスペース ID> --logs \'[{"categoryGroup":"allLogs","enabled":true}]\'',
      en: 'In the Azure portal, the resource > Monitoring > Diagnostic settings > Add diagnostic setting, select allLogs (or audit) and send them to a Log Analytics workspace or another destination; for a storage account, add one on each of the blob, file, queue and table services. CLI: az monitor diagnostic-settings create --name <setting> --resource <resource id> --workspace <workspace id> --logs \'[{"categoryGroup":"allLogs","enabled":true}]\'',
    },
    messages: {
      exported: {
        ja: 'リソース ログは診断設定 {{settings}} で送信されています',
        en: 'Resource logs are sent by diagnostic setting(s) {{settings}}',
      },
      notSent: {
        ja: '診断設定 {{settings}} はありますが、ログを送信先に送っていません（メトリックのみ、または送信先なし）',
        en: 'Diagnostic setting(s) {{settings}} send no logs to a destination (metrics only, or no destination)',
      },
      noSetting: {
        ja: 'このリソースに診断設定がありません',
        en: 'The resource has no diagnostic setting',
      },
      notExported: missingData(
        {
          ja: 'エクスポートにリソースの診断設定がありません。リソースごとの az monitor diagnostic-settings list --resource <ID> の出力を追加するか、手動で確認してください',
          en: 'The export has no resource diagnostic settings: add the output of az monitor diagnostic-settings list --resource <id> for each resource, or confirm manually',
        },
        'azureResourceDiagnosticSettings',
      ),
      incomplete: {
        ja: '診断設定 {{settings}} の内容がエクスポートから読み取れません',
        en: 'The contents of diagnostic setting(s) {{settings}} cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
      'https://learn.microsoft.com/azure/key-vault/general/logging',
    ],
  },
  evaluate(resource: Resource, ctx) {
    return evaluateResourceLogs(resource, ctx, (logs) => logs.categories.size > 0 || logs.groups.size > 0, {
      includeChildren: resource.kansaType === 'storage.account',
    });
  },
});
