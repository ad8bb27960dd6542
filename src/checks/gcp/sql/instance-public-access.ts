import { factOf } from '../../../model/facts.ts';
import type { GcpSqlInstanceFacts } from '../../../model/gcp.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import { type CheckResult, defineCheck, fail, pass, undetermined } from '../../check.ts';

type Message =
  | 'privateOnly'
  | 'publicIp'
  | 'publicIpNoNetworks'
  | 'publicIpNetworksUnknown'
  | 'openToInternet'
  | 'unknown';

const SQL_INSTANCE = 'sqladmin.googleapis.com/Instance';

export default defineCheck<GcpSqlInstanceFacts, Message>({
  meta: {
    id: 'gcp.sql.instance-public-access',
    provider: 'gcp',
    resourceTypes: ['database.instance'],
    // BigQuery datasets are `database.instance` too.
    nativeTypes: [SQL_INSTANCE],
    severity: 'high',
    title: {
      ja: 'Cloud SQL インスタンスにパブリック IP がなく、インターネット全体（0.0.0.0/0）からの接続を許可していない',
      en: 'Cloud SQL instances have no public IP, and never authorize the whole internet (0.0.0.0/0)',
    },
    rationale: {
      ja: 'パブリック IP を持つデータベースはインターネットから到達でき、承認済みネットワークに 0.0.0.0/0 があれば誰でも接続を試みられます。プライベート IP（VPC）からのみ接続させます。',
      en: 'A database with a public IP is reachable from the internet, and with 0.0.0.0/0 among its authorized networks anyone can try to connect. Connect over private IP (VPC) only.',
    },
    remediation: {
      ja: 'gcloud sql instances patch <インスタンス> --network=<VPC> --no-assign-ip を実行します（コンソール: SQL > インスタンス > 接続 > ネットワーキング >「プライベート IP」をオン、「パブリック IP」をオフ）。パブリック IP が必要な場合も gcloud sql instances patch <インスタンス> --authorized-networks=<限定した CIDR> で 0.0.0.0/0 を除きます。',
      en: 'Run gcloud sql instances patch <instance> --network=<VPC> --no-assign-ip (console: SQL > instance > Connections > Networking: "Private IP" on, "Public IP" off). Where a public IP is needed, remove 0.0.0.0/0 with gcloud sql instances patch <instance> --authorized-networks=<narrow CIDRs>.',
    },
    messages: {
      privateOnly: { ja: 'パブリック IP がありません', en: 'No public IP' },
      publicIp: {
        ja: 'パブリック IP が有効です（承認済みネットワーク: {{networks}}）',
        en: 'A public IP is enabled (authorized networks: {{networks}})',
      },
      publicIpNoNetworks: {
        ja: 'パブリック IP が有効です（承認済みネットワークはありません）',
        en: 'A public IP is enabled (no authorized networks)',
      },
      publicIpNetworksUnknown: {
        ja: 'パブリック IP が有効です（承認済みネットワークは不明です）',
        en: 'A public IP is enabled (the authorized networks are not known)',
      },
      openToInternet: {
        ja: 'パブリック IP が有効で、承認済みネットワークにインターネット全体（{{networks}}）が含まれています',
        en: 'A public IP is enabled and the whole internet ({{networks}}) is an authorized network',
      },
      unknown: {
        ja: 'エクスポートからパブリック IP の有無または承認済みネットワークを判断できません',
        en: 'The export does not show whether there is a public IP or which networks are authorized',
      },
    },
    references: [
      'https://cloud.google.com/sql/docs/mysql/configure-ip',
      'https://cloud.google.com/sql/docs/mysql/admin-api/rest/v1beta4/instances',
    ],
  },
  evaluate(instance): CheckResult<Message> {
    const publicIp = factOf(instance.facts.publicIp, 'resource.data.settings.ipConfiguration.ipv4Enabled');
    const networks = factOf(
      instance.facts.authorizedNetworks,
      'resource.data.settings.ipConfiguration.authorizedNetworks',
    );
    if (publicIp.source === 'unknown') return undetermined('unknown', [publicIp]);
    if (!publicIp.value) return pass('privateOnly', [publicIp]);
    if (networks.source === 'unknown') return fail('publicIpNetworksUnknown', [publicIp, networks]);
    const open = internetSources(networks.value);
    // The whole internet authorized is the worst case: critical.
    if (open.length > 0)
      return { ...fail('openToInternet', [publicIp, networks], { networks: open }), severity: 'critical' };
    return networks.value.length > 0
      ? fail('publicIp', [publicIp, networks], { networks: networks.value })
      : fail('publicIpNoNetworks', [publicIp, networks]);
  },
});
