import type { SteampipeTable } from '../steampipe-row.ts';
import { toResource } from './adapters/index.ts';

/**
 * Steampipe's `azure_storage_account` (turbot/steampipe-plugin-azure
 * `table_azure_storage_account.go`): the ARM storage account's `properties` flattened into
 * snake_case columns, `region` for `location`. Each column is put back where ARM keeps it, so
 * that the storage-account adapter reads the row as it reads `az storage account list`. A null
 * column is the API's absent field (the adapter's documented default applies). JSON columns
 * (`network_ip_rules`, `virtual_network_rules`, `encryption_services`,
 * `private_endpoint_connections`) are the Go SDK's structures, in the API's names.
 */
export const azureStorageAccountTable: SteampipeTable = {
  table: 'azure_storage_account',
  matches: (row) =>
    typeof row.id === 'string' && /\/providers\/microsoft\.storage\/storageaccounts\/[^/]+$/i.test(row.id),
  requiredColumns: [
    'id',
    'region',
    'allow_blob_public_access',
    'enable_https_traffic_only',
    'minimum_tls_version',
    'network_rule_default_action',
    'encryption_key_source',
  ],
  read(row, origin) {
    const properties: Record<string, unknown> = {};
    for (const [column, path] of COLUMNS) {
      const value = row[column];
      if (value !== null && value !== undefined) setPath(properties, path, value);
    }
    const record = {
      id: row.id,
      name: row.name,
      type: 'Microsoft.Storage/storageAccounts',
      location: row.region,
      ...(typeof row.kind === 'string' && { kind: row.kind }),
      ...((typeof row.sku_name === 'string' || typeof row.sku_tier === 'string') && {
        sku: { name: row.sku_name, tier: row.sku_tier },
      }),
      ...(typeof row.subscription_id === 'string' && { subscriptionId: row.subscription_id }),
      tags: row.tags ?? {},
      properties,
    };
    return toResource(record, origin);
  },
};

/** Steampipe column → where ARM keeps it under `properties`. */
const COLUMNS: readonly (readonly [string, string])[] = [
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
];

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
