import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * azurerm 2.x plans where the provider fills in what the configuration leaves out (SOURCES.md,
 * "Dialects of public plans"): the plan tells the setting, though not in so many words.
 */

const providers = { azurerm: { features: constant([{}]) } };

describe('azurerm 2.x storage account network rules without ip_rules', () => {
  // Modelled on fugue/regula `rego/tests/rules/tf/azurerm/storage/inputs/account_deny_access_infra.json`
  // and `account_microsoft_services_infra.json` (format 0.1, Terraform 0.13.5): a `network_rules`
  // block with only `default_action = "Deny"` (and `bypass`), its Optional+Computed `ip_rules`
  // and `virtual_network_subnet_ids` in `after_unknown`.
  const account = (name: string, networkRules: Json, rulesUnknown: Json, expressions: Json): Change => ({
    address: `azurerm_storage_account.${name}`,
    after: {
      name,
      location: 'japaneast',
      account_tier: 'Standard',
      account_replication_type: 'LRS',
      allow_blob_public_access: false,
      enable_https_traffic_only: true,
      min_tls_version: 'TLS1_2',
      network_rules: [networkRules],
    },
    afterUnknown: { id: true, network_rules: [rulesUnknown] },
    expressions: { name: constant(name), network_rules: [expressions] },
  });
  const document = plan(
    [
      account(
        'deny_only',
        { default_action: 'Deny', bypass: ['AzureServices'] },
        { bypass: [false], ip_rules: true, virtual_network_subnet_ids: true },
        { default_action: constant('Deny'), bypass: constant(['AzureServices']) },
      ),
      // `ip_rules = var.allowed` with no value the plan can show: the rules are unknown.
      account(
        'ip_rules_from_variable',
        { default_action: 'Deny' },
        { ip_rules: true, virtual_network_subnet_ids: true },
        { default_action: constant('Deny'), ip_rules: ref('azurerm_public_ip.office.ip_address') },
      ),
    ],
    { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
  );

  it('reads a Deny block that leaves ip_rules out as allowing no address (the provider’s empty set)', async () => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'common.classification.closed-network', 'azurerm_storage_account.deny_only').status,
    ).toBe('PASS');
  });

  it('leaves ip_rules the configuration sets but the plan cannot show unknown', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(
      scanned,
      'common.classification.closed-network',
      'azurerm_storage_account.ip_rules_from_variable',
    );
    expect(finding.status).toBe('UNKNOWN');
  });
});

describe('azurerm 2.x azurerm_sql_server (no public_network_access_enabled)', () => {
  // Modelled on fugue/regula `rego/tests/rules/tf/azurerm/sql/inputs/firewall_no_inbound_all_infra.json`
  // (format 0.1, Terraform 0.13.5): `azurerm_sql_server` of azurerm 2.x has no
  // `public_network_access_enabled`, so its `after` leaves the key out; the API's default is Enabled.
  const server = (name: string, actions: string[], before: Json | null): Change => ({
    address: `azurerm_sql_server.${name}`,
    actions,
    before,
    after: {
      name,
      location: 'japaneast',
      version: '12.0',
      administrator_login: 'sqladmin',
      connection_policy: 'Default',
      identity: [],
      tags: null,
    },
    afterUnknown: { id: true, fully_qualified_domain_name: true, extended_auditing_policy: true },
  });
  const document = plan(
    [
      server('created', ['create'], null),
      // An existing server: the setting may have been changed outside Terraform.
      server('existing', ['update'], {
        name: 'existing',
        location: 'japaneast',
        version: '12.0',
        tags: { a: 'b' },
      }),
    ],
    { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
  );

  it('fails public network access of a new server: the API enables it', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'azure.database.public-network-access', 'azurerm_sql_server.created');
    expect(finding.status).toBe('FAIL');
    const facts = resourceOf(scanned, 'azurerm_sql_server.created').facts as Record<
      string,
      { value?: unknown; source?: string; path?: string }
    >;
    expect(facts.publicNetworkAccess).toMatchObject({
      value: 'Enabled',
      source: 'default',
      path: 'azurerm_sql_server.created.public_network_access_enabled',
    });
  });

  it('leaves an existing server’s setting unknown', async () => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'azure.database.public-network-access', 'azurerm_sql_server.existing').status,
    ).toBe('UNKNOWN');
  });
});

describe('SQL server firewall rules', () => {
  // Modelled on the same regula input (`azurerm_sql_firewall_rule` whose `server_name` refers to
  // `azurerm_sql_server.example`, rules from 0.0.0.0 to 255.255.255.255 and narrower) and on the
  // azurerm 3.x schema of `azurerm_mssql_firewall_rule` (`server_id`, known after apply).
  const rule = (address: string, after: Json, expressions: Json): Change => ({
    address,
    after: { name: address.split('.')[1], ...after },
    afterUnknown: { id: true },
    expressions,
  });
  const document = plan(
    [
      {
        address: 'azurerm_sql_server.legacy',
        after: { name: 'legacy-sql', location: 'japaneast', version: '12.0', identity: [] },
        afterUnknown: { id: true },
      },
      rule(
        'azurerm_sql_firewall_rule.everyone',
        { server_name: 'legacy-sql', start_ip_address: '0.0.0.0', end_ip_address: '255.255.255.255' },
        { server_name: ref('azurerm_sql_server.legacy.name', 'azurerm_sql_server.legacy') },
      ),
      {
        address: 'azurerm_mssql_server.current',
        after: {
          name: 'current-sql',
          location: 'japaneast',
          version: '12.0',
          minimum_tls_version: '1.2',
          public_network_access_enabled: true,
        },
        afterUnknown: { id: true },
      },
      rule(
        'azurerm_mssql_firewall_rule.office',
        { start_ip_address: '203.0.113.1', end_ip_address: '203.0.113.10' },
        { server_id: ref('azurerm_mssql_server.current.id', 'azurerm_mssql_server.current') },
      ),
      rule(
        'azurerm_mssql_firewall_rule.azure_services',
        { start_ip_address: '0.0.0.0', end_ip_address: '0.0.0.0' },
        { server_id: ref('azurerm_mssql_server.current.id', 'azurerm_mssql_server.current') },
      ),
    ],
    { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
  );

  it('reads the rules as the server’s: one admitting the whole internet makes an open server critical', async () => {
    const scanned = await scanDocument(document);
    const legacy = findingOf(scanned, 'azure.database.public-network-access', 'azurerm_sql_server.legacy');
    expect(legacy).toMatchObject({ status: 'FAIL', messageId: 'openToInternet' });
    expect(legacy.data).toEqual({ rules: ['everyone'] });
    expect(legacy.severity).toBe('critical');
    const current = findingOf(
      scanned,
      'azure.database.public-network-access',
      'azurerm_mssql_server.current',
    );
    expect(current.status).toBe('FAIL');
    expect(current.severity).not.toBe('critical');
    expect(resourceOf(scanned, 'azurerm_mssql_server.current/firewallrules/office').kansaType).toBe(
      'network.firewall-rule',
    );
    expect(scanned.coverage.skipped).toEqual([]);
  });
});

describe('a new Key Vault without network_acls (azurerm 3.x)', () => {
  // Modelled on an azurerm 3.x plan (format 1.2) of an AKS application found through code search:
  // `azurerm_key_vault` with `public_network_access_enabled: true` and the Optional+Computed
  // `network_acls` in `after_unknown`.
  const vault = (name: string, expressions: Json): Change => ({
    address: `azurerm_key_vault.${name}`,
    after: {
      name,
      location: 'japaneast',
      sku_name: 'standard',
      public_network_access_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 7,
      enable_rbac_authorization: true,
      tags: null,
    },
    afterUnknown: { id: true, access_policy: true, contact: true, network_acls: true, vault_uri: true },
    expressions: { name: constant(name), ...expressions },
  });
  const document = plan([
    vault('no_firewall', {}),
    // A `network_acls` block whose action comes from a resource known only after apply.
    vault('firewall_from_output', {
      network_acls: [{ default_action: ref('module.policy.action'), bypass: constant('AzureServices') }],
    }),
  ]);

  it('reads it as having no firewall: reachable from the internet', async () => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'common.classification.closed-network', 'azurerm_key_vault.no_firewall').status,
    ).toBe('FAIL');
    expect(
      findingOf(scanned, 'common.classification.closed-network', 'azurerm_key_vault.firewall_from_output')
        .status,
    ).toBe('UNKNOWN');
  });
});

describe('a new AKS cluster without authorized IP ranges (azurerm 3.x)', () => {
  // Modelled on the same azurerm 3.x plan: `azurerm_kubernetes_cluster` with
  // `private_cluster_enabled: false` and both spellings of the authorized ranges
  // (`api_server_access_profile`, the deprecated `api_server_authorized_ip_ranges`) in `after_unknown`.
  const cluster = (name: string, expressions: Json): Change => ({
    address: `azurerm_kubernetes_cluster.${name}`,
    after: {
      name,
      location: 'japaneast',
      dns_prefix: name,
      private_cluster_enabled: false,
      role_based_access_control_enabled: true,
      local_account_disabled: true,
      default_node_pool: [{ name: 'system', vm_size: 'Standard_D2s_v3' }],
    },
    afterUnknown: {
      id: true,
      fqdn: true,
      api_server_access_profile: true,
      api_server_authorized_ip_ranges: true,
      network_profile: true,
    },
    expressions: { name: constant(name), ...expressions },
  });
  const document = plan([
    cluster('open', {}),
    cluster('ranges_from_output', {
      api_server_access_profile: [{ authorized_ip_ranges: ref('module.office.cidrs') }],
    }),
  ]);

  it('reads its API server as open to every address; ranges the plan cannot show stay unknown', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.aks.api-server-access', 'azurerm_kubernetes_cluster.open').status).toBe(
      'FAIL',
    );
    expect(
      findingOf(scanned, 'azure.aks.api-server-access', 'azurerm_kubernetes_cluster.ranges_from_output')
        .status,
    ).toBe('UNKNOWN');
  });
});

describe('a new AKS cluster of azurerm 2.x that leaves private_cluster_enabled out', () => {
  // Modelled on the plan embedded in zparnold/azure-terraform-cost-estimator `api/main.go`
  // (format 0.1, Terraform 0.13.0, azurerm 2.37.0): `api_server_authorized_ip_ranges: null` known,
  // `private_cluster_enabled` and `role_based_access_control` (Optional+Computed in 2.x) in
  // `after_unknown`, the location taken from the resource group.
  const cluster = (name: string, privateCluster: boolean | null, expressions: Json = {}): Change => ({
    address: `azurerm_kubernetes_cluster.${name}`,
    after: {
      name,
      location: 'japaneast',
      dns_prefix: name,
      api_server_authorized_ip_ranges: null,
      disk_encryption_set_id: null,
      default_node_pool: [{ name: 'default', node_count: 5, vm_size: 'Standard_D2_v2' }],
      ...(privateCluster !== null && { private_cluster_enabled: privateCluster }),
    },
    afterUnknown: {
      id: true,
      fqdn: true,
      role_based_access_control: true,
      ...(privateCluster === null && { private_cluster_enabled: true }),
    },
    expressions: { name: constant(name), ...expressions },
  });

  it('reads the API server as public (the API’s default) and open to every address', async () => {
    const scanned = await scanDocument(
      plan(
        [cluster('left_out', null), cluster('private', true, { private_cluster_enabled: constant(true) })],
        {
          formatVersion: '0.1',
          terraformVersion: '0.13.0',
          providers: { azurerm: { features: constant([{}]) } },
        },
      ),
    );
    expect(
      findingOf(scanned, 'azure.aks.api-server-access', 'azurerm_kubernetes_cluster.left_out').status,
    ).toBe('FAIL');
    expect(
      findingOf(scanned, 'azure.aks.api-server-access', 'azurerm_kubernetes_cluster.private').status,
    ).toBe('PASS');
  });
});

describe('azurerm 2.x storage account network rules named by the account’s name', () => {
  // azurerm 2.x `azurerm_storage_account_network_rules` names its account by
  // `storage_account_name = azurerm_storage_account.x.name` and `resource_group_name` (as in
  // fabiendelpierre/my-azure-msdn-subscription `storage_account.tf`); `storage_account_id` came
  // later and is left out of the plan.
  const account: Change = {
    address: 'azurerm_storage_account.data',
    after: {
      name: 'kansadata',
      location: 'japaneast',
      account_tier: 'Standard',
      account_replication_type: 'LRS',
      allow_blob_public_access: false,
      enable_https_traffic_only: true,
      min_tls_version: 'TLS1_2',
    },
    afterUnknown: { id: true, network_rules: true },
    expressions: { name: constant('kansadata') },
  };
  const rules: Change = {
    address: 'azurerm_storage_account_network_rules.data',
    after: {
      resource_group_name: 'rg',
      storage_account_name: 'kansadata',
      default_action: 'Deny',
      bypass: ['AzureServices'],
      ip_rules: [],
      virtual_network_subnet_ids: [],
    },
    afterUnknown: { id: true },
    expressions: {
      resource_group_name: constant('rg'),
      storage_account_name: ref('azurerm_storage_account.data.name', 'azurerm_storage_account.data'),
      default_action: constant('Deny'),
    },
  };

  it('merges the rules into the account they name: closed to the internet', async () => {
    const scanned = await scanDocument(
      plan([account, rules], {
        formatVersion: '0.1',
        terraformVersion: '0.14.11',
        providers: { azurerm: { features: constant([{}]) } },
      }),
    );
    expect(
      findingOf(scanned, 'common.classification.closed-network', 'azurerm_storage_account.data').status,
    ).toBe('PASS');
    expect(scanned.coverage.skipped.map((s) => s.reason).join('\n')).not.toMatch(/network_rules\.data/);
  });
});

describe('azurerm_cosmosdb_account', () => {
  // Modelled on the azurerm docs of cosmosdb_account (2.x–4.x: `public_network_access_enabled`
  // default true, `is_virtual_network_filter_enabled`, `ip_range_filter` a comma-separated string
  // up to 3.x and a set from 4.0, late 3.x's `minimal_tls_version`, `key_vault_key_id` as
  // `azurerm_key_vault_key.x.versionless_id`, `geo_location` blocks) and on Checkmarx/kics
  // `cosmosdb_account_ip_range_filter_not_set` test cases for the firewall's shape.
  const account = (name: string, after: Json, afterUnknown: Json = {}, expressions: Json = {}): Change => ({
    address: `azurerm_cosmosdb_account.${name}`,
    after: {
      name,
      location: 'japaneast',
      offer_type: 'Standard',
      kind: 'GlobalDocumentDB',
      geo_location: [{ location: 'japaneast', failover_priority: 0, zone_redundant: false }],
      ...after,
    },
    afterUnknown: { id: true, endpoint: true, primary_key: true, ...afterUnknown },
    expressions: { name: constant(name), offer_type: constant('Standard'), ...expressions },
  });
  const key: Change = {
    address: 'azurerm_key_vault_key.cosmos',
    after: { name: 'cosmos', key_type: 'RSA', key_size: 2048 },
    afterUnknown: { id: true, versionless_id: true, key_vault_id: true },
  };
  const scan = (changes: Change[]) => scanDocument(plan(changes, { providers }));
  const status = (scanned: Awaited<ReturnType<typeof scan>>, check: string, name: string) =>
    findingOf(scanned, check, `azurerm_cosmosdb_account.${name}`).status;

  it('judges public network access, its firewall and the minimal TLS version', async () => {
    const scanned = await scan([
      account('open', {
        public_network_access_enabled: true,
        is_virtual_network_filter_enabled: false,
        ip_range_filter: '',
        minimal_tls_version: 'Tls',
      }),
      account('closed', {
        public_network_access_enabled: false,
        is_virtual_network_filter_enabled: true,
        ip_range_filter: [],
        minimal_tls_version: 'Tls12',
      }),
    ]);
    expect(status(scanned, 'azure.database.public-network-access', 'open')).toBe('FAIL');
    expect(status(scanned, 'azure.database.minimum-tls', 'open')).toBe('FAIL');
    expect(status(scanned, 'common.classification.closed-network', 'open')).toBe('FAIL');
    expect(status(scanned, 'azure.database.public-network-access', 'closed')).toBe('PASS');
    expect(status(scanned, 'azure.database.minimum-tls', 'closed')).toBe('PASS');
    expect(status(scanned, 'common.classification.closed-network', 'closed')).toBe('PASS');
  });

  it('takes the API’s default where an older schema has no switch, for a new account only', async () => {
    const older = { is_virtual_network_filter_enabled: false, ip_range_filter: null };
    const scanned = await scan([
      account('made', older),
      { ...account('kept', older), actions: ['no-op'], before: account('kept', older).after },
    ]);
    expect(status(scanned, 'azure.database.public-network-access', 'made')).toBe('FAIL');
    expect(status(scanned, 'azure.database.public-network-access', 'kept')).toBe('UNKNOWN');
    expect(status(scanned, 'azure.database.minimum-tls', 'made')).toBe('UNKNOWN');
  });

  it('leaves the virtual-network filter undecided while the IP rules are known only after apply', async () => {
    const scanned = await scan([
      account(
        'vnet',
        { public_network_access_enabled: true, is_virtual_network_filter_enabled: true },
        { ip_range_filter: true },
        { ip_range_filter: ref('azurerm_public_ip.gateway.ip_address', 'azurerm_public_ip.gateway') },
      ),
    ]);
    expect(status(scanned, 'azure.database.public-network-access', 'vnet')).toBe('FAIL');
    expect(status(scanned, 'common.classification.closed-network', 'vnet')).toBe('UNKNOWN');
  });

  it('counts a key of the plan as a customer-managed key', async () => {
    const scanned = await scan([
      key,
      account(
        'cmk',
        { public_network_access_enabled: false },
        { key_vault_key_id: true },
        {
          key_vault_key_id: ref(
            'azurerm_key_vault_key.cosmos.versionless_id',
            'azurerm_key_vault_key.cosmos',
          ),
        },
      ),
      account('service_key', { public_network_access_enabled: false, key_vault_key_id: null }),
    ]);
    expect(status(scanned, 'common.classification.cmk-at-rest', 'cmk')).toBe('PASS');
    expect(status(scanned, 'common.classification.cmk-at-rest', 'service_key')).toBe('FAIL');
  });

  it('is located abroad when a geo_location keeps a replica outside Japan', async () => {
    const scanned = await scan([
      account('replicated', {
        public_network_access_enabled: false,
        geo_location: [
          { location: 'japaneast', failover_priority: 0, zone_redundant: false },
          { location: 'westus', failover_priority: 1, zone_redundant: false },
        ],
      }),
    ]);
    expect(resourceOf(scanned, 'azurerm_cosmosdb_account.replicated').region).toBe('westus');
    expect(status(scanned, 'common.location.data-in-japan', 'replicated')).toBe('FAIL');
  });
});

describe('azurerm_mssql_managed_instance', () => {
  // Modelled on the azurerm docs of mssql_managed_instance (3.x–4.x): `public_data_endpoint_enabled`
  // (default false) and `minimum_tls_version` (default "1.2"), both shown in the plan.
  const instance = (name: string, publicEndpoint: boolean, tls: string): Change => ({
    address: `azurerm_mssql_managed_instance.${name}`,
    after: {
      name,
      location: 'japaneast',
      license_type: 'BasePrice',
      sku_name: 'GP_Gen5',
      storage_size_in_gb: 32,
      vcores: 4,
      public_data_endpoint_enabled: publicEndpoint,
      minimum_tls_version: tls,
    },
    afterUnknown: { id: true, fqdn: true, subnet_id: true },
    expressions: { name: constant(name), subnet_id: ref('azurerm_subnet.mi.id', 'azurerm_subnet.mi') },
  });

  it('judges the public data endpoint and the minimum TLS version', async () => {
    const scanned = await scanDocument(
      plan([instance('open', true, '1.0'), instance('closed', false, '1.2')], { providers }),
    );
    const status = (check: string, name: string) =>
      findingOf(scanned, check, `azurerm_mssql_managed_instance.${name}`).status;
    expect(status('azure.database.public-network-access', 'open')).toBe('FAIL');
    expect(status('azure.database.minimum-tls', 'open')).toBe('FAIL');
    expect(status('azure.database.public-network-access', 'closed')).toBe('PASS');
    expect(status('azure.database.minimum-tls', 'closed')).toBe('PASS');
  });
});

describe('virtual machines whose schema has no encryption_at_host_enabled', () => {
  // Modelled on the azurerm docs of the legacy `virtual_machine` (1.x–4.x: `storage_os_disk`,
  // `os_profile_linux_config`, no encryption-at-host attribute) and of `linux_virtual_machine`
  // (`encryption_at_host_enabled`, default false, added during 2.x).
  const legacy = (name: string): Change => ({
    address: `azurerm_virtual_machine.${name}`,
    after: {
      name,
      location: 'japaneast',
      vm_size: 'Standard_B1s',
      delete_os_disk_on_termination: true,
      storage_os_disk: [{ name: `${name}-os`, caching: 'ReadWrite', create_option: 'FromImage' }],
      os_profile_linux_config: [{ disable_password_authentication: true, ssh_keys: [] }],
    },
    afterUnknown: { id: true, network_interface_ids: true },
    expressions: { name: constant(name), vm_size: constant('Standard_B1s') },
  });

  it('fails a VM it creates, and leaves one that exists unknown', async () => {
    const kept = legacy('kept');
    const scanned = await scanDocument(
      plan([legacy('made'), { ...kept, actions: ['no-op'], before: kept.after }], { providers }),
    );
    const status = (name: string) =>
      findingOf(scanned, 'azure.compute.vm-encryption-at-host', `azurerm_virtual_machine.${name}`).status;
    expect(status('made')).toBe('FAIL');
    expect(status('kept')).toBe('UNKNOWN');
  });
});

describe('azurerm types read for where they are', () => {
  // Modelled on the azurerm docs of servicebus_namespace and recovery_services_vault (`location`,
  // `sku`): the exports read these types for their location only.
  it('judges where their data is', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'azurerm_servicebus_namespace.events',
            after: { name: 'events', location: 'eastus', sku: 'Standard' },
            afterUnknown: { id: true, endpoint: true },
          },
          {
            address: 'azurerm_recovery_services_vault.backups',
            after: { name: 'backups', location: 'japaneast', sku: 'Standard' },
            afterUnknown: { id: true },
          },
        ],
        { providers },
      ),
    );
    const status = (address: string) => findingOf(scanned, 'common.location.data-in-japan', address).status;
    expect(status('azurerm_servicebus_namespace.events')).toBe('FAIL');
    expect(status('azurerm_recovery_services_vault.backups')).toBe('PASS');
  });
});

describe('inline NSG rules known in part', () => {
  // The azurerm docs' `network_security_group` example with a rule's destination taken from a
  // NIC (`destination_address_prefix = azurerm_network_interface.vm.private_ip_address`), known
  // only after apply; the list attributes the provider fills, empty.
  const rule = (name: string, port: string, source: string | null): Json => ({
    name,
    priority: 100,
    direction: 'Inbound',
    access: 'Allow',
    protocol: 'Tcp',
    source_port_range: '*',
    source_port_ranges: [],
    destination_port_range: port,
    destination_port_ranges: [],
    source_address_prefix: source,
    source_address_prefixes: [],
    destination_address_prefix: null,
    destination_address_prefixes: [],
    source_application_security_group_ids: [],
    destination_application_security_group_ids: [],
    description: '',
  });
  const nsg = (name: string, rules: Json[], unknownRules: Json[]): Change => ({
    address: `azurerm_network_security_group.${name}`,
    after: { name, location: 'japaneast', resource_group_name: 'rg', security_rule: rules },
    afterUnknown: { id: true, security_rule: unknownRules },
    expressions: {
      name: constant(name),
      security_rule: ref('azurerm_network_interface.vm.private_ip_address', 'azurerm_network_interface.vm'),
    },
  });
  const destinationUnknown = {
    destination_address_prefix: true,
    source_address_prefixes: [],
    destination_port_ranges: [],
  };

  it('judges each rule by its source and ports, whatever its destination', async () => {
    const scanned = await scanDocument(
      plan(
        [
          nsg('ssh', [rule('ssh', '22', '*')], [destinationUnknown]),
          nsg('web', [rule('web', '443', 'Internet')], [destinationUnknown]),
          nsg('source', [rule('source', '22', null)], [{ source_address_prefix: true }]),
        ],
        { providers },
      ),
    );
    const ingress = 'azure.network.nsg-internet-ingress';
    expect(findingOf(scanned, ingress, 'azurerm_network_security_group.ssh').status).toBe('FAIL');
    expect(findingOf(scanned, ingress, 'azurerm_network_security_group.web').status).toBe('PASS');
    expect(findingOf(scanned, ingress, 'azurerm_network_security_group.source').status).toBe('UNKNOWN');
  });
});
