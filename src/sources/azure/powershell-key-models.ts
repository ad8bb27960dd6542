import { isObject, type JsonObject } from './arm-record.ts';
import { HSM_KEY_TYPE, holderIds, VAULT_KEY_TYPE } from './keyvault-data-plane.ts';
import type { PowerShellModel } from './powershell-model.ts';

/**
 * Key Vault keys as Az.KeyVault writes them (Models/Key/): `Get-AzKeyVaultKey` (PSKeyVaultKey, and
 * the listing's PSKeyVaultKeyIdentityItem: `VaultName`, `Name`, `Expires`, `Enabled`) and
 * `Get-AzKeyVaultKeyRotationPolicy` (PSKeyRotationPolicy: `LifetimeActions` of `Action`,
 * `TimeAfterCreate`, `TimeBeforeExpiry`, and `ExpiresIn`, each a .NET TimeSpan). A key names its
 * vault, not the vault's subscription or resource group, as the data plane does: it is read as the
 * ARM key record under the placeholder scope (keyvault-data-plane.ts), the key and its rotation
 * policy merging into one key.
 */
export const KEY_MODELS: readonly PowerShellModel[] = [
  {
    cmdlet: 'Get-AzKeyVaultKey (PSKeyVaultKey, PSKeyVaultKeyIdentityItem)',
    type: 'Microsoft.KeyVault/vaults/keys',
    keys: ['VaultName', 'Version', 'Expires', 'IsHsm'],
    fields: [
      ['Name', 'name'],
      ['Tags', 'tags'],
      ['Enabled', 'properties.attributes.enabled'],
      ['Expires', 'properties.attributes.exp'],
      ['Attributes.KeyType', 'properties.kty'],
    ],
    values: { Expires: unixSeconds },
    computed: [
      {
        armPath: 'id',
        from: ['VaultName', 'Name'],
        value: (object) => keyId(object, object.VaultName, object.Name),
      },
      { armPath: 'type', from: ['IsHsm'], value: keyType },
    ],
    // The key's rotation policy is Get-AzKeyVaultKeyRotationPolicy's own object.
    notInClass: ['properties.rotationPolicy'],
    // `Get-AzKeyVaultKey -VaultName` lists the vault's keys as identity items (no `Key`, no
    // `Attributes`, `Version` null); one key by name is a PSKeyVaultKey, its versions
    // (`-IncludeVersions`) have a `Version`, and a deleted key (`-InRemovedState`) a `DeletedDate`.
    listsVaultKeys: (object) =>
      !('Key' in object) &&
      !('Attributes' in object) &&
      !('DeletedDate' in object) &&
      (object.Version === null || object.Version === ''),
  },
  {
    cmdlet: 'Get-AzKeyVaultKeyRotationPolicy (PSKeyRotationPolicy)',
    type: 'Microsoft.KeyVault/vaults/keys',
    keys: ['LifetimeActions', 'VaultName', 'KeyName', 'ExpiresIn'],
    fields: [
      ['KeyName', 'name'],
      ['LifetimeActions', 'properties.rotationPolicy.lifetimeActions'],
      ['ExpiresIn', 'properties.rotationPolicy.attributes.expiryTime'],
    ],
    values: {
      // ARM's `{action: {type}, trigger: {timeAfterCreate, timeBeforeExpiry}}`, durations in ISO 8601.
      LifetimeActions: (actions) =>
        Array.isArray(actions)
          ? actions.filter(isObject).map((action) => ({
              action: { type: action.Action },
              trigger: {
                timeAfterCreate: isoDays(action.TimeAfterCreate),
                timeBeforeExpiry: isoDays(action.TimeBeforeExpiry),
              },
            }))
          : actions,
      ExpiresIn: isoDays,
    },
    computed: [
      {
        armPath: 'id',
        from: ['VaultName', 'KeyName'],
        value: (object) => keyId(object, object.VaultName, object.KeyName),
      },
      { armPath: 'type', from: ['Id'], value: keyType },
    ],
    // The key's expiry is Get-AzKeyVaultKey's.
    notInClass: ['properties.attributes.exp'],
  },
];

/**
 * A managed HSM's key (`Get-AzKeyVaultKey -HsmName`: `IsHsm` true, `VaultName` the HSM's name; a
 * policy's `Id` on `<hsm>.managedhsm.azure.net`) is under the HSM, a vault's under the vault.
 */
function ofHsm(object: JsonObject): boolean {
  return (
    object.IsHsm === true ||
    (typeof object.Id === 'string' && /^https:\/\/[^/]+\.managedhsm\./i.test(object.Id))
  );
}

function keyId(object: JsonObject, holder: unknown, name: unknown): string | undefined {
  if (typeof holder !== 'string' || holder === '' || typeof name !== 'string' || name === '')
    return undefined;
  return `${holderIds(holder, ofHsm(object)).id}/keys/${name}`;
}

function keyType(object: JsonObject): string {
  return ofHsm(object) ? HSM_KEY_TYPE : VAULT_KEY_TYPE;
}

/** The expiry as ARM's `exp` (Unix seconds); a date ConvertTo-Json wrote as ISO 8601 (5.1's converted). */
function unixSeconds(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : time / 1000;
}

/**
 * A TimeSpan as ISO 8601 days (`P30D`): ConvertTo-Json writes it as an object (`TotalDays`), or,
 * past its depth, as the TimeSpan's string (`30.00:00:00`). Anything else, or a part of a day, is
 * left out, which leaves the rotation's timing unknown.
 */
function isoDays(value: unknown): string | undefined {
  const days = isObject(value)
    ? value.TotalDays
    : typeof value === 'string'
      ? timeSpanDays(value)
      : undefined;
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 ? `P${days}D` : undefined;
}

/** .NET's TimeSpan string, `[-][d.]hh:mm:ss[.fffffff]`, in days. */
function timeSpanDays(text: string): number | undefined {
  const match = /^(\d+\.)?(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(text);
  if (!match) return undefined;
  const [days, hours, minutes, seconds] = [
    Number.parseInt(match[1] ?? '0', 10),
    ...match.slice(2).map(Number),
  ];
  return (days ?? 0) + ((hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0)) / 86400;
}
