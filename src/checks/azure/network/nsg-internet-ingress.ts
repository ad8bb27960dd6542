import type { AzureNetworkSecurityGroupFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import {
  anyInternetAllow,
  type Exposure,
  everyPortExposure,
  portExposure,
  readRule,
} from '../lib/nsg-rules.ts';

/** SSH and RDP. */
const MANAGEMENT_PORTS = [22, 3389];
/** Protocols with ports, each decided on its own: a Deny for UDP does not close a TCP port. */
const PORT_PROTOCOLS = ['tcp', 'udp'] as const;

/**
 * `allow (port: sources)`, with ` − deny` naming the higher-priority Denies that took part of it
 * away; what is open is judged after them (lib/nsg-rules.ts).
 */
function describe(ports: string, exposures: readonly (Exposure | undefined)[]): string[] {
  const found = exposures.filter(
    (exposure): exposure is Exposure => exposure !== undefined && exposure.allows.length > 0,
  );
  if (found.length === 0) return [];
  const names = (pick: (exposure: Exposure) => readonly string[]) =>
    [...new Set(found.flatMap(pick))].join(', ');
  const denies = names((exposure) => exposure.denies);
  return [
    `${names((exposure) => exposure.allows)} (${ports}: ${names((exposure) => exposure.sources)}${denies ? ` − ${denies}` : ''})`,
  ];
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
        ja: 'インターネットからの受信を許可する規則があります（規則名（ポート: 送信元 − その一部を除く優先度の高い拒否規則）。* はすべてのポート）: {{exposures}}',
        en: 'Rules allow inbound traffic from the internet (rule (port: sources − higher-priority Deny rules that take part of it away), * for all ports): {{exposures}}',
      },
      denied: {
        ja: '優先度の高い拒否規則が、許可規則がインターネットに開くはずの管理ポートやすべてのポートを閉じています: {{denies}}',
        en: 'Higher-priority Deny rules close what Allow rules would open to the internet on management ports or all ports: {{denies}}',
      },
      unknown: {
        ja: 'エクスポートから NSG の規則が読み取れません',
        en: 'The NSG rules cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
      'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works',
      'https://learn.microsoft.com/azure/virtual-network/service-tags-overview',
    ],
  },
  evaluate(nsg: Resource<AzureNetworkSecurityGroupFacts>) {
    const rules = factOf(nsg.facts.inboundRules, 'properties.securityRules');
    if (rules.source === 'unknown') return undetermined('unknown', [rules]);
    // Each rule read once, then asked about each port and protocol.
    const read = rules.value.map(readRule);
    if (!anyInternetAllow(read)) return pass('closed', [rules]);
    const byPort = MANAGEMENT_PORTS.map(
      (port) => [String(port), PORT_PROTOCOLS.map((protocol) => portExposure(read, protocol, port))] as const,
    );
    // Every port as NSG rules write it: words would be one language's.
    const everyPort = ['*', PORT_PROTOCOLS.map((protocol) => everyPortExposure(read, protocol))] as const;
    const found = [...byPort, everyPort];
    const exposures = found.flatMap(([ports, exposure]) => describe(ports, exposure));
    if (exposures.length > 0) return fail('exposed', [rules], { exposures });
    const denies = new Set(found.flatMap(([, exposure]) => exposure.flatMap((each) => each?.denies ?? [])));
    return denies.size > 0
      ? pass('denied', [rules], { denies: [...denies].join(', ') })
      : pass('closed', [rules]);
  },
});
