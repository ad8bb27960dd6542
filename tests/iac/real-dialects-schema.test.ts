import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/model/fact.ts';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Attributes that provider versions spell, move or compute differently, each read as the
 * version's plan shows it (SOURCES.md, "Provider schemas across versions").
 */

const azurerm = { azurerm: { features: constant([{}]) } };
const google = { google: { project: constant('osaka-city-dev') } };

const factOf = (resource: { facts: object }, name: string) =>
  (resource.facts as Record<string, Fact<unknown> | undefined>)[name];

describe('azurerm_mssql_server with its split TDE and auditing resources', () => {
  // azurerm 2.x–4.x `website/docs/r/mssql_server_transparent_data_encryption.html.markdown`:
  // `server_id`, `key_vault_key_id` (Optional; 3.x adds `managed_hsm_key_id`), the server's own
  // `transparent_data_encryption_key_vault_key_id` left out (computed). azurerm 2.x
  // `mssql_server_extended_auditing_policy.html.markdown`: no `enabled` (3.0 added it, default true).
  const server = (name: string): Change => ({
    address: `azurerm_mssql_server.${name}`,
    after: {
      name,
      location: 'japaneast',
      version: '12.0',
      public_network_access_enabled: false,
      minimum_tls_version: '1.2',
    },
    afterUnknown: { id: true, transparent_data_encryption_key_vault_key_id: true },
    expressions: { name: constant(name) },
  });
  const serverRef = (name: string) => ref(`azurerm_mssql_server.${name}.id`, `azurerm_mssql_server.${name}`);
  const tde = (name: string, after: Json, afterUnknown: Json, expressions: Json): Change => ({
    address: `azurerm_mssql_server_transparent_data_encryption.${name}`,
    after,
    afterUnknown: { id: true, server_id: true, ...afterUnknown },
    expressions: { server_id: serverRef(name), ...expressions },
  });
  const document = plan(
    [
      server('plan_key'),
      tde(
        'plan_key',
        {},
        { key_vault_key_id: true },
        { key_vault_key_id: ref('azurerm_key_vault_key.tde.id', 'azurerm_key_vault_key.tde') },
      ),
      server('service_key'),
      tde('service_key', { key_vault_key_id: null, managed_hsm_key_id: null }, {}, {}),
      server('known_key'),
      tde(
        'known_key',
        { key_vault_key_id: 'https://kv.vault.azure.net/keys/tde/0123456789abcdef' },
        {},
        { key_vault_key_id: constant('https://kv.vault.azure.net/keys/tde/0123456789abcdef') },
      ),
      server('audited_v2'),
      {
        address: 'azurerm_mssql_server_extended_auditing_policy.audited_v2',
        after: { retention_in_days: 90, storage_account_access_key_is_secondary: false },
        afterUnknown: { id: true, server_id: true, storage_endpoint: true },
        expressions: { server_id: serverRef('audited_v2') },
      },
      server('audit_off'),
      {
        address: 'azurerm_mssql_server_extended_auditing_policy.audit_off',
        after: { enabled: false, retention_in_days: 0, log_monitoring_enabled: true },
        afterUnknown: { id: true, server_id: true },
        expressions: { server_id: serverRef('audit_off'), enabled: constant(false) },
      },
    ],
    { providers: azurerm },
  );

  it('reads a Key Vault key set on the TDE resource as a customer-managed key', async () => {
    const scanned = await scanDocument(document);
    for (const name of ['plan_key', 'known_key']) {
      const fact = factOf(resourceOf(scanned, `azurerm_mssql_server.${name}`), 'customerManagedKey');
      expect(fact?.value, name).toBe(true);
      expect(fact?.path).toBe(`azurerm_mssql_server_transparent_data_encryption.${name}.key_vault_key_id`);
    }
  });

  it('reads a TDE resource without a key as the service-managed key', async () => {
    const scanned = await scanDocument(document);
    const fact = factOf(resourceOf(scanned, 'azurerm_mssql_server.service_key'), 'customerManagedKey');
    expect(fact).toMatchObject({ source: 'explicit', value: false });
  });

  it('reads an azurerm 2.x auditing policy (no `enabled`) as auditing on, and 3.x `enabled = false` as off', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.sql.auditing', 'azurerm_mssql_server.audited_v2').status).toBe('PASS');
    expect(findingOf(scanned, 'azure.sql.auditing', 'azurerm_mssql_server.audit_off').status).toBe('FAIL');
  });
});

describe('google_sql_database_instance ssl_mode and require_ssl', () => {
  // google 5.x `website/docs/r/sql_database_instance.html.markdown`: `ssl_mode` Optional+Computed
  // beside the deprecated `require_ssl` (removed in 6.0, "6.0.0 Upgrade Guide").
  const instance = (name: string, ip: Json, ipUnknown: Json, ipExpressions: Json): Change => ({
    address: `google_sql_database_instance.${name}`,
    after: {
      name,
      region: 'asia-northeast1',
      database_version: 'POSTGRES_15',
      deletion_protection: true,
      settings: [
        {
          tier: 'db-custom-1-3840',
          backup_configuration: [{ enabled: true }],
          ip_configuration: [{ ipv4_enabled: false, authorized_networks: [], ...ip }],
        },
      ],
    },
    afterUnknown: { id: true, settings: [{ ip_configuration: [{ ...ipUnknown }] }] },
    expressions: {
      name: constant(name),
      settings: [{ ip_configuration: [{ ipv4_enabled: constant(false), ...ipExpressions }] }],
    },
  });
  const document = plan(
    [
      // google 5.x, neither set: `require_ssl` null, `ssl_mode` known after apply.
      instance('neither', { require_ssl: null }, { ssl_mode: true }, {}),
      // google 6.x: `ssl_mode` only.
      instance(
        'encrypted_only',
        { ssl_mode: 'ENCRYPTED_ONLY' },
        {},
        { ssl_mode: constant('ENCRYPTED_ONLY') },
      ),
      // google 5.x: `require_ssl = true`, `ssl_mode` computed from it.
      instance('require_ssl', { require_ssl: true }, { ssl_mode: true }, { require_ssl: constant(true) }),
      // `ssl_mode = var.mode` known only after apply.
      instance('from_output', {}, { ssl_mode: true }, { ssl_mode: ref('module.db.ssl_mode') }),
    ],
    { providers: google },
  );
  const status = (scanned: Awaited<ReturnType<typeof scanDocument>>, name: string) =>
    findingOf(scanned, 'gcp.sql.instance-ssl-required', `google_sql_database_instance.${name}`).status;

  it('reads a new instance that sets neither as the API’s default, unencrypted connections allowed', async () => {
    expect(status(await scanDocument(document), 'neither')).toBe('FAIL');
  });

  it('reads ssl_mode (6.x) and require_ssl (2.x–5.x) when set', async () => {
    const scanned = await scanDocument(document);
    expect(status(scanned, 'encrypted_only')).toBe('PASS');
    expect(status(scanned, 'require_ssl')).toBe('PASS');
  });

  it('leaves an ssl_mode the configuration sets but the plan cannot show unknown', async () => {
    expect(status(await scanDocument(document), 'from_output')).toBe('UNKNOWN');
  });
});

describe('google_storage_bucket public_access_prevention', () => {
  // google 4.x–6.x `website/docs/r/storage_bucket.html.markdown`: `public_access_prevention`
  // Optional+Computed ("inherited" or "enforced"); google 3.x has no such attribute.
  const bucket = (name: string, after: Json, afterUnknown: Json, expressions: Json): Change => ({
    address: `google_storage_bucket.${name}`,
    after: {
      name,
      location: 'ASIA-NORTHEAST1',
      force_destroy: false,
      uniform_bucket_level_access: true,
      ...after,
    },
    afterUnknown: { id: true, self_link: true, url: true, ...afterUnknown },
    expressions: { name: constant(name), uniform_bucket_level_access: constant(true), ...expressions },
  });
  const document = plan(
    [
      bucket('left_out', {}, { public_access_prevention: true }, {}),
      bucket(
        'enforced',
        { public_access_prevention: 'enforced' },
        {},
        { public_access_prevention: constant('enforced') },
      ),
      bucket(
        'from_output',
        {},
        { public_access_prevention: true },
        { public_access_prevention: ref('module.settings.prevention') },
      ),
    ],
    { providers: google },
  );

  it('reads a new bucket that leaves it out as "inherited", set as set, and unknown when not shown', async () => {
    const scanned = await scanDocument(document);
    const prevention = (name: string) =>
      factOf(resourceOf(scanned, `google_storage_bucket.${name}`), 'publicAccessPrevention');
    expect(prevention('left_out')).toMatchObject({ source: 'default', value: 'inherited' });
    expect(prevention('enforced')).toMatchObject({ source: 'explicit', value: 'enforced' });
    expect(prevention('from_output')?.source).toBe('unknown');
  });
});

describe('Azure Database for PostgreSQL and MySQL servers', () => {
  // azurerm 3.x–4.x `website/docs/r/postgresql_flexible_server.html.markdown`
  // (`public_network_access_enabled`, default true; `delegated_subnet_id`; `customer_managed_key`),
  // `mysql_flexible_server.html.markdown` (`public_network_access_enabled` computed only up to
  // 4.x, then `public_network_access`), and azurerm 2.x–3.x `postgresql_server.html.markdown`
  // (`ssl_enforcement_enabled`, `ssl_minimal_tls_version_enforced`, `public_network_access_enabled`),
  // with `postgresql_flexible_server_firewall_rule` (`server_id`) and `mysql_flexible_server_firewall_rule`
  // (`server_name`).
  const flexible = (
    type: string,
    name: string,
    after: Json,
    afterUnknown: Json,
    expressions: Json,
  ): Change => ({
    address: `${type}.${name}`,
    after: { name, location: 'japaneast', sku_name: 'GP_Standard_D2s_v3', ...after },
    afterUnknown: { id: true, fqdn: true, ...afterUnknown },
    expressions: { name: constant(name), ...expressions },
  });
  const pg = 'azurerm_postgresql_flexible_server';
  const mysql = 'azurerm_mysql_flexible_server';
  const document = plan(
    [
      // 4.x: the default, public.
      flexible(
        pg,
        'public_default',
        { public_network_access_enabled: true, customer_managed_key: [] },
        {},
        {},
      ),
      // 3.0: computed; made in a delegated subnet of the plan.
      flexible(
        pg,
        'in_subnet',
        { customer_managed_key: [] },
        { public_network_access_enabled: true, delegated_subnet_id: true },
        { delegated_subnet_id: ref('azurerm_subnet.db.id', 'azurerm_subnet.db') },
      ),
      flexible(
        pg,
        'cmk',
        {
          public_network_access_enabled: false,
          customer_managed_key: [{ primary_user_assigned_identity_id: 'x' }],
        },
        { customer_managed_key: [{ key_vault_key_id: true }] },
        { customer_managed_key: [{ key_vault_key_id: ref('azurerm_key_vault_key.db.id') }] },
      ),
      // MySQL 3.x: computed, no delegated subnet: public.
      flexible(
        mysql,
        'computed_public',
        { delegated_subnet_id: null },
        { public_network_access_enabled: true },
        {},
      ),
      {
        address: 'azurerm_mysql_flexible_server_firewall_rule.everyone',
        after: { name: 'everyone', start_ip_address: '0.0.0.0', end_ip_address: '255.255.255.255' },
        afterUnknown: { id: true, server_name: true },
        expressions: {
          server_name: ref(
            'azurerm_mysql_flexible_server.computed_public.name',
            'azurerm_mysql_flexible_server.computed_public',
          ),
        },
      },
      {
        address: 'azurerm_postgresql_server.single',
        after: {
          name: 'single',
          location: 'japaneast',
          sku_name: 'GP_Gen5_2',
          version: '11',
          public_network_access_enabled: true,
          ssl_enforcement_enabled: true,
          ssl_minimal_tls_version_enforced: 'TLSEnforcementDisabled',
          create_mode: 'Default',
        },
        afterUnknown: { id: true, fqdn: true },
        expressions: { name: constant('single') },
      },
    ],
    { providers: azurerm },
  );
  const status = (scanned: Awaited<ReturnType<typeof scanDocument>>, check: string, id: string) =>
    findingOf(scanned, check, id).status;

  it('reads public network access as set, or from the delegated subnet when the plan computes it', async () => {
    const scanned = await scanDocument(document);
    const check = 'azure.database.public-network-access';
    expect(status(scanned, check, `${pg}.public_default`)).toBe('FAIL');
    expect(status(scanned, check, `${pg}.in_subnet`)).toBe('PASS');
    expect(status(scanned, check, `${pg}.cmk`)).toBe('PASS');
    const open = findingOf(scanned, check, `${mysql}.computed_public`);
    expect(open.status).toBe('FAIL');
    expect(JSON.stringify(open.evidence)).toContain('azurerm_mysql_flexible_server_firewall_rule.everyone');
  });

  it('reads a customer_managed_key block as a customer-managed key', async () => {
    const scanned = await scanDocument(document);
    const key = (id: string) => factOf(resourceOf(scanned, id), 'customerManagedKey');
    expect(key(`${pg}.cmk`)?.value).toBe(true);
    expect(key(`${pg}.public_default`)?.value).toBe(false);
  });

  it('reads a single server’s TLS enforcement and public access', async () => {
    const scanned = await scanDocument(document);
    const id = 'azurerm_postgresql_server.single';
    expect(status(scanned, 'azure.database.minimum-tls', id)).toBe('FAIL');
    expect(status(scanned, 'azure.database.public-network-access', id)).toBe('FAIL');
    expect(factOf(resourceOf(scanned, id), 'customerManagedKey')?.value).toBe(false);
  });
});

describe('google_container_cluster control_plane_endpoints_config', () => {
  // google 6.x `website/docs/r/container_cluster.html.markdown`:
  // `control_plane_endpoints_config.ip_endpoints_config.enabled` (default true), the DNS endpoint
  // beside it; `private_cluster_config` Optional+Computed.
  const cluster = (name: string, ipEndpoints: boolean): Change => ({
    address: `google_container_cluster.${name}`,
    after: {
      name,
      location: 'asia-northeast1',
      enable_legacy_abac: false,
      deletion_protection: true,
      master_authorized_networks_config: [],
      control_plane_endpoints_config: [
        {
          dns_endpoint_config: [{ allow_external_traffic: true }],
          ip_endpoints_config: [{ enabled: ipEndpoints }],
        },
      ],
    },
    afterUnknown: { id: true, endpoint: true, logging_service: true, private_cluster_config: true },
    expressions: {
      name: constant(name),
      control_plane_endpoints_config: [
        {
          dns_endpoint_config: [{ allow_external_traffic: constant(true) }],
          ip_endpoints_config: [{ enabled: constant(ipEndpoints) }],
        },
      ],
    },
  });
  const document = plan([cluster('dns_only', false), cluster('ip_on', true)], { providers: google });

  it('reads IP endpoints turned off as no public endpoint, and on as the default public one', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'gcp.gke.cluster-endpoint-access', `google_container_cluster.${name}`).status;
    expect(status('dns_only')).toBe('PASS');
    expect(status('ip_on')).toBe('FAIL');
  });
});

describe('aws_eks_cluster and aws_cloudwatch_log_group', () => {
  // AWS provider v3–v5 `website/docs/r/eks_cluster.html.markdown` (`vpc_config.endpoint_public_access`
  // default true; `public_access_cidrs` Optional+Computed, EKS's 0.0.0.0/0; `enabled_cluster_log_types`)
  // and `cloudwatch_log_group.html.markdown` (`retention_in_days`, default 0: never expire).
  const eks = (name: string, vpc: Json, vpcUnknown: Json, logTypes: unknown, expressions: Json): Change => ({
    address: `aws_eks_cluster.${name}`,
    after: {
      name,
      enabled_cluster_log_types: logTypes,
      vpc_config: [
        {
          endpoint_private_access: false,
          endpoint_public_access: true,
          subnet_ids: ['subnet-1', 'subnet-2'],
          ...vpc,
        },
      ],
    },
    afterUnknown: {
      arn: true,
      id: true,
      endpoint: true,
      vpc_config: [{ vpc_id: true, cluster_security_group_id: true, ...vpcUnknown }],
    },
    expressions: { name: constant(name), ...expressions },
  });
  const logGroup = (name: string, days: number): Change => ({
    address: `aws_cloudwatch_log_group.${name}`,
    after: { name: `/app/${name}`, retention_in_days: days, skip_destroy: false },
    afterUnknown: { arn: true, id: true },
    expressions: { name: constant(`/app/${name}`) },
  });
  const document = plan([
    eks('defaults', {}, { public_access_cidrs: true }, null, {}),
    eks(
      'private',
      { endpoint_private_access: true, endpoint_public_access: false },
      { public_access_cidrs: true },
      ['api', 'audit', 'authenticator'],
      { enabled_cluster_log_types: constant(['api', 'audit', 'authenticator']) },
    ),
    eks('office_only', { public_access_cidrs: ['203.0.113.0/24'] }, {}, [], {
      vpc_config: [{ public_access_cidrs: constant(['203.0.113.0/24']) }],
    }),
    logGroup('forever', 0),
    logGroup('year', 365),
  ]);

  it('reads a new cluster that leaves the endpoint settings out as EKS makes it: public to 0.0.0.0/0, no logs', async () => {
    const scanned = await scanDocument(document);
    const facts = resourceOf(scanned, 'aws_eks_cluster.defaults').facts;
    expect(factOf({ facts }, 'endpointPublicAccess')?.value).toBe(true);
    expect(factOf({ facts }, 'publicAccessCidrs')).toMatchObject({ source: 'default', value: ['0.0.0.0/0'] });
    expect(factOf({ facts }, 'enabledLogTypes')).toMatchObject({ value: [] });
    expect(findingOf(scanned, 'aws.eks.cluster-endpoint-access', 'aws_eks_cluster.defaults').status).toBe(
      'FAIL',
    );
    expect(
      findingOf(scanned, 'aws.eks.cluster-control-plane-logging', 'aws_eks_cluster.defaults').status,
    ).toBe('FAIL');
  });

  it('reads a private endpoint and the log types set', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'aws.eks.cluster-endpoint-access', 'aws_eks_cluster.private').status).toBe(
      'PASS',
    );
    expect(factOf(resourceOf(scanned, 'aws_eks_cluster.office_only'), 'publicAccessCidrs')?.value).toEqual([
      '203.0.113.0/24',
    ]);
  });

  it('reads retention_in_days 0 as never expire', async () => {
    const scanned = await scanDocument(document);
    expect(
      factOf(resourceOf(scanned, 'aws_cloudwatch_log_group.forever'), 'retentionInDays')?.value,
    ).toBeNull();
    expect(factOf(resourceOf(scanned, 'aws_cloudwatch_log_group.year'), 'retentionInDays')?.value).toBe(365);
  });
});

describe('aws_vpc_security_group_ingress_rule (AWS provider v5)', () => {
  // `website/docs/r/vpc_security_group_ingress_rule.html.markdown`: one source per rule
  // (`cidr_ipv4`, `cidr_ipv6`, `prefix_list_id`, `referenced_security_group_id`), `ip_protocol`
  // a name or number, `-1` for every protocol and port with `from_port` / `to_port` left null.
  const group = (name: string): Change => ({
    address: `aws_security_group.${name}`,
    after: { name, ingress: [], egress: [], revoke_rules_on_delete: false },
    afterUnknown: { arn: true, id: true, ingress: true, egress: true, owner_id: true, vpc_id: true },
    expressions: { name: constant(name) },
  });
  const rule = (name: string, group: string, after: Json): Change => ({
    address: `aws_vpc_security_group_ingress_rule.${name}`,
    after: {
      cidr_ipv4: null,
      cidr_ipv6: null,
      from_port: null,
      to_port: null,
      prefix_list_id: null,
      ...after,
    },
    afterUnknown: { arn: true, id: true, security_group_id: true, security_group_rule_id: true },
    expressions: { security_group_id: ref(`aws_security_group.${group}.id`, `aws_security_group.${group}`) },
  });
  const document = plan([
    group('all_open'),
    rule('everything', 'all_open', { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' }),
    group('ssh_v6'),
    rule('ssh', 'ssh_v6', { ip_protocol: '6', from_port: 22, to_port: 22, cidr_ipv6: '::/0' }),
    group('internal'),
    rule('vpc_only', 'internal', { ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '10.0.0.0/8' }),
  ]);

  it('reads ip_protocol -1 from anywhere and protocol 6 on port 22 from ::/0 as open, a private CIDR as closed', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'aws.ec2.security-group-open-ports', `aws_security_group.${name}`).status;
    expect(status('all_open')).toBe('FAIL');
    expect(status('ssh_v6')).toBe('FAIL');
    expect(status('internal')).toBe('PASS');
  });
});

describe('aws_s3_bucket_acl access_control_policy with fields known only after apply', () => {
  // AWS provider v4–v5 `website/docs/r/s3_bucket_acl.html.markdown`: `access_control_policy`
  // with `grant { grantee { id, type, uri } permission }` and `owner { id }`; the grantee's
  // `display_name` is computed, and its example names the owner with `data.aws_canonical_user_id`.
  const bucket = (name: string): Change => ({
    address: `aws_s3_bucket.${name}`,
    after: { bucket: name, force_destroy: false },
    afterUnknown: { arn: true, id: true, acl: true, grant: true, policy: true },
    expressions: { bucket: constant(name) },
  });
  const canonical = { type: 'CanonicalUser', uri: null, email_address: null };
  const acl = (name: string, grants: Json[], grantsUnknown: Json[]): Change => ({
    address: `aws_s3_bucket_acl.${name}`,
    after: {
      acl: null,
      expected_bucket_owner: null,
      access_control_policy: [{ grant: grants, owner: [{}] }],
    },
    afterUnknown: {
      id: true,
      bucket: true,
      access_control_policy: [{ grant: grantsUnknown, owner: [{ id: true, display_name: true }] }],
    },
    expressions: { bucket: ref(`aws_s3_bucket.${name}.id`, `aws_s3_bucket.${name}`) },
  });
  const ownerGrant = { grantee: [canonical], permission: 'FULL_CONTROL' };
  const ownerUnknown = { grantee: [{ id: true, display_name: true }] };
  const group = (uri: string, permission: string) => ({
    grantee: [{ type: 'Group', uri, id: null, email_address: null }],
    permission,
  });
  const groupUnknown = { grantee: [{ display_name: true }] };
  const document = plan([
    bucket('public_read'),
    acl(
      'public_read',
      [ownerGrant, group('http://acs.amazonaws.com/groups/global/AllUsers', 'READ')],
      [ownerUnknown, groupUnknown],
    ),
    bucket('log_delivery'),
    acl(
      'log_delivery',
      [ownerGrant, group('http://acs.amazonaws.com/groups/s3/LogDelivery', 'WRITE')],
      [ownerUnknown, groupUnknown],
    ),
  ]);

  it('sees a grant to AllUsers though the owner’s id and display names are known only after apply', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.public_read').status).toBe(
      'FAIL',
    );
  });

  it('reads a list of named grantees as complete: the log delivery group is not public', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.log_delivery').status).toBe(
      'PASS',
    );
  });
});

describe('azurerm 1.x–2.0 azurerm_kubernetes_cluster private_link_enabled', () => {
  // azurerm v1.44.0 / v2.0.0 `website/docs/r/kubernetes_cluster.html.markdown`: the private API
  // server is `private_link_enabled` (renamed `private_cluster_enabled` in later 2.x).
  const cluster = (name: string, privateLink: boolean): Change => ({
    address: `azurerm_kubernetes_cluster.${name}`,
    after: {
      name,
      location: 'japaneast',
      dns_prefix: name,
      private_link_enabled: privateLink,
      api_server_authorized_ip_ranges: null,
      role_based_access_control: [{ enabled: true, azure_active_directory: [] }],
    },
    afterUnknown: { id: true, fqdn: true, kube_config: true },
    expressions: { name: constant(name), private_link_enabled: constant(privateLink) },
  });
  const document = plan([cluster('private', true), cluster('public', false)], {
    formatVersion: '0.1',
    terraformVersion: '0.12.29',
    providers: azurerm,
  });

  it('reads private_link_enabled as the private cluster switch', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'azure.aks.api-server-access', `azurerm_kubernetes_cluster.${name}`).status;
    expect(status('private')).toBe('PASS');
    expect(status('public')).toBe('FAIL');
  });
});

describe('google_bigquery_dataset access', () => {
  // google 3.x–6.x `website/docs/r/bigquery_dataset.html.markdown` (`access` blocks with `role`,
  // `special_group`, `iam_member`, `user_by_email`; `default_encryption_configuration.kms_key_name`),
  // `bigquery_dataset_access.html.markdown` and `bigquery_dataset_iam.html.markdown` (`dataset_id`).
  const dataset = (name: string, after: Json, afterUnknown: Json, expressions: Json): Change => ({
    address: `google_bigquery_dataset.${name}`,
    after: { dataset_id: name, location: 'asia-northeast1', default_encryption_configuration: [], ...after },
    afterUnknown: { id: true, etag: true, self_link: true, creation_time: true, ...afterUnknown },
    expressions: { dataset_id: constant(name), ...expressions },
  });
  const datasetRef = (name: string) =>
    ref(`google_bigquery_dataset.${name}.dataset_id`, `google_bigquery_dataset.${name}`);
  const document = plan(
    [
      // No access blocks: computed, the API's project roles and creator.
      dataset('defaults', {}, { access: true }, {}),
      // An entry naming a service account of the plan, and one for all authenticated users.
      dataset(
        'authenticated',
        {
          access: [
            { role: 'OWNER', special_group: 'projectOwners', user_by_email: null },
            { role: 'READER', special_group: 'allAuthenticatedUsers', user_by_email: null },
            { role: 'WRITER', special_group: null },
          ],
        },
        { access: [{}, {}, { user_by_email: true }] },
        { access: [{ role: constant('OWNER') }, { role: constant('READER') }, { role: constant('WRITER') }] },
      ),
      dataset('iam_public', { access: [{ role: 'OWNER', special_group: 'projectOwners' }] }, {}, {}),
      {
        address: 'google_bigquery_dataset_iam_member.iam_public',
        after: { role: 'roles/bigquery.dataViewer', member: 'allUsers' },
        afterUnknown: { id: true, etag: true, dataset_id: true },
        expressions: { dataset_id: datasetRef('iam_public') },
      },
      {
        address: 'google_bigquery_dataset_access.elsewhere',
        after: { dataset_id: 'shared_reports', role: 'READER', iam_member: 'allUsers', special_group: null },
        afterUnknown: { id: true },
        expressions: { dataset_id: constant('shared_reports') },
      },
    ],
    { providers: google },
  );
  const status = (scanned: Awaited<ReturnType<typeof scanDocument>>, id: string) =>
    findingOf(scanned, 'gcp.bigquery.dataset-public-access', id).status;

  it('reads a new dataset without access blocks as not public', async () => {
    expect(status(await scanDocument(document), 'google_bigquery_dataset.defaults')).toBe('PASS');
  });

  it('sees allAuthenticatedUsers in access blocks, and allUsers through a dataset IAM member', async () => {
    const scanned = await scanDocument(document);
    expect(status(scanned, 'google_bigquery_dataset.authenticated')).toBe('FAIL');
    expect(status(scanned, 'google_bigquery_dataset.iam_public')).toBe('FAIL');
  });

  it('judges an access entry on a dataset the plan does not manage by itself', async () => {
    expect(status(await scanDocument(document), 'google_bigquery_dataset_access.elsewhere')).toBe('FAIL');
  });
});

describe('google_logging_project_bucket_config', () => {
  // google 3.x–6.x `website/docs/r/logging_project_bucket_config.html.markdown`: `bucket_id`
  // (`_Default` among them), `retention_days` (30 when 0 at creation).
  const bucket = (name: string, days: number): Change => ({
    address: `google_logging_project_bucket_config.${name}`,
    after: {
      project: 'osaka-city-dev',
      location: 'global',
      bucket_id: name,
      retention_days: days,
      locked: false,
    },
    afterUnknown: { id: true, name: true, lifecycle_state: true },
    expressions: { bucket_id: constant(name), retention_days: constant(days) },
  });
  const document = plan([bucket('_Default', 30), bucket('audit', 400)], { providers: google });

  it('reads retention_days', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'gcp.logging.log-bucket-retention', `google_logging_project_bucket_config.${name}`)
        .status;
    expect(status('_Default')).toBe('FAIL');
    expect(status('audit')).toBe('PASS');
  });
});

describe('azurerm_redis_cache non-TLS port across versions', () => {
  // azurerm v3.117.0 and v4.0.0 `website/docs/r/redis_cache.html.markdown` and the 4.0 upgrade
  // guide: `enable_non_ssl_port` removed in favour of `non_ssl_port_enabled`; `minimum_tls_version`.
  const cache = (name: string, after: Json): Change => ({
    address: `azurerm_redis_cache.${name}`,
    after: {
      name,
      location: 'japaneast',
      capacity: 1,
      family: 'C',
      sku_name: 'Standard',
      public_network_access_enabled: true,
      ...after,
    },
    afterUnknown: { id: true, hostname: true, primary_access_key: true },
    expressions: { name: constant(name) },
  });
  const document = plan(
    [
      cache('v3_open', { enable_non_ssl_port: true, minimum_tls_version: '1.2' }),
      cache('v4_open', { non_ssl_port_enabled: true, minimum_tls_version: '1.2' }),
      cache('v4_tls', { non_ssl_port_enabled: false, minimum_tls_version: '1.2' }),
    ],
    { providers: azurerm },
  );

  it('reads either spelling of the non-TLS port', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'azure.redis.tls-only', `azurerm_redis_cache.${name}`).status;
    expect(status('v3_open')).toBe('FAIL');
    expect(status('v4_open')).toBe('FAIL');
    expect(status('v4_tls')).toBe('PASS');
  });
});

describe('azurerm_redis_enterprise_cluster minimum TLS', () => {
  // azurerm v3.x/v4.x `website/docs/r/redis_enterprise_cluster.html.markdown`: `minimum_tls_version`
  // (1.0, 1.1, 1.2; default 1.2); the databases' `client_protocol` is azurerm_redis_enterprise_database's.
  const cluster = (name: string, tls: string | undefined): Change => ({
    address: `azurerm_redis_enterprise_cluster.${name}`,
    after: {
      name,
      location: 'japaneast',
      sku_name: 'Enterprise_E10-2',
      ...(tls === undefined ? {} : { minimum_tls_version: tls }),
    },
    afterUnknown: { id: true, hostname: true, ...(tls === undefined ? { minimum_tls_version: true } : {}) },
    expressions: { name: constant(name) },
  });
  const document = plan([cluster('tls10', '1.0'), cluster('tls12', '1.2')], { providers: azurerm });

  it('fails the cluster whose minimum TLS is 1.0, and leaves one at 1.2 unknown (its databases are not read)', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'azure.redis.tls-only', `azurerm_redis_enterprise_cluster.${name}`).status;
    expect(status('tls10')).toBe('FAIL');
    expect(status('tls12')).toBe('UNKNOWN');
  });
});

describe('azurerm_log_analytics_workspace retention_in_days', () => {
  // azurerm 2.x–4.x `website/docs/r/log_analytics_workspace.html.markdown`: `retention_in_days`
  // Optional+Computed (the API's 30 days when left out).
  const workspace = (name: string, days: number | undefined): Change => ({
    address: `azurerm_log_analytics_workspace.${name}`,
    after: {
      name,
      location: 'japaneast',
      sku: 'PerGB2018',
      ...(days === undefined ? {} : { retention_in_days: days }),
    },
    afterUnknown: {
      id: true,
      workspace_id: true,
      ...(days === undefined ? { retention_in_days: true } : {}),
    },
    expressions: {
      name: constant(name),
      ...(days === undefined ? {} : { retention_in_days: constant(days) }),
    },
  });
  const document = plan([workspace('left_out', undefined), workspace('two_years', 730)], {
    providers: azurerm,
  });

  it('reads a new workspace that leaves it out as 30 days, and the value set', async () => {
    const scanned = await scanDocument(document);
    const days = (name: string) =>
      factOf(resourceOf(scanned, `azurerm_log_analytics_workspace.${name}`), 'retentionInDays');
    expect(days('left_out')).toMatchObject({ source: 'default', value: 30 });
    expect(days('two_years')).toMatchObject({ source: 'explicit', value: 730 });
    expect(
      findingOf(scanned, 'azure.monitor.log-retention', 'azurerm_log_analytics_workspace.two_years').status,
    ).toBe('PASS');
  });
});

describe('azurerm_security_center_subscription_pricing', () => {
  // azurerm 2.x–4.x `website/docs/r/security_center_subscription_pricing.html.markdown`: `tier`
  // (Free or Standard), `resource_type`.
  const pricing = (name: string, tier: string, resourceType: string): Change => ({
    address: `azurerm_security_center_subscription_pricing.${name}`,
    after: { tier, resource_type: resourceType, extension: [] },
    afterUnknown: { id: true, subplan: true },
    expressions: { tier: constant(tier), resource_type: constant(resourceType) },
  });
  const document = plan(
    [pricing('vms', 'Standard', 'VirtualMachines'), pricing('storage', 'Free', 'StorageAccounts')],
    {
      providers: azurerm,
    },
  );

  it('reads the tier of each plan', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(
        scanned,
        'azure.security.defender-plans',
        `azurerm_security_center_subscription_pricing.${name}`,
      ).status;
    expect(status('vms')).toBe('PASS');
    expect(status('storage')).toBe('FAIL');
  });
});

describe('google_container_cluster master_authorized_networks_config computed', () => {
  // google v4.50.0–v6.x `google/services/container/resource_container_cluster.go`:
  // `master_authorized_networks_config` Optional+Computed (Optional only up to v4.0.0), so a new
  // cluster that leaves it out shows it known after apply.
  const cluster = (name: string, after: Json, afterUnknown: Json, expressions: Json): Change => ({
    address: `google_container_cluster.${name}`,
    after: { name, location: 'asia-northeast1', enable_legacy_abac: false, ...after },
    afterUnknown: {
      id: true,
      endpoint: true,
      logging_service: true,
      private_cluster_config: true,
      ...afterUnknown,
    },
    expressions: { name: constant(name), ...expressions },
  });
  const document = plan(
    [
      cluster('left_out', {}, { master_authorized_networks_config: true }, {}),
      cluster(
        'office',
        {
          master_authorized_networks_config: [
            { cidr_blocks: [{ cidr_block: '203.0.113.0/24', display_name: 'office' }] },
          ],
        },
        { master_authorized_networks_config: [{ gcp_public_cidrs_access_enabled: true }] },
        {
          master_authorized_networks_config: [{ cidr_blocks: [{ cidr_block: constant('203.0.113.0/24') }] }],
        },
      ),
    ],
    { providers: google },
  );

  it('reads a new public cluster that leaves it out as open to the internet', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'gcp.gke.cluster-endpoint-access', `google_container_cluster.${name}`).status;
    expect(status('left_out')).toBe('FAIL');
    expect(status('office')).toBe('PASS');
  });
});

describe('google_sql_database_instance backup_retention_settings', () => {
  // google 3.x–6.x `google/services/sql/resource_sql_database_instance.go`:
  // `settings.backup_configuration.backup_retention_settings` Optional+Computed, `retained_backups` Required.
  const instance = (name: string, backup: Json, backupUnknown: Json, backupExpressions: Json): Change => ({
    address: `google_sql_database_instance.${name}`,
    after: {
      name,
      region: 'asia-northeast1',
      database_version: 'MYSQL_8_0',
      settings: [{ tier: 'db-f1-micro', backup_configuration: [{ enabled: true, ...backup }] }],
    },
    afterUnknown: { id: true, settings: [{ ip_configuration: true, backup_configuration: [backupUnknown] }] },
    expressions: {
      name: constant(name),
      settings: [{ backup_configuration: [{ enabled: constant(true), ...backupExpressions }] }],
    },
  });
  const document = plan(
    [
      instance(
        'one_kept',
        { backup_retention_settings: [{ retained_backups: 1, retention_unit: 'COUNT' }] },
        {},
        { backup_retention_settings: [{ retained_backups: constant(1) }] },
      ),
      instance('left_out', {}, { backup_retention_settings: true }, {}),
    ],
    { providers: google },
  );

  it('reads retained_backups as set, and the API’s 7 when a new instance leaves it out', async () => {
    const scanned = await scanDocument(document);
    const kept = (name: string) =>
      factOf(resourceOf(scanned, `google_sql_database_instance.${name}`), 'retainedBackups');
    expect(kept('one_kept')).toMatchObject({ source: 'explicit', value: 1 });
    expect(kept('left_out')).toMatchObject({ source: 'default', value: 7 });
  });
});

describe('google_storage_bucket_access_control', () => {
  // google 2.x–6.x `website/docs/r/storage_bucket_access_control.html.markdown`: one ACL entry
  // (`bucket`, `entity`, `role`) on a bucket whose uniform bucket-level access is off.
  const document = plan(
    [
      {
        address: 'google_storage_bucket.site',
        after: {
          name: 'osaka-site',
          location: 'ASIA-NORTHEAST1',
          uniform_bucket_level_access: false,
          force_destroy: false,
        },
        afterUnknown: { id: true, self_link: true, url: true, public_access_prevention: true },
        expressions: { name: constant('osaka-site'), uniform_bucket_level_access: constant(false) },
      },
      {
        address: 'google_storage_bucket_access_control.public',
        after: { entity: 'allUsers', role: 'READER' },
        afterUnknown: { id: true, bucket: true, domain: true, email: true },
        expressions: {
          bucket: ref('google_storage_bucket.site.name', 'google_storage_bucket.site'),
          entity: constant('allUsers'),
          role: constant('READER'),
        },
      },
    ],
    { providers: google },
  );

  it('reads an entry for allUsers as a public ACL', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'gcp.storage.bucket-public-access', 'google_storage_bucket.site').status).toBe(
      'FAIL',
    );
  });
});

describe('Cloud Run and Cloud Functions ingress and invoker_iam_disabled', () => {
  // google 3.x–6.x `website/docs/r/cloud_run_service.html.markdown` (the `run.googleapis.com/ingress`
  // annotation), `cloud_run_v2_service.html.markdown` (`ingress`; 6.x `invoker_iam_disabled`),
  // `cloudfunctions_function.html.markdown` (`ingress_settings`) and
  // `cloudfunctions2_function.html.markdown` (`service_config.ingress_settings`).
  const allUsers = (type: string, name: string, link: string): Change => ({
    address: `${type}_iam_member.${name}`,
    after: {
      role: type.includes('function') ? 'roles/cloudfunctions.invoker' : 'roles/run.invoker',
      member: 'allUsers',
    },
    afterUnknown: { id: true, etag: true, [link]: true },
    expressions: { [link]: ref(`${type}.${name}.name`, `${type}.${name}`) },
  });
  const document = plan(
    [
      {
        address: 'google_cloud_run_service.internal',
        after: {
          name: 'internal',
          location: 'asia-northeast1',
          metadata: [{ annotations: { 'run.googleapis.com/ingress': 'internal' } }],
        },
        afterUnknown: { id: true, status: true, metadata: [{ namespace: true, uid: true }] },
        expressions: {
          name: constant('internal'),
          metadata: [{ annotations: constant({ 'run.googleapis.com/ingress': 'internal' }) }],
        },
      },
      allUsers('google_cloud_run_service', 'internal', 'service'),
      {
        address: 'google_cloud_run_v2_service.internal_v2',
        after: { name: 'internal_v2', location: 'asia-northeast1', ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY' },
        afterUnknown: { id: true, uri: true },
        expressions: { name: constant('internal_v2'), ingress: constant('INGRESS_TRAFFIC_INTERNAL_ONLY') },
      },
      allUsers('google_cloud_run_v2_service', 'internal_v2', 'name'),
      {
        address: 'google_cloud_run_v2_service.no_iam_check',
        after: {
          name: 'no_iam_check',
          location: 'asia-northeast1',
          ingress: 'INGRESS_TRAFFIC_ALL',
          invoker_iam_disabled: true,
        },
        afterUnknown: { id: true, uri: true },
        expressions: { name: constant('no_iam_check'), invoker_iam_disabled: constant(true) },
      },
      {
        address: 'google_cloudfunctions_function.open',
        after: {
          name: 'open',
          region: 'asia-northeast1',
          runtime: 'nodejs20',
          ingress_settings: 'ALLOW_ALL',
        },
        afterUnknown: { id: true, https_trigger_url: true },
        expressions: { name: constant('open') },
      },
      allUsers('google_cloudfunctions_function', 'open', 'cloud_function'),
    ],
    { providers: google },
  );
  const status = async (id: string) =>
    findingOf(await scanDocument(document), 'gcp.serverless.public-invoker', id).status;

  it('reads an internal-only ingress as closed though allUsers may invoke', async () => {
    expect(await status('google_cloud_run_service.internal')).toBe('PASS');
    expect(await status('google_cloud_run_v2_service.internal_v2')).toBe('PASS');
    expect(await status('google_cloudfunctions_function.open')).toBe('FAIL');
  });

  it('reads invoker_iam_disabled as invocable by anyone', async () => {
    expect(await status('google_cloud_run_v2_service.no_iam_check')).toBe('FAIL');
  });
});

describe('aws_lambda_function with aws_lambda_permission', () => {
  // AWS provider v3–v5 `website/docs/r/lambda_permission.html.markdown` (`function_name`,
  // `principal`, `action`, `source_arn`, `source_account`, `principal_org_id`, v4.x
  // `function_url_auth_type`), as AddPermission writes the statements.
  const fn = (name: string): Change => ({
    address: `aws_lambda_function.${name}`,
    after: { function_name: name, runtime: 'nodejs20.x', handler: 'index.handler' },
    afterUnknown: { arn: true, id: true, invoke_arn: true, qualified_arn: true, role: true },
    expressions: { function_name: constant(name) },
  });
  const permission = (name: string, fnName: string, after: Json, afterUnknown: Json = {}): Change => ({
    address: `aws_lambda_permission.${name}`,
    after: {
      action: 'lambda:InvokeFunction',
      statement_id: name,
      source_account: null,
      principal_org_id: null,
      ...after,
    },
    afterUnknown: { id: true, function_name: true, ...afterUnknown },
    expressions: {
      function_name: ref(`aws_lambda_function.${fnName}.function_name`, `aws_lambda_function.${fnName}`),
    },
  });
  const document = plan([
    fn('from_bucket'),
    permission(
      's3',
      'from_bucket',
      { principal: 's3.amazonaws.com', source_arn: null },
      { source_arn: true },
    ),
    fn('url_open'),
    permission('url', 'url_open', {
      principal: '*',
      action: 'lambda:InvokeFunctionUrl',
      function_url_auth_type: 'NONE',
      source_arn: null,
    }),
    fn('no_permissions'),
    fn('for_role'),
    {
      ...permission('role', 'for_role', { source_arn: null }, { principal: true }),
      expressions: {
        function_name: ref('aws_lambda_function.for_role.function_name', 'aws_lambda_function.for_role'),
        principal: ref('aws_iam_role.invoker.arn', 'aws_iam_role.invoker'),
      },
    },
  ]);
  const status = async (name: string) =>
    findingOf(
      await scanDocument(document),
      'aws.lambda.function-public-access',
      `aws_lambda_function.${name}`,
    ).status;

  it('reads a service principal narrowed by its source as not public, and * for a URL with auth NONE as public', async () => {
    expect(await status('from_bucket')).toBe('PASS');
    expect(await status('url_open')).toBe('FAIL');
  });

  it('reads a new function without permissions as not public', async () => {
    expect(await status('no_permissions')).toBe('PASS');
  });

  it('reads a principal known only after apply (a role of the plan) as that principal, never as anyone', async () => {
    expect(await status('for_role')).toBe('PASS');
  });
});

describe('azurerm 2.x azurerm_app_service / azurerm_function_app site_config defaults', () => {
  // azurerm v2.99.0 `website/docs/r/app_service.html.markdown` (`site_config.min_tls_version`
  // "Defaults to 1.2 for new app services") and `function_app.html.markdown` (the same, and
  // `ftps_state` "Defaults to AllAllowed"); `site_config` Optional+Computed.
  const app = (type: string, name: string): Change => ({
    address: `${type}.${name}`,
    after: { name, location: 'japaneast', https_only: true },
    afterUnknown: { id: true, default_hostname: true, site_config: true, outbound_ip_addresses: true },
    expressions: { name: constant(name), https_only: constant(true) },
  });
  const document = plan([app('azurerm_app_service', 'web'), app('azurerm_function_app', 'fn')], {
    formatVersion: '0.1',
    terraformVersion: '0.14.11',
    providers: azurerm,
  });

  it('reads a new app that leaves them out with the provider’s documented defaults', async () => {
    const scanned = await scanDocument(document);
    const facts = (id: string) => resourceOf(scanned, id);
    expect(factOf(facts('azurerm_app_service.web'), 'minTlsVersion')).toMatchObject({
      source: 'default',
      value: '1.2',
    });
    expect(factOf(facts('azurerm_app_service.web'), 'ftpsState')?.source).toBe('unknown');
    expect(factOf(facts('azurerm_function_app.fn'), 'ftpsState')).toMatchObject({ value: 'AllAllowed' });
  });
});

describe('azurerm 2.x azurerm_kubernetes_cluster without role_based_access_control', () => {
  // azurerm v2.60.0–v2.90.0 `kubernetes_cluster_resource.go`: `role_based_access_control`
  // Optional+Computed; v2.99.0's `role_based_access_control_enabled` "Defaults to true".
  const document = plan(
    [
      {
        address: 'azurerm_kubernetes_cluster.defaults',
        after: {
          name: 'defaults',
          location: 'japaneast',
          dns_prefix: 'defaults',
          private_cluster_enabled: true,
          local_account_disabled: true,
        },
        afterUnknown: { id: true, fqdn: true, kube_config: true, role_based_access_control: true },
        expressions: { name: constant('defaults'), private_cluster_enabled: constant(true) },
      },
    ],
    { formatVersion: '0.1', terraformVersion: '0.14.11', providers: azurerm },
  );

  it('reads RBAC as AKS’s default, on', async () => {
    const scanned = await scanDocument(document);
    expect(factOf(resourceOf(scanned, 'azurerm_kubernetes_cluster.defaults'), 'enableRbac')).toMatchObject({
      source: 'default',
      value: true,
    });
    expect(findingOf(scanned, 'azure.aks.rbac', 'azurerm_kubernetes_cluster.defaults').status).toBe('PASS');
  });
});

describe('aws_rds_cluster storage encryption', () => {
  // AWS provider v3–v5 `website/docs/r/rds_cluster.html.markdown`: `storage_encrypted` "false for
  // provisioned engine_mode and true for serverless engine_mode", drift-detected only when
  // configured (Optional+Computed); `kms_key_id`, `enabled_cloudwatch_logs_exports`.
  const cluster = (name: string, after: Json, afterUnknown: Json, expressions: Json): Change => ({
    address: `aws_rds_cluster.${name}`,
    after: {
      cluster_identifier: name,
      engine: 'aurora-postgresql',
      engine_mode: 'provisioned',
      snapshot_identifier: null,
      replication_source_identifier: null,
      global_cluster_identifier: null,
      ...after,
    },
    afterUnknown: { arn: true, id: true, endpoint: true, ...afterUnknown },
    expressions: { cluster_identifier: constant(name), ...expressions },
  });
  const document = plan([
    cluster('left_out', {}, { storage_encrypted: true, kms_key_id: true }, {}),
    cluster(
      'own_key',
      { storage_encrypted: true },
      { kms_key_id: true },
      { storage_encrypted: constant(true), kms_key_id: ref('aws_kms_key.db.arn', 'aws_kms_key.db') },
    ),
    {
      address: 'aws_kms_key.db',
      after: { enable_key_rotation: true, is_enabled: true, customer_master_key_spec: 'SYMMETRIC_DEFAULT' },
      afterUnknown: { arn: true, id: true, key_id: true },
      expressions: {},
    },
  ]);

  it('reads a new provisioned cluster that leaves it out as unencrypted, and a key of the plan as customer managed', async () => {
    const scanned = await scanDocument(document);
    const facts = (name: string) => resourceOf(scanned, `aws_rds_cluster.${name}`);
    expect(factOf(facts('left_out'), 'encrypted')).toMatchObject({ source: 'default', value: false });
    expect(factOf(facts('own_key'), 'encrypted')?.value).toBe(true);
    expect(factOf(facts('own_key'), 'customerManagedKey')?.value).toBe(true);
  });
});

describe('azurerm 2.x azurerm_key_vault soft_delete_enabled', () => {
  // azurerm v2.41 `keyvault/migration` (the vault's V1 schema): `soft_delete_enabled`
  // Optional+Computed; the v2.42.0 CHANGELOG: "now defaulted to true to match the breaking change
  // in the Azure API where Key Vaults now have Soft Delete enabled by default, which cannot be
  // disabled" (removed in 3.0).
  const vault = (name: string, actions: string[], after: Json, afterUnknown: Json, expressions: Json) =>
    ({
      address: `azurerm_key_vault.${name}`,
      actions,
      before: actions[0] === 'create' ? null : { name, location: 'japaneast', soft_delete_enabled: false },
      after: { name, location: 'japaneast', sku_name: 'standard', purge_protection_enabled: true, ...after },
      afterUnknown: { id: true, vault_uri: true, access_policy: true, network_acls: true, ...afterUnknown },
      expressions: { name: constant(name), purge_protection_enabled: constant(true), ...expressions },
    }) satisfies Change;
  const document = plan(
    [
      vault('left_out', ['create'], {}, { soft_delete_enabled: true }, {}),
      vault(
        'turned_off',
        ['create'],
        { soft_delete_enabled: false },
        {},
        { soft_delete_enabled: constant(false) },
      ),
      vault('existing_off', ['no-op'], { soft_delete_enabled: false }, {}, {}),
    ],
    { formatVersion: '0.1', terraformVersion: '0.14.11', providers: azurerm },
  );

  it('reads a new vault that leaves it out as soft-delete enabled, Azure’s and the provider’s default', async () => {
    const scanned = await scanDocument(document);
    expect(factOf(resourceOf(scanned, 'azurerm_key_vault.left_out'), 'softDeleteEnabled')).toMatchObject({
      source: 'default',
      value: true,
      path: 'azurerm_key_vault.left_out.soft_delete_enabled',
    });
    expect(findingOf(scanned, 'azure.keyvault.recoverable', 'azurerm_key_vault.left_out').status).toBe(
      'PASS',
    );
  });

  it('reads a value the plan shows as it is', async () => {
    const scanned = await scanDocument(document);
    for (const name of ['turned_off', 'existing_off'])
      expect(factOf(resourceOf(scanned, `azurerm_key_vault.${name}`), 'softDeleteEnabled')).toMatchObject({
        source: 'explicit',
        value: false,
      });
  });
});
