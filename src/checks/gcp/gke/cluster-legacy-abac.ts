import { factOf } from '../../../model/facts.ts';
import type { GcpGkeClusterFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

type Message = 'rbacOnly' | 'legacyAbac' | 'unknown';

export default defineCheck<GcpGkeClusterFacts, Message>({
  meta: {
    id: 'gcp.gke.cluster-legacy-abac',
    provider: 'gcp',
    resourceTypes: ['container.cluster'],
    severity: 'high',
    title: {
      ja: 'GKE クラスタで従来の ABAC が無効で、認可が RBAC と IAM で行われる',
      en: 'GKE clusters have legacy ABAC off, so authorization is RBAC and IAM only',
    },
    rationale: {
      ja: '従来の ABAC を有効にすると、サービスアカウントやノードに RBAC を超える広い権限が静的に与えられ、最小権限の原則が崩れます。',
      en: 'Legacy ABAC statically grants service accounts and nodes rights beyond RBAC, defeating least privilege.',
    },
    remediation: {
      ja: 'gcloud container clusters update <クラスタ> --location=<ロケーション> --no-enable-legacy-authorization を実行します（コンソール: Kubernetes Engine > クラスタ > 詳細 > セキュリティ >「以前の承認」を無効）。',
      en: 'Run gcloud container clusters update <cluster> --location=<location> --no-enable-legacy-authorization (console: Kubernetes Engine > cluster > Details > Security > "Legacy authorization" disabled).',
    },
    messages: {
      rbacOnly: { ja: '従来の ABAC は無効です（RBAC）', en: 'Legacy ABAC is off (RBAC)' },
      legacyAbac: { ja: '従来の ABAC が有効です', en: 'Legacy ABAC is enabled' },
      unknown: {
        ja: 'エクスポートから従来の ABAC の設定を判断できません',
        en: 'The export does not show the legacy ABAC setting',
      },
    },
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/role-based-access-control'],
  },
  evaluate(cluster) {
    const abac = factOf(cluster.facts.legacyAbac, 'resource.data.legacyAbac.enabled');
    if (abac.source === 'unknown') return undetermined('unknown', [abac]);
    return abac.value ? fail('legacyAbac', [abac]) : pass('rbacOnly', [abac]);
  },
});
