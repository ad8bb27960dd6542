import type { AzureSubscriptionFacts } from '../../../model/azure.ts';
import { unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { exportedLogs } from '../lib/diagnostic-logs.ts';
import { diagnosticSettingsOf } from '../lib/related.ts';

/** Activity Log categories an audit needs: who changed what, security alerts, policy decisions. */
const REQUIRED_CATEGORIES = ['Administrative', 'Security', 'Policy'];

export default defineCheck({
  meta: {
    id: 'azure.monitor.activity-log-exported',
    provider: 'azure',
    resourceTypes: ['account'],
    severity: 'medium',
    title: {
      ja: 'サブスクリプションのアクティビティ ログが診断設定でエクスポートされている',
      en: "The subscription's Activity Log is exported by a diagnostic setting",
    },
    rationale: {
      ja: 'アクティビティ ログは 90 日で消えます。診断設定で Log Analytics・ストレージ・Event Hubs に送らなければ、変更操作やセキュリティ イベントを後から追跡できません。',
      en: 'The Activity Log is kept for 90 days only; unless a diagnostic setting sends it to Log Analytics, storage or Event Hubs, changes and security events cannot be traced later.',
    },
    remediation: {
      ja: 'Azure portal の [モニター] > [アクティビティ ログ] > [アクティビティ ログのエクスポート] で診断設定を追加し、Administrative・Security・Policy（または allLogs）を送信先に送ります。CLI: az monitor diagnostic-settings subscription create --name activity-log --location japaneast --workspace <ワークスペース ID> --logs \'[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Policy","enabled":true}]\'',
      en: 'In the Azure portal, Monitor > Activity log > Export Activity Logs, add a diagnostic setting sending Administrative, Security and Policy (or allLogs) to a destination. CLI: az monitor diagnostic-settings subscription create --name activity-log --location japaneast --workspace <workspace id> --logs \'[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Policy","enabled":true}]\'',
    },
    messages: {
      exported: {
        ja: 'アクティビティ ログは診断設定 {{settings}} でエクスポートされています',
        en: 'The Activity Log is exported by diagnostic setting(s) {{settings}}',
      },
      missingCategories: {
        ja: '診断設定はありますが、カテゴリ {{missing}} がエクスポートされていません',
        en: 'Diagnostic settings exist, but the categories {{missing}} are not exported',
      },
      none: {
        ja: 'このサブスクリプションには診断設定がなく、アクティビティ ログはエクスポートされていません',
        en: 'The subscription has no diagnostic setting: the Activity Log is not exported',
      },
      notListed: {
        ja: 'このサブスクリプションの診断設定を一覧できませんでした（証跡に失敗した呼び出しと必要なロールがあります）',
        en: 'The diagnostic settings of this subscription could not be listed (the evidence names the failed call and the role it needs)',
      },
      notExported: missingData(
        {
          ja: 'エクスポートにこのサブスクリプションの診断設定がありません（Resource Graph には含まれません）。az monitor diagnostic-settings subscription list の出力を追加するか、手動で確認してください',
          en: 'The export has no diagnostic settings for this subscription (Resource Graph does not carry them): add the output of az monitor diagnostic-settings subscription list, or confirm manually',
        },
        'azureActivityLogSettings',
      ),
      incomplete: {
        ja: '診断設定 {{settings}} の内容がエクスポートから読み取れません',
        en: 'The contents of diagnostic setting(s) {{settings}} cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log',
      'https://learn.microsoft.com/rest/api/monitor/subscription-diagnostic-settings/list',
    ],
  },
  evaluate(subscription: Resource, ctx) {
    const settings = diagnosticSettingsOf(subscription, ctx);
    if (settings.length === 0) {
      // A listing that answered (live, or a file named for the subscription) is evidence of none.
      const listed = (subscription.facts as AzureSubscriptionFacts).activityLogSettingsListed;
      if (listed?.source === 'unknown') return undetermined('notListed', [listed]);
      if (listed?.value === true) return fail('none', [listed]);
      const evidence = unknown('microsoft.insights/diagnosticSettings', {
        ja: 'このサブスクリプションの診断設定はエクスポートにありません',
        en: 'no diagnostic settings for this subscription in the export',
      });
      return undetermined('notExported', [evidence]);
    }
    const { settings: names, categories, groups, incomplete, evidence } = exportedLogs(settings);
    const exported = (category: string) => groups.has('alllogs') || categories.has(category.toLowerCase());
    const missing = REQUIRED_CATEGORIES.filter((category) => !exported(category));
    if (missing.length === 0) return pass('exported', evidence, { settings: names });
    if (incomplete) return undetermined('incomplete', evidence, { settings: names });
    return fail('missingCategories', evidence, { missing, settings: names });
  },
});
