import { explicit } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import type { SteampipeTable } from '../steampipe-row.ts';
import { toResource } from './adapters/index.ts';

/** A Steampipe Azure table whose rows are ARM resources with their `properties` flattened into columns. */
interface ArmTable {
  readonly table: string;
  /** ARM's type of the rows (the `type` column is not always selected). */
  readonly type: string;
  /** The resource id's provider segment: `/providers/microsoft.storage/storageaccounts/<name>`. */
  readonly idPattern: RegExp;
  readonly requiredColumns: readonly string[];
  readonly columnTypes: SteampipeTable['columnTypes'];
  /** Column → where ARM keeps it under `properties`. */
  readonly columns: readonly (readonly [string, string])[];
  /**
   * The table's `diagnostic_settings` column lists the resource's own settings (an empty list: it
   * has none). Not for storage accounts, whose logs are set on their blob, file, queue and table
   * services, which the column does not list.
   */
  readonly diagnosticSettings?: boolean;
}

/**
 * Rows of Steampipe's Azure tables (turbot/steampipe-plugin-azure `table_azure_*.go`) are ARM
 * resources whose `properties` the plugin flattens into snake_case columns, with `region` for
 * `location`. Each column is put back where ARM keeps it, so that the type's adapter reads the
 * row as it reads `az … list -o json`. A null column is the API's absent field (the adapter's
 * documented default applies). JSON columns (`network_acls`, `network_ip_rules`,
 * `encryption_services`) are the Go SDK's structures, in the API's names.
 */
function armTable(spec: ArmTable): SteampipeTable {
  return {
    table: spec.table,
    matches: (row) => typeof row.id === 'string' && spec.idPattern.test(row.id),
    requiredColumns: spec.requiredColumns,
    columnTypes: spec.columnTypes,
    read(row, origin) {
      const properties: Record<string, unknown> = {};
      for (const [column, path] of spec.columns) {
        const value = row[column];
        if (value !== null && value !== undefined) setPath(properties, path, value);
      }
      const record = {
        id: row.id,
        name: row.name,
        type: spec.type,
        location: row.region,
        ...(typeof row.kind === 'string' && { kind: row.kind }),
        ...((typeof row.sku_name === 'string' || typeof row.sku_tier === 'string') && {
          sku: { name: row.sku_name, tier: row.sku_tier },
        }),
        ...(typeof row.subscription_id === 'string' && { subscriptionId: row.subscription_id }),
        tags: row.tags ?? {},
        properties,
      };
      const resource = toResource(record, origin);
      if ('skip' in resource) return resource;
      const settings = spec.diagnosticSettings ? row.diagnostic_settings : undefined;
      if (!Array.isArray(settings)) return [resource];
      // Listed, even empty: the resource has no other setting.
      const listed = {
        ...resource,
        facts: { ...resource.facts, diagnosticSettingsListed: explicit(true, 'diagnostic_settings') },
      };
      const read = settings.map((setting) => toResource(setting, origin));
      return [listed as Resource, ...read.filter((setting): setting is Resource => !('skip' in setting))];
    },
  };
}

export const azureStorageAccountTable: SteampipeTable = armTable({
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
    ['access_tier', 'accessTier'],
    ['primary_location', 'primaryLocation'],
    ['secondary_location', 'secondaryLocation'],
  ],
});

/**
 * `azure_key_vault`: `purge_protection_enabled` is false where ARM leaves the field out (null
 * until enabled, the same meaning); `network_acls` is ARM's `networkAcls`; `diagnostic_settings`
 * lists the vault's settings, where its logs are sent.
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
  diagnosticSettings: true,
});

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
