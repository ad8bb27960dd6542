import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { evaluateResourceLogs } from '../lib/diagnostic-logs.ts';

/** The Kubernetes audit log, in full or without get/list events, and the groups that include it. */
const AUDIT_CATEGORIES = ['kube-audit', 'kube-audit-admin'];
const AUDIT_GROUPS = ['alllogs', 'audit'];

export default defineCheck({
  meta: {
    id: 'azure.aks.control-plane-logs',
    provider: 'azure',
    resourceTypes: ['container.cluster'],
    severity: 'medium',
    title: {
      ja: 'AKS のコントロール プレーンの監査ログ（kube-audit）が診断設定で送信されている',
      en: 'AKS control-plane audit logs (kube-audit) are sent by a diagnostic setting',
    },
    rationale: {
      ja: 'Kubernetes の監査ログは、誰がどのリソースを作成・変更・削除したかの唯一の記録です。診断設定がなければ保存されません。',
      en: 'The Kubernetes audit log is the only record of who created, changed or deleted what in the cluster; it is not kept unless a diagnostic setting sends it.',
    },
    remediation: {
      ja: 'Azure portal の [Kubernetes サービス] > [監視] > [診断設定] > [診断設定を追加する] で kube-audit-admin（または kube-audit、audit グループ）を選び、Log Analytics ワークスペースなどに送信します。CLI: az monitor diagnostic-settings create --name aks-audit --resource <クラスター ID> --workspace <ワークスペース ID> --logs \'[{"category":"kube-audit-admin","enabled":true}]\'',
      en: 'In the Azure portal, Kubernetes service > Monitoring > Diagnostic settings > Add diagnostic setting, select kube-audit-admin (or kube-audit, or the audit group) and send it to a Log Analytics workspace or another destination. CLI: az monitor diagnostic-settings create --name aks-audit --resource <cluster id> --workspace <workspace id> --logs \'[{"category":"kube-audit-admin","enabled":true}]\'',
    },
    messages: {
      exported: {
        ja: '監査ログは診断設定 {{settings}} で送信されています',
        en: 'The audit log is sent by diagnostic setting(s) {{settings}}',
      },
      notSent: {
        ja: '診断設定 {{settings}} は kube-audit / kube-audit-admin を送信していません',
        en: 'Diagnostic setting(s) {{settings}} do not send kube-audit or kube-audit-admin',
      },
      noSetting: { ja: 'クラスターに診断設定がありません', en: 'The cluster has no diagnostic setting' },
      notExported: missingData(
        {
          ja: 'エクスポートにリソースの診断設定がありません。az monitor diagnostic-settings list --resource <クラスター ID> の出力を追加するか、手動で確認してください',
          en: 'The export has no resource diagnostic settings: add the output of az monitor diagnostic-settings list --resource <cluster id>, or confirm manually',
        },
        'azureResourceDiagnosticSettings',
      ),
      incomplete: {
        ja: '診断設定 {{settings}} の内容がエクスポートから読み取れません',
        en: 'The contents of diagnostic setting(s) {{settings}} cannot be read from the export',
      },
    },
    references: ['https://learn.microsoft.com/azure/aks/monitor-aks#aks-control-planeresource-logs'],
  },
  evaluate(cluster: Resource, ctx) {
    return evaluateResourceLogs(
      cluster,
      ctx,
      (logs) =>
        AUDIT_CATEGORIES.some((category) => logs.categories.has(category)) ||
        AUDIT_GROUPS.some((group) => logs.groups.has(group)),
    );
  },
});
