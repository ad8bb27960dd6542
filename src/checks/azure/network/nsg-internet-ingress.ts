import type { AzureNetworkSecurityGroupFacts, AzureNsgRule } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

/** SSH and RDP. */
const MANAGEMENT_PORTS = [22, 3389];
/** Protocols with ports, each decided on its own: a Deny for UDP does not close a TCP port. */
const PORT_PROTOCOLS = ['tcp', 'udp'] as const;

/** A rule as the check reads it: its texts lower-cased and its port ranges parsed, once. */
interface ReadRule {
  readonly name: string;
  readonly allows: boolean;
  /** Lower-cased. */
  readonly protocol: string;
  /** The source prefixes and service tags; a bare `0.0.0.0` is read as any address (`0.0.0.0/0`). */
  readonly sources: readonly string[];
  readonly portSpans: readonly (readonly [number, number])[];
}

function readRule(rule: AzureNsgRule): ReadRule {
  return {
    name: rule.name,
    allows: rule.access.toLowerCase() === 'allow',
    protocol: rule.protocol.toLowerCase(),
    sources: rule.sourcePrefixes.map((prefix) => (prefix.trim() === '0.0.0.0' ? '0.0.0.0/0' : prefix)),
    portSpans: rule.destinationPorts.map(portSpan),
  };
}

/** Whether the rule applies to `protocol` traffic. */
function appliesTo(rule: ReadRule, protocol: string): boolean {
  return rule.protocol === '*' || rule.protocol === 'any' || rule.protocol === protocol;
}

/** `*`, `22` or `20-30`, as [from, to]. */
function portSpan(range: string): [number, number] {
  if (range.trim() === '*') return [0, 65535];
  const [from, to = from] = range.split('-').map((part) => Number(part.trim()));
  return [from ?? Number.NaN, to ?? Number.NaN];
}

const includesPort =
  (port: number) =>
  ([from, to]: readonly [number, number]) =>
    from <= port && port <= to;

const isAllPorts = ([from, to]: readonly [number, number]) => from <= 1 && to >= 65535;

/**
 * The rules that let the internet reach traffic matching `matches`, per protocol, and their
 * sources. Rules apply by priority (lowest number first; rules arrive sorted): the Allows met so
 * far admit the union of their sources, so 0.0.0.0/1 on one rule and 128.0.0.0/1 on the next open
 * the port as `Internet` does; a Deny whose own sources are the internet closes the port to what
 * follows. A Deny for specific addresses, or for another protocol, does not close it to everyone.
 * https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
 */
function exposure(
  rules: readonly ReadRule[],
  matches: (span: readonly [number, number]) => boolean,
): { names: string[]; sources: string[] } | undefined {
  const names = new Set<string>();
  const sources = new Set<string>();
  for (const protocol of PORT_PROTOCOLS) {
    const allowing: ReadRule[] = [];
    for (const rule of rules) {
      if (!appliesTo(rule, protocol) || !rule.portSpans.some(matches)) continue;
      if (!rule.allows) {
        if (internetSources(rule.sources).length > 0) break;
        continue;
      }
      allowing.push(rule);
      const internet = internetSources(allowing.flatMap((allowed) => allowed.sources));
      if (internet.length === 0) continue;
      for (const allowed of allowing) {
        if (allowed.sources.some((source) => internet.includes(source))) names.add(allowed.name);
      }
      for (const source of internet) sources.add(source);
      break;
    }
  }
  return names.size > 0 ? { names: [...names], sources: [...sources] } : undefined;
}

export default defineCheck({
  meta: {
    id: 'azure.network.nsg-internet-ingress',
    provider: 'azure',
    resourceTypes: ['network.firewall'],
    // Azure Firewall shares the kansa type; its rules live in firewall policies, not securityRules.
    nativeTypes: ['microsoft.network/networksecuritygroups'],
    severity: 'high',
    title: {
      ja: 'NSG でインターネットから管理ポート（SSH・RDP）やすべてのポートへの受信が許可されていない',
      en: 'NSGs do not allow inbound traffic from the internet to management ports (SSH, RDP) or to all ports',
    },
    rationale: {
      ja: 'インターネットに開いた SSH・RDP は総当たり攻撃や脆弱性攻撃の標的になります。すべてのポートを開けると、意図しないサービスまで公開されます。',
      en: 'SSH and RDP open to the internet are targets of brute-force and exploit attempts; opening all ports exposes services nobody meant to publish.',
    },
    remediation: {
      ja: 'Azure portal の [ネットワーク セキュリティ グループ] > [受信セキュリティ規則] で該当する規則を削除するか、ソースを管理用の IP 範囲に限定します。管理アクセスには Azure Bastion や Just-In-Time VM アクセスを使います。CLI: az network nsg rule update --resource-group <リソース グループ> --nsg-name <NSG 名> --name <規則名> --source-address-prefixes <管理用 CIDR>（削除は az network nsg rule delete）',
      en: 'In the Azure portal, Network security group > Inbound security rules, delete the rule or restrict its source to the management IP ranges; use Azure Bastion or Just-in-time VM access for administration. CLI: az network nsg rule update --resource-group <resource group> --nsg-name <nsg> --name <rule> --source-address-prefixes <management CIDR> (or az network nsg rule delete)',
    },
    messages: {
      closed: {
        ja: 'インターネットから管理ポートやすべてのポートへの受信を許可する規則はありません',
        en: 'No rule allows inbound traffic from the internet to management ports or to all ports',
      },
      exposed: {
        ja: 'インターネットからの受信を許可する規則があります（規則名（ポート: 送信元）。* はすべてのポート）: {{exposures}}',
        en: 'Rules allow inbound traffic from the internet (rule (port: sources), * for all ports): {{exposures}}',
      },
      unknown: {
        ja: 'エクスポートから NSG の規則が読み取れません',
        en: 'The NSG rules cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
      'https://learn.microsoft.com/azure/virtual-network/service-tags-overview',
    ],
  },
  evaluate(nsg: Resource<AzureNetworkSecurityGroupFacts>) {
    const rules = factOf(nsg.facts.inboundRules, 'properties.securityRules');
    if (rules.source === 'unknown') return undetermined('unknown', [rules]);
    // Each rule read once, then asked about each port.
    const read = rules.value.map(readRule);
    const exposures = [
      ...MANAGEMENT_PORTS.map((port) => [exposure(read, includesPort(port)), String(port)] as const),
      // Every port as NSG rules write it: words would be one language's.
      [exposure(read, isAllPorts), '*'] as const,
    ].flatMap(([open, ports]) =>
      open ? [`${open.names.join(', ')} (${ports}: ${open.sources.join(', ')})`] : [],
    );
    return exposures.length > 0 ? fail('exposed', [rules], { exposures }) : pass('closed', [rules]);
  },
});
