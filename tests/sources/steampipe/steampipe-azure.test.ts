import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { fact } from '../../helpers/checks.ts';
import { readRows } from './read-rows.ts';

// Rows as `steampipe query --output json "select * from <table>"` writes them, with the columns of
// turbot/steampipe-plugin-azure table_azure_network_security_group.go, table_azure_sql_server.go,
// table_azure_compute_virtual_machine.go, table_azure_compute_disk.go,
// table_azure_kubernetes_cluster.go, table_azure_postgresql_flexible_server.go,
// table_azure_mysql_flexible_server.go, table_azure_cosmosdb_account.go,
// table_azure_app_service_web_app.go and table_azure_role_assignment.go (see tests/corpus/SOURCES.md).
const SUB = '00000000-0000-4000-8000-000000000001';
const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const row = (id: string, columns: Record<string, unknown>) => {
  const name = id.split('/').pop()!;
  return {
    name,
    id,
    ...columns,
    region: 'japaneast',
    resource_group: 'rg',
    subscription_id: SUB,
    tags: null,
    title: name,
    akas: [id.toLowerCase()],
  };
};

beforeAll(loadCsvParser);

const nsgRule = (name: string, properties: Record<string, unknown>) => ({
  id: `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-web/securityRules/${name}`,
  name,
  etag: 'W/"1"',
  type: 'Microsoft.Network/networkSecurityGroups/securityRules',
  properties: { provisioningState: 'Succeeded', sourcePortRange: '*', ...properties },
});

describe('steampipe-rows: Azure tables', () => {
  it('reads an azure_network_security_group row’s rules and default rules, by priority', () => {
    const { resources } = readRows([
      row(`${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-web`, {
        type: 'Microsoft.Network/networkSecurityGroups',
        security_rules: [
          nsgRule('ssh-any', {
            access: 'Allow',
            direction: 'Inbound',
            priority: 100,
            protocol: 'Tcp',
            sourceAddressPrefix: '*',
            destinationPortRange: '22',
          }),
        ],
        default_security_rules: [
          nsgRule('DenyAllInBound', {
            access: 'Deny',
            direction: 'Inbound',
            priority: 65500,
            protocol: '*',
            sourceAddressPrefix: '*',
            destinationPortRange: '*',
          }),
        ],
        diagnostic_settings: null,
      }),
    ]);
    const [nsg] = resources;
    expect(nsg).toMatchObject({ kansaType: 'network.firewall', region: 'japaneast' });
    expect(fact(nsg, 'inboundRules')).toMatchObject({
      source: 'explicit',
      value: [
        { name: 'ssh-any', access: 'Allow', priority: 100, sourcePrefixes: ['*'], destinationPorts: ['22'] },
        { name: 'DenyAllInBound', priority: 65500 },
      ],
    });
    // The plugin writes an empty list of settings as null (a nil Go slice): listed, none.
    expect(fact(nsg, 'diagnosticSettingsListed')).toMatchObject({ source: 'explicit', value: true });
  });

  it('reads an azure_sql_server row with its firewall rules, auditing and TDE protector', () => {
    const server = `${RG}/providers/Microsoft.Sql/servers/sql-city`;
    const { resources } = readRows([
      row(server, {
        type: 'Microsoft.Sql/servers',
        kind: 'v12.0',
        public_network_access: 'Enabled',
        minimal_tls_version: '1.0',
        firewall_rules: [
          {
            id: `${server}/firewallRules/all`,
            name: 'all',
            type: 'Microsoft.Sql/servers/firewallRules',
            properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' },
          },
        ],
        server_audit_policy: [
          {
            id: `${server}/auditingSettings/Default`,
            name: 'Default',
            type: 'Microsoft.Sql/servers/auditingSettings',
            properties: { state: 'Disabled', retentionDays: 0, isAzureMonitorTargetEnabled: false },
          },
        ],
        encryption_protector: [
          {
            id: `${server}/encryptionProtector/current`,
            name: 'current',
            type: 'Microsoft.Sql/servers/encryptionProtector',
            kind: 'servicemanaged',
            location: 'Japan East',
            properties: { serverKeyName: 'ServiceManaged', serverKeyType: 'ServiceManaged' },
          },
        ],
      }),
    ]);
    const [sql, ...children] = resources;
    expect(sql).toMatchObject({ kansaType: 'database.server', id: server.toLowerCase() });
    expect(fact(sql, 'minimalTlsVersion')).toMatchObject({ source: 'explicit', value: '1.0' });
    expect(fact(sql, 'reachableFromInternet')).toMatchObject({ value: true });
    expect(children.map((child) => child.id)).toEqual([
      server.toLowerCase(),
      server.toLowerCase(),
      `${server}/firewallRules/all`.toLowerCase(),
    ]);
    expect(fact(children[2], 'startIpAddress')).toMatchObject({ value: '0.0.0.0' });
    expect(fact(children[0], 'auditingState')).toMatchObject({
      source: 'explicit',
      value: 'Disabled',
      path: 'auditingSettings.properties.state',
    });
    expect(fact(children[1], 'customerManagedKey')).toMatchObject({ value: false });
  });

  it('reads the encryption protector older plugins flattened, and leaves unlisted children unknown', () => {
    const server = `${RG}/providers/Microsoft.Sql/servers/sql-old`;
    const { resources } = readRows([
      row(server, {
        public_network_access: null,
        minimal_tls_version: null,
        firewall_rules: null,
        server_audit_policy: null,
        encryption_protector: [
          {
            id: `${server}/encryptionProtector/current`,
            name: 'current',
            type: 'Microsoft.Sql/servers/encryptionProtector',
            kind: 'azurekeyvault',
            serverKeyName: 'kv-city_key_0123',
            serverKeyType: 'AzureKeyVault',
            uri: 'https://kv-city.vault.azure.net/keys/key/0123',
          },
        ],
      }),
    ]);
    expect(resources).toHaveLength(2);
    const [sql, protector] = resources;
    // Null is ARM's absent field: no minimal TLS version, the public endpoint on.
    expect(fact(sql, 'minimalTlsVersion')).toMatchObject({ source: 'default', value: 'None' });
    expect(fact(sql, 'publicNetworkAccess')).toMatchObject({ source: 'default', value: 'Enabled' });
    expect(fact(sql, 'auditingState')).toBeUndefined();
    expect(fact(protector, 'customerManagedKey')).toMatchObject({ value: true });
  });

  it('reads azure_compute_virtual_machine and azure_compute_disk rows’ encryption', () => {
    const { resources } = readRows([
      row(`${RG}/providers/Microsoft.Compute/virtualMachines/vm-host`, {
        security_profile: { encryptionAtHost: true, securityType: 'TrustedLaunch' },
        size: 'Standard_D2s_v5',
        os_type: 'Linux',
      }),
      row(`${RG}/providers/Microsoft.Compute/virtualMachines/vm-plain`, {
        security_profile: null,
        size: 'Standard_B2s',
        os_type: 'Linux',
      }),
    ]);
    expect(fact(resources[0], 'encryptionAtHost')).toMatchObject({ source: 'explicit', value: true });
    // A scale set's instance (azure_compute_virtual_machine_scale_set_vm) is not a VM of this table.
    const instance = `${RG}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss/virtualMachines/0`;
    expect(readRows([row(instance, { security_profile: null })]).skipped[0]).toMatch(/Steampipe table row/);
    expect(fact(resources[1], 'encryptionAtHost')).toMatchObject({ source: 'default', value: false });

    const disks = readRows([
      row(`${RG}/providers/Microsoft.Compute/disks/disk-cmk`, {
        sku_name: 'Premium_LRS',
        sku_tier: 'Premium',
        disk_size_gb: 128,
        encryption_type: 'EncryptionAtRestWithCustomerKey',
        encryption_disk_encryption_set_id: `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des`,
        network_access_policy: 'AllowAll',
      }),
      row(`${RG}/providers/Microsoft.Compute/disks/disk-pmk`, {
        sku_name: 'Standard_LRS',
        sku_tier: 'Standard',
        disk_size_gb: 32,
        encryption_type: 'EncryptionAtRestWithPlatformKey',
        encryption_disk_encryption_set_id: null,
        network_access_policy: 'AllowAll',
      }),
    ]).resources;
    expect(disks.map((disk) => fact(disk, 'customerManagedKey')?.value)).toEqual([true, false]);
  });

  it('reads an azure_kubernetes_cluster row; local accounts and logs, which it has no column for, stay unknown', () => {
    const { resources } = readRows([
      row(`${RG}/providers/Microsoft.ContainerService/managedClusters/aks-city`, {
        api_server_access_profile: { authorizedIPRanges: ['203.0.113.0/24'], enablePrivateCluster: false },
        enable_rbac: true,
        disk_encryption_set_id: null,
        kubernetes_version: '1.29.2',
      }),
    ]);
    const [cluster] = resources;
    expect(cluster).toMatchObject({ kansaType: 'container.cluster' });
    expect(fact(cluster, 'authorizedIpRanges')).toMatchObject({ value: ['203.0.113.0/24'] });
    expect(fact(cluster, 'privateCluster')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(cluster, 'enableRbac')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(cluster, 'disableLocalAccounts')).toMatchObject({ source: 'unknown' });
    // Its control-plane logs' settings are in no column: other resources' settings say nothing of it.
    expect(fact(cluster, 'diagnosticSettingsListed')).toMatchObject({ source: 'unknown' });
  });

  it('reads a flexible server’s parameters and firewall rules from their columns', () => {
    const server = `${RG}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-city`;
    const parameter = (name: string, value: string) => ({
      ID: `${server}/configurations/${name}`,
      Name: name,
      Type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
      ConfigurationProperties: {
        value,
        defaultValue: value,
        source: 'system-default',
        dataType: 'Enumeration',
      },
    });
    const { resources } = readRows([
      row(server, {
        sku: { name: 'Standard_B1ms', tier: 'Burstable' },
        public_network_access: 'Enabled',
        network: { publicNetworkAccess: 'Enabled' },
        data_encryption: { type: 'SystemManaged' },
        replication_role: 'Primary',
        flexible_server_configurations: [
          parameter('require_secure_transport', 'off'),
          parameter('ssl_min_protocol_version', 'TLSv1.2'),
        ],
        firewall_rules: [
          {
            id: `${server}/firewallRules/office`,
            name: 'office',
            type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
            properties: { startIpAddress: '203.0.113.10', endIpAddress: '203.0.113.20' },
          },
        ],
      }),
    ]);
    const [pg, secure, minimum, rule] = resources;
    expect(pg).toMatchObject({ kansaType: 'database.instance' });
    expect(fact(pg, 'publicNetworkAccess')).toMatchObject({ source: 'explicit', value: 'Enabled' });
    expect(fact(pg, 'customerManagedKey')).toMatchObject({ value: false });
    expect(fact(secure, 'requireSecureTransport')).toMatchObject({ value: false });
    expect(fact(minimum, 'minimalTlsVersion')).toMatchObject({ value: 'TLSv1.2' });
    expect(rule).toMatchObject({ kansaType: 'network.firewall-rule' });
  });

  it('leaves an azure_mysql_flexible_server’s key unknown: the table has no dataEncryption column', () => {
    const { resources } = readRows([
      row(`${RG}/providers/Microsoft.DBforMySQL/flexibleServers/my-city`, {
        public_network_access: 'Disabled',
        network: { publicNetworkAccess: 'Disabled', delegatedSubnetResourceId: 'subnet' },
        flexible_server_configurations: null,
      }),
    ]);
    const [mysql] = resources;
    expect(fact(mysql, 'reachableFromInternet')).toMatchObject({ value: false });
    expect(fact(mysql, 'customerManagedKey')).toMatchObject({ source: 'unknown' });
  });

  it('reads an azure_cosmosdb_account row: an empty enum is the API’s absent field', () => {
    const { resources } = readRows([
      row(`${RG}/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-city`, {
        kind: 'GlobalDocumentDB',
        type: 'Microsoft.DocumentDB/databaseAccounts',
        public_network_access: '',
        ip_rules: [],
        is_virtual_network_filter_enabled: true,
        key_vault_key_uri: null,
        locations: [{ locationName: 'Japan East', failoverPriority: 0 }],
      }),
    ]);
    const [account] = resources;
    expect(fact(account, 'publicNetworkAccess')).toMatchObject({ source: 'default', value: 'Enabled' });
    // Virtual networks only, no IP rule: closed to the internet.
    expect(fact(account, 'reachableFromInternet')).toMatchObject({ value: false });
    expect(fact(account, 'customerManagedKey')).toMatchObject({ value: false });
  });

  it('reads an azure_app_service_web_app row with its config/web record', () => {
    const app = `${RG}/providers/Microsoft.Web/sites/app-city`;
    const { resources } = readRows([
      row(app, {
        https_only: false,
        site_config: { numberOfWorkers: 1, alwaysOn: false },
        configuration: {
          id: `${app}/config/web`,
          name: 'app-city',
          type: 'Microsoft.Web/sites/config',
          location: 'Japan East',
          properties: { minTlsVersion: '1.0', ftpsState: 'AllAllowed', http20Enabled: false },
        },
        diagnostic_settings: null,
      }),
    ]);
    const [site, config] = resources;
    expect(fact(site, 'httpsOnly')).toMatchObject({ source: 'explicit', value: false });
    expect(fact(site, 'publicNetworkAccess')).toMatchObject({ source: 'unknown' });
    expect(config).toMatchObject({ id: app.toLowerCase() });
    expect(fact(config, 'minTlsVersion')).toMatchObject({ source: 'explicit', value: '1.0' });
  });

  it('reads an azure_role_assignment row, which has no region', () => {
    const { region: _none, ...assignment } = row(
      `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignments/7a9c0000-0000-4000-8000-000000000001`,
      {
        scope: `/subscriptions/${SUB}`,
        principal_id: 'A1B2C3D4-0000-4000-8000-000000000009',
        principal_type: 'User',
        role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`,
      },
    );
    const [resource] = readRows([assignment]).resources;
    expect(resource).toMatchObject({ kansaType: 'iam.role-assignment', account: SUB });
    expect(fact(resource, 'roleDefinitionId')).toMatchObject({
      value: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    });
    expect(fact(resource, 'principalId')).toMatchObject({ value: 'a1b2c3d4-0000-4000-8000-000000000009' });
  });

  it('reads azure_virtual_network subnets and azure_network_watcher_flow_log targets', () => {
    const nsg = `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-web`;
    const vnet = readRows([
      row(`${RG}/providers/Microsoft.Network/virtualNetworks/vnet-city`, {
        address_prefixes: ['10.0.0.0/16'],
        enable_ddos_protection: false,
        subnets: [
          {
            id: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-city/subnets/web`,
            name: 'web',
            properties: { addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: nsg } },
          },
        ],
      }),
    ]).resources[0];
    expect(fact(vnet, 'subnets')).toMatchObject({
      value: [{ networkSecurityGroupId: nsg.toLowerCase() }],
    });
    const log = readRows([
      row(
        '/subscriptions/' +
          SUB +
          '/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_japaneast/flowLogs/nsg-web-log',
        {
          enabled: true,
          target_resource_id: nsg,
          storage_id: `${RG}/providers/Microsoft.Storage/storageAccounts/stlogs`,
          retention_policy_days: 90,
          retention_policy_enabled: true,
        },
      ),
    ]).resources[0];
    expect(log).toMatchObject({ kansaType: 'network.flow-log' });
    expect(fact(log, 'targetResourceId')).toMatchObject({ value: nsg.toLowerCase() });
    expect(fact(log, 'enabled')).toMatchObject({ source: 'explicit', value: true });
  });

  it('reads an azure_app_service_function_app row, a site with the web app’s columns, as the site', () => {
    const app = `${RG}/providers/Microsoft.Web/sites/func-city`;
    const [site] = readRows([
      row(app, {
        kind: 'functionapp,linux',
        https_only: true,
        site_config: null,
        configuration: {
          id: `${app}/config/web`,
          name: 'func-city',
          type: 'Microsoft.Web/sites/config',
          properties: { minTlsVersion: '1.2', ftpsState: 'FtpsOnly' },
        },
      }),
    ]).resources;
    expect(site).toMatchObject({ kansaType: 'compute.serverless', id: app.toLowerCase() });
    expect(fact(site, 'httpsOnly')).toMatchObject({ value: true });
  });

  it('reads azure_key_vault_key rows: the expiry timestamp put back as Unix seconds, the rotation policy', () => {
    const vault = `${RG}/providers/Microsoft.KeyVault/vaults/kv-city`;
    const { resources } = readRows([
      row(`${vault}/keys/cmk`, {
        vault_name: 'kv-city',
        enabled: true,
        key_type: 'RSA-HSM',
        expires_at: '2027-06-30T00:00:00Z',
        key_size: 3072,
        rotation_policy: {
          attributes: { expiryTime: 'P2Y' },
          lifetimeActions: [
            { action: { type: 'rotate' }, trigger: { timeAfterCreate: 'P90D' } },
            { action: { type: 'notify' }, trigger: { timeBeforeExpiry: 'P30D' } },
          ],
        },
      }),
      row(`${vault}/keys/legacy`, {
        vault_name: 'kv-city',
        enabled: true,
        key_type: 'RSA',
        expires_at: null,
        key_size: 2048,
        rotation_policy: null,
      }),
    ]);
    const [cmk, legacy] = resources;
    expect(cmk).toMatchObject({ kansaType: 'kms.key' });
    expect(fact(cmk, 'expiresOn')).toMatchObject({ source: 'explicit', value: '2027-06-30T00:00:00.000Z' });
    expect(fact(cmk, 'rotationPeriodDays')).toMatchObject({ value: 90 });
    expect(fact(cmk, 'hsmBackedKey')).toMatchObject({ value: true });
    // Null: the key never expires, and has no rotation policy.
    expect(fact(legacy, 'expiresOn')).toMatchObject({ source: 'default', value: null });
    expect(fact(legacy, 'rotationPeriodDays')).toMatchObject({ value: null });
  });

  // `--timing`: the table's Get (key columns vault_name, name, resource_group) answered one key;
  // its List has no key column, so a WHERE on the vault alone leaves no qual (all its keys).
  it('reads azure_key_vault_key rows of a scan asked by the key’s name as picked, no listing of the vault’s keys', () => {
    const vault = `${RG}/providers/Microsoft.KeyVault/vaults/kv-city`;
    const keyRow = row(`${vault}/keys/cmk`, {
      vault_name: 'kv-city',
      enabled: true,
      key_type: 'RSA',
      expires_at: null,
      key_size: 2048,
      rotation_policy: null,
    });
    const timed = (quals: object[], limit?: number) => ({
      columns: Object.keys(keyRow).map((name) => ({ name, data_type: 'text' })),
      rows: [keyRow],
      metadata: {
        duration_ms: 311,
        scans: [
          {
            connection: 'azure',
            table: 'azure_key_vault_key',
            rows_fetched: 1,
            quals,
            ...(limit && { limit }),
          },
        ],
        rows_returned: 1,
      },
    });
    const [byName] = readRows(
      timed([
        { column: 'vault_name', operator: '=', value: 'kv-city' },
        { column: 'name', operator: '=', value: 'cmk' },
        { column: 'resource_group', operator: '=', value: 'rg-city' },
      ]),
    ).resources;
    expect(byName?.picked).toBe(true);
    const [limited] = readRows(timed([], 1)).resources;
    expect(limited?.picked).toBe(true);
    const [whole] = readRows(timed([])).resources;
    expect(whole?.picked).toBeUndefined();
    expect(fact(whole, 'vaultKeysListed')).toMatchObject({ source: 'explicit', value: true });
  });

  // table_azure_key_vault_managed_hardware_security_module.go: the pool's ARM properties as columns.
  it('reads an azure_key_vault_managed_hardware_security_module row as the managed HSM', () => {
    const hsm = `${RG}/providers/Microsoft.KeyVault/managedHSMs/hsm-city`;
    const [pool] = readRows([
      row(hsm, {
        type: 'Microsoft.KeyVault/managedHSMs',
        hsm_uri: 'https://hsm-city.managedhsm.azure.net/',
        enable_soft_delete: true,
        enable_purge_protection: null,
        sku_name: 'Standard_B1',
        diagnostic_settings: null,
      }),
    ]).resources;
    expect(pool).toMatchObject({ kansaType: 'kms.vault', nativeType: 'microsoft.keyvault/managedhsms' });
    expect(fact(pool, 'softDeleteEnabled')).toMatchObject({ source: 'explicit', value: true });
    // Null: the field left out, whose default on a managed HSM is on.
    expect(fact(pool, 'purgeProtectionEnabled')).toMatchObject({ source: 'default', value: true });
    expect(fact(pool, 'diagnosticSettingsListed')).toMatchObject({ value: true });
  });

  it('reads azure_redis_cache, azure_container_registry, azure_log_analytics_workspace and azure_diagnostic_setting rows', () => {
    const [redis] = readRows([
      row(`${RG}/providers/Microsoft.Cache/Redis/redis-city`, {
        enable_non_ssl_port: true,
        minimum_tls_version: null,
        public_network_access: 'Enabled',
        subnet_id: null,
        sku_name: 'Standard',
        sku_family: 'C',
      }),
    ]).resources;
    expect(redis).toMatchObject({ kansaType: 'cache.cluster' });
    expect(fact(redis, 'enableNonSslPort')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(redis, 'minimumTlsVersion')).toMatchObject({ source: 'unknown' });

    const [registry] = readRows([
      row(`${RG}/providers/Microsoft.ContainerRegistry/registries/acrcity`, {
        admin_user_enabled: true,
        public_network_access: 'Enabled',
        network_rule_set: { defaultAction: 'Allow', ipRules: [] },
        encryption: { status: 'disabled' },
        sku_name: 'Premium',
        sku_tier: 'Premium',
      }),
    ]).resources;
    expect(fact(registry, 'adminUserEnabled')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(registry, 'reachableFromInternet')).toMatchObject({ value: true });
    expect(fact(registry, 'customerManagedKey')).toMatchObject({ value: false });

    const { region: _none, ...setting } = row(
      `/subscriptions/${SUB}/providers/microsoft.insights/diagnosticSettings/activity-to-law`,
      {
        type: 'Microsoft.Insights/diagnosticSettings',
        workspace_id: `${RG}/providers/Microsoft.OperationalInsights/workspaces/law`,
        storage_account_id: null,
        event_hub_authorization_rule_id: null,
        logs: [
          { category: 'Administrative', enabled: true },
          { category: 'Security', enabled: true },
          { category: 'Policy', enabled: false },
        ],
      },
    );
    const [workspace] = readRows([
      row(`${RG}/providers/Microsoft.OperationalInsights/workspaces/law`, {
        retention_in_days: 30,
        sku: { name: 'PerGB2018' },
      }),
    ]).resources;
    expect(fact(workspace, 'retentionInDays')).toMatchObject({ source: 'explicit', value: 30 });
    const [activity] = readRows([setting]).resources;
    expect(activity).toMatchObject({ kansaType: 'audit.diagnostic-setting' });
    expect(fact(activity, 'targetResourceId')).toMatchObject({ value: `/subscriptions/${SUB}` });
    expect(fact(activity, 'enabledCategories')).toMatchObject({ value: ['Administrative', 'Security'] });
  });

  it('skips a row whose query left out a column the checks read, naming it', () => {
    const { resources, skipped } = readRows([
      {
        name: 'sql-city',
        id: `${RG}/providers/Microsoft.Sql/servers/sql-city`,
        title: 'sql-city',
        akas: [],
        region: 'japaneast',
      },
    ]);
    expect(resources).toHaveLength(0);
    expect(skipped[0]).toMatch(
      /azure_sql_server row without the columns public_network_access, minimal_tls_version/,
    );
  });
});
