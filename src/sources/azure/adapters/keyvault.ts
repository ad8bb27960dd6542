import type { AzureKeyVaultFacts } from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import type { ArmRecord } from '../arm-record.ts';
import { asBoolean, asString, derivedFact, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

/** Soft delete and purge protection, named alike on vaults and managed HSMs. */
function recoveryFacts(
  record: ArmRecord,
): Pick<AzureKeyVaultFacts, 'softDeleteEnabled' | 'purgeProtectionEnabled'> {
  return {
    softDeleteEnabled: propertyFact(record, ['enableSoftDelete'], asBoolean, {
      // https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview
      default: true,
      note: {
        ja: '未設定: 論理的な削除は既定で有効（新しいキー コンテナーでは無効化できません）',
        en: 'absent: soft delete is on by default (it cannot be turned off on new vaults)',
      },
    }),
    purgeProtectionEnabled: propertyFact(record, ['enablePurgeProtection'], asBoolean, {
      // https://learn.microsoft.com/rest/api/keyvault/keyvault/vaults/get : null until enabled.
      default: false,
      note: {
        ja: '未設定: 消去保護は有効にするまで無効です',
        en: 'absent: purge protection is off until it is enabled',
      },
    }),
  };
}

export const keyVault: Adapter = {
  kansaType: 'kms.vault',
  facts(record): AzureKeyVaultFacts {
    // Key Vault's sku sits under properties (properties.sku.name), unlike most resources.
    const skuName = propertyFact(
      record,
      ['sku.name'],
      asString,
      notSet('absent: the export has no SKU', '未設定: エクスポートに SKU がありません'),
    );
    return {
      skuName,
      ...recoveryFacts(record),
      publicNetworkAccess: propertyFact(
        record,
        ['publicNetworkAccess'],
        asString,
        notSet('absent: not in this export', '未設定: このエクスポートに含まれていません'),
      ),
      // https://learn.microsoft.com/azure/key-vault/keys/about-keys : HSM-protected keys need the
      // premium SKU, which also holds software keys: only "standard" decides (no HSM keys).
      hsmBackedKey:
        skuName.source !== 'unknown' && skuName.value.toLowerCase() === 'premium'
          ? unknown(skuName.path, {
              ja: 'Premium のキー コンテナーはソフトウェア キーと HSM キーの両方を保持でき、キー種別はエクスポートにありません',
              en: 'a premium vault holds both software and HSM-protected keys; the key types are not in the export',
            })
          : derivedFact(skuName, () => false),
    };
  },
};

export const managedHsm: Adapter = {
  kansaType: 'kms.vault',
  facts(record): AzureKeyVaultFacts {
    // Every key in a Managed HSM pool is HSM-protected: the type itself says so.
    return { ...recoveryFacts(record), hsmBackedKey: explicit(true, 'type') };
  },
};
