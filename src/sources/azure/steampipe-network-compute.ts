import type { SteampipeTable } from '../steampipe-row.ts';
import { armTable } from './steampipe-arm-table.ts';

/**
 * `azure_network_security_group`: `security_rules` and `default_security_rules` are the Go SDK's
 * SecurityRule records as ARM writes them (`{name, properties: {direction, access, priority,
 * sourceAddressPrefix(es), destinationPortRange(s)}}`); `diagnostic_settings` lists the group's
 * settings, where its logs are sent (null: none).
 */
export const azureNetworkSecurityGroupTable: SteampipeTable = armTable({
  table: 'azure_network_security_group',
  type: 'Microsoft.Network/networkSecurityGroups',
  idPattern: /\/providers\/microsoft\.network\/networksecuritygroups\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'security_rules', 'default_security_rules'],
  columnTypes: {
    security_rules: 'json',
    default_security_rules: 'json',
    subnets: 'json',
    network_interfaces: 'json',
    flow_logs: 'json',
    diagnostic_settings: 'json',
  },
  columns: [
    ['security_rules', 'securityRules'],
    ['default_security_rules', 'defaultSecurityRules'],
    ['subnets', 'subnets'],
    ['network_interfaces', 'networkInterfaces'],
    ['flow_logs', 'flowLogs'],
    ['provisioning_state', 'provisioningState'],
  ],
  diagnosticSettings: 'column',
});

/**
 * `azure_compute_virtual_machine`: `security_profile` is the VM's `securityProfile`
 * (`encryptionAtHost`, `securityType`; null where the VM has none, encryption at host off).
 */
export const azureVirtualMachineTable: SteampipeTable = armTable({
  table: 'azure_compute_virtual_machine',
  type: 'Microsoft.Compute/virtualMachines',
  // Directly under a resource group: a scale set's instances (`…/virtualMachineScaleSets/<s>/virtualMachines/<n>`,
  // azure_compute_virtual_machine_scale_set_vm) are not read as VMs.
  idPattern: /\/resourcegroups\/[^/]+\/providers\/microsoft\.compute\/virtualmachines\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'security_profile'],
  columnTypes: {
    security_profile: 'json',
    data_disks: 'json',
    network_interfaces: 'json',
    disable_password_authentication: 'boolean',
  },
  columns: [
    ['security_profile', 'securityProfile'],
    ['size', 'hardwareProfile.vmSize'],
    ['os_type', 'storageProfile.osDisk.osType'],
    ['managed_disk_id', 'storageProfile.osDisk.managedDisk.id'],
    ['data_disks', 'storageProfile.dataDisks'],
    ['network_interfaces', 'networkProfile.networkInterfaces'],
    ['disable_password_authentication', 'osProfile.linuxConfiguration.disablePasswordAuthentication'],
    ['vm_id', 'vmId'],
    ['provisioning_state', 'provisioningState'],
  ],
});

/**
 * `azure_compute_disk`: `encryption_type` and `encryption_disk_encryption_set_id` are the disk's
 * `encryption` (null: the platform key, ARM's default). The table has no column for
 * `securityProfile`: a confidential VM's disk encrypted with a customer key (its
 * `encryption.type` left at the platform key) reads as under the platform key.
 */
export const azureDiskTable: SteampipeTable = armTable({
  table: 'azure_compute_disk',
  type: 'Microsoft.Compute/disks',
  idPattern: /\/providers\/microsoft\.compute\/disks\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'encryption_type'],
  columnTypes: { disk_size_gb: 'number' },
  columns: [
    ['encryption_type', 'encryption.type'],
    ['encryption_disk_encryption_set_id', 'encryption.diskEncryptionSetId'],
    ['network_access_policy', 'networkAccessPolicy'],
    ['public_network_access', 'publicNetworkAccess'],
    ['disk_state', 'diskState'],
    ['disk_size_gb', 'diskSizeGB'],
    ['os_type', 'osType'],
    ['creation_data_option', 'creationData.createOption'],
    ['creation_data_source_resource_id', 'creationData.sourceResourceId'],
  ],
});

/**
 * `azure_kubernetes_cluster`: `api_server_access_profile` is the cluster's
 * `apiServerAccessProfile` (`enablePrivateCluster`, `authorizedIPRanges`; null: a public API
 * server open to all addresses), `enable_rbac` and `disk_encryption_set_id` its fields. The
 * table has no column for `disableLocalAccounts` nor for the cluster's diagnostic settings (its
 * control-plane logs): unknown, not the API's default.
 */
export const azureKubernetesClusterTable: SteampipeTable = armTable({
  table: 'azure_kubernetes_cluster',
  type: 'Microsoft.ContainerService/managedClusters',
  idPattern: /\/providers\/microsoft\.containerservice\/managedclusters\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'api_server_access_profile', 'enable_rbac', 'disk_encryption_set_id'],
  columnTypes: {
    api_server_access_profile: 'json',
    enable_rbac: 'boolean',
    aad_profile: 'json',
    network_profile: 'json',
    addon_profiles: 'json',
  },
  columns: [
    ['api_server_access_profile', 'apiServerAccessProfile'],
    ['enable_rbac', 'enableRBAC'],
    ['disk_encryption_set_id', 'diskEncryptionSetID'],
    ['aad_profile', 'aadProfile'],
    ['network_profile', 'networkProfile'],
    ['addon_profiles', 'addonProfiles'],
    ['kubernetes_version', 'kubernetesVersion'],
    ['provisioning_state', 'provisioningState'],
  ],
  notCarried: [{ fact: 'disableLocalAccounts', path: 'properties.disableLocalAccounts' }],
  diagnosticSettings: 'none',
});

/**
 * `azure_virtual_network`: `subnets` are the Go SDK's Subnet records as ARM writes them
 * (`{id, name, properties: {addressPrefix, networkSecurityGroup: {id}}}`), which tell the
 * network security groups whose flow logs cover the network.
 */
export const azureVirtualNetworkTable: SteampipeTable = armTable({
  table: 'azure_virtual_network',
  type: 'Microsoft.Network/virtualNetworks',
  idPattern: /\/providers\/microsoft\.network\/virtualnetworks\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'subnets'],
  columnTypes: { subnets: 'json', address_prefixes: 'json', enable_ddos_protection: 'boolean' },
  columns: [
    ['subnets', 'subnets'],
    ['address_prefixes', 'addressSpace.addressPrefixes'],
    ['enable_ddos_protection', 'enableDdosProtection'],
  ],
});

/**
 * `azure_network_watcher_flow_log`: a Network Watcher flow log's `target_resource_id` (a
 * network security group or virtual network) and `enabled`.
 */
export const azureFlowLogTable: SteampipeTable = armTable({
  table: 'azure_network_watcher_flow_log',
  type: 'Microsoft.Network/networkWatchers/flowLogs',
  idPattern: /\/providers\/microsoft\.network\/networkwatchers\/[^/]+\/flowlogs\/[^/]+$/i,
  requiredColumns: ['id', 'region', 'target_resource_id', 'enabled'],
  columnTypes: {
    enabled: 'boolean',
    retention_policy_days: 'number',
    retention_policy_enabled: 'boolean',
    traffic_analytics: 'json',
  },
  columns: [
    ['target_resource_id', 'targetResourceId'],
    ['enabled', 'enabled'],
    ['storage_id', 'storageId'],
    ['retention_policy_days', 'retentionPolicy.days'],
    ['retention_policy_enabled', 'retentionPolicy.enabled'],
  ],
});
