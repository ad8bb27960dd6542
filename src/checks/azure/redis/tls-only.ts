import type { AzureRedisFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFacts, requirement } from '../../verdict.ts';
import { refusesLegacyTls } from '../lib/tls.ts';

export default defineCheck({
  meta: {
    id: 'azure.redis.tls-only',
    provider: 'azure',
    resourceTypes: ['cache.cluster'],
    // Azure Managed Redis and Redis Enterprise: the cluster's minimum TLS, and its databases'
    // clientProtocol (Plaintext: no TLS) read as the non-TLS port.
    nativeTypes: ['microsoft.cache/redis', 'microsoft.cache/redisenterprise'],
    severity: 'medium',
    title: {
      ja: 'Azure Cache for Redis が TLS 1.2 以上の接続のみを受け付ける',
      en: 'Azure Cache for Redis accepts only TLS 1.2 or later connections',
    },
    rationale: {
      ja: 'TLS を使わないポート（6379）を開くと、キャッシュのデータとアクセス キーが暗号化されずに流れます。TLS 1.0/1.1 には既知の脆弱性があります。',
      en: 'The non-TLS port (6379) sends cached data and access keys unencrypted; TLS 1.0 and 1.1 have known weaknesses.',
    },
    remediation: {
      ja: 'Azure portal の [Azure Cache for Redis] > [設定] > [詳細設定] で「非 TLS ポート」をオフ、「最小 TLS バージョン」を 1.2 にします。CLI: az redis update --name <キャッシュ名> --resource-group <リソース グループ> --set enableNonSslPort=false minimumTlsVersion=1.2。Azure Managed Redis / Redis Enterprise では、データベースのクライアント プロトコルを暗号化にします: az redisenterprise database update --cluster-name <クラスター名> --resource-group <リソース グループ> --client-protocol Encrypted',
      en: 'In the Azure portal, Azure Cache for Redis > Settings > Advanced settings, turn off "Non-TLS port" and set "Minimum TLS version" to 1.2. CLI: az redis update --name <cache> --resource-group <resource group> --set enableNonSslPort=false minimumTlsVersion=1.2. On Azure Managed Redis and Redis Enterprise, set each database client protocol to Encrypted: az redisenterprise database update --cluster-name <cluster> --resource-group <resource group> --client-protocol Encrypted',
    },
    messages: {
      compliant: {
        ja: '非 TLS ポートは無効で、最小 TLS バージョンは 1.2 以上です',
        en: 'The non-TLS port is off and the minimum TLS version is 1.2 or later',
      },
      nonCompliant: {
        ja: '準拠していない設定があります: {{failing}}',
        en: 'Settings not compliant: {{failing}}',
      },
      unknown: {
        ja: 'エクスポートから {{unknown}} が読み取れません',
        en: '{{unknown}} cannot be read from the export',
      },
    },
    references: ['https://learn.microsoft.com/azure/azure-cache-for-redis/cache-remove-tls-10-11'],
  },
  evaluate(cache: Resource<AzureRedisFacts>) {
    return decideOnFacts(
      [
        requirement(factOf(cache.facts.enableNonSslPort, 'properties.enableNonSslPort'), (open) => !open),
        requirement(factOf(cache.facts.minimumTlsVersion, 'properties.minimumTlsVersion'), refusesLegacyTls),
      ],
      { pass: 'compliant', fail: 'nonCompliant', unknown: 'unknown' },
    );
  },
});
