import type { SteampipeTable } from '../steampipe-row.ts';
import { armTable } from './steampipe-arm-table.ts';

/**
 * `azure_redis_cache`: the cache's `enable_non_ssl_port`, `minimum_tls_version` (null where ARM
 * leaves it out: the plugin nulls the empty enum), `public_network_access` and `subnet_id` (a
 * cache injected in a virtual network).
 */
export const azureRedisCacheTable: SteampipeTable = armTable({
  table: 'azure_redis_cache',
  type: 'Microsoft.Cache/Redis',
  idPattern: /\/providers\/microsoft\.cache\/redis\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'enable_non_ssl_port', 'minimum_tls_version', 'public_network_access'],
  columnTypes: {
    enable_non_ssl_port: 'boolean',
    port: 'number',
    ssl_port: 'number',
    redis_configuration: 'json',
  },
  columns: [
    ['enable_non_ssl_port', 'enableNonSslPort'],
    ['minimum_tls_version', 'minimumTlsVersion'],
    ['public_network_access', 'publicNetworkAccess'],
    ['subnet_id', 'subnetId'],
    ['redis_version', 'redisVersion'],
    ['port', 'port'],
    ['ssl_port', 'sslPort'],
    ['redis_configuration', 'redisConfiguration'],
  ],
});

/**
 * `azure_container_registry`: `admin_user_enabled`, `public_network_access`, `network_rule_set`
 * (`{defaultAction, ipRules}`, null on the tiers without a firewall) and `encryption`
 * (`{status, keyVaultProperties}`) in the API's names.
 */
export const azureContainerRegistryTable: SteampipeTable = armTable({
  table: 'azure_container_registry',
  type: 'Microsoft.ContainerRegistry/registries',
  idPattern: /\/providers\/microsoft\.containerregistry\/registries\/[^/]+$/i,
  requiredColumns: [
    'id',
    'region',
    'admin_user_enabled',
    'public_network_access',
    'network_rule_set',
    'encryption',
  ],
  columnTypes: {
    admin_user_enabled: 'boolean',
    network_rule_set: 'json',
    encryption: 'json',
    private_endpoint_connections: 'json',
  },
  columns: [
    ['admin_user_enabled', 'adminUserEnabled'],
    ['public_network_access', 'publicNetworkAccess'],
    ['network_rule_set', 'networkRuleSet'],
    ['network_rule_bypass_options', 'networkRuleBypassOptions'],
    ['encryption', 'encryption'],
    ['private_endpoint_connections', 'privateEndpointConnections'],
    ['login_server', 'loginServer'],
  ],
});

/**
 * `azure_diagnostic_setting`: the subscription's diagnostic settings (where its Activity Log is
 * sent): the destinations (`workspace_id`, `storage_account_id`, `event_hub_authorization_rule_id`)
 * and `logs` in the API's names (`[{category, enabled}]`). No `region` column: they have none.
 */
export const azureDiagnosticSettingTable: SteampipeTable = armTable({
  table: 'azure_diagnostic_setting',
  untagged: true,
  type: 'Microsoft.Insights/diagnosticSettings',
  idPattern: /^\/subscriptions\/[^/]+\/providers\/microsoft\.insights\/diagnosticsettings\/[^/]+$/i,
  requiredColumns: ['id', 'logs', 'workspace_id', 'storage_account_id', 'event_hub_authorization_rule_id'],
  columnTypes: { logs: 'json', metrics: 'json' },
  columns: [
    ['workspace_id', 'workspaceId'],
    ['storage_account_id', 'storageAccountId'],
    ['event_hub_authorization_rule_id', 'eventHubAuthorizationRuleId'],
    ['event_hub_name', 'eventHubName'],
    ['service_bus_rule_id', 'serviceBusRuleId'],
    ['log_analytics_destination_type', 'logAnalyticsDestinationType'],
    ['logs', 'logs'],
    ['metrics', 'metrics'],
  ],
});

/** `azure_log_analytics_workspace`: the workspace's `retention_in_days` (how long its logs are kept). */
export const azureLogAnalyticsWorkspaceTable: SteampipeTable = armTable({
  table: 'azure_log_analytics_workspace',
  type: 'Microsoft.OperationalInsights/workspaces',
  idPattern: /\/providers\/microsoft\.operationalinsights\/workspaces\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'retention_in_days'],
  columnTypes: { retention_in_days: 'number', sku: 'json' },
  columns: [
    ['retention_in_days', 'retentionInDays'],
    ['sku', 'sku'],
    ['public_network_access_for_ingestion', 'publicNetworkAccessForIngestion'],
    ['public_network_access_for_query', 'publicNetworkAccessForQuery'],
  ],
});

/**
 * `azure_security_center_subscription_pricing`: a Defender plan of the subscription (`name`:
 * VirtualMachines, StorageAccounts…) and its `pricing_tier` (Free or Standard). The plugin's
 * preview SDK has no `subPlan` nor `deprecated` (the API's older versions have no such field
 * either): the adapter tells a deprecated plan by its name.
 */
export const azureSecurityPricingTable: SteampipeTable = armTable({
  table: 'azure_security_center_subscription_pricing',
  untagged: true,
  type: 'Microsoft.Security/pricings',
  idPattern: /\/providers\/microsoft\.security\/pricings\/[^/]+$/i,
  requiredColumns: ['id', 'pricing_tier'],
  columnTypes: {},
  columns: [
    ['pricing_tier', 'pricingTier'],
    ['free_trial_remaining_time', 'freeTrialRemainingTime'],
  ],
});
