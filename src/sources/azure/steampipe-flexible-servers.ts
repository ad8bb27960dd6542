import type { SteampipeTable } from '../steampipe-row.ts';
import { TLS_PARAMETERS } from './adapters/databases.ts';
import { get, isObject } from './arm-record.ts';
import { armTable } from './steampipe-tables.ts';

/**
 * The server parameters that say how TLS is enforced, out of `flexible_server_configurations`:
 * the plugin writes each parameter as `{ID, Name, Type, ConfigurationProperties: {value, …}}`,
 * put back into ARM's `{id, name, type, properties}` and read as the server's
 * `configurations/<name>` child (`az postgres|mysql flexible-server parameter list`).
 */
function tlsParameters(row: Readonly<Record<string, unknown>>): unknown[] {
  const listed = row.flexible_server_configurations;
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((parameter) => {
    const name = get(parameter, 'Name');
    if (typeof name !== 'string' || !TLS_PARAMETERS.has(name.toLowerCase())) return [];
    const properties = get(parameter, 'ConfigurationProperties');
    return [
      {
        id: get(parameter, 'ID'),
        name,
        type: get(parameter, 'Type'),
        properties: isObject(properties) ? properties : {},
      },
    ];
  });
}

const SERVER_COLUMN_TYPES = {
  flexible_server_configurations: 'json',
  firewall_rules: 'json',
  data_encryption: 'json',
  network: 'json',
  backup: 'json',
  storage: 'json',
  high_availability: 'json',
  maintenance_window: 'json',
  auth_config: 'json',
  sku: 'json',
  system_data: 'json',
  server_properties: 'json',
} as const;

/**
 * Steampipe's `azure_postgresql_flexible_server` (turbot/steampipe-plugin-azure
 * `table_azure_postgresql_flexible_server.go`): `public_network_access` from the server's
 * `network`, `data_encryption`, the TLS parameters of `flexible_server_configurations`, and
 * `firewall_rules` (ARM records with their ids).
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
  ],
  columnTypes: SERVER_COLUMN_TYPES,
  columns: [
    ['public_network_access', 'network.publicNetworkAccess'],
    ['data_encryption', 'dataEncryption'],
    ['source_server_resource_id', 'sourceServerResourceId'],
    ['replication_role', 'replicationRole'],
    ['version', 'version'],
    ['state', 'state'],
  ],
  children: (row) => [
    ...tlsParameters(row),
    ...(Array.isArray(row.firewall_rules) ? row.firewall_rules : []),
  ],
});

/**
 * Steampipe's `azure_mysql_flexible_server` (`table_azure_mysql_flexible_server.go`):
 * `public_network_access`, the TLS parameters of `flexible_server_configurations`. The table has
 * no column for the server's data encryption, which stays unknown.
 */
export const azureMySqlFlexibleServerTable: SteampipeTable = armTable({
  table: 'azure_mysql_flexible_server',
  type: 'Microsoft.DBforMySQL/flexibleServers',
  idPattern: /\/providers\/microsoft\.dbformysql\/flexibleservers\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'public_network_access', 'flexible_server_configurations'],
  columnTypes: SERVER_COLUMN_TYPES,
  columns: [
    ['public_network_access', 'network.publicNetworkAccess'],
    ['source_server_resource_id', 'sourceServerResourceId'],
    ['replication_role', 'replicationRole'],
    ['version', 'version'],
    ['state', 'state'],
  ],
  notInTable: { customerManagedKey: 'properties.dataEncryption.type' },
  children: tlsParameters,
});
