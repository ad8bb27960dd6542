import { PUBLIC_ADDRESSES, union } from '../../../model/address-set.ts';
import { explicit, type Fact } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import {
  FIREWALL_POLICY_TYPE,
  type GcpFirewallEntry,
  type GcpFirewallPolicyFacts,
  type GcpFirewallPolicyRule,
} from '../../../model/gcp.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, defineCheck, type Evidence, fail, pass, undetermined } from '../../check.ts';
import {
  deniesAboveNode,
  deniesAboveProject,
  fromNonInternetOnly,
  rangesReachInternet,
  ruleShown,
} from '../lib/firewall-policies.ts';
import {
  addressesOfRanges,
  denialsOf,
  denyEvidence,
  everyPortLeft,
  opensEveryPort,
  opensPort,
  PROTOCOLS_WITH_PORTS,
  portLeft,
  protocolPorts,
  type ReadAllow,
  type ReadDeny,
  type Targets,
} from '../lib/firewall-rules.ts';

type Message =
  | 'notAssociated'
  | 'notFromInternet'
  | 'safePorts'
  | 'managementPorts'
  | 'allPorts'
  | 'closed'
  | 'rulesUnknown'
  | 'ruleUnknown';

/**
 * Source matchers whose addresses are all on the internet though the data does not list them:
 * geolocations (the external addresses of a country or region) and Google Threat Intelligence
 * lists (Tor exit nodes, public clouds, known malicious addresses).
 * https://cloud.google.com/firewall/docs/firewall-policies-rule-details#sources-for-rules
 */
const EXTERNAL_SOURCES = new Set(['srcRegionCodes', 'srcThreatIntelligences']);
/** Source matchers of the network's own instances only: secure tags name VM interfaces. */
const INTERNAL_SOURCES = new Set(['srcSecureTags']);

/** SSH and RDP, as the VPC rules' check asks of them. */
const MANAGEMENT_PORTS = [22, 3389];
/** Actions that admit the traffic they match, no later rule looked at (the second after inspection). */
const ADMITTING = new Set(['allow', 'apply_security_profile_group']);
/** Actions that keep matching traffic from the rules of lower priority in the policy. */
const STOPPING = new Set(['deny', 'goto_next']);

export default defineCheck<GcpFirewallPolicyFacts, Message>({
  meta: {
    id: 'gcp.compute.firewall-policy-internet-ingress',
    provider: 'gcp',
    resourceTypes: ['network.firewall'],
    nativeTypes: [FIREWALL_POLICY_TYPE],
    severity: 'high',
    title: {
      ja: 'ファイアウォール ポリシー（階層型・ネットワーク）がインターネットから管理ポート（22、3389）や全ポートへの通信を許可していない',
      en: 'Firewall policies (hierarchical, network) do not allow the internet to management ports (22, 3389) or all ports',
    },
    rationale: {
      ja: '組織やフォルダーの階層型ファイアウォール ポリシーの allow は、その下のすべてのプロジェクトの VPC ファイアウォール ルールより先に評価され、下位の拒否ルールを飛ばして通信を通します。ネットワーク ファイアウォール ポリシーの allow も、VPC ルールに当てはまらない通信を通します。SSH や RDP、全ポートをインターネットに開くと、総当たり攻撃や脆弱性の悪用の標的になります。',
      en: 'An allow in an organization’s or folder’s hierarchical firewall policy is evaluated before the VPC firewall rules of every project below it and admits the traffic past their denies; a network firewall policy’s allow admits what no VPC rule matched. SSH, RDP or all ports open to the internet invite brute-force attacks and exploitation.',
    },
    remediation: {
      ja: 'gcloud compute firewall-policies rules update <優先度> --firewall-policy=<ポリシー> --organization=<組織 ID> --src-ip-ranges=<許可する CIDR>（IAP 経由なら 35.235.240.0/20）で送信元を絞るか、--action=goto_next で下位に判断を委ねます。ネットワーク ポリシーは gcloud compute network-firewall-policies rules update を使います。',
      en: 'Narrow the sources with gcloud compute firewall-policies rules update <priority> --firewall-policy=<policy> --organization=<org id> --src-ip-ranges=<allowed CIDR> (35.235.240.0/20 for IAP), or leave the decision to the levels below with --action=goto_next; for a network policy, gcloud compute network-firewall-policies rules update.',
    },
    messages: {
      notAssociated: {
        ja: 'ポリシーはどの組織・フォルダー・ネットワークにも関連付けられておらず、ルールはどこにも適用されません',
        en: 'The policy is associated with no organization, folder or network: its rules apply nowhere',
      },
      notFromInternet: {
        ja: 'インターネットからの通信を許可する有効な上りルールはありません',
        en: 'No enabled ingress rule of the policy admits the internet',
      },
      safePorts: {
        ja: 'インターネットに開いているのは管理ポート以外の特定ポートのみです: {{allowed}}',
        en: 'Only specific non-management ports are open to the internet: {{allowed}}',
      },
      managementPorts: {
        ja: 'ルール {{rule}} がインターネット（{{sources}}）から管理ポートへの通信を許可しています: {{allowed}}',
        en: 'Rule {{rule}} allows the internet ({{sources}}) to management ports: {{allowed}}',
      },
      allPorts: {
        ja: 'ルール {{rule}} がインターネット（{{sources}}）から全ポートへの通信を許可しています: {{allowed}}',
        en: 'Rule {{rule}} allows the internet ({{sources}}) to all ports: {{allowed}}',
      },
      closed: {
        ja: '先に評価されるルール（このポリシーの優先度の高い deny・goto_next、上位の階層型ポリシーの deny）が、許可ルールがインターネットに開くはずの管理ポートや全ポートを先に止めています: {{denies}}',
        en: 'Rules evaluated first (deny and goto_next rules of the policy with a higher priority, denies of the hierarchical policies above) take what its allow rules would open to the internet on management ports or all ports: {{denies}}',
      },
      rulesUnknown: {
        ja: 'エクスポートにポリシーのルールがありません',
        en: 'The export does not show the policy’s rules',
      },
      ruleUnknown: {
        ja: 'ルール {{rule}} の向き・送信元・動作・プロトコルをエクスポートから判断できず、インターネットから管理ポートへの通信を許可するか分かりません',
        en: 'The export does not show enough of rule {{rule}} (direction, sources, action, protocols) to tell whether it admits the internet to management ports',
      },
    },
    references: [
      'https://cloud.google.com/firewall/docs/firewall-policies-overview',
      'https://cloud.google.com/firewall/docs/firewall-policies-rule-eval-order',
      'https://cloud.google.com/compute/docs/reference/rest/v1/firewallPolicies',
    ],
  },
  evaluate(policy, ctx) {
    const rules = factOf(policy.facts.rules, 'resource.data.rules');
    const targets = factOf(policy.facts.attachmentTargets, 'resource.data.associations');
    if (rules.source === 'unknown') return undetermined('rulesUnknown', [rules]);
    if (targets.value?.length === 0) return pass('notAssociated', [targets]);
    const sorted = [...rules.value].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    const above = deniesBefore(policy, ctx);
    const judgements = sorted.flatMap((rule) => {
      const judgement = judge(policy, rule, sorted, above);
      return judgement ? [{ rule, judgement }] : [];
    });
    const evidenceOf = (rule: GcpFirewallPolicyRule, cuts: readonly ReadDeny[]): Evidence[] => [
      targets,
      ruleFact(rule),
      ...denyEvidence(cuts),
    ];
    for (const kind of ['allPorts', 'managementPorts'] as const) {
      const open = judgements.find(({ judgement }) => judgement.kind === kind);
      if (open && open.judgement.kind === kind)
        return fail(kind, evidenceOf(open.rule, open.judgement.cuts), {
          rule: open.rule.name,
          sources: shownSources(open.judgement.internet, open.judgement.cuts),
          allowed: describe(open.rule.layer4 ?? []),
        });
    }
    const doubtful = judgements.find(({ judgement }) => judgement.kind === 'unknown');
    if (doubtful)
      return undetermined('ruleUnknown', [targets, ruleFact(doubtful.rule)], { rule: doubtful.rule.name });
    const cuts = [
      ...new Set(judgements.flatMap(({ judgement }) => (judgement.kind === 'closed' ? judgement.cuts : []))),
    ];
    if (cuts.length > 0)
      return pass('closed', [targets, ...denyEvidence(cuts)], {
        denies: cuts.map((cut) => cut.name).join(', '),
      });
    const safe = judgements.filter(({ judgement }) => judgement.kind === 'safe');
    if (safe.length > 0)
      return pass('safePorts', [targets, ...safe.map(({ rule }) => ruleFact(rule))], {
        allowed: safe.flatMap(({ rule }) => describe(rule.layer4 ?? [])),
      });
    return pass('notFromInternet', [targets, rules]);
  },
});

type Judgement =
  | {
      readonly kind: 'allPorts' | 'managementPorts';
      readonly internet: readonly string[];
      readonly cuts: readonly ReadDeny[];
    }
  | { readonly kind: 'closed'; readonly cuts: readonly ReadDeny[] }
  | { readonly kind: 'safe' | 'unknown' };

/**
 * What one rule opens to the internet, less what the policy's rules of higher priority take
 * first; undefined for a rule that admits nothing from outside (a deny, a goto_next, an egress
 * or disabled rule, a rule from private ranges). What the data does not show of a rule that may
 * open a management port is unknown.
 */
function judge(
  policy: Resource<GcpFirewallPolicyFacts>,
  rule: GcpFirewallPolicyRule,
  rules: readonly GcpFirewallPolicyRule[],
  above: readonly ReadDeny[],
): Judgement | undefined {
  if (rule.direction === 'EGRESS' || rule.disabled === true) return undefined;
  if (rule.action !== undefined && !ADMITTING.has(rule.action)) return undefined;
  // A packet matches the network context and the other sources both: a non-internet one admits
  // nothing from outside, whatever ranges the rule names.
  if (fromNonInternetOnly(rule)) return undefined;
  // The source is every address any matcher names: the external-only ones are the internet.
  const external = rule.otherSources.filter((field) => EXTERNAL_SOURCES.has(field));
  // Of a context not known, whether the ranges hold for internet traffic is not known.
  const reaches = rangesReachInternet(rule);
  const internet = reaches ? [...internetSources(rule.sourceRanges), ...external] : [];
  const unresolved =
    !reaches ||
    rule.otherSources.some((field) => !EXTERNAL_SOURCES.has(field) && !INTERNAL_SOURCES.has(field)) ||
    (rule.sourceRanges.length === 0 && rule.otherSources.length === 0);
  if (internet.length === 0 && !unresolved) return undefined;
  if (!rule.layer4) return { kind: 'unknown' };
  const entries = protocolPorts(rule.layer4);
  const everyPort = PROTOCOLS_WITH_PORTS.filter((protocol) =>
    entries.some((entry) => opensEveryPort(entry, protocol)),
  );
  const management = PROTOCOLS_WITH_PORTS.flatMap((protocol) =>
    MANAGEMENT_PORTS.filter((port) => entries.some((entry) => opensPort(entry, protocol, port))).map(
      (port) => ({ protocol, port }),
    ),
  );
  if (everyPort.length === 0 && management.length === 0)
    return internet.length > 0 ? { kind: 'safe' } : undefined;
  // Sources the data does not resolve (FQDNs, geolocations, threat lists) may be the internet.
  if (
    internet.length === 0 ||
    rule.action === undefined ||
    rule.direction === undefined ||
    rule.disabled === undefined
  )
    return { kind: 'unknown' };
  const allow: ReadAllow = {
    priority: rule.priority ?? 0,
    // External matchers' addresses are not listed: read as every public one, so that only a
    // deny of all of them surely takes them away.
    sources:
      external.length > 0
        ? union(PUBLIC_ADDRESSES, addressesOfRanges(rule.sourceRanges))
        : addressesOfRanges(rule.sourceRanges),
    targets: targetsOf(rule),
    destinations: rule.destinationRanges.length > 0 ? addressesOfRanges(rule.destinationRanges) : undefined,
  };
  // Of a priority not known, no rule surely comes first.
  const earlier = rule.priority === undefined ? [] : rules.flatMap((other) => cutOf(policy, other, rule));
  const denials = denialsOf(allow, [...above, ...earlier]);
  const cuts = new Set<ReadDeny>();
  // Of external sources read wide, what a deny leaves of part of them may be none of them.
  const surelyOpen = (left: { open: boolean; cuts: readonly ReadDeny[] }) =>
    left.open && (external.length === 0 || left.cuts.length === 0);
  for (const protocol of everyPort) {
    const left = everyPortLeft(allow, denials, protocol);
    if (surelyOpen(left)) return { kind: 'allPorts', internet, cuts: left.cuts };
    if (left.open) return { kind: 'unknown' };
    for (const cut of left.cuts) cuts.add(cut);
  }
  for (const { protocol, port } of management) {
    const left = portLeft(allow, denials, protocol, port);
    if (surelyOpen(left)) return { kind: 'managementPorts', internet, cuts: left.cuts };
    if (left.open) return { kind: 'unknown' };
    for (const cut of left.cuts) cuts.add(cut);
  }
  return { kind: 'closed', cuts: [...cuts] };
}

/**
 * A deny or goto_next of higher priority than `allow`, read as a deny of the VPC rules'
 * combination, when it surely applies to every network and instance the allow does.
 */
function cutOf(
  policy: Resource<GcpFirewallPolicyFacts>,
  rule: GcpFirewallPolicyRule,
  allow: GcpFirewallPolicyRule,
): ReadDeny[] {
  if (rule === allow || rule.action === undefined || !STOPPING.has(rule.action)) return [];
  if (rule.direction !== 'INGRESS' || rule.disabled !== false || rule.priority === undefined) return [];
  // A deny in a non-internet context takes nothing from the internet.
  if (!rangesReachInternet(rule)) return [];
  if (rule.priority >= (allow.priority ?? 0) || !rule.layer4 || rule.sourceRanges.length === 0) return [];
  if (rule.otherDestinations.length > 0) return [];
  const networks = new Set(rule.targetResources);
  if (
    networks.size > 0 &&
    (allow.targetResources.length === 0 || !allow.targetResources.every((n) => networks.has(n)))
  )
    return [];
  return [
    {
      resource: policy,
      name: rule.name,
      priority: rule.priority,
      sources: addressesOfRanges(rule.sourceRanges),
      denied: protocolPorts(rule.layer4),
      targets: targetsOf(rule),
      destinations: rule.destinationRanges.length > 0 ? addressesOfRanges(rule.destinationRanges) : undefined,
      evidence: [ruleFact(rule)],
    },
  ];
}

/**
 * The denies of the hierarchical policies evaluated before this policy where it applies: above
 * the organization or folder it is associated with, or above the project of the network it is
 * associated with (a network policy comes after them). Known only for a policy associated with
 * one node or network; the VPC rules a network policy also comes after are not counted.
 */
function deniesBefore(policy: Resource<GcpFirewallPolicyFacts>, ctx: CheckContext): readonly ReadDeny[] {
  const targets = policy.facts.attachmentTargets?.value;
  const target = targets?.length === 1 ? targets[0] : undefined;
  if (target === undefined) return [];
  if (target.startsWith('//cloudresourcemanager.googleapis.com/')) return deniesAboveNode(target, ctx);
  return policy.facts.policyKind?.value === 'network' ? deniesAboveProject(policy.account, target, ctx) : [];
}

/** A policy rule's instances: its secure tags stand where a VPC rule's network tags do. */
function targetsOf(rule: GcpFirewallPolicyRule): Targets {
  return { tags: new Set(rule.targetSecureTags), accounts: new Set(rule.targetServiceAccounts) };
}

function ruleFact(rule: GcpFirewallPolicyRule): Fact<unknown> {
  return explicit(ruleShown(rule), rule.path);
}

function shownSources(internet: readonly string[], cuts: readonly ReadDeny[]): string[] {
  return cuts.length > 0
    ? [`${internet.join(', ')} − ${cuts.map((cut) => cut.name).join(', ')}`]
    : [...internet];
}

/** Layer-4 entries as gcloud's `--layer4-configs` writes them: `tcp:22,80`, or `tcp` for every port. */
function describe(entries: readonly GcpFirewallEntry[]): string[] {
  return entries.map((entry) =>
    entry.ports.length > 0 ? `${entry.protocol}:${entry.ports.join(',')}` : entry.protocol,
  );
}
