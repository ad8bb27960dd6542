import {
  type AzureDatabaseFacts,
  type AzureDatabaseFirewallRuleFacts,
  securedByPerimeter,
} from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import { internetSources } from '../../../model/internet-sources.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, fail, type InventoryView, undetermined } from '../../check.ts';
import { lookupBy, prefixesEndingWith } from '../../lookup.ts';
import { decideOnFact, evidenceFrom } from '../../verdict.ts';
import { SERVER_NATIVE_TYPES } from '../lib/database.ts';

export default defineCheck({
  meta: {
    id: 'azure.database.public-network-access',
    provider: 'azure',
    resourceTypes: ['database.server', 'database.instance'],
    // A SQL database (microsoft.sql/servers/databases) takes these settings from its logical server.
    nativeTypes: SERVER_NATIVE_TYPES,
    severity: 'high',
    title: {
      ja: 'データベースのパブリック ネットワーク アクセスが無効になっている',
      en: 'Databases have public network access disabled',
    },
    rationale: {
      ja: 'パブリック エンドポイントがあるデータベースは、ファイアウォール規則ひとつの誤りでインターネットから接続できるようになります。プライベート エンドポイントや VNet 統合で閉域からのみ接続させます。',
      en: 'A database with a public endpoint is one firewall-rule mistake away from the internet; connect through private endpoints or VNet integration only.',
    },
    remediation: {
      ja: 'プライベート エンドポイントを作成してから、Azure portal の [ネットワーク] で「パブリック アクセス」を無効にします。CLI: az sql server update --name <サーバー名> --resource-group <リソース グループ> --enable-public-network false / az postgres flexible-server update --name <サーバー名> --resource-group <リソース グループ> --public-access Disabled / az cosmosdb update --name <アカウント名> --resource-group <リソース グループ> --public-network-access DISABLED',
      en: 'Create a private endpoint, then disable public access under Networking in the Azure portal. CLI: az sql server update --name <server> --resource-group <resource group> --enable-public-network false / az postgres flexible-server update --name <server> --resource-group <resource group> --public-access Disabled / az cosmosdb update --name <account> --resource-group <resource group> --public-network-access DISABLED',
    },
    messages: {
      closed: {
        ja: 'パブリック ネットワーク アクセスは無効です（publicNetworkAccess = {{value}}）',
        en: 'Public network access is disabled (publicNetworkAccess = {{value}})',
      },
      open: {
        ja: 'パブリック ネットワーク アクセスが有効です（publicNetworkAccess = {{value}}）',
        en: 'Public network access is enabled (publicNetworkAccess = {{value}})',
      },
      unknown: {
        ja: 'エクスポートから publicNetworkAccess が読み取れません',
        en: 'publicNetworkAccess cannot be read from the export',
      },
      perimeter: {
        ja: 'パブリック ネットワーク アクセスはネットワーク セキュリティ境界に委ねられています（publicNetworkAccess = {{value}}）。境界のアクセス規則がパブリックなアドレスを許可しているかはエクスポートからわかりません',
        en: "Public network access is left to a network security perimeter (publicNetworkAccess = {{value}}): whether the perimeter's access rules admit public addresses is not in the export",
      },
      openToInternet: {
        ja: 'パブリック ネットワーク アクセスが有効で、ファイアウォール規則 {{rules}} がインターネット全体からの接続を許可しています',
        en: 'Public network access is enabled and firewall rules {{rules}} admit the whole internet',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings',
      'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private-link',
      'https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall',
    ],
  },
  evaluate(database: Resource<AzureDatabaseFacts>, ctx) {
    const access = factOf(database.facts.publicNetworkAccess, 'properties.publicNetworkAccess');
    // The perimeter profile's inbound rules (address prefixes, subscriptions) are not the server's.
    if (access.source !== 'unknown' && securedByPerimeter(access.value))
      return undetermined('perimeter', [access], { value: access.value });
    const verdict = decideOnFact(access, (value) => value.toLowerCase() === 'disabled', {
      pass: 'closed',
      fail: 'open',
      unknown: 'unknown',
    });
    // Firewall rules admit clients only while public network access is enabled: they can make an
    // open server worse (the whole internet), never a closed one open.
    if (verdict.status !== 'FAIL') return verdict;
    const open = internetRules(database, ctx.inventory);
    if (open.length === 0) return verdict;
    return {
      ...fail('openToInternet', [...verdict.evidence, ...open.flatMap((rule) => rule.evidence)], {
        rules: open.map((rule) => rule.name),
      }),
      severity: 'critical',
    };
  },
});

/**
 * Rules of the server whose ranges, together, admit the internet: the server takes the union of
 * its rules, so 0.0.0.0–127.255.255.255 and 128.0.0.0–255.255.255.255 on two rules open it as one
 * 0.0.0.0–255.255.255.255 rule does (src/model/internet-sources.ts). 0.0.0.0–0.0.0.0 (Azure
 * services) holds no public address and never counts.
 */
function internetRules(
  server: Resource,
  inventory: InventoryView,
): { name: string; evidence: ReturnType<typeof evidenceFrom>[] }[] {
  const prefix = `${server.id.toLowerCase()}${FIREWALL_RULES}`;
  const ranges = rulesOfServer(
    inventory.inAccount('azure', server.account, 'network.firewall-rule'),
    prefix,
  ).map((rule) => {
    const facts = (rule as Resource<AzureDatabaseFirewallRuleFacts>).facts;
    const start = factOf(facts.startIpAddress, 'properties.startIpAddress');
    const end = factOf(facts.endIpAddress, 'properties.endIpAddress');
    return { rule, start, end, range: `${start.value ?? ''}-${end.value ?? ''}` };
  });
  const internet = new Set(internetSources(ranges.map(({ range }) => range)));
  return ranges
    .filter(({ range }) => internet.has(range))
    .map(({ rule, start, end }) => ({
      name: rule.name,
      evidence: [evidenceFrom(rule, start), evidenceFrom(rule, end)],
    }));
}

const FIREWALL_RULES = '/firewallrules/';

/** Firewall rules by their server's id (lower-cased) and `/firewallrules/`. */
const rulesOfServer = lookupBy((rule: Resource) => prefixesEndingWith(rule.id.toLowerCase(), FIREWALL_RULES));
