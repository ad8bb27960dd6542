import type { AzureDatabaseFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { decideOnFact } from '../../verdict.ts';

export default defineCheck({
  meta: {
    id: 'azure.sql.auditing',
    provider: 'azure',
    resourceTypes: ['database.server'],
    nativeTypes: ['microsoft.sql/servers'],
    severity: 'medium',
    title: {
      ja: 'SQL サーバーで監査が有効になっている',
      en: 'SQL servers have auditing enabled',
    },
    rationale: {
      ja: 'サーバー監査はすべてのデータベースへのログインやクエリを記録します。監査がなければ、不正アクセスや情報の持ち出しを追跡できません。',
      en: 'Server auditing records logins and queries on every database of the server; without it, unauthorized access and data theft cannot be traced.',
    },
    remediation: {
      ja: 'Azure portal の [SQL サーバー] > [セキュリティ] > [監査] で「Azure SQL 監査を有効にする」をオンにし、Log Analytics などの送信先を選びます。CLI: az sql server audit-policy update --name <サーバー名> --resource-group <リソース グループ> --state Enabled --lat-state Enabled --lat-workspace-id <ワークスペース ID>',
      en: 'In the Azure portal, SQL server > Security > Auditing, turn on "Enable Azure SQL Auditing" and choose a destination such as Log Analytics. CLI: az sql server audit-policy update --name <server> --resource-group <resource group> --state Enabled --lat-state Enabled --lat-workspace-id <workspace id>',
    },
    messages: {
      enabled: { ja: 'サーバー監査は有効です', en: 'Server auditing is enabled' },
      disabled: {
        ja: 'サーバー監査が無効です（state = {{value}}）',
        en: 'Server auditing is off (state = {{value}})',
      },
      unknown: missingData(
        {
          ja: 'エクスポートに監査設定がありません（az sql server audit-policy show の出力を追加してください）',
          en: 'The export has no auditing settings: add the output of az sql server audit-policy show',
        },
        'azureSqlAuditing',
      ),
    },
    references: ['https://learn.microsoft.com/azure/azure-sql/database/auditing-overview'],
  },
  evaluate(server: Resource<AzureDatabaseFacts>) {
    return decideOnFact(
      factOf(server.facts.auditingState, 'auditingSettings.properties.state'),
      (state) => state.toLowerCase() === 'enabled',
      { pass: 'enabled', fail: 'disabled', unknown: 'unknown' },
    );
  },
});
