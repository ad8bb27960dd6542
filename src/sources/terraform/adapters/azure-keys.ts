import type { Resource } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { notInSchema, type PartLink, partsOf, type Unit } from './adapter.ts';
import { fromArm, set } from './azure-record.ts';

/**
 * Key Vault keys and Managed HSM keys as the ARM management plane lists them: `kty`,
 * `attributes.exp` in Unix seconds, and the rotation policy's lifetime actions.
 */

const ROTATION_PATH = 'properties.rotationPolicy';

/** `expiration_date` (RFC 3339) as `attributes.exp`. */
function expiryOf(key: TfInstance, tr: Translation): JsonObject | undefined {
  const expiry = tr.read(key, 'expiration_date', 'properties.attributes.exp');
  return typeof expiry === 'string' && !Number.isNaN(Date.parse(expiry))
    ? { exp: Date.parse(expiry) / 1000 }
    : undefined;
}

/**
 * A policy whose Rotate action has `trigger` (`timeAfterCreate` or `timeBeforeExpiry`, ISO 8601
 * durations; none: no action rotates), keys expiring after `expireAfter`.
 */
function rotationPolicy(trigger: JsonObject | undefined, expireAfter: unknown): JsonObject {
  return {
    lifetimeActions: trigger ? [{ action: { type: 'Rotate' }, trigger }] : [],
    ...(expireAfter ? { attributes: { expiryTime: expireAfter } } : {}),
  };
}

const blockOf = (value: unknown): JsonObject | undefined =>
  Array.isArray(value) && isObject(value[0]) ? value[0] : undefined;

export function keyVaultKey(unit: Unit, tr: Translation): Resource {
  const key = unit.primary;
  const p: JsonObject = {};
  set(p, 'kty', tr.read(key, 'key_type', 'properties.kty'));
  set(p, 'attributes', expiryOf(key, tr));
  // azurerm 2.x has no `rotation_policy`: a key it creates has none.
  if (notInSchema(tr, key, 'rotation_policy', ROTATION_PATH))
    return fromArm('Microsoft.KeyVault/vaults/keys', p, tr);
  const policy = tr.read(key, 'rotation_policy', ROTATION_PATH);
  const first = blockOf(policy);
  const automatic = blockOf(first?.automatic);
  if (first || policy !== undefined || tr.valuesOf(key).read('rotation_policy').state === 'absent')
    p.rotationPolicy = rotationPolicy(
      automatic && {
        timeAfterCreate: automatic.time_after_creation,
        timeBeforeExpiry: automatic.time_before_expiry,
      },
      first?.expire_after,
    );
  return fromArm('Microsoft.KeyVault/vaults/keys', p, tr);
}

const MANAGED_HSM_ROTATION = 'azurerm_key_vault_managed_hardware_security_module_key_rotation_policy';

/** The rotation policy of a Managed HSM key is a resource of its own, naming the key by its id. */
export const MANAGED_HSM_KEY_PARTS: Readonly<Record<string, PartLink>> = {
  [MANAGED_HSM_ROTATION]: { attribute: 'managed_hsm_key_id', parentKeys: ['id', 'versionless_id'] },
};

/**
 * `azurerm_key_vault_managed_hardware_security_module_key` (azurerm 3.x late, 4.x): `key_type`,
 * `expiration_date`; its rotation policy is `_key_rotation_policy` (`expire_after`, exactly one of
 * `time_after_creation` / `time_before_expiry`), or, where the provider has it, an inline
 * `rotation_policy` (`expire_after_duration`, `automatic.duration_after_creation` /
 * `duration_before_expiry`). A new key without either has none; one that exists may have had one
 * set outside the configuration.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_managed_hardware_security_module_key_rotation_policy
 * and the provider's managedhsm key resource (`RotationPolicyModel`, `AutomaticModel`).
 */
export function managedHsmKey(unit: Unit, tr: Translation): Resource {
  const key = unit.primary;
  const p: JsonObject = {};
  set(p, 'kty', tr.read(key, 'key_type', 'properties.kty'));
  set(p, 'attributes', expiryOf(key, tr));
  const split = partsOf(unit, MANAGED_HSM_ROTATION).at(-1);
  const inline = tr.valuesOf(key).read('rotation_policy');
  if (split) {
    // The resource always rotates, by exactly one of the two.
    p.rotationPolicy = rotationPolicy(
      {
        timeAfterCreate: tr.read(split, 'time_after_creation', `${ROTATION_PATH}.lifetimeActions`),
        timeBeforeExpiry: tr.read(split, 'time_before_expiry', `${ROTATION_PATH}.lifetimeActions`),
      },
      tr.read(split, 'expire_after', `${ROTATION_PATH}.attributes.expiryTime`),
    );
  } else if (inline.state !== 'absent') {
    const first = blockOf(tr.read(key, 'rotation_policy', ROTATION_PATH));
    const automatic = blockOf(first?.automatic);
    if (first || inline.state === 'known')
      p.rotationPolicy = rotationPolicy(
        automatic && {
          timeAfterCreate: automatic.duration_after_creation,
          timeBeforeExpiry: automatic.duration_before_expiry,
        },
        first?.expire_after_duration,
      );
  } else if (isCreated(key)) {
    tr.mark(ROTATION_PATH, MANAGED_HSM_ROTATION, 'known');
    p.rotationPolicy = rotationPolicy(undefined, undefined);
  } else {
    tr.mark(ROTATION_PATH, `${key.address}.rotation_policy`, 'unmanaged');
  }
  return fromArm('Microsoft.KeyVault/managedHSMs/keys', p, tr);
}
