import type { CloudQueryTable } from '../cloudquery-row.ts';
import { toResource } from './adapters/index.ts';

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

/** A table whose rows are ARM resources (their `id`, `type` and ARM `properties`), read as those. */
function armTable(table: string): CloudQueryTable {
  return {
    table,
    requiredColumns: ['id', 'type', 'properties'],
    jsonColumns: ['properties', 'tags', 'sku', 'identity', 'zones', 'extended_location'],
    // Every column read but the text ones is JSON: the CSV output's cells need no other type.
    csvColumns: {},
    read(row, origin) {
      const record: Record<string, unknown> = {};
      for (const [column, field] of Object.entries(ENVELOPE))
        if (row[column] !== undefined && row[column] !== null) record[field] = row[column];
      const resource = toResource(record, origin);
      return 'skip' in resource ? resource : [resource];
    },
  };
}

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
  'azure_keyvault_keyvault_keys',
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
].map(armTable);
