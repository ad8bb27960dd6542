import { factOf } from '../../../model/facts.ts';
import type { GcpGkeClusterFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

type Message = 'enabled' | 'disabled' | 'unknown';

export default defineCheck<GcpGkeClusterFacts, Message>({
  meta: {
    id: 'gcp.gke.cluster-logging',
    provider: 'gcp',
    resourceTypes: ['container.cluster'],
    severity: 'medium',
    title: {
      ja: 'GKE クラスタのログが Cloud Logging に送られている',
      en: 'GKE clusters send their logs to Cloud Logging',
    },
    rationale: {
      ja: 'loggingService が none のクラスタは、システム コンポーネントやワークロードのログを残さず、インシデントを調査できません（Kubernetes API の監査ログは Cloud Audit Logs に記録されます）。',
      en: 'A cluster with loggingService none keeps no system or workload logs, so incidents cannot be investigated (Kubernetes API audit logs still go to Cloud Audit Logs).',
    },
    remediation: {
      ja: 'gcloud container clusters update <クラスタ> --location=<ロケーション> --logging=SYSTEM,WORKLOAD,API_SERVER を実行します（コンソール: Kubernetes Engine > クラスタ > 詳細 > 機能 >「Cloud Logging」を編集）。',
      en: 'Run gcloud container clusters update <cluster> --location=<location> --logging=SYSTEM,WORKLOAD,API_SERVER (console: Kubernetes Engine > cluster > Details > Features > edit "Cloud Logging").',
    },
    messages: {
      enabled: { ja: 'ログの送信先: {{service}}', en: 'Logs go to {{service}}' },
      disabled: {
        ja: 'ログを Cloud Logging に送っていません（none）',
        en: 'Logs are not sent to Cloud Logging (none)',
      },
      unknown: {
        ja: 'エクスポートからログの設定を判断できません',
        en: 'The export does not show the logging setting',
      },
    },
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs',
      'https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters',
    ],
  },
  evaluate(cluster) {
    const service = factOf(cluster.facts.loggingService, 'resource.data.loggingService');
    if (service.source === 'unknown') return undetermined('unknown', [service]);
    return service.value === 'none'
      ? fail('disabled', [service])
      : pass('enabled', [service], { service: service.value });
  },
});
