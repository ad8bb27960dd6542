import { factOf } from '../../../model/facts.ts';
import type { GcpFirewallAllow, GcpFirewallFacts } from '../../../model/gcp.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';

type Message =
  | 'notFromInternet'
  | 'safePorts'
  | 'managementPorts'
  | 'allPorts'
  | 'disabled'
  | 'egress'
  | 'denyRule'
  | 'unknown';

/** SSH and RDP. */
const MANAGEMENT_PORTS = [22, 3389];
/** Protocols that carry ports; `all` covers them all. */
const PORT_PROTOCOLS = new Set(['all', 'tcp', 'udp', 'sctp', '6', '17', '132']);

export default defineCheck<GcpFirewallFacts, Message>({
  meta: {
    id: 'gcp.compute.firewall-internet-ingress',
    provider: 'gcp',
    resourceTypes: ['network.firewall'],
    severity: 'high',
    title: {
      ja: 'VPC ファイアウォール ルールがインターネット（0.0.0.0/0、::/0）から管理ポート（22、3389）や全ポートへの通信を許可していない',
      en: 'VPC firewall rules do not allow the internet (0.0.0.0/0, ::/0) to management ports (22, 3389) or all ports',
    },
    rationale: {
      ja: 'SSH や RDP、全ポートをインターネットに公開すると、総当たり攻撃や脆弱性の悪用の標的になります。管理アクセスは IAP TCP 転送や踏み台、VPN などの限られた経路に絞ります。',
      en: 'SSH, RDP or all ports open to the internet invite brute-force attacks and exploitation. Administrative access should go through a narrow path such as IAP TCP forwarding, a bastion or a VPN.',
    },
    remediation: {
      ja: 'gcloud compute firewall-rules update <ルール名> --source-ranges=<許可する CIDR> で送信元を絞るか（IAP 経由なら 35.235.240.0/20）、gcloud compute firewall-rules delete <ルール名> で削除します（コンソール: VPC ネットワーク > ファイアウォール > ルール > 編集 >「送信元 IPv4 範囲」）。',
      en: 'Narrow the sources with gcloud compute firewall-rules update <rule> --source-ranges=<allowed CIDR> (35.235.240.0/20 for IAP), or delete the rule with gcloud compute firewall-rules delete <rule> (console: VPC network > Firewall > rule > Edit > "Source IPv4 ranges").',
    },
    messages: {
      notFromInternet: {
        ja: 'インターネットからの通信は許可していません（送信元: {{sources}}）',
        en: 'Does not admit the internet (sources: {{sources}})',
      },
      safePorts: {
        ja: 'インターネットに開いているのは管理ポート以外の特定ポートのみです: {{allowed}}',
        en: 'Only specific non-management ports are open to the internet: {{allowed}}',
      },
      managementPorts: {
        ja: 'インターネット（{{sources}}）から管理ポートへの通信を許可しています: {{allowed}}',
        en: 'Allows the internet ({{sources}}) to management ports: {{allowed}}',
      },
      allPorts: {
        ja: 'インターネット（{{sources}}）から全ポートへの通信を許可しています: {{allowed}}',
        en: 'Allows the internet ({{sources}}) to all ports: {{allowed}}',
      },
      disabled: { ja: 'ルールは無効化されています', en: 'The rule is disabled' },
      egress: { ja: '下り（EGRESS）のルールです（対象外）', en: 'An egress rule (not applicable)' },
      denyRule: { ja: '拒否ルールです（対象外）', en: 'A deny rule (not applicable)' },
      unknown: {
        ja: 'エクスポートからルールの向き・送信元・許可内容を判断できません',
        en: 'The export does not show the rule direction, sources or what it allows',
      },
    },
    references: [
      'https://cloud.google.com/firewall/docs/firewalls',
      'https://cloud.google.com/compute/docs/reference/rest/v1/firewalls',
    ],
  },
  evaluate(rule) {
    const direction = factOf(rule.facts.direction, 'resource.data.direction');
    const disabled = factOf(rule.facts.disabled, 'resource.data.disabled');
    const sources = factOf(rule.facts.sourceRanges, 'resource.data.sourceRanges');
    const allowed = factOf(rule.facts.allowed, 'resource.data.allowed');
    if (direction.source === 'unknown') return undetermined('unknown', [direction]);
    if (direction.value.toUpperCase() !== 'INGRESS') return notApplicable('egress', [direction]);
    if (allowed.value?.length === 0) return notApplicable('denyRule', [allowed]);
    if (disabled.value === true) return pass('disabled', [disabled]);
    if (sources.source === 'unknown') return undetermined('unknown', [sources]);
    // A rule's source ranges are a union: 0.0.0.0/1 with 128.0.0.0/1 is the internet too.
    const internet = internetSources(sources.value);
    if (internet.length === 0)
      return pass('notFromInternet', [direction, sources], { sources: sources.value });
    if (allowed.source === 'unknown' || disabled.source === 'unknown')
      return undetermined('unknown', [allowed, disabled]);

    const evidence = [direction, disabled, sources, allowed];
    const data = { sources: internet, allowed: allowed.value.map(describe) };
    if (allowed.value.some(opensAllPorts)) return fail('allPorts', evidence, data);
    if (allowed.value.some(opensManagementPort)) return fail('managementPorts', evidence, data);
    return pass('safePorts', evidence, { allowed: data.allowed });
  },
});

/** Port ranges as [from, to]; an entry without ports opens every port of its protocol. */
function portRanges(entry: GcpFirewallAllow): [number, number][] {
  if (entry.ports.length === 0) return [[0, 65535]];
  return entry.ports.map((port) => {
    const [from = Number.NaN, to = from] = port.split('-').map(Number);
    return [from, to];
  });
}

function opensAllPorts(entry: GcpFirewallAllow): boolean {
  if (entry.protocol === 'all') return true;
  return (
    PORT_PROTOCOLS.has(entry.protocol) && portRanges(entry).some(([from, to]) => from <= 1 && to >= 65535)
  );
}

function opensManagementPort(entry: GcpFirewallAllow): boolean {
  if (!PORT_PROTOCOLS.has(entry.protocol)) return false;
  return portRanges(entry).some(([from, to]) => MANAGEMENT_PORTS.some((port) => from <= port && port <= to));
}

/** An allowed entry as gcloud's `--allow` writes it: `tcp:22,80`, or `tcp` for every port of the protocol. */
function describe(entry: GcpFirewallAllow): string {
  return entry.ports.length > 0 ? `${entry.protocol}:${entry.ports.join(',')}` : entry.protocol;
}
