import type { AwsEksClusterFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

export default defineCheck<AwsEksClusterFacts, 'private' | 'restricted' | 'open' | 'unknown'>({
  meta: {
    id: 'aws.eks.cluster-endpoint-access',
    provider: 'aws',
    resourceTypes: ['container.cluster'],
    // ECS clusters are container clusters too, with no control plane endpoint or logs of this kind.
    nativeTypes: ['AWS::EKS::Cluster'],
    severity: 'high',
    title: {
      ja: 'EKS クラスターの API エンドポイントがインターネット全体に公開されていない',
      en: 'EKS cluster API endpoints are not open to the whole internet',
    },
    rationale: {
      ja: 'EKS の API サーバーエンドポイントは既定でパブリックかつ 0.0.0.0/0 に開いています。認証情報の漏えいや脆弱性があれば、インターネットのどこからでもクラスターを操作されます。',
      en: 'An EKS API server endpoint is public and open to 0.0.0.0/0 by default; with a leaked credential or a flaw, the cluster can be driven from anywhere on the internet.',
    },
    remediation: {
      ja: 'aws eks update-cluster-config --name <クラスター名> --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false を実行します。パブリックが必要なら publicAccessCidrs=<許可する CIDR> で接続元を限定します（コンソール: EKS → 対象 →「ネットワーキング」→「エンドポイントアクセスを管理」）。',
      en: 'Run aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false; if public access is needed, limit it with publicAccessCidrs=<allowed CIDRs> (console: EKS → the cluster → Networking → Manage endpoint access).',
    },
    messages: {
      private: {
        ja: 'EKS クラスター {{cluster}} の API エンドポイントはプライベートのみです',
        en: 'EKS cluster {{cluster}} has a private API endpoint only',
      },
      restricted: {
        ja: 'EKS クラスター {{cluster}} のパブリックエンドポイントは {{cidrs}} に限定されています',
        en: 'The public endpoint of EKS cluster {{cluster}} is limited to {{cidrs}}',
      },
      open: {
        ja: 'EKS クラスター {{cluster}} の API エンドポイントがインターネット全体（{{cidrs}}）に公開されています',
        en: 'The API endpoint of EKS cluster {{cluster}} is open to the whole internet ({{cidrs}})',
      },
      unknown: {
        ja: 'EKS クラスター {{cluster}} のエンドポイント設定がエクスポートから分かりません',
        en: 'The export does not show the endpoint access of EKS cluster {{cluster}}',
      },
    },
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html'],
  },
  evaluate(resource) {
    const data = { cluster: resource.name };
    const publicAccess = factOf(
      resource.facts.endpointPublicAccess,
      'configuration.ResourcesVpcConfig.EndpointPublicAccess',
    );
    if (publicAccess.source === 'unknown') return undetermined('unknown', [publicAccess], data);
    if (!publicAccess.value) return pass('private', [publicAccess], data);
    const cidrs = factOf(
      resource.facts.publicAccessCidrs,
      'configuration.ResourcesVpcConfig.PublicAccessCidrs',
    );
    if (cidrs.source === 'unknown') return undetermined('unknown', [publicAccess, cidrs], data);
    const internet = internetSources(cidrs.value);
    return internet.length > 0
      ? fail('open', [publicAccess, cidrs], { ...data, cidrs: internet })
      : pass('restricted', [publicAccess, cidrs], { ...data, cidrs: cidrs.value });
  },
});
