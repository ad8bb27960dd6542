import type { AwsIpIngressRule, AwsPrefixListFacts, AwsSecurityGroupFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, type Evidence, fail, type InventoryView, pass, undetermined } from '../../check.ts';
import { lookupBy } from '../../lookup.ts';
import { evidenceFrom } from '../../verdict.ts';

/** SSH and RDP: administration ports that must never face the internet. */
const MANAGEMENT_PORTS = [22, 3389];
/** Protocols whose ports mean something (ICMP's "ports" are types and codes). */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', '6', '17']);
const MAX_PORT = 65535;

/**
 * What an open rule exposes (every port, a management port), as `source → protocol:ports` in the
 * security group's own values (`-1`: all traffic), which read alike in both languages; undefined
 * when it exposes nothing this check cares about.
 */
function exposure(rule: AwsIpIngressRule): string | undefined {
  if (rule.protocol === '-1') return `${rule.source} → -1`;
  if (!PORT_PROTOCOLS.has(rule.protocol)) return undefined;
  const from = Math.max(rule.fromPort ?? 0, 0);
  const to = Math.min(rule.toPort ?? MAX_PORT, MAX_PORT);
  const opened = `${rule.source} → ${rule.protocol}:${from === to ? from : `${from}-${to}`}`;
  if (from === 0 && to === MAX_PORT) return opened;
  return MANAGEMENT_PORTS.some((port) => from <= port && port <= to) ? opened : undefined;
}

export default defineCheck<
  AwsSecurityGroupFacts,
  'closed' | 'open' | 'unknown' | 'unresolvedPrefixList' | 'sourcesAfterApply'
>({
  meta: {
    id: 'aws.ec2.security-group-open-ports',
    provider: 'aws',
    resourceTypes: ['network.firewall'],
    severity: 'high',
    title: {
      ja: 'セキュリティグループがインターネットに管理ポート（22、3389）や全ポートを開いていない',
      en: 'Security groups do not open management ports (22, 3389) or all ports to the internet',
    },
    rationale: {
      ja: 'SSH・RDP や全ポートを 0.0.0.0/0・::/0 に開くと、インターネット中からの総当たり攻撃や脆弱性の悪用にさらされます。管理アクセスは踏み台、Session Manager、VPN など閉じた経路に限ります。',
      en: 'SSH, RDP or every port open to 0.0.0.0/0 or ::/0 invites brute force and exploits from the whole internet; administration belongs on closed paths (Session Manager, VPN, a bastion).',
    },
    remediation: {
      ja: 'aws ec2 revoke-security-group-ingress --group-id <グループ ID> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}] のように該当ルールを削除し、必要なら社内の CIDR に限定して追加します。管理作業には AWS Systems Manager Session Manager を推奨します（コンソール: EC2 →「セキュリティグループ」→ 対象 →「インバウンドルールを編集」）。',
      en: 'Remove the rule, e.g. aws ec2 revoke-security-group-ingress --group-id <group id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}], and add back only your own CIDRs if needed; prefer AWS Systems Manager Session Manager for administration (console: EC2 → Security Groups → the group → Edit inbound rules).',
    },
    messages: {
      closed: {
        ja: 'セキュリティグループ {{group}} はインターネットに管理ポートや全ポートを開いていません',
        en: 'Security group {{group}} opens no management port and not all ports to the internet',
      },
      open: {
        ja: 'セキュリティグループ {{group}} がインターネットに開いています（送信元 → プロトコル:ポート。プロトコル -1 はすべての通信）: {{rules}}',
        en: 'Security group {{group}} is open to the internet (source → protocol:ports; protocol -1 is all traffic): {{rules}}',
      },
      unknown: {
        ja: 'セキュリティグループ {{group}} のインバウンドルールがエクスポートにありません',
        en: 'The export does not show the inbound rules of security group {{group}}',
      },
      sourcesAfterApply: {
        ja: 'セキュリティグループ {{group}} には送信元が適用後に決まるルールがあるため（送信元の属性 → プロトコル:ポート）、インターネットに開いているか判断できません: {{rules}}',
        en: 'Security group {{group}} has rules whose sources are known only after apply (source attribute → protocol:ports), so whether the internet is let in cannot be told: {{rules}}',
      },
      unresolvedPrefixList: {
        ja: 'セキュリティグループ {{group}} のルールの送信元がプレフィックスリスト（{{lists}}）で、その内容がエクスポートにないためインターネットに開いているか判断できません',
        en: 'Security group {{group}} admits managed prefix lists ({{lists}}) whose entries are not in the export, so whether the internet is let in cannot be told',
      },
    },
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13',
    ],
  },
  evaluate(resource, ctx) {
    const data = { group: resource.name };
    const ingress = factOf(resource.facts.ipIngress, 'configuration.ipPermissions');
    if (ingress.source === 'unknown') return undetermined('unknown', [ingress], data);
    const viaLists = prefixListGrants(resource, ctx.inventory);
    const grants = [...ingress.value.map((rule) => ({ rule, cidr: rule.source })), ...viaLists.grants];
    const opening = openingGrants(grants);
    const open = [...new Set(opening.flatMap((grant) => exposure(grant.rule) ?? []))];
    const evidence = [
      ingress,
      ...viaLists.evidence.filter((_, index) => opening.some((grant) => grant.list === index)),
    ];
    if (open.length > 0) return fail('open', evidence, { ...data, rules: open });
    // A plan's rule whose sources are known only after apply may admit anything: it decides only
    // when it reaches a port that matters (a rule for 5432 opens no management port whatever its source).
    const later = resource.facts.ingressFromUnknownSources;
    if (later?.source === 'unknown') return undetermined('unknown', [...evidence, later], data);
    const pending = [...new Set((later?.value ?? []).flatMap((rule) => exposure(rule) ?? []))];
    if (later && pending.length > 0)
      return undetermined('sourcesAfterApply', [...evidence, later], { ...data, rules: pending });
    // Rules naming prefix lists the export holds in a form kansa cannot read may open anything.
    if (viaLists.unreadable) return undetermined('unknown', [...evidence, viaLists.unreadable], data);
    if (viaLists.unresolved.length > 0) {
      return undetermined('unresolvedPrefixList', evidence, { ...data, lists: viaLists.unresolved });
    }
    return pass('closed', evidence, data);
  },
});

/**
 * One source a rule admits: the rule as the finding names it, and its CIDR (for a managed prefix
 * list, one entry of the list and the index of the list's evidence).
 */
interface Grant {
  readonly rule: AwsIpIngressRule;
  readonly cidr: string;
  readonly list?: number;
}

/** What must not face the internet: every port and each management port, per protocol. */
const TARGETS = (['tcp', 'udp'] as const).flatMap((protocol) =>
  [[0, MAX_PORT] as const, ...MANAGEMENT_PORTS.map((port) => [port, port] as const)].map(([from, to]) => ({
    protocol,
    from,
    to,
  })),
);
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp' };

/**
 * The grants that let the internet reach a target. A group admits the union of its rules'
 * sources, so 0.0.0.0/1 on one rule and 128.0.0.0/1 on another open SSH as 0.0.0.0/0 does: the
 * sources of every rule covering the target are decided together.
 */
function openingGrants(grants: readonly Grant[]): Grant[] {
  // No subset of the grants admits the internet when all of them together do not (most groups).
  if (internetSources(grants.map((grant) => grant.cidr)).length === 0) return [];
  const opening = new Set<Grant>();
  for (const target of TARGETS) {
    const covering = grants.filter(({ rule }) => {
      if (rule.protocol === '-1') return true;
      if ((PROTOCOL_NAMES[rule.protocol] ?? rule.protocol) !== target.protocol) return false;
      return (rule.fromPort ?? 0) <= target.from && target.to <= (rule.toPort ?? MAX_PORT);
    });
    const internet = new Set(internetSources(covering.map((grant) => grant.cidr)));
    for (const grant of covering) if (internet.has(grant.cidr)) opening.add(grant);
  }
  return grants.filter((grant) => opening.has(grant));
}

/**
 * Rules whose source is a managed prefix list open their ports to every CIDR in the list, so each
 * entry is a grant of the rule. A list that is not in the inventory (or whose entries are not)
 * cannot be resolved, which is never a pass.
 * https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
 */
function prefixListGrants(
  group: Resource<AwsSecurityGroupFacts>,
  inventory: InventoryView,
): { grants: Grant[]; unresolved: string[]; evidence: Evidence[]; unreadable?: Evidence } {
  const rules = group.facts.prefixListIngress;
  const result = { grants: [] as Grant[], unresolved: [] as string[], evidence: [] as Evidence[] };
  if (!rules) return result;
  if (rules.source === 'unknown') return { ...result, unreadable: rules };
  const lists = inventory.inAccount(
    'aws',
    group.account,
    'network.prefix-list',
  ) as Resource<AwsPrefixListFacts>[];
  for (const rule of rules.value) {
    if (exposure({ ...rule, source: rule.prefixListId }) === undefined) continue;
    const list = listsById(lists, rule.prefixListId)[0];
    const cidrs = list ? factOf(list.facts.cidrs, 'configuration.Entries') : undefined;
    if (!list || !cidrs || cidrs.source === 'unknown') {
      if (!result.unresolved.includes(rule.prefixListId)) result.unresolved.push(rule.prefixListId);
      continue;
    }
    const index = result.evidence.push(evidenceFrom(list, cidrs)) - 1;
    for (const cidr of cidrs.value) {
      result.grants.push({ rule: { ...rule, source: `${rule.prefixListId} (${cidr})` }, cidr, list: index });
    }
  }
  return result;
}

/** Managed prefix lists by their id. */
const listsById = lookupBy((list: Resource<AwsPrefixListFacts>) => {
  const id = list.facts.prefixListId?.value;
  return id === undefined ? [] : [id];
});
