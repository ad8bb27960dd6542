import { explicit, unknown } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
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
  /**
   * The resource's child resources that the row's JSON columns hold (a SQL server's auditing
   * policy, TDE protector and firewall rules; a web app's `config/web`), as ARM records with
   * their ids: each is read as the record it is.
   */
  readonly children?: (row: Readonly<Record<string, unknown>>) => readonly unknown[];
  /**
   * Facts whose field the table has no column for (by the ARM path it would be read from): they
   * stay unknown, where the adapter would give an absent field the API's default.
   */
  readonly notInTable?: Readonly<Record<string, string>>;
}

/**
 * Rows of Steampipe's Azure tables (turbot/steampipe-plugin-azure `table_azure_*.go`) are ARM
 * resources whose `properties` the plugin flattens into snake_case columns, with `region` for
 * `location`. Each column is put back where ARM keeps it, so that the type's adapter reads the
 * row as it reads `az … list -o json`. A null column is the API's absent field (the adapter's
 * documented default applies). JSON columns (`network_acls`, `network_ip_rules`,
 * `encryption_services`) are the Go SDK's structures, in the API's names.
 */
export function armTable(spec: ArmTable): SteampipeTable {
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
      const read = toResource(record, origin);
      if ('skip' in read) return read;
      const resource = spec.notInTable ? withoutFields(read, spec.table, spec.notInTable) : read;
      const children = childRecords(spec.children?.(row) ?? [], origin);
      const settings = spec.diagnosticSettings ? row.diagnostic_settings : undefined;
      if (!Array.isArray(settings)) return [resource, ...children];
      // Listed, even empty: the resource has no other setting.
      const listed = {
        ...resource,
        facts: { ...resource.facts, diagnosticSettingsListed: explicit(true, 'diagnostic_settings') },
      };
      return [listed as Resource, ...childRecords(settings, origin), ...children];
    },
  };
}

/** The resource with the facts its table has no column for unknown, naming the field. */
function withoutFields(
  resource: Resource,
  table: string,
  fields: Readonly<Record<string, string>>,
): Resource {
  const facts: Record<string, unknown> = { ...resource.facts };
  for (const [fact, path] of Object.entries(fields)) {
    facts[fact] = unknown(path, {
      ja: `Steampipe の ${table} テーブルにはこの設定の列がありません`,
      en: `Steampipe's ${table} table has no column for this setting`,
    });
  }
  return { ...resource, facts };
}

/** ARM records a row lists (a JSON column; null: none listed), each read as the resource it is. */
function childRecords(records: unknown, origin: Origin): Resource[] {
  if (!Array.isArray(records)) return [];
  return records
    .map((record) => toResource(record, origin))
    .filter((child): child is Resource => !('skip' in child));
}

/** The records the named JSON columns list, one after the other. */
const listedIn =
  (...columns: readonly string[]) =>
  (row: Readonly<Record<string, unknown>>): readonly unknown[] =>
    columns.flatMap((column) => (Array.isArray(row[column]) ? row[column] : []));

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

/**
 * `azure_network_security_group`: the group's rules as ARM lists them (`security_rules`,
 * `default_security_rules`: `{id, name, properties: {access, direction, sourceAddressPrefix, …}}`,
 * the Go SDK's JSON), and its diagnostic settings. A null `security_rules` is a group without
 * rules of its own.
 */
export const azureNetworkSecurityGroupTable: SteampipeTable = armTable({
  table: 'azure_network_security_group',
  type: 'Microsoft.Network/networkSecurityGroups',
  idPattern: /\/providers\/microsoft\.network\/networksecuritygroups\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'security_rules'],
  columnTypes: {
    security_rules: 'json',
    default_security_rules: 'json',
    flow_logs: 'json',
    network_interfaces: 'json',
    subnets: 'json',
    diagnostic_settings: 'json',
  },
  columns: [
    ['security_rules', 'securityRules'],
    ['default_security_rules', 'defaultSecurityRules'],
    ['flow_logs', 'flowLogs'],
    ['network_interfaces', 'networkInterfaces'],
    ['subnets', 'subnets'],
    ['provisioning_state', 'provisioningState'],
  ],
  diagnosticSettings: true,
});

/**
 * `azure_sql_server`: the server's own settings as columns (`public_network_access`,
 * `minimal_tls_version` null where the API leaves it out, `"1.2"` otherwise) and, in JSON
 * columns, the child resources the plugin lists for it, each an ARM record with its id:
 * `server_audit_policy` (`auditingSettings`), `encryption_protector` (the TDE protector) and
 * `firewall_rules`.
 */
export const azureSqlServerTable: SteampipeTable = armTable({
  table: 'azure_sql_server',
  type: 'Microsoft.Sql/servers',
  idPattern: /\/providers\/microsoft\.sql\/servers\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'public_network_access', 'minimal_tls_version'],
  columnTypes: {
    server_audit_policy: 'json',
    server_security_alert_policy: 'json',
    server_azure_ad_administrator: 'json',
    server_vulnerability_assessment: 'json',
    firewall_rules: 'json',
    encryption_protector: 'json',
    private_endpoint_connections: 'json',
    virtual_network_rules: 'json',
    tags_src: 'json',
  },
  columns: [
    ['public_network_access', 'publicNetworkAccess'],
    ['minimal_tls_version', 'minimalTlsVersion'],
    ['version', 'version'],
    ['state', 'state'],
    ['administrator_login', 'administratorLogin'],
    ['fully_qualified_domain_name', 'fullyQualifiedDomainName'],
    ['private_endpoint_connections', 'privateEndpointConnections'],
  ],
  children: listedIn('server_audit_policy', 'encryption_protector', 'firewall_rules'),
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
