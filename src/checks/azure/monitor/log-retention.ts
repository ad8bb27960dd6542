import type { AzureLogAnalyticsWorkspaceFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';

export default defineCheck({
  meta: {
    id: 'azure.monitor.log-retention',
    provider: 'azure',
    resourceTypes: ['monitoring.workspace'],
    severity: 'medium',
    title: {
      ja: 'Log Analytics ワークスペースのログ保持期間が規定の日数以上である',
      en: 'Log Analytics workspaces retain logs for at least the required number of days',
    },
    rationale: {
      ja: '保持期間を過ぎたログは削除され、発覚まで時間のかかる不正の調査ができなくなります。ワークスペースの既定の保持期間は 30 日です。',
      en: 'Logs past their retention are deleted, so incidents found late cannot be investigated; a workspace keeps 30 days by default.',
    },
    remediation: {
      ja: 'Azure portal の [Log Analytics ワークスペース] > [使用量と推定コスト] > [データ保持] で保持期間を延ばします（対話型保持は最大 730 日、それ以上はテーブルの長期保持を使います）。CLI: az monitor log-analytics workspace update --resource-group <リソース グループ> --workspace-name <ワークスペース名> --retention-time 365',
      en: 'In the Azure portal, Log Analytics workspace > Usage and estimated costs > Data retention, extend the retention (interactive retention up to 730 days; use long-term table retention beyond). CLI: az monitor log-analytics workspace update --resource-group <resource group> --workspace-name <workspace> --retention-time 365',
    },
    messages: {
      sufficient: {
        ja: 'ログ保持期間は {{value}} 日です（規定 {{required}} 日以上）',
        en: 'Logs are retained for {{value|day|days}} (at least {{required}} required)',
      },
      tooShort: {
        ja: 'ログ保持期間が {{value}} 日です。{{required}} 日以上にしてください',
        en: 'Logs are retained for {{value|day|days}}: at least {{required}} are required',
      },
      unknown: {
        ja: 'エクスポートから retentionInDays が読み取れません',
        en: 'retentionInDays cannot be read from the export',
      },
    },
    references: ['https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure'],
  },
  evaluate(workspace: Resource<AzureLogAnalyticsWorkspaceFacts>, ctx) {
    const required = ctx.params.logRetentionDays;
    return decideOnFact(
      factOf(workspace.facts.retentionInDays, 'properties.retentionInDays'),
      (days) => days >= required,
      { pass: 'sufficient', fail: 'tooShort', unknown: 'unknown' },
      { required },
    );
  },
});
