import type { AzureStorageAccountFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';
import { refusesLegacyTls } from '../lib/tls.ts';

export default defineCheck({
  meta: {
    id: 'azure.storage.minimum-tls',
    provider: 'azure',
    resourceTypes: ['storage.account'],
    // Classic (Service Management) storage accounts carry none of the settings this reads.
    nativeTypes: ['microsoft.storage/storageaccounts'],
    severity: 'medium',
    title: {
      ja: 'ストレージ アカウントの最小 TLS バージョンが TLS 1.2 以上になっている',
      en: 'Storage accounts require TLS 1.2 or later',
    },
    rationale: {
      ja: 'TLS 1.0/1.1 には既知の脆弱性があります。最小バージョンを TLS 1.2 にすれば古いプロトコルでの接続を拒否できます。',
      en: 'TLS 1.0 and 1.1 have known weaknesses; a TLS 1.2 minimum refuses connections over the old protocols.',
    },
    remediation: {
      ja: 'Azure portal の [ストレージ アカウント] > [設定] > [構成] で「最小 TLS バージョン」を「バージョン 1.2」にします。CLI: az storage account update --name <アカウント名> --resource-group <リソース グループ> --min-tls-version TLS1_2',
      en: 'In the Azure portal, Storage account > Settings > Configuration, set "Minimum TLS version" to Version 1.2. CLI: az storage account update --name <account> --resource-group <resource group> --min-tls-version TLS1_2',
    },
    messages: {
      modern: {
        ja: '最小 TLS バージョンは {{value}} です',
        en: 'The minimum TLS version is {{value}}',
      },
      legacy: {
        ja: '最小 TLS バージョンが {{value}} です。TLS1_2 以上にしてください',
        en: 'The minimum TLS version is {{value}}: require TLS1_2 or later',
      },
      unknown: {
        ja: 'エクスポートから minimumTlsVersion が読み取れません',
        en: 'minimumTlsVersion cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version',
    ],
  },
  evaluate(account: Resource<AzureStorageAccountFacts>) {
    return decideOnFact(
      factOf(account.facts.minimumTlsVersion, 'properties.minimumTlsVersion'),
      refusesLegacyTls,
      { pass: 'modern', fail: 'legacy', unknown: 'unknown' },
    );
  },
});
