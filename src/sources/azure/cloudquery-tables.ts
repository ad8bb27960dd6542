import { explicit } from '../../model/fact.ts';
import { type CloudQueryTable, jsonColumn, restName } from '../cloudquery-row.ts';
import { toResource } from './adapters/index.ts';
import { withVaultKeysListed } from './vault-keys-listing.ts';

/**
 * The ARM envelope's fields as CloudQuery's Azure tables name them: the plugin makes each table
 * from the Go SDK's resource struct (`transformers.TransformWithStruct(&armstorage.Account{})`),
 * one snake_case column per field, and a JSON column of a nested struct holds what the SDK's
 * MarshalJSON writes, which is ARM's own JSON (`properties.allowBlobPublicAccess`).
 */
const ENVELOPE: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'name',
  type: 'type',
  location: 'location',
  kind: 'kind',
  sku: 'sku',
  identity: 'identity',
  properties: 'properties',
  tags: 'tags',
  zones: 'zones',
  etag: 'etag',
  managed_by: 'managedBy',
  extended_location: 'extendedLocation',
  subscription_id: 'subscriptionId',
};

/** Columns of neither the ARM envelope nor the properties: CloudQuery's own, and those it adds. */
const NOT_PROPERTIES = new Set([
  'system_data',
  'plan',
  'resource_id',
  'blob_logging_settings',
  'queue_logging_settings',
]);

/**
 * The ARM `properties` a row of the plugin's 2022 versions (v1, track-1 SDK) flattened into
 * columns of their own (`supports_https_traffic_only`, `minimal_tls_version`, or with the
 * prefix, `properties_enable_purge_protection`), nested structures as JSON in ARM's names;
 * undefined when the row has none, as a row synced with `properties` among its skip_columns.
 */
function flattenedProperties(row: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const properties: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column.startsWith('_cq_') || column in ENVELOPE || NOT_PROPERTIES.has(column)) continue;
    if (value === null || value === undefined) continue;
    // Which of these columns are JSON the row does not say: in CSV, a structure's text is parsed.
    const structure = typeof value === 'string' && /^[[{]/.test(value) ? jsonColumn(value) : value;
    properties[restName(column.replace(/^properties_/, ''))] = structure;
  }
  return Object.keys(properties).length > 0 ? properties : undefined;
}

/**
 * A table whose rows are ARM resources (their `id`, `type` and ARM `properties`, or in the
 * plugin's 2022 versions those properties as columns), read as those.
 */
function armTable(table: string): CloudQueryTable {
  return {
    table,
    requiredColumns: ['id', 'type'],
    jsonColumns: ['properties', 'tags', 'sku', 'identity', 'zones', 'extended_location'],
    read(row, origin) {
      const properties = 'properties' in row ? row.properties : flattenedProperties(row);
      if (properties === undefined)
        return {
          skip: `a CloudQuery ${table} row without the columns properties: their settings are unknown; sync the table without skip_columns`,
        };
      const record: Record<string, unknown> = {};
      for (const [column, field] of Object.entries(ENVELOPE))
        if (row[column] !== undefined && row[column] !== null) record[field] = row[column];
      if (properties !== null) record.properties = properties;
      const resource = toResource(record, origin);
      return 'skip' in resource ? resource : [resource];
    },
  };
}

/**
 * `azure_monitor_resources` (armresources' GenericResourceExpanded, every resource of the
 * subscription): the parent of `azure_monitor_diagnostic_settings`, whose rows the plugin lists
 * for each of these. A resource in it had its diagnostic settings listed, so one without a row
 * of settings has none. (The plugin only logs a listing that fails, which then writes no row
 * either: a failure reads as none.) The row holds no property: the resource is listed only,
 * completed by its own table's row.
 */
/**
 * `azure_keyvault_keyvault_keys`, a child table the plugin syncs for each vault it lists: the
 * rows of a vault are its keys, all of them (`vaultKeysListed`).
 */
function vaultKeysTable(): CloudQueryTable {
  const table = armTable('azure_keyvault_keyvault_keys');
  return {
    ...table,
    read(row, origin) {
      const read = table.read(row, origin);
      if ('skip' in read) return read;
      return read.map((resource) => withVaultKeysListed(resource, table.table));
    },
  };
}

const monitorResources: CloudQueryTable = {
  table: 'azure_monitor_resources',
  requiredColumns: ['id', 'type'],
  jsonColumns: ['tags', 'sku', 'identity', 'extended_location', 'plan'],
  read(row, origin) {
    const record: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(ENVELOPE))
      if (row[column] !== undefined && row[column] !== null) record[field] = row[column];
    const resource = toResource(record, origin);
    if ('skip' in resource) return resource;
    const listed = explicit(true, 'azure_monitor_resources');
    return [{ ...resource, listedOnly: true, facts: { diagnosticSettingsListed: listed } }];
  },
};

/**
 * CloudQuery's Azure tables (cloudquery/cloudquery plugins/source/azure, docs/tables/<table>.md)
 * of the resources the checks judge, and the settings children kansa reads with them (a SQL
 * server's auditing, firewall rules and TDE protector, the flexible servers' parameters, a web
 * app's `config/web`), and the subscription's and each resource's diagnostic settings (the id
 * names the resource they belong to), Defender plans and role assignments and definitions.
 */
export const AZURE_CLOUDQUERY_TABLES: readonly CloudQueryTable[] = [
  'azure_storage_accounts',
  'azure_network_security_groups',
  'azure_network_virtual_networks',
  'azure_keyvault_keyvault',
  // The plugin's 2022 name of the vaults table.
  'azure_keyvault_vaults',
  'azure_keyvault_managed_hsms',
  'azure_compute_virtual_machines',
  'azure_compute_disks',
  'azure_compute_snapshots',
  'azure_sql_servers',
  'azure_sql_server_databases',
  'azure_sql_server_firewall_rules',
  'azure_sql_server_blob_auditing_policies',
  'azure_sql_server_encryption_protectors',
  'azure_postgresqlflexibleservers_servers',
  'azure_postgresqlflexibleservers_server_configurations',
  'azure_postgresqlflexibleservers_server_firewall_rules',
  'azure_mysqlflexibleservers_servers',
  'azure_mysqlflexibleservers_server_configurations',
  'azure_mysqlflexibleservers_server_firewall_rules',
  'azure_cosmos_database_accounts',
  'azure_containerservice_managed_clusters',
  'azure_appservice_web_apps',
  'azure_appservice_web_app_configurations',
  'azure_redis_caches',
  'azure_postgresql_servers',
  'azure_mysql_servers',
  'azure_operationalinsights_workspaces',
  'azure_network_watcher_flow_logs',
  'azure_monitor_diagnostic_settings',
  'azure_monitor_subscription_diagnostic_settings',
  'azure_security_pricings',
  'azure_authorization_role_assignments',
  'azure_authorization_role_definitions',
]
  .map(armTable)
  .concat(monitorResources, vaultKeysTable());
