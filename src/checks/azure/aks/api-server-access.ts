import type { AzureManagedClusterFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

export default defineCheck({
  meta: {
    id: 'azure.aks.api-server-access',
    provider: 'azure',
    resourceTypes: ['container.cluster'],
    severity: 'high',
    title: {
      ja: 'AKS の API サーバーがプライベート クラスターか承認済み IP 範囲で保護されている',
      en: 'AKS API servers are private or restricted to authorized IP ranges',
    },
    rationale: {
      ja: 'API サーバーはクラスター全体を操作する入口です。インターネットのどこからでも接続できると、資格情報の漏えいや脆弱性がそのままクラスターの乗っ取りにつながります。',
      en: 'The API server controls the whole cluster; reachable from anywhere on the internet, a leaked credential or a vulnerability becomes a cluster takeover.',
    },
    remediation: {
      ja: '新しいクラスターはプライベート クラスター（az aks create --enable-private-cluster）で作成します。既存のクラスターは承認済み IP 範囲を設定します。Azure portal の [Kubernetes サービス] > [設定] > [ネットワーク] >「承認済み IP 範囲を設定する」。CLI: az aks update --name <クラスター名> --resource-group <リソース グループ> --api-server-authorized-ip-ranges <管理用 CIDR>',
      en: 'Create new clusters as private clusters (az aks create --enable-private-cluster); on existing clusters set authorized IP ranges in the Azure portal, Kubernetes service > Settings > Networking > "Set authorized IP ranges". CLI: az aks update --name <cluster> --resource-group <resource group> --api-server-authorized-ip-ranges <management CIDR>',
    },
    messages: {
      private: { ja: 'プライベート クラスターです', en: 'The cluster is private' },
      authorizedRanges: {
        ja: 'API サーバーは承認済み IP 範囲 {{ranges}} からのみ接続できます',
        en: 'The API server accepts only the authorized IP ranges {{ranges}}',
      },
      public: {
        ja: 'API サーバーはインターネットのすべてのアドレスから接続できます',
        en: 'The API server accepts connections from any internet address',
      },
      openRanges: {
        ja: 'API サーバーの承認済み IP 範囲がインターネットを含みます: {{ranges}}',
        en: "The API server's authorized IP ranges admit the internet: {{ranges}}",
      },
      unknown: {
        ja: 'エクスポートから API サーバーのアクセス設定が読み取れません',
        en: "The API server's access profile cannot be read from the export",
      },
    },
    references: [
      'https://learn.microsoft.com/azure/aks/private-clusters',
      'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
    ],
  },
  evaluate(cluster: Resource<AzureManagedClusterFacts>) {
    const isPrivate = factOf(
      cluster.facts.privateCluster,
      'properties.apiServerAccessProfile.enablePrivateCluster',
    );
    if (isPrivate.value === true) return pass('private', [isPrivate]);
    const ranges = factOf(
      cluster.facts.authorizedIpRanges,
      'properties.apiServerAccessProfile.authorizedIPRanges',
    );
    const evidence = [isPrivate, ranges];
    // Authorized ranges that reach the internet restrict nothing (src/model/internet-sources.ts).
    const internet = internetSources(ranges.value ?? []);
    if (ranges.value && ranges.value.length > 0 && internet.length === 0) {
      return pass('authorizedRanges', evidence, { ranges: ranges.value });
    }
    if (isPrivate.source === 'unknown' || ranges.source === 'unknown')
      return undetermined('unknown', evidence);
    return internet.length > 0
      ? fail('openRanges', evidence, { ranges: internet })
      : fail('public', evidence);
  },
});
