import type { AzureDatabaseFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';
import { SERVER_NATIVE_TYPES } from '../lib/database.ts';

/** Values that close the public endpoint: private endpoints (or the perimeter) only. */
const CLOSED = new Set(['disabled', 'securedbyperimeter']);

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
        ja: 'パブリック ネットワーク アクセスが有効です（publicNetworkAccess = {{value}}、{{source}}）',
        en: 'Public network access is enabled (publicNetworkAccess = {{value}}, {{source}})',
      },
      unknown: {
        ja: 'エクスポートから publicNetworkAccess が読み取れません',
        en: 'publicNetworkAccess cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings',
      'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private-link',
      'https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall',
    ],
  },
  evaluate(database: Resource<AzureDatabaseFacts>) {
    return decideOnFact(
      factOf(database.facts.publicNetworkAccess, 'properties.publicNetworkAccess'),
      (access) => CLOSED.has(access.toLowerCase()),
      { pass: 'closed', fail: 'open', unknown: 'unknown' },
    );
  },
});
