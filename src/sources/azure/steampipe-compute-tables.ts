import type { SteampipeTable } from '../steampipe-row.ts';
import { armTable } from './steampipe-tables.ts';

// Steampipe's Azure compute and application tables (turbot/steampipe-plugin-azure
// `table_azure_<table>.go`), read as the ARM records their columns flatten (steampipe-tables.ts).

/**
 * `azure_compute_disk`: the disk's `encryption_type` (`EncryptionAtRestWithPlatformKey`,
 * `…WithCustomerKey`, `…WithPlatformAndCustomerKeys`) and disk encryption set, its network
 * access policy and public network access.
 */
export const azureComputeDiskTable: SteampipeTable = armTable({
  table: 'azure_compute_disk',
  type: 'Microsoft.Compute/disks',
  idPattern: /\/providers\/microsoft\.compute\/disks\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'encryption_type'],
  columnTypes: {
    disk_size_gb: 'number',
    disk_size_bytes: 'number',
    encryption_settings_collection_enabled: 'boolean',
    encryption_settings_collection_settings: 'json',
    share_info: 'json',
    zones: 'json',
    managed_by_extended: 'json',
  },
  columns: [
    ['encryption_type', 'encryption.type'],
    ['encryption_disk_encryption_set_id', 'encryption.diskEncryptionSetId'],
    ['encryption_settings_collection_enabled', 'encryptionSettingsCollection.enabled'],
    ['network_access_policy', 'networkAccessPolicy'],
    ['public_network_access', 'publicNetworkAccess'],
    ['disk_access_id', 'diskAccessId'],
    ['disk_state', 'diskState'],
    ['disk_size_gb', 'diskSizeGB'],
    ['os_type', 'osType'],
    ['creation_data_option', 'creationData.createOption'],
    ['creation_data_source_resource_id', 'creationData.sourceResourceId'],
  ],
});

/**
 * `azure_redis_cache`: `enable_non_ssl_port`, `minimum_tls_version` (null where the API leaves
 * it out: unknown, its default depending on when the cache was created), `public_network_access`,
 * and `subnet_id` for a cache deployed into a virtual network.
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
    sku_capacity: 'number',
    replicas_per_master: 'number',
    shard_count: 'number',
    access_keys: 'json',
    linked_servers: 'json',
    instances: 'json',
    private_endpoint_connections: 'json',
    redis_configuration: 'json',
    tenant_settings: 'json',
    zones: 'json',
  },
  columns: [
    ['enable_non_ssl_port', 'enableNonSslPort'],
    ['minimum_tls_version', 'minimumTlsVersion'],
    ['public_network_access', 'publicNetworkAccess'],
    ['subnet_id', 'subnetId'],
    ['static_ip', 'staticIP'],
    ['redis_version', 'redisVersion'],
    ['private_endpoint_connections', 'privateEndpointConnections'],
  ],
});

/**
 * `azure_app_service_web_app`: `https_only`, the list's `site_config`, and `configuration`, the
 * app's `config/web` as the Go SDK writes it (`{"properties": {minTlsVersion, ftpsState, …}}`,
 * without the id, name and type it leaves out as read-only): read as the app's `config/web`
 * child, as `az webapp config show` is. Its diagnostic settings are listed too.
 */
export const azureWebAppTable: SteampipeTable = armTable({
  table: 'azure_app_service_web_app',
  type: 'Microsoft.Web/sites',
  idPattern: /\/providers\/microsoft\.web\/sites\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'https_only', 'configuration'],
  columnTypes: {
    client_affinity_enabled: 'boolean',
    client_cert_enabled: 'boolean',
    enabled: 'boolean',
    host_name_disabled: 'boolean',
    https_only: 'boolean',
    reserved: 'boolean',
    identity: 'json',
    host_names: 'json',
    auth_settings: 'json',
    configuration: 'json',
    diagnostic_logs_configuration: 'json',
    diagnostic_settings: 'json',
    site_config: 'json',
    storage_info_value: 'json',
    vnet_connection: 'json',
  },
  columns: [
    ['https_only', 'httpsOnly'],
    ['client_cert_enabled', 'clientCertEnabled'],
    ['enabled', 'enabled'],
    ['state', 'state'],
    ['site_config', 'siteConfig'],
    ['default_site_hostname', 'defaultHostName'],
  ],
  diagnosticSettings: true,
  // The table's SDK predates the app's publicNetworkAccess: whether it is public is not in the row.
  notInTable: {
    publicNetworkAccess: 'properties.publicNetworkAccess',
    reachableFromInternet: 'properties.publicNetworkAccess',
  },
  children(row) {
    const configuration = row.configuration;
    if (typeof configuration !== 'object' || configuration === null || Array.isArray(configuration))
      return [];
    return [
      {
        ...configuration,
        id: `${String(row.id)}/config/web`,
        name: 'web',
        type: 'Microsoft.Web/sites/config',
      },
    ];
  },
});

/**
 * `azure_kubernetes_cluster`: `enable_rbac`, `api_server_access_profile` (the Go SDK's
 * `{authorizedIPRanges, enablePrivateCluster, …}`), `disk_encryption_set_id`, `aad_profile`. The
 * table has no column for `disableLocalAccounts`, which stays unknown.
 */
export const azureKubernetesClusterTable: SteampipeTable = armTable({
  table: 'azure_kubernetes_cluster',
  type: 'Microsoft.ContainerService/managedClusters',
  idPattern: /\/providers\/microsoft\.containerservice\/managedclusters\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'enable_rbac', 'api_server_access_profile', 'disk_encryption_set_id'],
  columnTypes: {
    enable_rbac: 'boolean',
    enable_pod_security_policy: 'boolean',
    max_agent_pools: 'number',
    aad_profile: 'json',
    addon_profiles: 'json',
    agent_pool_profiles: 'json',
    api_server_access_profile: 'json',
    auto_scaler_profile: 'json',
    auto_upgrade_profile: 'json',
    identity: 'json',
    identity_profile: 'json',
    linux_profile: 'json',
    network_profile: 'json',
    pod_identity_profile: 'json',
    power_state: 'json',
    service_principal_profile: 'json',
    sku: 'json',
    windows_profile: 'json',
  },
  columns: [
    ['enable_rbac', 'enableRBAC'],
    ['api_server_access_profile', 'apiServerAccessProfile'],
    ['disk_encryption_set_id', 'diskEncryptionSetID'],
    ['aad_profile', 'aadProfile'],
    ['network_profile', 'networkProfile'],
    ['kubernetes_version', 'kubernetesVersion'],
    ['private_fqdn', 'privateFQDN'],
    ['fqdn', 'fqdn'],
  ],
  notInTable: { disableLocalAccounts: 'properties.disableLocalAccounts' },
});

/**
 * `azure_compute_virtual_machine`: `security_profile` (the Go SDK's `{encryptionAtHost,
 * securityType, uefiSettings}`, null where the API leaves it out: no encryption at host).
 */
export const azureVirtualMachineTable: SteampipeTable = armTable({
  table: 'azure_compute_virtual_machine',
  type: 'Microsoft.Compute/virtualMachines',
  idPattern: /\/providers\/microsoft\.compute\/virtualmachines\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'security_profile'],
  columnTypes: {
    allow_extension_operations: 'boolean',
    boot_diagnostics_enabled: 'boolean',
    disable_password_authentication: 'boolean',
    enable_automatic_updates: 'boolean',
    provision_vm_agent: 'boolean',
    provision_vm_agent_windows: 'boolean',
    require_guest_provision_signal: 'boolean',
    ultra_ssd_enabled: 'boolean',
    billing_profile_max_price: 'number',
    additional_unattend_content: 'json',
    data_disks: 'json',
    linux_configuration_ssh_public_keys: 'json',
    network_interfaces: 'json',
    patch_settings: 'json',
    private_ips: 'json',
    public_ips: 'json',
    secrets: 'json',
    statuses: 'json',
    extensions: 'json',
    guest_configuration_assignments: 'json',
    identity: 'json',
    security_profile: 'json',
    win_rm: 'json',
    zones: 'json',
  },
  columns: [
    ['security_profile', 'securityProfile'],
    ['vm_id', 'vmId'],
    ['size', 'hardwareProfile.vmSize'],
    ['os_type', 'storageProfile.osDisk.osType'],
    ['managed_disk_id', 'storageProfile.osDisk.managedDisk.id'],
  ],
});
