import { factOf } from '../../../model/facts.ts';
import type { GcpGkeClusterFacts } from '../../../model/gcp.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

type Message =
  | 'privateEndpoint'
  | 'dnsEndpointOnly'
  | 'authorizedNetworks'
  | 'openToInternet'
  | 'googleCloudAddresses'
  | 'networksOff'
  | 'unknown';

export default defineCheck<GcpGkeClusterFacts, Message>({
  meta: {
    id: 'gcp.gke.cluster-endpoint-access',
    provider: 'gcp',
    resourceTypes: ['container.cluster'],
    severity: 'high',
    title: {
      ja: 'GKE クラスタのコントロール プレーンが非公開、または承認済みネットワークに限定されている',
      en: 'GKE control planes are private or limited to authorized networks',
    },
    rationale: {
      ja: 'コントロール プレーン（Kubernetes API）のパブリック エンドポイントは既定で任意のアドレスから接続でき、認証情報の窃取や API の脆弱性を突いた攻撃にさらされます。',
      en: 'The control plane (Kubernetes API) public endpoint accepts any address by default, exposing the cluster to stolen credentials and API vulnerabilities.',
    },
    remediation: {
      ja: 'gcloud container clusters update <クラスタ> --location=<ロケーション> --enable-master-authorized-networks --master-authorized-networks=<許可する CIDR> で接続元を限定し（Google Cloud のパブリック IP アドレスからの接続は --no-enable-google-cloud-access で止めます）、または --enable-private-endpoint でパブリック エンドポイントを無効にします（コンソール: Kubernetes Engine > クラスタ > 詳細 > ネットワーキング >「コントロール プレーン承認済みネットワーク」）。',
      en: 'Limit the sources with gcloud container clusters update <cluster> --location=<location> --enable-master-authorized-networks --master-authorized-networks=<allowed CIDRs> (and stop Google Cloud public IP addresses with --no-enable-google-cloud-access), or turn the public endpoint off with --enable-private-endpoint (console: Kubernetes Engine > cluster > Details > Networking > "Control plane authorized networks").',
    },
    messages: {
      privateEndpoint: {
        ja: 'コントロール プレーンにパブリック エンドポイントがありません',
        en: 'The control plane has no public endpoint',
      },
      dnsEndpointOnly: {
        ja: 'コントロール プレーンにパブリック IP エンドポイントはありません。DNS エンドポイントはインターネットからの接続を受け付けますが、送信元アドレスではなくリクエストごとの IAM 認可で制御されます',
        en: 'The control plane has no public IP endpoint; its DNS endpoint takes requests from the internet, each authorized by IAM rather than by source address',
      },
      authorizedNetworks: {
        ja: 'パブリック エンドポイントへの接続は承認済みネットワークに限定されています: {{networks}}',
        en: 'The public endpoint admits authorized networks only: {{networks}}',
      },
      openToInternet: {
        ja: 'パブリック エンドポイントにインターネットのどこからでも接続できます（承認済みネットワーク: {{networks}}）',
        en: 'The public endpoint admits the whole internet (authorized networks: {{networks}})',
      },
      googleCloudAddresses: {
        ja: 'パブリック エンドポイントは承認済みネットワーク（{{networks}}）に加え、Google Cloud のパブリック IP アドレスからも接続できます（gcpPublicCidrsAccessEnabled）。他の顧客の VM も含まれます',
        en: "The public endpoint admits Google Cloud's public IP addresses, other customers' VMs included, besides its authorized networks ({{networks}}) (gcpPublicCidrsAccessEnabled)",
      },
      networksOff: {
        ja: 'パブリック エンドポイントにインターネットのどこからでも接続できます（承認済みネットワークが無効です）',
        en: 'The public endpoint admits the whole internet (authorized networks are off)',
      },
      unknown: {
        ja: 'エクスポートからコントロール プレーンのエンドポイント設定を判断できません',
        en: 'The export does not show the control plane endpoint settings',
      },
    },
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks',
      'https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters#masterauthorizednetworksconfig',
    ],
  },
  evaluate(cluster) {
    const publicEndpoint = factOf(
      cluster.facts.publicEndpoint,
      'resource.data.privateClusterConfig.enablePrivateEndpoint',
    );
    const networks = factOf(cluster.facts.authorizedNetworks, 'resource.data.masterAuthorizedNetworksConfig');
    if (publicEndpoint.source === 'unknown') return undetermined('unknown', [publicEndpoint]);
    if (!publicEndpoint.value) {
      // The DNS endpoint is no IP endpoint: open to the internet, it admits IAM-authorized callers only.
      const dns = cluster.facts.dnsEndpointExternal;
      return dns?.source === 'explicit' && dns.value
        ? pass('dnsEndpointOnly', [publicEndpoint, dns])
        : pass('privateEndpoint', [publicEndpoint]);
    }
    if (networks.source === 'unknown') return undetermined('unknown', [publicEndpoint, networks]);
    const evidence = [publicEndpoint, networks];
    if (networks.value === null) return fail('networksOff', evidence);
    const internet = internetSources(networks.value);
    if (internet.length > 0) return fail('openToInternet', evidence, { networks: internet });
    // Any Google Cloud customer's VM has such an address: networks the owner does not control.
    const googleCloud = cluster.facts.googleCloudAccess;
    if (googleCloud?.source === 'explicit' && googleCloud.value)
      return fail('googleCloudAddresses', [...evidence, googleCloud], { networks: networks.value });
    return pass('authorizedNetworks', evidence, { networks: networks.value });
  },
});
