import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * A setting whose attribute a provider renamed, in the plans of the versions in between, which
 * carry both spellings, each Optional+Computed: the one the configuration leaves out is known
 * only after apply on a new resource, and keeps the prior state's value on an update (SOURCES.md,
 * "Provider-version drift"). Modelled on the schemas of azurerm v3.117.0 and v4.30.0 and google
 * v3.90.1, and their upgrade guides.
 */

const providers = { azurerm: { features: constant([{}]) } };
const ARM = '/subscriptions/5b0c9e1d-7a3f-4c2e-9d11-2f6a8b4c0e71/resourceGroups/rg-drift/providers';

function storageAccount(
  name: string,
  after: Json,
  afterUnknown: Json,
  expressions: Json,
  before?: Json,
): Change {
  const values = {
    name,
    location: 'japaneast',
    account_tier: 'Standard',
    account_replication_type: 'LRS',
    allow_nested_items_to_be_public: false,
    min_tls_version: 'TLS1_2',
    public_network_access_enabled: true,
    customer_managed_key: [],
    ...after,
  };
  return {
    address: `azurerm_storage_account.${name}`,
    after: before ? { ...values, id: `${ARM}/Microsoft.Storage/storageAccounts/${name}` } : values,
    afterUnknown: before ? {} : { id: true, network_rules: true, ...afterUnknown },
    expressions: { name: constant(name), account_tier: constant('Standard'), ...expressions },
    ...(before && {
      actions: ['update'],
      before: { ...values, id: `${ARM}/Microsoft.Storage/storageAccounts/${name}`, ...before },
    }),
  };
}

describe('azurerm 3.114–3.117 storage accounts: https_traffic_only_enabled beside enable_https_traffic_only', () => {
  const document = plan(
    [
      storageAccount(
        'neither',
        {},
        { https_traffic_only_enabled: true, enable_https_traffic_only: true },
        {},
      ),
      storageAccount(
        'old_off',
        { enable_https_traffic_only: false },
        { https_traffic_only_enabled: true },
        { enable_https_traffic_only: constant(false) },
      ),
      // An update: the configuration turns the deprecated spelling off; the new one, left out,
      // shows the prior state's true.
      storageAccount(
        'old_off_update',
        { enable_https_traffic_only: false, https_traffic_only_enabled: true },
        {},
        { enable_https_traffic_only: constant(false) },
        { enable_https_traffic_only: true },
      ),
    ],
    { terraformVersion: '1.9.5', providers },
  );

  it('reads a new account that sets neither as the provider makes it: HTTPS only', async () => {
    const finding = findingOf(
      await scanDocument(document),
      'azure.storage.https-only',
      'azurerm_storage_account.neither',
    );
    expect(finding.status).toBe('PASS');
    expect(finding.evidence[0]).toMatchObject({
      source: 'default',
      path: 'azurerm_storage_account.neither.https_traffic_only_enabled',
    });
  });

  it('reads the spelling the configuration sets, not the computed one', async () => {
    const scanned = await scanDocument(document);
    for (const name of ['old_off', 'old_off_update']) {
      const finding = findingOf(scanned, 'azure.storage.https-only', `azurerm_storage_account.${name}`);
      expect(finding.status).toBe('FAIL');
      expect(finding.evidence[0]?.path).toBe(`azurerm_storage_account.${name}.enable_https_traffic_only`);
    }
  });
});

function cluster(name: string, after: Json, afterUnknown: Json, expressions: Json): Change {
  return {
    address: `azurerm_kubernetes_cluster.${name}`,
    after: {
      name,
      location: 'japaneast',
      dns_prefix: name,
      private_cluster_enabled: false,
      role_based_access_control_enabled: true,
      api_server_authorized_ip_ranges: null,
      ...after,
    },
    afterUnknown: { id: true, kube_config: true, ...afterUnknown },
    expressions: { name: constant(name), dns_prefix: constant(name), ...expressions },
  };
}

describe('azurerm 3.x AKS: the deprecated api_server_authorized_ip_ranges beside api_server_access_profile', () => {
  const document = plan(
    [
      cluster(
        'office',
        { api_server_authorized_ip_ranges: ['203.0.113.0/24'] },
        { api_server_access_profile: true },
        { api_server_authorized_ip_ranges: constant(['203.0.113.0/24']) },
      ),
      cluster(
        'anywhere',
        { api_server_authorized_ip_ranges: ['0.0.0.0/0'] },
        { api_server_access_profile: true },
        { api_server_authorized_ip_ranges: constant(['0.0.0.0/0']) },
      ),
    ],
    { terraformVersion: '1.9.5', providers },
  );

  it('reads the ranges the configuration writes under the old name, the profile known after apply', async () => {
    const scanned = await scanDocument(document);
    const office = findingOf(scanned, 'azure.aks.api-server-access', 'azurerm_kubernetes_cluster.office');
    expect(office.status).toBe('PASS');
    expect(office.evidence[1]?.path).toBe(
      'azurerm_kubernetes_cluster.office.api_server_authorized_ip_ranges',
    );
    expect(
      findingOf(scanned, 'azure.aks.api-server-access', 'azurerm_kubernetes_cluster.anywhere').status,
    ).toBe('FAIL');
  });
});

describe('azurerm 3.x Redis: an update of the deprecated enable_non_ssl_port', () => {
  const values = {
    name: 'cache',
    location: 'japaneast',
    minimum_tls_version: '1.2',
    non_ssl_port_enabled: false,
    id: `${ARM}/Microsoft.Cache/redis/cache`,
  };
  const document = plan(
    [
      {
        address: 'azurerm_redis_cache.cache',
        actions: ['update'],
        before: { ...values, enable_non_ssl_port: false },
        after: { ...values, enable_non_ssl_port: true },
        expressions: { name: constant('cache'), enable_non_ssl_port: constant(true) },
      },
    ],
    { terraformVersion: '1.9.5', providers },
  );

  it('opens the non-TLS port as the configuration asks, whatever the computed new spelling still shows', async () => {
    const finding = findingOf(
      await scanDocument(document),
      'azure.redis.tls-only',
      'azurerm_redis_cache.cache',
    );
    expect(finding.status).toBe('FAIL');
  });
});

function network(name: string): Change[] {
  const vnet = `azurerm_virtual_network.${name}`;
  return [
    {
      address: vnet,
      after: { name, location: 'japaneast', address_space: ['10.0.0.0/16'] },
      afterUnknown: { id: true, subnet: true },
      expressions: { name: constant(name), address_space: constant(['10.0.0.0/16']) },
    },
    {
      address: `azurerm_subnet.${name}`,
      after: { name: 'app', virtual_network_name: name, address_prefixes: ['10.0.1.0/24'] },
      afterUnknown: { id: true },
      expressions: { name: constant('app'), virtual_network_name: ref(`${vnet}.name`, vnet) },
    },
    {
      address: `azurerm_network_security_group.${name}`,
      after: { name, location: 'japaneast' },
      afterUnknown: { id: true, security_rule: true },
      expressions: { name: constant(name) },
    },
    {
      address: `azurerm_subnet_network_security_group_association.${name}`,
      after: {},
      afterUnknown: { id: true, subnet_id: true, network_security_group_id: true },
      expressions: {
        subnet_id: ref(`azurerm_subnet.${name}.id`, `azurerm_subnet.${name}`),
        network_security_group_id: ref(
          `azurerm_network_security_group.${name}.id`,
          `azurerm_network_security_group.${name}`,
        ),
      },
    },
  ];
}

/** A flow log as azurerm 4.x (before 5.0) plans it: both target spellings known after apply. */
function flowLog(name: string, attribute: string, target: string, enabled: boolean): Change {
  return {
    address: `azurerm_network_watcher_flow_log.${name}`,
    after: {
      name,
      location: 'japaneast',
      enabled,
      network_watcher_name: 'NetworkWatcher_japaneast',
      version: 2,
    },
    afterUnknown: { id: true, target_resource_id: true, network_security_group_id: true },
    expressions: {
      name: constant(name),
      [attribute]: ref(`${target}.id`, target),
      enabled: constant(enabled),
    },
  };
}

describe('azurerm 4.x flow logs: network_security_group_id beside target_resource_id', () => {
  const document = plan(
    [
      ...network('hub'),
      flowLog('hub', 'network_security_group_id', 'azurerm_network_security_group.hub', true),
      ...network('spoke'),
      flowLog('spoke', 'target_resource_id', 'azurerm_virtual_network.spoke', false),
    ],
    { terraformVersion: '1.11.4', providers },
  );

  it('finds the target by the spelling the configuration writes', async () => {
    const scanned = await scanDocument(document);
    const hub = findingOf(scanned, 'azure.network.flow-logs', 'azurerm_virtual_network.hub');
    expect(hub.status).toBe('PASS');
    expect(hub.evidence[1]?.resourceId).toBe('azurerm_network_watcher_flow_log.hub');
  });

  it('does not take the computed spelling for a target the plan cannot name', async () => {
    const spoke = findingOf(
      await scanDocument(document),
      'azure.network.flow-logs',
      'azurerm_virtual_network.spoke',
    );
    // The spoke's only flow log is off, and every flow log of the plan names its target.
    expect(spoke.status).toBe('FAIL');
    expect(spoke.evidence.at(-1)).toMatchObject({
      source: 'explicit',
      path: 'azurerm_virtual_network.spoke (azurerm_network_watcher_flow_log)',
    });
  });
});

describe('google 3.x buckets: an update of the deprecated bucket_policy_only', () => {
  const values = {
    name: 'corpus-g3-bpo',
    location: 'ASIA-NORTHEAST1',
    project: 'corpus-g3',
    uniform_bucket_level_access: false,
    encryption: [],
    id: 'corpus-g3-bpo',
  };
  const document = plan(
    [
      {
        address: 'google_storage_bucket.logs',
        actions: ['update'],
        before: { ...values, bucket_policy_only: false },
        after: { ...values, bucket_policy_only: true },
        expressions: { name: constant('corpus-g3-bpo'), bucket_policy_only: constant(true) },
      },
    ],
    {
      formatVersion: '0.2',
      terraformVersion: '0.15.5',
      providers: { google: { project: constant('corpus-g3') } },
    },
  );

  it('turns uniform access on as the deprecated spelling asks (google 3.x sends its change)', async () => {
    const finding = findingOf(
      await scanDocument(document),
      'gcp.storage.bucket-uniform-access',
      'google_storage_bucket.logs',
    );
    expect(finding.status).toBe('PASS');
    expect(finding.evidence[0]?.path).toBe('google_storage_bucket.logs.bucket_policy_only');
  });
});

/** A new MySQL flexible server of azurerm 4.x–5.x that leaves `public_network_access` out (Optional+Computed). */
function mysqlServer(name: string, after: Json, afterUnknown: Json, expressions: Json): Change {
  return {
    address: `azurerm_mysql_flexible_server.${name}`,
    after: { name, location: 'japaneast', sku_name: 'GP_Standard_D2ds_v4', version: '8.0.21', ...after },
    afterUnknown: { id: true, fqdn: true, public_network_access: true, ...afterUnknown },
    expressions: { name: constant(name), sku_name: constant('GP_Standard_D2ds_v4'), ...expressions },
  };
}

describe('azurerm 5.x MySQL flexible servers: public_network_access alone (public_network_access_enabled removed)', () => {
  const document = plan(
    [
      mysqlServer('public', { delegated_subnet_id: null }, {}, {}),
      mysqlServer(
        'vnet',
        { delegated_subnet_id: `${ARM}/Microsoft.Network/virtualNetworks/vnet/subnets/mysql` },
        {},
        { delegated_subnet_id: constant(`${ARM}/Microsoft.Network/virtualNetworks/vnet/subnets/mysql`) },
      ),
    ],
    { terraformVersion: '1.13.1', providers },
  );

  it('reads a new server left out of the setting as Azure makes it: public unless in a delegated subnet', async () => {
    const scanned = await scanDocument(document);
    const open = findingOf(
      scanned,
      'azure.database.public-network-access',
      'azurerm_mysql_flexible_server.public',
    );
    expect(open.status).toBe('FAIL');
    expect(open.evidence[0]?.path).toBe('azurerm_mysql_flexible_server.public.delegated_subnet_id');
    expect(
      findingOf(scanned, 'azure.database.public-network-access', 'azurerm_mysql_flexible_server.vnet').status,
    ).toBe('PASS');
  });
});

describe('AWS provider 5.x log groups of the Delivery class', () => {
  const logGroup = (name: string, after: Json, expressions: Json): Change => ({
    address: `aws_cloudwatch_log_group.${name}`,
    after: { name: `/aws/vendedlogs/${name}`, skip_destroy: false, kms_key_id: null, ...after },
    afterUnknown: { arn: true, id: true, tags_all: true },
    expressions: { name: constant(`/aws/vendedlogs/${name}`), ...expressions },
  });
  const document = plan(
    [
      logGroup(
        'delivery',
        { log_group_class: 'DELIVERY', retention_in_days: 400 },
        { log_group_class: constant('DELIVERY'), retention_in_days: constant(400) },
      ),
      logGroup(
        'infrequent',
        { log_group_class: 'INFREQUENT_ACCESS', retention_in_days: 400 },
        {
          log_group_class: constant('INFREQUENT_ACCESS'),
          retention_in_days: constant(400),
        },
      ),
    ],
    { terraformVersion: '1.10.5', providers: { aws: { region: constant('ap-northeast-1') } } },
  );

  it('judges a Delivery log group by its class, whatever retention_in_days says', async () => {
    const scanned = await scanDocument(document);
    const delivery = findingOf(scanned, 'aws.logs.log-group-retention', 'aws_cloudwatch_log_group.delivery');
    expect(delivery.status).toBe('NOT_APPLICABLE');
    expect(delivery.evidence[0]).toMatchObject({
      value: 'DELIVERY',
      path: 'aws_cloudwatch_log_group.delivery.log_group_class',
    });
    expect(
      findingOf(scanned, 'aws.logs.log-group-retention', 'aws_cloudwatch_log_group.infrequent').status,
    ).toBe('PASS');
  });
});

describe('azuread invitations: the guest a role assignment of the plan names', () => {
  const subscription = '/subscriptions/6c1f8e2a-4b3d-4e5f-9a7b-1c2d3e4f5a61';
  const other = '/subscriptions/7d2a9f3b-5c4e-4f60-8b1c-2d3e4f5a6b72';
  const assignment = (name: string, scope: string, guest: string): Change => ({
    address: `azurerm_role_assignment.${name}`,
    after: { scope, role_definition_name: 'Owner', principal_type: 'User', condition: null },
    afterUnknown: { id: true, principal_id: true, role_definition_id: true },
    expressions: {
      scope: constant(scope),
      role_definition_name: constant('Owner'),
      principal_id: ref(`azuread_invitation.${guest}.user_id`, `azuread_invitation.${guest}`),
    },
  });
  const invitation = (name: string, after: Json): Change => ({
    address: `azuread_invitation.${name}`,
    after: { user_email_address: `${name}@example.org`, redirect_url: 'https://portal.azure.com', ...after },
    afterUnknown: { id: true, user_id: true, redeem_url: true },
    expressions: {
      user_email_address: constant(`${name}@example.org`),
      redirect_url: constant('https://portal.azure.com'),
    },
  });
  const document = plan(
    [
      invitation('auditor', { user_type: 'Guest', message: [] }),
      assignment('auditor_owner', subscription, 'auditor'),
      // azuread 2.x before `user_type`: every invitation is of a guest.
      invitation('vendor', { send_invitation_message: false, user_message_info: [] }),
      assignment('vendor_owner', other, 'vendor'),
    ],
    { terraformVersion: '1.9.8', providers: { azurerm: { features: constant([{}]) }, azuread: {} } },
  );

  it('fails guest-owner when the plan makes an invited guest Owner of the subscription', async () => {
    const scanned = await scanDocument(document);
    const auditor = findingOf(scanned, 'azure.iam.guest-owner', subscription);
    expect(auditor.status).toBe('FAIL');
    expect(auditor.evidence.map((fact) => fact.path)).toContain('azuread_invitation.auditor.user_type');
    const vendor = findingOf(scanned, 'azure.iam.guest-owner', other);
    expect(vendor.status).toBe('FAIL');
    expect(vendor.evidence.map((fact) => fact.path)).toContain('azuread_invitation.vendor');
  });
});

describe('google 4.x on GKE clusters: logging_config.enable_components beside logging_service', () => {
  const cluster = (name: string, after: Json, expressions: Json): Change => ({
    address: `google_container_cluster.${name}`,
    after: { name, location: 'asia-northeast1', enable_legacy_abac: false, ...after },
    afterUnknown: {
      id: true,
      endpoint: true,
      logging_service: true,
      master_authorized_networks_config: true,
    },
    expressions: { name: constant(name), location: constant('asia-northeast1'), ...expressions },
  });
  const document = plan(
    [
      cluster(
        'silent',
        { logging_config: [{ enable_components: [] }] },
        { logging_config: [{ enable_components: constant([]) }] },
      ),
      cluster(
        'workloads',
        { logging_config: [{ enable_components: ['SYSTEM_COMPONENTS', 'WORKLOADS'] }] },
        { logging_config: [{ enable_components: constant(['SYSTEM_COMPONENTS', 'WORKLOADS']) }] },
      ),
    ],
    { terraformVersion: '1.5.7', providers: { google: { project: constant('corpus-gke') } } },
  );

  it('reads an empty set of components as logging off, any component as Cloud Logging', async () => {
    const scanned = await scanDocument(document);
    const silent = findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.silent');
    expect(silent.status).toBe('FAIL');
    expect(silent.evidence[0]?.path).toBe(
      'google_container_cluster.silent.logging_config.0.enable_components',
    );
    expect(findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.workloads').status).toBe(
      'PASS',
    );
  });
});

describe('AWS provider 5.x Redshift clusters: encrypted false by default, never sent', () => {
  const cluster = (name: string, expressions: Json): Change => ({
    address: `aws_redshift_cluster.${name}`,
    after: {
      cluster_identifier: name,
      node_type: 'ra3.xlplus',
      publicly_accessible: false,
      encrypted: false,
    },
    afterUnknown: { arn: true, id: true, kms_key_id: true },
    expressions: { cluster_identifier: constant(name), ...expressions },
  });
  const document = plan([cluster('left_out', {}), cluster('asked_off', { encrypted: constant(false) })], {
    terraformVersion: '1.9.8',
    providers: { aws: { region: constant('ap-northeast-1') } },
  });

  it('reads a new cluster that leaves encrypted out as Redshift makes it since 2025: encrypted', async () => {
    const scanned = await scanDocument(document);
    const encrypted = (id: string) =>
      (scanned.resources.find((r) => r.id === id)?.facts as { encrypted?: unknown } | undefined)?.encrypted;
    expect(encrypted('aws_redshift_cluster.left_out')).toMatchObject({
      source: 'default',
      value: true,
      path: 'aws_redshift_cluster.left_out.encrypted',
    });
    // A configuration that asks for no encryption is judged as it asks.
    expect(encrypted('aws_redshift_cluster.asked_off')).toMatchObject({ source: 'explicit', value: false });
    const cmk = findingOf(scanned, 'common.classification.cmk-at-rest', 'aws_redshift_cluster.left_out');
    expect(cmk.status).toBe('FAIL');
    expect(cmk.message.en).toContain('provider-managed key');
  });
});

describe('azurerm 4.x Cosmos DB accounts: a Managed HSM key in managed_hsm_key_id', () => {
  const account = (name: string, after: Json, afterUnknown: Json, expressions: Json): Change => ({
    address: `azurerm_cosmosdb_account.${name}`,
    after: {
      name,
      location: 'japaneast',
      offer_type: 'Standard',
      public_network_access_enabled: false,
      key_vault_key_id: null,
      managed_hsm_key_id: null,
      geo_location: [{ location: 'japaneast', failover_priority: 0, zone_redundant: false }],
      ...after,
    },
    afterUnknown: { id: true, endpoint: true, ...afterUnknown },
    expressions: { name: constant(name), ...expressions },
  });
  const hsmKey = 'https://corpus-hsm.managedhsm.azure.net/keys/cosmos';
  const document = plan(
    [
      account('hsm', { managed_hsm_key_id: hsmKey }, {}, { managed_hsm_key_id: constant(hsmKey) }),
      account('service_key', {}, {}, {}),
    ],
    { terraformVersion: '1.10.5', providers },
  );

  it('reads a Managed HSM key as a customer-managed key', async () => {
    const scanned = await scanDocument(document);
    const key = (id: string) =>
      (scanned.resources.find((r) => r.id === id)?.facts as { customerManagedKey?: unknown } | undefined)
        ?.customerManagedKey;
    expect(key('azurerm_cosmosdb_account.hsm')).toMatchObject({ value: true });
    expect(key('azurerm_cosmosdb_account.service_key')).toMatchObject({ value: false });
  });
});
