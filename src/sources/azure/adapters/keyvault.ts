import type { AzureKeyVaultFacts, AzureKeyVaultKeyFacts } from '../../../model/azure.ts';
import { cloudDefault, derived, explicit, type Fact, unknown } from '../../../model/fact.ts';
import { type ArmRecord, getPath } from '../arm-record.ts';
import {
  asBoolean,
  asNumber,
  asString,
  derivedFact,
  notSet,
  propertyFact,
  type WhenAbsent,
} from '../property-facts.ts';
import type { Adapter } from './adapter.ts';
import { reachableThroughFirewall } from './network-access.ts';

/**
 * Soft delete and purge protection, named alike on vaults and managed HSMs; what an absent
 * `enablePurgeProtection` means differs between them (`purgeProtectionLeftOut`).
 */
function recoveryFacts(
  record: ArmRecord,
  purgeProtectionLeftOut: WhenAbsent<boolean>,
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
    purgeProtectionEnabled: propertyFact(
      record,
      ['enablePurgeProtection'],
      asBoolean,
      purgeProtectionLeftOut,
    ),
  };
}

/** A vault's purge protection: https://learn.microsoft.com/rest/api/keyvault/keyvault/vaults/get : null until enabled. */
const VAULT_PURGE_PROTECTION: WhenAbsent<boolean> = {
  default: false,
  note: {
    ja: '未設定: 消去保護は有効にするまで無効です',
    en: 'absent: purge protection is off until it is enabled',
  },
};

/**
 * A managed HSM's: `"default": true` in every stable managedHsm.json (2021-10-01 to 2024-11-01),
 * so a GET shows it on, and a template that leaves it out creates the pool with it on.
 */
const HSM_PURGE_PROTECTION: WhenAbsent<boolean> = {
  default: true,
  note: {
    ja: '未設定: マネージド HSM の消去保護は既定で有効です',
    en: 'absent: purge protection is on by default on a managed HSM',
  },
};

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
    // The swagger gives `"default": "enabled"` (2021-04-01-preview onwards; vaults from before the
    // property existed were reachable, subject to networkAcls). Values are written in either case.
    const publicNetworkAccess = propertyFact(record, ['publicNetworkAccess'], asString, {
      default: 'Enabled',
      note: {
        ja: '未設定: パブリック ネットワーク アクセスは既定で有効（ファイアウォール規則に従います）',
        en: 'absent: public network access is enabled by default, subject to the firewall rules',
      },
    });
    const networkDefaultAction = propertyFact(record, ['networkAcls.defaultAction'], asString, {
      // https://learn.microsoft.com/azure/key-vault/general/network-security
      default: 'Allow',
      note: {
        ja: '未設定: ファイアウォールがなく、すべてのネットワークからの接続を受け付けます',
        en: 'absent: no firewall, connections from all networks are accepted',
      },
    });
    return {
      skuName,
      ...recoveryFacts(record, VAULT_PURGE_PROTECTION),
      publicNetworkAccess,
      networkDefaultAction,
      reachableFromInternet: reachableThroughFirewall(
        record,
        publicNetworkAccess,
        networkDefaultAction,
        'networkAcls.ipRules',
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
    return {
      ...recoveryFacts(record, HSM_PURGE_PROTECTION),
      hsmBackedKey: derived(true, explicit(record.nativeType, 'type')),
    };
  },
};

/**
 * A key as the ARM management plane lists it (`GET …/vaults/<vault>/keys`): `attributes.exp` in
 * Unix seconds and the rotation policy. Keys have no expiry and no rotation policy until set.
 * https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation
 */
export const keyVaultKey: Adapter = {
  kansaType: 'kms.key',
  facts(record): AzureKeyVaultKeyFacts {
    const keyType = propertyFact(record, ['kty'], asString, NOT_EXPORTED);
    return {
      expiresOn: propertyFact(
        record,
        ['attributes.exp'],
        (value) => {
          const seconds = asNumber(value);
          return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
        },
        {
          default: null,
          note: { ja: '未設定: キーに有効期限はありません', en: 'absent: the key never expires' },
        },
      ),
      rotationPeriodDays: rotationPeriod(record),
      hsmBackedKey: derivedFact(keyType, (type) => type.toUpperCase().endsWith('-HSM')),
    };
  },
};

const NOT_EXPORTED = notSet('absent: not in this export', '未設定: このエクスポートに含まれていません');

/**
 * Days between automatic rotations: the `Rotate` action's `timeAfterCreate`, or the policy's
 * `expiryTime` less `timeBeforeExpiry`. Null when no action rotates the key.
 */
function rotationPeriod(record: ArmRecord): Fact<number | null> {
  const path = 'properties.rotationPolicy.lifetimeActions';
  // Without properties this says the row was projected without them (unknown).
  if (!record.properties) return propertyFact(record, ['rotationPolicy'], () => undefined, NOT_EXPORTED);
  const actions = getPath(record.properties, 'rotationPolicy.lifetimeActions');
  const rotate = Array.isArray(actions)
    ? actions.find((action) => String(getPath(action, 'action.type')).toLowerCase() === 'rotate')
    : undefined;
  if (!rotate) {
    return cloudDefault(null, path, {
      ja: 'ローテーション ポリシーに Rotate アクションがなく、キーは自動ローテーションされません',
      en: 'the rotation policy has no Rotate action: the key is not rotated automatically',
    });
  }
  const afterCreate = isoDurationDays(getPath(rotate, 'trigger.timeAfterCreate'));
  if (afterCreate !== undefined) return explicit(afterCreate, `${path}[].trigger.timeAfterCreate`);
  const expiry = isoDurationDays(getPath(record.properties, 'rotationPolicy.attributes.expiryTime'));
  const beforeExpiry = isoDurationDays(getPath(rotate, 'trigger.timeBeforeExpiry'));
  if (expiry !== undefined && beforeExpiry !== undefined) {
    return explicit(expiry - beforeExpiry, `${path}[].trigger.timeBeforeExpiry`);
  }
  return unknown(`${path}[].trigger`, {
    ja: 'Rotate アクションの実行時期が読み取れません',
    en: 'cannot tell when the Rotate action runs',
  });
}

/** ISO 8601 durations as Key Vault writes them (P90D, P1Y, P3M, P2Y6M, P4W), in days. */
function isoDurationDays(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/i.exec(value);
  if (!match || value.length < 3) return undefined;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0));
  return (years ?? 0) * 365 + (months ?? 0) * 30 + (weeks ?? 0) * 7 + (days ?? 0);
}
