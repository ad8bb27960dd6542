import type { AwsEksClusterFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

/** The logs that record who called the API server and what it did. */
const REQUIRED_LOG_TYPES = ['api', 'audit', 'authenticator'];

export default defineCheck<AwsEksClusterFacts, 'logged' | 'missing' | 'unknown'>({
  meta: {
    id: 'aws.eks.cluster-control-plane-logging',
    provider: 'aws',
    resourceTypes: ['container.cluster'],
    // ECS clusters are container clusters too, with no control plane endpoint or logs of this kind.
    nativeTypes: ['AWS::EKS::Cluster'],
    severity: 'medium',
    title: {
      ja: 'EKS クラスターのコントロールプレーンログ（api、audit、authenticator）が有効',
      en: 'EKS clusters send control plane logs (api, audit, authenticator) to CloudWatch Logs',
    },
    rationale: {
      ja: 'EKS は既定でコントロールプレーンのログを送りません。監査ログ・認証ログがないと、クラスターへの不正な操作や権限昇格を追跡できません。',
      en: 'EKS sends no control plane log by default; without the audit and authenticator logs, unauthorised actions and privilege escalation in the cluster cannot be traced.',
    },
    remediation: {
      ja: 'aws eks update-cluster-config --name <クラスター名> --logging \'{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}\' を実行します（コンソール: EKS → 対象 →「オブザーバビリティ」→「コントロールプレーンのログ記録を管理」）。',
      en: 'Run aws eks update-cluster-config --name <cluster> --logging \'{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}\' (console: EKS → the cluster → Observability → Manage control plane logging).',
    },
    messages: {
      logged: {
        ja: 'EKS クラスター {{cluster}} は必要なコントロールプレーンログ（{{enabled}}）を送っています',
        en: 'EKS cluster {{cluster}} sends the required control plane logs ({{enabled}})',
      },
      missing: {
        ja: 'EKS クラスター {{cluster}} のコントロールプレーンログ {{missing}} が無効です',
        en: 'EKS cluster {{cluster}} does not send control plane logs {{missing}}',
      },
      unknown: {
        ja: 'EKS クラスター {{cluster}} のログ設定がエクスポートにありません',
        en: 'The export does not show the control plane logging of EKS cluster {{cluster}}',
      },
    },
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html'],
  },
  evaluate(resource) {
    const data = { cluster: resource.name };
    const enabled = factOf(
      resource.facts.enabledLogTypes,
      'configuration.Logging.ClusterLogging.EnabledTypes',
    );
    if (enabled.source === 'unknown') return undetermined('unknown', [enabled], data);
    const missing = REQUIRED_LOG_TYPES.filter((type) => !enabled.value.includes(type));
    return missing.length === 0
      ? pass('logged', [enabled], { ...data, enabled: enabled.value })
      : fail('missing', [enabled], { ...data, missing });
  },
});
