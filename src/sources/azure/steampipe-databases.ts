import type { SteampipeTable } from '../steampipe-row.ts';
import { TLS_PARAMETERS } from './adapters/databases.ts';
import { armTable } from './steampipe-arm-table.ts';

/**
 * `azure_sql_server`: the server's `publicNetworkAccess` and `minimalTlsVersion` (null: ARM's
 * absent field, no minimal version), and its children as the plugin lists them, ARM records
 * each (`{id, name, type, properties}`; the encryption protector flattened, `serverKeyType` at
 * the top, before the plugin's v0.57.0): `server_audit_policy` (the auditingSettings `state`),
 * `encryption_protector` (the TDE protector's `serverKeyType`) and `firewall_rules`.
 */
export const azureSqlServerTable: SteampipeTable = armTable({
  table: 'azure_sql_server',
  type: 'Microsoft.Sql/servers',
  idPattern: /\/providers\/microsoft\.sql\/servers\/[^/]+$/i,
  requiredColumns: [
    'id',
    'region',
    'public_network_access',
    'minimal_tls_version',
    'firewall_rules',
    'server_audit_policy',
    'encryption_protector',
  ],
  columnTypes: { private_endpoint_connections: 'json' },
  columns: [
    ['public_network_access', 'publicNetworkAccess'],
    ['minimal_tls_version', 'minimalTlsVersion'],
    ['version', 'version'],
    ['state', 'state'],
    ['fully_qualified_domain_name', 'fullyQualifiedDomainName'],
    ['private_endpoint_connections', 'privateEndpointConnections'],
  ],
  children: [
    { column: 'server_audit_policy' },
    { column: 'encryption_protector' },
    { column: 'firewall_rules' },
  ],
});

/**
 * A flexible server's parameter as the plugin lists it in `flexible_server_configurations`:
 * `{ID, Name, Type, ConfigurationProperties: {value, …}}`, the SDK's field names as map keys.
 * Only the parameters that set TLS are read (as `az … flexible-server parameter list` is); the
 * server's hundreds of others are left out.
 */
function flexibleServerParameter(child: Record<string, unknown>): unknown {
  const name = child.Name;
  if (typeof name !== 'string' || !TLS_PARAMETERS.has(name.toLowerCase())) return undefined;
  const properties = child.ConfigurationProperties;
  return {
    id: child.ID,
    name,
    type: child.Type,
    properties: typeof properties === 'object' && properties !== null ? properties : {},
  };
}

/**
 * `azure_postgresql_flexible_server`: `network` and `public_network_access` are the server's
 * `network`, `data_encryption` its `dataEncryption` (null: the service-managed key);
 * `flexible_server_configurations` holds the server parameters that set TLS
 * (`require_secure_transport`, `ssl_min_protocol_version`), `firewall_rules` its rules.
 */
export const azurePostgresFlexibleServerTable: SteampipeTable = armTable({
  table: 'azure_postgresql_flexible_server',
  type: 'Microsoft.DBforPostgreSQL/flexibleServers',
  idPattern: /\/providers\/microsoft\.dbforpostgresql\/flexibleservers\/[^/]+$/i,
  requiredColumns: [
    'id',
    'region',
    'public_network_access',
    'data_encryption',
    'flexible_server_configurations',
    'firewall_rules',
  ],
  columnTypes: { network: 'json', data_encryption: 'json', high_availability: 'json', backup: 'json' },
  columns: [
    ['network', 'network'],
    ['public_network_access', 'network.publicNetworkAccess'],
    ['data_encryption', 'dataEncryption'],
    ['replication_role', 'replicationRole'],
    ['source_server_resource_id', 'sourceServerResourceId'],
    ['version', 'version'],
    ['state', 'state'],
    ['high_availability', 'highAvailability'],
    ['backup', 'backup'],
  ],
  children: [
    { column: 'flexible_server_configurations', record: flexibleServerParameter },
    { column: 'firewall_rules' },
  ],
});

/**
 * `azure_mysql_flexible_server`: as the PostgreSQL table (`tls_version` and
 * `require_secure_transport` among its parameters), without a column for the firewall rules or
 * for `dataEncryption`: whether a customer-managed key encrypts it is unknown.
 */
export const azureMySqlFlexibleServerTable: SteampipeTable = armTable({
  table: 'azure_mysql_flexible_server',
  type: 'Microsoft.DBforMySQL/flexibleServers',
  idPattern: /\/providers\/microsoft\.dbformysql\/flexibleservers\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'public_network_access', 'flexible_server_configurations'],
  columnTypes: { network: 'json', high_availability: 'json' },
  columns: [
    ['network', 'network'],
    ['public_network_access', 'network.publicNetworkAccess'],
    ['replication_role', 'replicationRole'],
    ['source_server_resource_id', 'sourceServerResourceId'],
    ['version', 'version'],
    ['state', 'state'],
    ['high_availability', 'highAvailability'],
  ],
  children: [{ column: 'flexible_server_configurations', record: flexibleServerParameter }],
  notCarried: [{ fact: 'customerManagedKey', path: 'properties.dataEncryption.type' }],
});

/**
 * `azure_cosmosdb_account`: the account's `publicNetworkAccess` (the SDK's enum, '' where the API
 * leaves it out), `ipRules` (`[{ipAddressOrRange}]`), `isVirtualNetworkFilterEnabled`,
 * `keyVaultKeyUri` (null: the service-managed key) and its `locations`, where its data is kept.
 */
export const azureCosmosDbAccountTable: SteampipeTable = armTable({
  table: 'azure_cosmosdb_account',
  type: 'Microsoft.DocumentDB/databaseAccounts',
  idPattern: /\/providers\/microsoft\.documentdb\/databaseaccounts\/[^/]+$/i,
  requiredColumns: [
    'id',
    'region',
    'public_network_access',
    'ip_rules',
    'is_virtual_network_filter_enabled',
    'key_vault_key_uri',
    'locations',
  ],
  columnTypes: {
    ip_rules: 'json',
    is_virtual_network_filter_enabled: 'boolean',
    virtual_network_rules: 'json',
    locations: 'json',
    read_locations: 'json',
    write_locations: 'json',
    disable_local_auth: 'boolean',
    disable_key_based_metadata_write_access: 'boolean',
  },
  columns: [
    ['public_network_access', 'publicNetworkAccess'],
    ['ip_rules', 'ipRules'],
    ['is_virtual_network_filter_enabled', 'isVirtualNetworkFilterEnabled'],
    ['virtual_network_rules', 'virtualNetworkRules'],
    ['key_vault_key_uri', 'keyVaultKeyUri'],
    ['locations', 'locations'],
    ['read_locations', 'readLocations'],
    ['write_locations', 'writeLocations'],
    ['disable_local_auth', 'disableLocalAuth'],
    ['disable_key_based_metadata_write_access', 'disableKeyBasedMetadataWriteAccess'],
  ],
});
