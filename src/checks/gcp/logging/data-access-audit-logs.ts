import type { GcpAuditConfig, GcpAuditLogType, GcpHierarchyNodeFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { ancestorsUnknown, inherited, inheritedEvidence } from '../lib/hierarchy.ts';

type Message = 'enabled' | 'missing' | 'exempted' | 'noProjectPolicy' | 'ancestorsUnknown';

/** The Data Access audit log types that must all be on for `allServices` (CIS GCP 2.1). */
const REQUIRED: readonly GcpAuditLogType[] = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'];
const ALL_SERVICES = 'allServices';

export default defineCheck<GcpHierarchyNodeFacts, Message>({
  meta: {
    id: 'gcp.logging.data-access-audit-logs',
    provider: 'gcp',
    resourceTypes: ['account'],
    // Folders and organizations count through their projects (their policies are inherited).
    nativeTypes: ['cloudresourcemanager.googleapis.com/Project'],
    severity: 'high',
    title: {
      ja: 'プロジェクトでデータアクセス監査ログ（ADMIN_READ・DATA_READ・DATA_WRITE）が全サービスで有効になっている',
      en: 'Data Access audit logs (ADMIN_READ, DATA_READ, DATA_WRITE) are enabled for all services in the project',
    },
    rationale: {
      ja: 'データアクセス監査ログは既定で無効（BigQuery を除く）で、無効のままだと誰がどのデータを読み書きしたかを事後に追跡できません。設定は組織・フォルダから継承されます。',
      en: 'Data Access audit logs are off by default (except BigQuery); without them nobody can tell afterwards who read or changed which data. The setting is inherited from the organization and folders.',
    },
    remediation: {
      ja: 'コンソールの「IAM と管理 > 監査ログ」で「デフォルトの構成」の「管理読み取り」「データ読み取り」「データ書き込み」を有効にします（組織またはフォルダで設定すると配下のプロジェクトに継承されます）。CLI では gcloud projects get-iam-policy <プロジェクト> > policy.yaml で取得した auditConfigs に service: allServices と 3 つの logType を追加し、gcloud projects set-iam-policy <プロジェクト> policy.yaml で適用します。例外メンバー（exemptedMembers）は削除します。',
      en: 'In the console, IAM & Admin > Audit Logs > "Default configuration": enable Admin Read, Data Read and Data Write (set at the organization or a folder to be inherited by its projects). With the CLI, add service: allServices with the three logTypes to auditConfigs in the policy from gcloud projects get-iam-policy <project> > policy.yaml and apply it with gcloud projects set-iam-policy <project> policy.yaml. Remove exemptedMembers.',
    },
    messages: {
      enabled: {
        ja: 'データアクセス監査ログ（{{logTypes}}）が全サービスで有効です',
        en: 'Data Access audit logs ({{logTypes}}) are enabled for all services',
      },
      missing: {
        ja: 'プロジェクトにも上位のフォルダ・組織にも、全サービス向けの {{missing}} の監査ログ設定がありません',
        en: 'Neither the project nor its folders and organization enable {{missing}} audit logs for all services',
      },
      exempted: {
        ja: '監査ログは有効ですが、記録の対象外とされたメンバーがいます: {{exempted}}',
        en: 'Audit logs are enabled, but members are exempted from them: {{exempted}}',
      },
      noProjectPolicy: missingData(
        {
          ja: 'プロジェクトの IAM ポリシーの監査構成（auditConfigs）がエクスポートにないため判断できません（--content-type=iam-policy のエクスポート、gcloud projects get-iam-policy の出力、または Steampipe の gcp_audit_policy の行を渡してください。IAM ポリシーの検索結果と Steampipe の gcp_iam_policy には監査構成が含まれません）',
          en: 'The audit configs (auditConfigs) of the project IAM policy are not in the export (also provide the --content-type=iam-policy export, gcloud projects get-iam-policy output or Steampipe’s gcp_audit_policy rows; IAM policy search results and Steampipe’s gcp_iam_policy carry no audit configs)',
        },
        'gcpIamPolicies',
      ),
      ancestorsUnknown: missingData(
        {
          ja: 'プロジェクトでは {{missing}} が無効ですが、上位（{{ancestors}}）の IAM ポリシーがエクスポートにないため、継承された設定を判断できません（組織単位のエクスポートを渡してください）',
          en: '{{missing}} is not enabled on the project, and the IAM policies of {{ancestors}} are not in the export, so inherited settings cannot be ruled out (provide an organization-level export)',
        },
        'gcpAncestorPolicies',
        { ja: 'プロジェクトでは {{missing}} が無効です', en: '{{missing}} is not enabled on the project' },
      ),
    },
    references: [
      'https://cloud.google.com/logging/docs/audit/configure-data-access',
      'https://cloud.google.com/resource-manager/docs/cloud-asset-inventory/overview',
    ],
  },
  evaluate(project, ctx) {
    // Audit configs are inherited: the effective policy is the union with every ancestor's.
    const chain = inherited(project, ctx, (facts) => facts.auditConfigs, 'iamPolicy.auditConfigs');
    if (chain.own.source === 'unknown') return undetermined('noProjectPolicy', [chain.own]);
    const evidence = inheritedEvidence(chain);
    const { enabled, exempted } = summarize([chain.own.value, ...chain.ancestors.map((a) => a.value)].flat());
    const missing = REQUIRED.filter((logType) => !enabled.has(logType));
    if (missing.length > 0) {
      const unseen = ancestorsUnknown(chain, evidence, { missing });
      if (!unseen) return fail('missing', evidence, { missing });
      // Whatever the unseen ancestors enable, an exempted member goes unlogged.
      if (exempted.length === 0) return unseen;
    }
    if (exempted.length > 0) return fail('exempted', evidence, { exempted });
    return pass('enabled', evidence, { logTypes: REQUIRED });
  },
});

/**
 * The log types enabled for all services, and the exemptions: `logType: member`, or `logType
 * (service): member` for a service's own config. A service's config adds to the `allServices`
 * one, its exempted members included, so a member exempted there goes unlogged for that service.
 * https://cloud.google.com/logging/docs/audit/configure-data-access#config-api
 */
function summarize(configs: readonly GcpAuditConfig[]) {
  const enabled = new Set<GcpAuditLogType>();
  const exempted: string[] = [];
  for (const { service, logConfigs } of configs) {
    const everyService = service === ALL_SERVICES;
    for (const { logType, exemptedMembers } of logConfigs) {
      if (everyService) enabled.add(logType);
      const scope = everyService ? logType : `${logType} (${service})`;
      for (const member of exemptedMembers) exempted.push(`${scope}: ${member}`);
    }
  }
  return { enabled, exempted };
}
