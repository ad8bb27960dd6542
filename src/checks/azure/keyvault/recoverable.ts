import type { AzureKeyVaultFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFacts, requirement } from '../../verdict.ts';

export default defineCheck({
  meta: {
    id: 'azure.keyvault.recoverable',
    provider: 'azure',
    resourceTypes: ['kms.vault'],
    severity: 'high',
    title: {
      ja: 'キー コンテナーで論理的な削除と消去保護が有効になっている',
      en: 'Key vaults have soft delete and purge protection enabled',
    },
    rationale: {
      ja: '暗号化キーを失うと、そのキーで暗号化したデータも失われます。消去保護があれば、誤操作や攻撃者による削除でも保持期間中はキーを復元できます。',
      en: 'Losing an encryption key loses the data it protects; purge protection keeps deleted keys recoverable for the retention period, even against a malicious purge.',
    },
    remediation: {
      ja: 'Azure portal の [キー コンテナー] > [設定] > [プロパティ] で「消去保護を有効にする」を選びます（有効化後は無効にできません）。CLI: az keyvault update --name <キー コンテナー名> --resource-group <リソース グループ> --enable-purge-protection true',
      en: 'In the Azure portal, Key vault > Settings > Properties, select "Enable purge protection" (it cannot be turned off afterwards). CLI: az keyvault update --name <vault> --resource-group <resource group> --enable-purge-protection true',
    },
    messages: {
      recoverable: {
        ja: '論理的な削除と消去保護が有効です',
        en: 'Soft delete and purge protection are enabled',
      },
      notRecoverable: {
        ja: '無効な保護があります: {{failing}}',
        en: 'Protection not enabled: {{failing}}',
      },
      unknown: {
        ja: 'エクスポートから {{unknown}} が読み取れません',
        en: '{{unknown}} cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview',
      'https://learn.microsoft.com/azure/key-vault/general/key-vault-recovery',
    ],
  },
  evaluate(vault: Resource<AzureKeyVaultFacts>) {
    return decideOnFacts(
      [
        requirement(factOf(vault.facts.softDeleteEnabled, 'properties.enableSoftDelete'), (on) => on),
        requirement(
          factOf(vault.facts.purgeProtectionEnabled, 'properties.enablePurgeProtection'),
          (on) => on,
        ),
      ],
      { pass: 'recoverable', fail: 'notRecoverable', unknown: 'unknown' },
    );
  },
});
