import type { AzureDatabaseFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, fail, undetermined } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';
import { SERVER_NATIVE_TYPES } from '../lib/database.ts';
import { refusesLegacyTls } from '../lib/tls.ts';

export default defineCheck({
  meta: {
    id: 'azure.database.minimum-tls',
    provider: 'azure',
    resourceTypes: ['database.server', 'database.instance'],
    // A SQL database (microsoft.sql/servers/databases) takes these settings from its logical server.
    nativeTypes: SERVER_NATIVE_TYPES,
    severity: 'medium',
    title: {
      ja: 'データベースの最小 TLS バージョンが TLS 1.2 以上になっている',
      en: 'Databases require TLS 1.2 or later',
    },
    rationale: {
      ja: 'TLS 1.0/1.1 には既知の脆弱性があります。データベースへの接続で古いプロトコルを拒否し、通信路上の盗聴や改ざんを防ぎます。',
      en: 'TLS 1.0 and 1.1 have known weaknesses; refusing them on database connections protects the data in transit from eavesdropping and tampering.',
    },
    remediation: {
      ja: 'Azure portal の [ネットワーク] > [接続] で「最小 TLS バージョン」を 1.2 にします。CLI: az sql server update --name <サーバー名> --resource-group <リソース グループ> --minimal-tls-version 1.2 / az cosmosdb update --name <アカウント名> --resource-group <リソース グループ> --minimal-tls-version Tls12。PostgreSQL / MySQL フレキシブル サーバーはサーバー パラメーター（ssl_min_protocol_version / tls_version、require_secure_transport=ON）で設定します',
      en: 'In the Azure portal, Networking > Connectivity, set "Minimum TLS version" to 1.2. CLI: az sql server update --name <server> --resource-group <resource group> --minimal-tls-version 1.2 / az cosmosdb update --name <account> --resource-group <resource group> --minimal-tls-version Tls12. PostgreSQL / MySQL flexible servers set it with server parameters (ssl_min_protocol_version / tls_version, require_secure_transport=ON)',
    },
    messages: {
      modern: { ja: '最小 TLS バージョンは {{value}} です', en: 'The minimum TLS version is {{value}}' },
      legacy: {
        ja: '最小 TLS バージョンが {{value}} です。1.2 以上にしてください',
        en: 'The minimum TLS version is {{value}}: require 1.2 or later',
      },
      unknown: {
        ja: 'エクスポートから最小 TLS バージョンが読み取れません',
        en: 'The minimum TLS version cannot be read from the export',
      },
      secureTransportUnknown: {
        ja: '最小 TLS バージョンは {{value}} ですが、require_secure_transport が読み取れないため、TLS なしの接続を拒否しているか判断できません',
        en: 'The minimum TLS version is {{value}}, but require_secure_transport could not be read: whether connections without TLS are refused is unknown',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version',
      'https://learn.microsoft.com/azure/cosmos-db/self-serve-minimum-tls-enforcement',
    ],
  },
  evaluate(database: Resource<AzureDatabaseFacts>) {
    // A flexible server that does not require TLS takes plain connections: no minimum holds.
    const secure = database.facts.requireSecureTransport;
    if (secure?.source === 'explicit' && !secure.value) {
      return fail('legacy', [secure], { value: 'require_secure_transport OFF' });
    }
    const minimal = factOf(database.facts.minimalTlsVersion, 'properties.minimalTlsVersion');
    const verdict = decideOnFact(minimal, refusesLegacyTls, {
      pass: 'modern',
      fail: 'legacy',
      unknown: 'unknown',
    });
    // A parameter that was asked for and could not be read (a live read that failed, a value
    // that does not parse) may be off: the minimum alone cannot pass the server. Not exported at
    // all, the minimum decides.
    if (verdict.status === 'PASS' && secure?.source === 'unknown') {
      return undetermined('secureTransportUnknown', [secure, minimal], { value: minimal.value });
    }
    return verdict;
  },
});
