import type { AzureStorageAccountFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';

export default defineCheck({
  meta: {
    id: 'azure.storage.https-only',
    provider: 'azure',
    resourceTypes: ['storage.account'],
    // Classic (Service Management) storage accounts carry none of the settings this reads.
    nativeTypes: ['microsoft.storage/storageaccounts'],
    severity: 'medium',
    title: {
      ja: 'ストレージ アカウントで安全な転送（HTTPS のみ）が必須になっている',
      en: 'Storage accounts require secure transfer (HTTPS only)',
    },
    rationale: {
      ja: 'HTTP を受け付けると、データや共有キー・SAS トークンが暗号化されずにネットワークを流れます。',
      en: 'Accepting HTTP lets data, shared keys and SAS tokens cross the network unencrypted.',
    },
    remediation: {
      ja: 'Azure portal の [ストレージ アカウント] > [設定] > [構成] で「安全な転送が必須」を有効にします。CLI: az storage account update --name <アカウント名> --resource-group <リソース グループ> --https-only true',
      en: 'In the Azure portal, Storage account > Settings > Configuration, enable "Secure transfer required". CLI: az storage account update --name <account> --resource-group <resource group> --https-only true',
    },
    messages: {
      httpsOnly: {
        ja: 'HTTPS のみを受け付けます（supportsHttpsTrafficOnly = {{value}}）',
        en: 'Only HTTPS is accepted (supportsHttpsTrafficOnly = {{value}})',
      },
      httpAllowed: {
        ja: 'HTTP の通信を受け付けます（supportsHttpsTrafficOnly = {{value}}）',
        en: 'HTTP traffic is accepted (supportsHttpsTrafficOnly = {{value}})',
      },
      unknown: {
        ja: 'エクスポートから supportsHttpsTrafficOnly が読み取れません',
        en: 'supportsHttpsTrafficOnly cannot be read from the export',
      },
    },
    references: ['https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer'],
  },
  evaluate(account: Resource<AzureStorageAccountFacts>) {
    return decideOnFact(
      factOf(account.facts.httpsTrafficOnly, 'properties.supportsHttpsTrafficOnly'),
      (httpsOnly) => httpsOnly,
      { pass: 'httpsOnly', fail: 'httpAllowed', unknown: 'unknown' },
    );
  },
});
