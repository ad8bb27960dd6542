import type { SteampipeTable } from '../steampipe-row.ts';
import { armTable } from './steampipe-arm-table.ts';
import { withVaultKeysListed } from './vault-keys-listing.ts';

const storageAccountTable = armTable({
  table: 'azure_storage_account',
  type: 'Microsoft.Storage/storageAccounts',
  idPattern: /\/providers\/microsoft\.storage\/storageaccounts\/[^/]+$/i,
  requiredColumns: [
    'id',
    'region',
    'allow_blob_public_access',
    'enable_https_traffic_only',
    'minimum_tls_version',
    'network_rule_default_action',
    'encryption_key_source',
  ],
  columnTypes: {
    allow_blob_public_access: 'boolean',
    enable_https_traffic_only: 'boolean',
    allow_shared_key_access: 'boolean',
    network_ip_rules: 'json',
    virtual_network_rules: 'json',
    require_infrastructure_encryption: 'boolean',
    encryption_services: 'json',
    private_endpoint_connections: 'json',
    is_hns_enabled: 'boolean',
  },
  columns: [
    ['allow_blob_public_access', 'allowBlobPublicAccess'],
    ['enable_https_traffic_only', 'supportsHttpsTrafficOnly'],
    ['minimum_tls_version', 'minimumTlsVersion'],
    ['public_network_access', 'publicNetworkAccess'],
    ['allow_shared_key_access', 'allowSharedKeyAccess'],
    ['network_rule_default_action', 'networkAcls.defaultAction'],
    ['network_rule_bypass', 'networkAcls.bypass'],
    ['network_ip_rules', 'networkAcls.ipRules'],
    ['virtual_network_rules', 'networkAcls.virtualNetworkRules'],
    ['encryption_key_source', 'encryption.keySource'],
    ['encryption_key_vault_properties_key_name', 'encryption.keyvaultproperties.keyname'],
    ['encryption_key_vault_properties_key_vault_uri', 'encryption.keyvaultproperties.keyvaulturi'],
    ['encryption_key_vault_properties_key_version', 'encryption.keyvaultproperties.keyversion'],
    ['require_infrastructure_encryption', 'encryption.requireInfrastructureEncryption'],
    ['encryption_services', 'encryption.services'],
    ['private_endpoint_connections', 'privateEndpointConnections'],
    ['is_hns_enabled', 'isHnsEnabled'],
    ['key_creation_time', 'keyCreationTime'],
    ['access_tier', 'accessTier'],
    ['primary_location', 'primaryLocation'],
    ['secondary_location', 'secondaryLocation'],
  ],
});

/**
 * `azure_storage_account`: ARM's settings flattened into columns; `access_keys` is the account's
 * ListKeys answer (`[{KeyName, Value, Permissions, CreationTime}]`, null where it was not
 * listed), whose `key1`/`key2` creation times are ARM's `keyCreationTime`, which the table has no
 * column for. Kerberos keys (`kerb1`, `kerb2`) are not access keys and are left out.
 */
export const azureStorageAccountTable: SteampipeTable = {
  ...storageAccountTable,
  columnTypes: { ...storageAccountTable.columnTypes, access_keys: 'json' },
  read(row, origin) {
    const keys = Array.isArray(row.access_keys) ? row.access_keys : [];
    const created = Object.fromEntries(
      keys.flatMap((key: unknown) => {
        const { KeyName: name, CreationTime: time } = (key ?? {}) as Record<string, unknown>;
        return name === 'key1' || name === 'key2' ? [[name, time ?? null]] : [];
      }),
    );
    return storageAccountTable.read({ ...row, key_creation_time: keys.length > 0 ? created : null }, origin);
  },
};

/**
 * `azure_key_vault`: `purge_protection_enabled` is false where ARM leaves the field out (null
 * until enabled, the same meaning); `network_acls` is ARM's `networkAcls`; `diagnostic_settings`
 * lists the vault's settings, where its logs are sent (null: none).
 */
export const azureKeyVaultTable: SteampipeTable = armTable({
  table: 'azure_key_vault',
  type: 'Microsoft.KeyVault/vaults',
  idPattern: /\/providers\/microsoft\.keyvault\/vaults\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'soft_delete_enabled', 'purge_protection_enabled', 'network_acls'],
  columnTypes: {
    soft_delete_enabled: 'boolean',
    soft_delete_retention_in_days: 'number',
    purge_protection_enabled: 'boolean',
    enable_rbac_authorization: 'boolean',
    network_acls: 'json',
    diagnostic_settings: 'json',
  },
  columns: [
    ['soft_delete_enabled', 'enableSoftDelete'],
    ['soft_delete_retention_in_days', 'softDeleteRetentionInDays'],
    ['purge_protection_enabled', 'enablePurgeProtection'],
    ['enable_rbac_authorization', 'enableRbacAuthorization'],
    ['public_network_access', 'publicNetworkAccess'],
    ['network_acls', 'networkAcls'],
    ['sku_name', 'sku.name'],
    ['sku_family', 'sku.family'],
    ['tenant_id', 'tenantId'],
    ['vault_uri', 'vaultUri'],
  ],
  diagnosticSettings: 'column',
});

/**
 * `azure_key_vault_managed_hardware_security_module`: the pool's ARM properties as columns
 * (`enable_soft_delete`, `enable_purge_protection`, null where ARM leaves it out, the pool's
 * default then being on; `hsm_uri`), `diagnostic_settings` its settings (null: none).
 */
export const azureManagedHsmTable: SteampipeTable = armTable({
  table: 'azure_key_vault_managed_hardware_security_module',
  type: 'Microsoft.KeyVault/managedHSMs',
  idPattern: /\/providers\/microsoft\.keyvault\/managedhsms\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'enable_soft_delete', 'enable_purge_protection'],
  columnTypes: {
    enable_soft_delete: 'boolean',
    soft_delete_retention_in_days: 'number',
    enable_purge_protection: 'boolean',
    diagnostic_settings: 'json',
  },
  columns: [
    ['enable_soft_delete', 'enableSoftDelete'],
    ['soft_delete_retention_in_days', 'softDeleteRetentionInDays'],
    ['enable_purge_protection', 'enablePurgeProtection'],
    ['hsm_uri', 'hsmUri'],
    ['tenant_id', 'tenantId'],
  ],
  diagnosticSettings: 'column',
});

const keyTable = armTable({
  table: 'azure_key_vault_key',
  type: 'Microsoft.KeyVault/vaults/keys',
  idPattern: /\/providers\/microsoft\.keyvault\/vaults\/[^/]+\/keys\/[^/]+$/i,
  requiredColumns: ['id', 'key_type', 'expires_at', 'rotation_policy'],
  columnTypes: { enabled: 'boolean', key_size: 'number', key_ops: 'json', rotation_policy: 'json' },
  columns: [
    ['key_type', 'kty'],
    ['enabled', 'attributes.enabled'],
    ['expires_seconds', 'attributes.exp'],
    ['recovery_level', 'attributes.recoveryLevel'],
    ['key_size', 'keySize'],
    ['curve_name', 'curveName'],
    ['key_ops', 'keyOps'],
    ['key_uri', 'keyUri'],
    ['rotation_policy', 'rotationPolicy'],
  ],
});

/**
 * `azure_key_vault_key`: the key's `key_type` (`kty`: RSA, RSA-HSM, EC…), `expires_at` (ARM's
 * `attributes.exp`, Unix seconds, which the plugin writes as a timestamp; null: it never
 * expires) and `rotation_policy` in the API's names (`lifetimeActions[].{trigger, action}`;
 * null: none). The plugin lists each vault's keys whole (`vaultKeysListed`): the table's rows of
 * a vault are all its keys.
 */
export const azureKeyVaultKeyTable: SteampipeTable = {
  ...keyTable,
  read(row, origin) {
    const expires = typeof row.expires_at === 'string' ? Date.parse(row.expires_at) : Number.NaN;
    const read = keyTable.read(
      { ...row, expires_seconds: Number.isNaN(expires) ? row.expires_at : expires / 1000 },
      origin,
    );
    if ('skip' in read) return read;
    return read.map((resource) => withVaultKeysListed(resource, keyTable.table));
  },
};
