import { factOf } from '../../../model/facts.ts';
import type { GcpFirewallEntry, GcpFirewallFacts } from '../../../model/gcp.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { policyDenies } from '../lib/firewall-policies.ts';
import {
  addressesOfRanges,
  denialsOf,
  denyEvidence,
  everyPortLeft,
  type Left,
  networkDenies,
  opensEveryPort,
  opensPort,
  PROTOCOLS_WITH_PORTS,
  portLeft,
  protocolPorts,
  type ReadAllow,
  type ReadDeny,
  targetsOf,
} from '../lib/firewall-rules.ts';

type Message =
  | 'notFromInternet'
  | 'safePorts'
  | 'managementPorts'
  | 'allPorts'
  | 'disabled'
  | 'egress'
  | 'denyRule'
  | 'denied'
  | 'policyDenied'
  | 'unknown';

/** SSH and RDP. */
const MANAGEMENT_PORTS = [22, 3389];

export default defineCheck<GcpFirewallFacts, Message>({
  meta: {
    id: 'gcp.compute.firewall-internet-ingress',
    provider: 'gcp',
    resourceTypes: ['network.firewall'],
    nativeTypes: ['compute.googleapis.com/Firewall'],
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
      denied: {
        ja: '同じネットワークの優先度が同じか高い拒否ルールが、このルールがインターネットに開くはずの管理ポートや全ポートを閉じています: {{denies}}',
        en: 'Deny rules of the same network with the same or a higher priority close what this rule would open to the internet on management ports or all ports: {{denies}}',
      },
      policyDenied: {
        ja: '上位の組織・フォルダーの階層型ファイアウォール ポリシーの拒否ルール（と同じネットワークの拒否ルール）が、このルールがインターネットに開くはずの管理ポートや全ポートを閉じています: {{denies}}',
        en: 'Deny rules of the hierarchical firewall policies of the organization or folders above (and of the same network) close what this rule would open to the internet on management ports or all ports: {{denies}}',
      },
      egress: { ja: '下り（EGRESS）のルールです（対象外）', en: 'An egress rule (not applicable)' },
      denyRule: { ja: '拒否ルールです（対象外）', en: 'A deny rule (not applicable)' },
      unknown: {
        ja: 'エクスポートからルールの向き・送信元・許可内容を判断できません',
        en: 'The export does not show the rule direction, sources or what it allows',
      },
    },
    references: [
      'https://cloud.google.com/firewall/docs/firewalls',
      'https://cloud.google.com/firewall/docs/firewalls#priority_order_for_firewall_rules',
      'https://cloud.google.com/firewall/docs/firewall-policies-rule-eval-order',
      'https://cloud.google.com/compute/docs/reference/rest/v1/firewalls',
    ],
  },
  evaluate(rule, ctx) {
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
    const entries = protocolPorts(allowed.value);
    const judge = judged(rule, ctx, sources.value);
    // Every port first: a rule open on every port is that finding, whatever else it opens.
    const everyPort = judge(
      PROTOCOLS_WITH_PORTS.filter((protocol) => entries.some((entry) => opensEveryPort(entry, protocol))).map(
        (protocol) => ({ protocol }),
      ),
    );
    const management = judge(
      PROTOCOLS_WITH_PORTS.flatMap((protocol) =>
        MANAGEMENT_PORTS.filter((port) => entries.some((entry) => opensPort(entry, protocol, port))).map(
          (port) => ({ protocol, port }),
        ),
      ),
    );
    const allowedText = allowed.value.map(describe);
    const shown = (cuts: readonly ReadDeny[]) => ({
      sources: cuts.length > 0 ? [`${internet.join(', ')} − ${namesOf(cuts)}`] : internet,
      allowed: allowedText,
    });
    const priority = factOf(rule.facts.priority, 'resource.data.priority');
    const withDenies = (cuts: readonly ReadDeny[]) =>
      cuts.length > 0 ? [...evidence, priority, ...denyEvidence(cuts)] : evidence;
    if (everyPort.open) return fail('allPorts', withDenies(everyPort.cuts), shown(everyPort.cuts));
    if (management.open) return fail('managementPorts', withDenies(management.cuts), shown(management.cuts));
    const closing = [...new Set([...everyPort.cuts, ...management.cuts])];
    if (closing.length > 0)
      return pass(
        closing.some((deny) => deny.resource.nativeType !== rule.nativeType) ? 'policyDenied' : 'denied',
        withDenies(closing),
        { denies: namesOf(closing) },
      );
    return pass('safePorts', evidence, { allowed: allowedText });
  },
});

/** One protocol, and a port of it (none: every port). */
interface Asked {
  readonly protocol: string;
  readonly port?: number;
}

/**
 * Judges what the rule opens (`asked`) against the deny rules of its network and of the
 * hierarchical firewall policies above its project (lib/firewall-policies.ts): open when one is
 * left open; the denies that cut into any of them are named. The denies are looked up only for a
 * rule that opens something asked of, once.
 */
function judged(rule: Resource<GcpFirewallFacts>, ctx: CheckContext, sourceRanges: readonly string[]) {
  let allow: ReadAllow | undefined;
  let denials: ReadDeny[] = [];
  return (asked: readonly Asked[]): Left => {
    const cuts = new Set<ReadDeny>();
    for (const { protocol, port } of asked) {
      if (!allow) {
        allow = readAllow(rule, sourceRanges);
        // The policies' denies first: they come before every VPC rule.
        denials = denialsOf(allow, [...policyDenies(rule, ctx), ...networkDenies(ctx.inventory, rule)]);
      }
      const left =
        port === undefined
          ? everyPortLeft(allow, denials, protocol)
          : portLeft(allow, denials, protocol, port);
      for (const deny of left.cuts) cuts.add(deny);
      if (left.open) return { open: true, cuts: [...cuts] };
    }
    return { open: false, cuts: [...cuts] };
  };
}

function readAllow(rule: Resource<GcpFirewallFacts>, sourceRanges: readonly string[]): ReadAllow {
  const destinations = rule.facts.destinationRanges?.value ?? [];
  return {
    // Of a priority not known, only the denies of the highest (0) surely come first.
    priority: rule.facts.priority?.value ?? 0,
    sources: addressesOfRanges(sourceRanges),
    // Targets or destinations not known: only a deny for every instance and destination surely covers it.
    targets: targetsOf(rule),
    destinations: destinations.length > 0 ? addressesOfRanges(destinations) : undefined,
  };
}

const namesOf = (denies: readonly ReadDeny[]) => denies.map((deny) => deny.name).join(', ');

/** An allowed entry as gcloud's `--allow` writes it: `tcp:22,80`, or `tcp` for every port of the protocol. */
function describe(entry: GcpFirewallEntry): string {
  return entry.ports.length > 0 ? `${entry.protocol}:${entry.ports.join(',')}` : entry.protocol;
}
