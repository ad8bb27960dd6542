import type { AzureStorageAccountFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';

export default defineCheck({
  meta: {
    id: 'azure.storage.customer-managed-key',
    provider: 'azure',
    resourceTypes: ['storage.account'],
    // Classic (Service Management) storage accounts carry none of the settings this reads.
    nativeTypes: ['microsoft.storage/storageaccounts'],
    severity: 'low',
    title: {
      ja: 'ストレージ アカウントがカスタマー マネージド キーで暗号化されている',
      en: 'Storage accounts are encrypted with a customer-managed key',
    },
    rationale: {
      ja: 'カスタマー マネージド キー（Key Vault）なら、鍵のローテーション・無効化・アクセス監査を自組織で管理でき、鍵を無効にすればデータを読めなくできます。',
      en: 'With a customer-managed key in Key Vault the organization controls rotation, revocation and access auditing of the key, and can make the data unreadable by disabling it.',
    },
    remediation: {
      ja: 'Azure portal の [ストレージ アカウント] > [セキュリティとネットワーク] > [暗号化] で「カスタマー マネージド キー」を選び、Key Vault のキーを指定します。CLI: az storage account update --name <アカウント名> --resource-group <リソース グループ> --encryption-key-source Microsoft.Keyvault --encryption-key-vault <Key Vault URI> --encryption-key-name <キー名>（アカウントのマネージド ID にキーの権限が必要です）',
      en: "In the Azure portal, Storage account > Security + networking > Encryption, choose Customer-managed keys and select a Key Vault key. CLI: az storage account update --name <account> --resource-group <resource group> --encryption-key-source Microsoft.Keyvault --encryption-key-vault <key vault URI> --encryption-key-name <key> (the account's managed identity needs access to the key)",
    },
    messages: {
      customerKey: {
        ja: 'カスタマー マネージド キーで暗号化されています（keySource = {{value}}）',
        en: 'Encrypted with a customer-managed key (keySource = {{value}})',
      },
      microsoftKey: {
        ja: 'Microsoft マネージド キーで暗号化されています（keySource = {{value}}）',
        en: 'Encrypted with a Microsoft-managed key (keySource = {{value}})',
      },
      unknown: {
        ja: 'エクスポートから暗号化キーの種類が読み取れません',
        en: 'The encryption key source cannot be read from the export',
      },
    },
    references: ['https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview'],
  },
  evaluate(account: Resource<AzureStorageAccountFacts>) {
    return decideOnFact(
      factOf(account.facts.encryptionKeySource, 'properties.encryption.keySource'),
      (keySource) => keySource.toLowerCase() === 'microsoft.keyvault',
      { pass: 'customerKey', fail: 'microsoftKey', unknown: 'unknown' },
    );
  },
});
